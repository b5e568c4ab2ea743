package org.sparksweep.trainer;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;
import org.sparksweep.data.DataFiles;

/**
 * Reads and writes the files of a trial's checkpoint directory on any Hadoop FileSystem (file:, hdfs:,
 * s3a:, …), with the Hadoop settings Spark gives its own reads. A file is written under a hidden name,
 * synced where the file system can (hsync on HDFS and local disks), and renamed into place, so a
 * trial continuing from it never reads half a model, also after a machine crash.
 */
public final class Checkpoints {
    private Checkpoints() {}

    /** Writes what {@code content} writes to {@code file} in the directory, replacing an older copy. */
    public static void write(String dir, String file, Content content) throws IOException {
        Configuration conf = DataFiles.configuration();
        Path target = new Path(dir, file);
        Path temp = new Path(dir, "_" + file + ".tmp");
        FileSystem fs = target.getFileSystem(conf);
        if (!fs.mkdirs(target.getParent())) throw new IOException("could not create checkpoint directory " + dir);
        try (FSDataOutputStream out = fs.create(temp, true)) {
            content.writeTo(out);
            // on stable storage before the trial that wrote it reports (as the store's files: hsync, else hflush)
            if (out.hasCapability(StreamCapabilities.HSYNC)) out.hsync();
            else if (out.hasCapability(StreamCapabilities.HFLUSH)) out.hflush();
        }
        if (fs.exists(target) && !fs.delete(target, false)) throw new IOException("could not replace checkpoint " + target);
        if (!fs.rename(temp, target)) throw new IOException("could not rename " + temp + " to " + target);
    }

    /** Opens {@code file} in the checkpoint directory; says which file is missing when it is. */
    public static InputStream open(String dir, String file) throws IOException {
        Path path = new Path(dir, file);
        try {
            return path.getFileSystem(DataFiles.configuration()).open(path);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("no checkpoint " + path + " to continue from: the trial it continues was not checkpointed"
                    + " (or its checkpoint was deleted); run the sweep again with run --new");
        }
    }

    /** Writes a checkpoint file's bytes. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}

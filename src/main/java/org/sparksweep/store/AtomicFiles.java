package org.sparksweep.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Every small file the store publishes (a journal record, a batch of trial records, the manifest,
 * the lease) is written the same way: to a hidden temporary sibling, synced to stable storage, then
 * renamed into place, so a reader sees a whole file or none, and a file that is in place survives a
 * crash of the machine that wrote it.
 *
 * <p>What "synced" means depends on the file system (the output stream says what it can):
 * <ul>
 *   <li>local disk (file:): the file is fsync'ed before the rename and its directory after it;</li>
 *   <li>HDFS: {@code hsync()} before close (every datanode of the pipeline has the bytes on disk);
 *       the rename is an atomic namenode operation;</li>
 *   <li>a store whose streams offer only {@code hflush()}: that (the bytes reach every replica's memory);</li>
 *   <li>object stores (S3A): no sync at all, and none is needed: the object exists, durably, once
 *       {@code close()} returns, which is before the rename; the rename itself is a copy and a delete,
 *       not atomic, but it copies a whole object, so a reader still never sees half a file.</li>
 * </ul>
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** How a write treats a target that is already there. */
    public enum IfPresent {
        /** replace it (atomically where the file system can rename over a file) */
        REPLACE,
        /** keep it and drop the new content (another writer of the same content got there first) */
        KEEP,
        /** keep it and report that this write did not happen: an exclusive create */
        FAIL
    }

    /** Writes the temporary file given to it, completely and durably (see {@link #syncedOutputFile}). */
    @FunctionalInterface
    public interface TempWriter {
        void write(FileSystem fs, Path temp) throws IOException;
    }

    /**
     * Publishes {@code bytes} at {@code target}. Returns false only with {@link IfPresent#FAIL} when
     * a file was there already (this write then left nothing behind), and with {@link IfPresent#KEEP}
     * when another writer's file was kept.
     */
    public static boolean write(Path target, byte[] bytes, IfPresent ifPresent, Configuration conf) throws IOException {
        if ("file".equals(target.toUri().getScheme())) {
            return writeLocal(java.nio.file.Path.of(target.toUri()), bytes, ifPresent);
        }
        return publish(raw(target.getFileSystem(conf)), target, ifPresent, conf, (fs, temp) -> {
            try (FSDataOutputStream out = fs.create(temp, false)) {
                out.write(bytes);
                sync(out);
            }
        });
    }

    /**
     * Publishes a file written by {@code writer} to a temporary sibling (whose name starts with
     * {@code _} and ends with {@code .tmp}: Spark's readers and the journal skip it).
     */
    public static boolean publish(FileSystem fs, Path target, IfPresent ifPresent, Configuration conf, TempWriter writer) throws IOException {
        Path temp = new Path(target.getParent(), "_" + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            writer.write(fs, temp);
            if (ifPresent == IfPresent.REPLACE) {
                renameOver(fs, temp, target, conf);
                return true;
            }
            if (fs.rename(temp, target)) return true;
            // HDFS and object stores refuse to rename over an existing file: another writer got there first
            if (!fs.exists(target)) throw new IOException("could not rename " + temp + " to " + target);
            fs.delete(temp, false);
            return false;
        } catch (IOException | RuntimeException e) {
            try {
                fs.delete(temp, false);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Renames over an existing file: atomically where the file system offers it (HDFS, local), else delete and rename. */
    private static void renameOver(FileSystem fs, Path temp, Path target, Configuration conf) throws IOException {
        try {
            FileContext.getFileContext(fs.getUri(), conf).rename(temp, target, Options.Rename.OVERWRITE);
            return;
        } catch (UnsupportedOperationException | org.apache.hadoop.fs.UnsupportedFileSystemException e) {
            // no rename-with-overwrite on this file system (some object store bindings)
        }
        fs.delete(target, false);
        if (!fs.rename(temp, target)) throw new IOException("could not rename " + temp + " to " + target);
    }

    /**
     * Puts what was written on stable storage as far as the stream can: {@code hsync} (data on the
     * disks), else {@code hflush} (data in every replica's memory), else nothing (an object store,
     * where close() is what makes the object exist).
     */
    public static void sync(FSDataOutputStream out) throws IOException {
        if (out.hasCapability(StreamCapabilities.HSYNC)) out.hsync();
        else if (out.hasCapability(StreamCapabilities.HFLUSH)) out.hflush();
    }

    /** A Parquet output file that is synced (as {@link #sync}) before the Parquet writer closes it. */
    public static OutputFile syncedOutputFile(FileSystem fs, Path file) {
        return new OutputFile() {
            @Override
            public PositionOutputStream create(long blockSizeHint) throws IOException {
                return wrap(fs.create(file, false));
            }

            @Override
            public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
                return wrap(fs.create(file, true));
            }

            @Override
            public boolean supportsBlockSize() {
                return false;
            }

            @Override
            public long defaultBlockSize() {
                return fs.getDefaultBlockSize(file);
            }

            @Override
            public String getPath() {
                return file.toString();
            }
        };
    }

    private static PositionOutputStream wrap(FSDataOutputStream out) {
        return new PositionOutputStream() {
            @Override
            public long getPos() {
                return out.getPos();
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                try (OutputStream closing = out) {
                    sync(out);
                }
            }
        };
    }

    /**
     * The same on a local disk (or a mount every executor shares) through java.nio: a third of the
     * Hadoop local file system's cost per file, which matters at thousands of short trials. The file
     * is fsync'ed before it is renamed into place, and the directory after.
     */
    static boolean writeLocal(java.nio.file.Path file, byte[] bytes, IfPresent ifPresent) throws IOException {
        java.nio.file.Path temp = file.resolveSibling("_" + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try {
                writeSynced(temp, bytes);
            } catch (NoSuchFileException e) {
                Files.createDirectories(file.getParent());
                writeSynced(temp, bytes);
            }
            boolean published = true;
            if (ifPresent == IfPresent.REPLACE) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try {
                    Files.createLink(file, temp); // link(2): fails, atomically, when the target exists
                } catch (FileAlreadyExistsException e) {
                    published = false;
                }
                Files.delete(temp);
            }
            syncDirectory(file.getParent());
            return published;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void writeSynced(java.nio.file.Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
    }

    /** Makes a rename in a directory durable (Linux: fsync on the directory); a no-op where directories cannot be opened. */
    private static void syncDirectory(java.nio.file.Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms and file systems cannot open or sync a directory: the file itself is synced
        }
    }

    /** Reads a small file whole; null when it does not exist. */
    public static byte[] readIfPresent(Path file, Configuration conf) throws IOException {
        FileSystem fs = raw(file.getFileSystem(conf));
        try (var in = fs.open(file)) {
            return in.readAllBytes();
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** The local file system without checksum side files: one file per record, not two. */
    static FileSystem raw(FileSystem fs) {
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }
}

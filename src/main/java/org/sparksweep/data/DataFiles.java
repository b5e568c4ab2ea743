package org.sparksweep.data;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.SparkEnv;
import org.apache.spark.deploy.SparkHadoopUtil;

/**
 * Data files are read only through Hadoop's {@link FileSystem}, so {@code file://}, {@code hdfs://},
 * {@code s3a://} and any other Hadoop URI work alike; compressed files ({@code .gz}, {@code .bz2})
 * are decompressed by the codec their extension names.
 */
public final class DataFiles {
    private DataFiles() {}

    /** A URI with a scheme as it is; a plain path made an absolute {@code file:} URI (on the driver, so every executor reads the same file). */
    public static String absolute(String location) {
        if (location.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) return location;
        return Path.of(location).toAbsolutePath().normalize().toUri().toString();
    }

    /**
     * A directory's location as {@link #absolute} makes it, without a trailing slash, so the paths below it
     * join with one {@code /} (a leaderboard root, given as {@code output:} or on the command line).
     */
    public static String absoluteDirectory(String location) {
        return absolute(location).replaceAll("/+$", "");
    }

    /**
     * Hadoop settings as Spark gives them to its own reads: in a Spark JVM (executor or driver)
     * built from its SparkConf, so {@code spark.hadoop.*} settings (e.g. S3 credentials and
     * endpoints) apply to data files too; Hadoop's defaults elsewhere.
     */
    public static Configuration configuration() {
        SparkEnv env = SparkEnv.get();
        Cached c = cached;
        if (c == null || c.env() != env) { // one per JVM (per SparkEnv): building one parses Hadoop's XML defaults
            c = new Cached(env, env == null ? new Configuration() : SparkHadoopUtil.get().newConfiguration(env.conf()));
            cached = c;
        }
        return c.conf();
    }

    private record Cached(SparkEnv env, Configuration conf) {}

    private static volatile Cached cached;

    /** The data files at a location: the file itself, or a directory's visible files (not {@code _…} or {@code .…}), sorted. */
    static List<FileStatus> files(String location, Configuration conf) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        try {
            FileSystem fs = path.getFileSystem(conf);
            FileStatus status = fs.getFileStatus(path);
            List<FileStatus> files = new ArrayList<>();
            if (status.isFile()) {
                files.add(status);
            } else {
                for (FileStatus f : fs.listStatus(path)) {
                    String n = f.getPath().getName();
                    if (f.isFile() && !n.startsWith("_") && !n.startsWith(".")) files.add(f);
                }
                files.sort((a, b) -> a.getPath().toString().compareTo(b.getPath().toString()));
                if (files.isEmpty()) throw new DataException("data directory " + location + " holds no data files");
            }
            return files;
        } catch (FileNotFoundException e) {
            throw new DataException("data file " + location + " does not exist: check data.path", e);
        } catch (IOException e) {
            throw new DataException("cannot read data file " + location + ": " + e.getMessage(), e);
        }
    }

    /** Opens a file, decompressing it when its name ends with a codec's extension such as {@code .gz}. */
    static InputStream open(FileStatus file, Configuration conf) throws IOException {
        FileSystem fs = file.getPath().getFileSystem(conf);
        InputStream raw = fs.open(file.getPath());
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file.getPath());
        return codec == null ? raw : codec.createInputStream(raw);
    }

    /**
     * What identifies the current content of a location: its files' URIs, modification times and
     * lengths. A changed or replaced file changes it, so a cached copy is read again.
     */
    static String fingerprint(String location) {
        StringBuilder sb = new StringBuilder();
        for (FileStatus f : files(location, configuration())) {
            sb.append(f.getPath()).append('@').append(f.getModificationTime()).append('#').append(f.getLen()).append(';');
        }
        return sb.toString();
    }
}

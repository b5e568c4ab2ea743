package org.sparksweep.store;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparksweep.spec.SpecReader;

/**
 * Where a leaderboard root keeps its tables, on any Hadoop FileSystem:
 * <pre>
 *   ROOT/records/sweep=NAME/      trial records as they arrive (appended in batches)
 *   ROOT/leaderboard/sweep=NAME/  the ranked table, rewritten by the reduce step
 * </pre>
 * Both are partitioned by sweep, so sweeps under one root sit side by side.
 */
public record SweepStore(String root) {

    public String recordsRoot() {
        return root + "/records";
    }

    public String leaderboardRoot() {
        return root + "/leaderboard";
    }

    public String records(String sweep) {
        return recordsRoot() + "/" + Columns.SWEEP + "=" + sweep;
    }

    public String leaderboard(String sweep) {
        return leaderboardRoot() + "/" + Columns.SWEEP + "=" + sweep;
    }

    public boolean exists(String path, Configuration conf) throws IOException {
        Path p = new Path(path);
        return p.getFileSystem(conf).exists(p);
    }

    public void delete(String path, Configuration conf) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        if (fs.exists(p) && !fs.delete(p, true)) throw new IOException("could not delete " + path);
    }

    /** A root given as a plain path is made an absolute file: URI; URIs with a scheme are kept. */
    public static SweepStore at(String rootPathOrUri) {
        return new SweepStore(SpecReader.absoluteOutput(rootPathOrUri));
    }
}

package org.sparksweep.store;

import org.sparksweep.data.DataFiles;

/**
 * Where a leaderboard root keeps its tables, on any Hadoop FileSystem:
 * <pre>
 *   ROOT/records/sweep=NAME/      trial records as they arrive (appended in batches)
 *   ROOT/leaderboard/sweep=NAME/  the ranked table, rewritten by the reduce step
 *   ROOT/curves/sweep=NAME/       the learning curves: metrics per trial and step, appended with the records
 *   ROOT/checkpoints/sweep=NAME/trial=ID/  a trial's model, for the trials that continue it (successive halving)
 *   ROOT/provenance/sweep=NAME/   how the sweep's last run went (spec, Spark master, duration), as JSON
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

    public String curvesRoot() {
        return root + "/curves";
    }

    public String curves(String sweep) {
        return curvesRoot() + "/" + Columns.SWEEP + "=" + sweep;
    }

    public String checkpoints(String sweep) {
        return root + "/checkpoints/" + Columns.SWEEP + "=" + sweep;
    }

    /** The checkpoint directory of one trial. */
    public String checkpoint(String sweep, String trialId) {
        return trialCheckpoint(checkpoints(sweep), trialId);
    }

    /** The checkpoint directory of one trial, given its sweep's {@link #checkpoints} directory. */
    public static String trialCheckpoint(String checkpoints, String trialId) {
        return checkpoints + "/trial=" + trialId;
    }

    public String leaderboard(String sweep) {
        return leaderboardRoot() + "/" + Columns.SWEEP + "=" + sweep;
    }

    public String provenance(String sweep) {
        return root + "/provenance/" + Columns.SWEEP + "=" + sweep + "/" + SweepProvenance.FILE;
    }

    /** A root given as a plain path is made an absolute file: URI; URIs with a scheme are kept. */
    public static SweepStore at(String rootPathOrUri) {
        return new SweepStore(DataFiles.absoluteDirectory(rootPathOrUri));
    }
}

package org.sparksweep.spec;

import org.sparksweep.trial.Objective;

import java.io.Serializable;
import org.sparksweep.data.DataFiles;
import org.sparksweep.data.DataSpec;
import org.sparksweep.search.SearchSettings;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Goals;

/**
 * A validated sweep: everything needed to run it, nothing left to default later. It describes the search;
 * the engine builds the strategy from it ({@code SweepRunner.newStrategy}).
 *
 * @param source   where the spec was read from (for messages)
 * @param data     null when the trainer needs no data
 * @param output   leaderboard root as a Hadoop FileSystem URI (a local path is made absolute, file:)
 * @param specHash hash of the spec's canonical content: the same spec gives the same hash
 * @param resources what one trial needs on an executor ({@link Resources#DEFAULT} without a resources block)
 * @param limits   stop conditions and trial timeout ({@code stop:}, {@code budget:})
 * @param content  the spec's search-relevant content (name, data, model, objective, search, space) as
 *                 canonical JSON: what must not change when a sweep is resumed
 * @param goals     every objective (the first is {@code objective}), the scalarization and the constraints
 */
public record SweepSpec(
        String source,
        String name,
        DataSpec data,
        ModelSpec model,
        Objective objective,
        SearchSettings search,
        SearchSpace space,
        String output,
        String specHash,
        Resources resources,
        SweepLimits limits,
        String content,
        Goals goals) implements Serializable {

    public static final String DEFAULT_OUTPUT = "./sweeps";

    /** The same sweep with its leaderboard under another root (a path or a Hadoop FileSystem URI). */
    public SweepSpec withOutput(String root) {
        return new SweepSpec(source, name, data, model, objective, search, space, DataFiles.absoluteDirectory(root), specHash,
                resources, limits, content, goals);
    }

    /** A sweep without limits whose content is only known by its hash. */
    public SweepSpec(String source, String name, DataSpec data, ModelSpec model, Objective objective, SearchSettings search,
                     SearchSpace space, String output, String specHash) {
        this(source, name, data, model, objective, search, space, output, specHash, Resources.DEFAULT, SweepLimits.NONE, "{\"hash\":\"" + specHash + "\"}",
                Goals.of(objective));
    }

    /** The same sweep with other limits. */
    public SweepSpec withLimits(SweepLimits newLimits) {
        return new SweepSpec(source, name, data, model, objective, search, space, output, specHash, resources, newLimits, content, goals);
    }
}

package org.sparksweep.engine;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sparksweep.data.DataCache;
import org.sparksweep.data.DataShape;
import org.sparksweep.search.IndexDecoder;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.trainer.Trainer;
import org.sparksweep.trainer.Trainers;
import org.sparksweep.trial.Constraint;
import org.sparksweep.trial.TrialId;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * Checks, on the driver and before dispatch, the constraints whose quantity the trainer can predict
 * from a config alone (a network's parameter count or memory estimate): a config that breaks one is
 * recorded as SKIPPED_CONSTRAINT with its predicted values and never trained; the others are
 * submitted in runs of consecutive indices. Without such constraints it submits ranges as they are
 * and decodes nothing, so the driver still never walks the search space.
 */
final class ConstraintGate {
    private final SweepSpec spec;
    private final Trainer trainer;
    private final List<Constraint> predictable;
    private DataShape shape;
    private long skipped;

    ConstraintGate(SweepSpec spec) {
        this.spec = spec;
        this.trainer = Trainers.get(spec.model().trainer());
        this.predictable = spec.goals() == null ? List.of() : spec.goals().predictable(trainer.predicted());
    }

    /** Submits the trials of [from, to) that may keep the constraints; reports the others as skipped. */
    void submit(IndexDecoder decoder, TrialDispatcher dispatcher, long from, long to) {
        if (predictable.isEmpty()) {
            dispatcher.submit(from, to, decoder);
            return;
        }
        long runStart = from;
        for (long i = from; i < to; i++) {
            TrialResult skip = check(decoder, i);
            if (skip == null) continue;
            if (runStart < i) dispatcher.submit(runStart, i, decoder);
            runStart = i + 1;
            dispatcher.skip(skip);
            skipped++;
        }
        if (runStart < to) dispatcher.submit(runStart, to, decoder);
    }

    long skipped() {
        return skipped;
    }

    /** The skipped result for trial {@code index}, or null when it may run (also when it cannot be predicted). */
    TrialResult check(IndexDecoder decoder, long index) {
        TrialConfig config;
        Map<String, Double> predicted;
        try {
            config = decoder.decode(index);
            Map<String, Object> settings = new HashMap<>(spec.model().settings());
            settings.putAll(config.values());
            predicted = trainer.predict(settings, shape());
        } catch (Exception e) {
            return null; // cannot tell from the config: the trial runs and reports its real values
        }
        List<String> broken = spec.goals().broken(predictable.stream().filter(c -> predicted.containsKey(c.quantity())).toList(), predicted, 0);
        if (broken.isEmpty()) return null;
        Instant now = Instant.now();
        return new TrialResult(TrialId.of(spec.name(), config, spec.search().seed()), index, config, spec.search().seed(),
                TrialStatus.SKIPPED_CONSTRAINT, predicted, null, "not trained: predicted " + String.join(", ", broken), now, now, 0,
                null, null);
    }

    /** The data's shape, loaded once on the driver (through the same per-JVM cache as the executors). */
    private DataShape shape() {
        if (!trainer.needsData() || spec.data() == null) return null;
        if (shape == null) shape = DataShape.of(DataCache.get(spec.data()).train());
        return shape;
    }
}

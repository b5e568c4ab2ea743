package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.sparksweep.search.gp.GaussianProcessOptimizer;
import org.sparksweep.search.gp.GaussianProcessOptimizer.Observation;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialResult;

/**
 * Bayesian optimisation with a Gaussian process ({@link GaussianProcessOptimizer}): the first
 * {@code startupTrials} trials are points of a scrambled Sobol' design (seeded), every later one is
 * proposed by the optimiser from a model of all results so far. (A random start measured the same on
 * Hartmann-6 over 300 seeds; see the benchmarks page.) What it learns from a result:
 * <ul>
 *   <li>COMPLETED: the objective (sign flipped when maximising);</li>
 *   <li>SKIPPED_CONSTRAINT (the trial broke a constraint, predicted or measured): infeasible, and as
 *   bad as the worst result seen, whatever value it reached: a feasibility model and the objective
 *   model both steer proposals away from it;</li>
 *   <li>DIVERGED: as bad as the worst result seen (a learning rate that blows up is informative);</li>
 *   <li>FAILED and TIMEOUT: nothing (the cause may have nothing to do with the config).</li>
 * </ul>
 * Trials still running are accounted for (see the optimiser), so k free slots get k different
 * proposals. Deterministic given the seed and the order of results.
 */
public final class GpStrategy implements Strategy {
    /** @param startupTrials trials from the Sobol' design before the model proposes */
    public record Settings(long trials, long seed, boolean minimize, int startupTrials, GaussianProcessOptimizer.Settings model) {
        public Settings {
            if (trials < 1) throw new IllegalArgumentException("trials must be >= 1");
            if (startupTrials < 1) throw new IllegalArgumentException("startup trials must be >= 1");
        }
    }

    private final SearchSpace space;
    private final Settings settings;
    private final SobolSequence design;
    private final GaussianProcessOptimizer optimizer;
    private final List<Observation> observations = new ArrayList<>();
    private final Proposals proposals;

    public GpStrategy(SearchSpace space, Settings settings) {
        this.space = space;
        this.settings = settings;
        int dimensions = Math.max(1, space.parameters().size());
        this.design = new SobolSequence(dimensions, settings.seed());
        this.optimizer = new GaussianProcessOptimizer(space, settings.model(), settings.seed(), seed -> new SobolSequence(dimensions, seed));
        this.proposals = new Proposals("GP", settings.trials());
    }

    @Override
    public Proposal ask(int max) {
        return proposals.take(max, this::propose);
    }

    @Override
    public boolean adaptive() {
        return true;
    }

    @Override
    public void tell(TrialResult result) {
        TrialConfig config = proposals.told(result.index());
        if (config != null) observe(config, result);
    }

    @Override
    public void learn(TrialResult result) {
        observe(result.config(), result);
    }

    @Override
    public void resume(List<TrialResult> recorded) {
        proposals.resumeAfter(recorded, settings.trials());
        for (TrialResult r : recorded) observe(r.config(), r);
    }

    @Override
    public OptionalLong plannedTrials() {
        return OptionalLong.of(settings.trials());
    }

    @Override
    public IndexDecoder decoder() {
        return proposals.decoder();
    }

    private void observe(TrialConfig config, TrialResult r) {
        Double loss = r.objective() == null || Double.isNaN(r.objective()) ? null : settings.minimize() ? r.objective() : -r.objective();
        switch (r.status()) {
            case COMPLETED -> {
                if (loss != null && Double.isFinite(loss)) observations.add(new Observation(config, loss, true));
            }
            case SKIPPED_CONSTRAINT -> observations.add(new Observation(config, Double.POSITIVE_INFINITY, false));
            case DIVERGED -> observations.add(new Observation(config, Double.POSITIVE_INFINITY, true));
            case FAILED, TIMEOUT -> { }
        }
    }

    /** Proposal number i: from the Sobol' design until enough results are in, then from the model. */
    TrialConfig propose(long number) {
        if (observations.size() >= settings.startupTrials()) {
            TrialConfig c = optimizer.propose(observations, proposals.runningConfigs(), number);
            if (c != null) return c;
        }
        return space.sample(number, design);
    }
}

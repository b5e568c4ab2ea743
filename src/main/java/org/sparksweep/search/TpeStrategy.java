package org.sparksweep.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import org.sparksweep.space.Condition;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * Tree-structured Parzen Estimator (Bergstra et al., 2011). After a seeded start of random trials,
 * finished trials are split into the best few ("good": ceil(0.1 n), at most 25) and the rest ("bad");
 * a density l is fitted to the good observations and g to the bad ones ({@link ParzenEstimator}),
 * candidates are drawn from l, and the one with the highest l/g wins. Numeric parameters are modelled
 * in the unit interval their domain samples from (so log, integer and quantised scales come for
 * free; a drawn value is scored as drawn, then rounded by its domain), choices by smoothed
 * per-observation distributions.
 * <p>
 * Univariate (the default): one density per parameter, in parents-first order, so that a conditional
 * parameter is drawn only when its parent's value activates it. Multivariate: one joint density per
 * group of parameters that are active together (the unconditional ones form one group, each distinct
 * activating condition another), with a product kernel per observation, so proposals follow how
 * parameters interact; the good/bad split is the same for every group. Each kernel's width per
 * parameter comes from the neighbour gaps as in the univariate case (Optuna's multivariate TPE uses
 * Scott's rule instead, which measured much worse here). Multivariate is far better on smooth
 * functions (Branin, Hartmann6) and worse on highly multimodal ones (Rastrigin), so it is an option.
 * <p>
 * Trials that broke a constraint (SKIPPED_CONSTRAINT) count as bad observations, never good ones, so
 * proposals move away from infeasible regions. Parallel proposals: trials still running are counted
 * as bad too ("constant liar"), so proposals made while others run spread out instead of piling onto
 * the same spot. A proposal depends only on the seed, its number and the results told before it, so
 * a sweep is reproducible given the order of its results.
 */
public final class TpeStrategy implements Strategy {
    /** Whether {@link Settings#of} models parameters jointly: measured better on six of eight test functions (see the strategies page). */
    static final boolean MULTIVARIATE_DEFAULT = true;

    /** Settings; {@link #of} gives the usual defaults: 10 random trials first, 24 candidates, gamma 0.1 capped at 25. */
    public record Settings(long trials, long seed, boolean minimize, int startupTrials, int candidates, int parallelism,
            boolean multivariate) {
        public Settings {
            if (trials < 1) throw new IllegalArgumentException("trials must be >= 1");
            if (startupTrials < 1) throw new IllegalArgumentException("startup trials must be >= 1");
            if (candidates < 1) throw new IllegalArgumentException("candidates must be >= 1");
            if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1");
        }

        public static Settings of(long trials, long seed, boolean minimize, int parallelism) {
            return new Settings(trials, seed, minimize, 10, 24, parallelism, MULTIVARIATE_DEFAULT);
        }

        public Settings withMultivariate(boolean joint) {
            return new Settings(trials, seed, minimize, startupTrials, candidates, parallelism, joint);
        }
    }

    /**
     * A finished trial; {@code order} is when it was told, so older observations can weigh less.
     * Infeasible trials (broke a constraint) have no usable loss and are always bad.
     */
    private record Observation(TrialConfig config, double loss, long order, boolean feasible) {}

    private final SearchSpace space;
    private final Settings settings;
    private final List<Observation> finished = new ArrayList<>();
    private final Proposals proposals;
    /** The multivariate groups: parameters active under the same condition, in parents-first order of their first member. */
    private final Map<Parameter, List<Parameter>> groupOf = new HashMap<>();

    public TpeStrategy(SearchSpace space, Settings settings) {
        this.space = space;
        this.settings = settings;
        this.proposals = new Proposals("TPE", settings.trials());
        Map<Condition, List<Parameter>> byCondition = new LinkedHashMap<>();
        for (Parameter p : space.parentsFirst()) {
            if (p.domain() instanceof Domain.Fixed) continue;
            List<Parameter> group = byCondition.computeIfAbsent(p.when(), c -> new ArrayList<>());
            group.add(p);
            groupOf.put(p, group);
        }
    }

    @Override
    public Proposal ask(int max) {
        int room = Math.min(max, settings.parallelism() - proposals.running());
        if (room <= 0) return proposals.spent() ? new Proposal.Done() : new Proposal.Wait();
        return proposals.take(room, this::propose);
    }

    @Override
    public boolean adaptive() {
        return true;
    }

    /**
     * Learns from a resumed sweep's recorded trials (their configs and objectives), counts them against
     * the budget and numbers new proposals after the highest recorded index. Trials that were running
     * when the earlier run stopped have no record; their budget goes to new proposals.
     */
    @Override
    public void resume(List<TrialResult> recorded) {
        proposals.resumeAfter(recorded, settings.trials());
        for (TrialResult r : recorded) observe(r.config(), r);
    }

    @Override
    public void tell(TrialResult result) {
        TrialConfig config = proposals.told(result.index());
        if (config == null) return; // not one of ours, or told twice
        observe(config, result);
    }

    @Override
    public void learn(TrialResult result) {
        observe(result.config(), result);
    }

    private void observe(TrialConfig config, TrialResult result) {
        if (result.status() == TrialStatus.SKIPPED_CONSTRAINT) {
            finished.add(new Observation(config, Double.POSITIVE_INFINITY, finished.size(), false));
        } else if (result.status() == TrialStatus.COMPLETED && result.objective() != null && Double.isFinite(result.objective())) {
            finished.add(new Observation(config, settings.minimize() ? result.objective() : -result.objective(), finished.size(), true));
        }
    }

    @Override
    public OptionalLong plannedTrials() {
        return OptionalLong.of(settings.trials());
    }

    /** The configs proposed and not yet told: a snapshot, to be taken after each {@link #ask}. */
    @Override
    public IndexDecoder decoder() {
        return proposals.decoder();
    }

    /** Proposal number i: random while fewer than the start-up trials have finished, then model-based. */
    TrialConfig propose(long number) {
        if (finished.size() < settings.startupTrials()) return space.sample(settings.seed(), number);
        SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L ^ (number + 1) * 0xBF58476D1CE4E5B9L);
        List<Observation> feasible = new ArrayList<>(finished.stream().filter(Observation::feasible).toList());
        feasible.sort(Comparator.comparingDouble(Observation::loss));
        int goodCount = (int) Math.min(feasible.size(), Math.max(1, Math.min(25, Math.ceil(0.1 * finished.size()))));
        Set<Observation> goodSet = new HashSet<>(feasible.subList(0, goodCount));
        List<TrialConfig> good = new ArrayList<>(), bad = new ArrayList<>();
        for (Observation o : finished) (goodSet.contains(o) ? good : bad).add(o.config()); // in the order told
        bad.addAll(proposals.runningConfigs()); // constant liar: running trials count as bad
        Map<String, Object> values = new HashMap<>();
        for (Parameter p : space.parentsFirst()) {
            if (values.containsKey(p.name())) continue; // drawn with its group
            if (p.conditional() && !p.when().holdsFor(values.get(p.when().parent()))) continue;
            if (p.domain() instanceof Domain.Fixed f) {
                values.put(p.name(), f.value());
            } else if (settings.multivariate()) {
                values.putAll(draw(groupOf.get(p), good, bad, random));
            } else {
                values.putAll(draw(List.of(p), good, bad, random));
            }
        }
        LinkedHashMap<String, Object> ordered = new LinkedHashMap<>();
        for (Parameter p : space.parameters()) if (values.containsKey(p.name())) ordered.put(p.name(), values.get(p.name()));
        return new TrialConfig(ordered);
    }

    /** Values for a group of parameters active together: the best of the candidates drawn from l by l/g. */
    private Map<String, Object> draw(List<Parameter> group, List<TrialConfig> good, List<TrialConfig> bad, SplittableRandom random) {
        ParzenEstimator.Kind[] kinds = new ParzenEstimator.Kind[group.size()];
        for (int d = 0; d < kinds.length; d++) {
            Domain domain = group.get(d).domain();
            kinds[d] = domain.ordered() ? new ParzenEstimator.Numeric(0) : new ParzenEstimator.Categorical((int) domain.gridSize());
        }
        // widths from the neighbour gaps also for joint kernels (not Scott's rule): see ParzenEstimator
        ParzenEstimator l = new ParzenEstimator(kinds, observations(group, good), false);
        ParzenEstimator g = new ParzenEstimator(kinds, observations(group, bad), false);
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < settings.candidates(); c++) {
            double[] x = l.sample(random);
            double score = l.logDensity(x) - g.logDensity(x);
            if (best == null || score > bestScore) {
                bestScore = score;
                best = x;
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (int d = 0; d < kinds.length; d++) {
            Domain domain = group.get(d).domain();
            values.put(group.get(d).name(), domain.ordered() ? domain.sample(Math.min(best[d], Math.nextDown(1.0))) : domain.gridValue((long) best[d]));
        }
        return values;
    }

    /** Per parameter of the group, the unit value or choice index of each config that has them all, in order. */
    private static double[][] observations(List<Parameter> group, List<TrialConfig> configs) {
        List<double[]> rows = new ArrayList<>();
        for (TrialConfig c : configs) {
            double[] row = new double[group.size()];
            boolean usable = true;
            for (int d = 0; d < row.length && usable; d++) {
                Parameter p = group.get(d);
                if (!c.has(p.name())) {
                    usable = false;
                } else if (p.domain().ordered()) {
                    row[d] = p.domain().unit(c.get(p.name()));
                } else {
                    long j = p.domain().indexOf(c.get(p.name()));
                    usable = j >= 0;
                    row[d] = j;
                }
            }
            if (usable) rows.add(row);
        }
        double[][] byDimension = new double[group.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int d = 0; d < group.size(); d++) byDimension[d][i] = rows.get(i)[d];
        return byDimension;
    }
}

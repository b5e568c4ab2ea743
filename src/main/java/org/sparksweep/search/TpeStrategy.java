package org.sparksweep.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * Tree-structured Parzen Estimator (Bergstra et al., 2011). After a seeded start of random trials,
 * finished trials are split into the best few ("good") and the rest ("bad"); for every parameter,
 * in parents-first order so that a conditional parameter is drawn only when its parent's value
 * activates it, a density l is fitted to its good values and g to its bad ones, candidates are drawn
 * from l, and the one with the highest l/g wins. Numeric parameters are modelled in the unit
 * interval their domain samples from (so log, integer and quantised scales come for free),
 * choices by smoothed counts.
 * <p>
 * Parallel proposals: trials still running are counted as bad ("constant liar"), so proposals made
 * while others run spread out instead of piling onto the same spot. A proposal depends only on the
 * seed, its number and the results told before it, so a sweep is reproducible given the order of
 * its results.
 */
public final class TpeStrategy implements Strategy {
    /** Settings with the usual defaults: 10 random trials first, 24 candidates, gamma 0.1 capped at 25. */
    public record Settings(long trials, long seed, boolean minimize, int startupTrials, int candidates, int parallelism) {
        public Settings {
            if (trials < 1) throw new IllegalArgumentException("trials must be >= 1");
            if (startupTrials < 1) throw new IllegalArgumentException("startup trials must be >= 1");
            if (candidates < 1) throw new IllegalArgumentException("candidates must be >= 1");
            if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1");
        }

        public static Settings of(long trials, long seed, boolean minimize, int parallelism) {
            return new Settings(trials, seed, minimize, 10, 24, parallelism);
        }
    }

    /** A finished trial; {@code order} is when it was told, so older observations can weigh less. */
    private record Observation(TrialConfig config, double loss, long order) {}

    private final SearchSpace space;
    private final Settings settings;
    private final List<Observation> finished = new ArrayList<>();
    private final Proposals proposals;

    public TpeStrategy(SearchSpace space, Settings settings) {
        this.space = space;
        this.settings = settings;
        this.proposals = new Proposals("TPE", settings.trials());
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
        if (result.status() == TrialStatus.COMPLETED && result.objective() != null && Double.isFinite(result.objective())) {
            finished.add(new Observation(config, settings.minimize() ? result.objective() : -result.objective(), finished.size()));
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
        List<Observation> sorted = new ArrayList<>(finished);
        sorted.sort(Comparator.comparingDouble(Observation::loss));
        int n = sorted.size();
        int goodCount = (int) Math.max(1, Math.min(25, Math.ceil(0.1 * n)));
        List<TrialConfig> good = inOrderTold(sorted.subList(0, goodCount));
        List<TrialConfig> bad = new ArrayList<>(inOrderTold(sorted.subList(goodCount, n)));
        bad.addAll(proposals.runningConfigs()); // constant liar: running trials count as bad
        Map<String, Object> values = new HashMap<>();
        for (Parameter p : space.parentsFirst()) {
            if (p.conditional() && !p.when().holdsFor(values.get(p.when().parent()))) continue;
            values.put(p.name(), draw(p, good, bad, random));
        }
        LinkedHashMap<String, Object> ordered = new LinkedHashMap<>();
        for (Parameter p : space.parameters()) if (values.containsKey(p.name())) ordered.put(p.name(), values.get(p.name()));
        return new TrialConfig(ordered);
    }

    private Object draw(Parameter p, List<TrialConfig> good, List<TrialConfig> bad, SplittableRandom random) {
        Domain d = p.domain();
        if (d instanceof Domain.Fixed f) return f.value();
        if (d.ordered()) {
            ParzenEstimator l = new ParzenEstimator(units(p, good)), g = new ParzenEstimator(units(p, bad));
            double best = Double.NaN, bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < settings.candidates(); c++) {
                double u = l.sample(random);
                double score = l.logDensity(u) - g.logDensity(u);
                if (score > bestScore) {
                    bestScore = score;
                    best = u;
                }
            }
            return d.sample(Math.min(best, Math.nextDown(1.0)));
        }
        int k = (int) d.gridSize();
        double[] l = counts(p, good, k), g = counts(p, bad, k);
        double lTotal = sum(l);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < settings.candidates(); c++) {
            double r = random.nextDouble() * lTotal;
            int j = 0;
            while (j < k - 1 && (r -= l[j]) >= 0) j++;
            double score = Math.log(l[j] / lTotal) - Math.log(g[j] / sum(g));
            if (score > bestScore) {
                bestScore = score;
                best = j;
            }
        }
        return d.gridValue(best);
    }

    private static List<TrialConfig> inOrderTold(List<Observation> observations) {
        return observations.stream().sorted(Comparator.comparingLong(Observation::order)).map(Observation::config).toList();
    }

    private static double[] units(Parameter p, List<TrialConfig> configs) {
        return configs.stream().filter(c -> c.has(p.name())).mapToDouble(c -> p.domain().unit(c.get(p.name()))).toArray();
    }

    /** Observed counts per value plus a prior weight spread evenly over the values. */
    private static double[] counts(Parameter p, List<TrialConfig> configs, int k) {
        double[] w = new double[k];
        java.util.Arrays.fill(w, ParzenEstimator.PRIOR_WEIGHT / k);
        for (TrialConfig c : configs) {
            if (!c.has(p.name())) continue;
            long j = p.domain().indexOf(c.get(p.name()));
            if (j >= 0) w[(int) j] += 1;
        }
        return w;
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) s += v;
        return s;
    }
}

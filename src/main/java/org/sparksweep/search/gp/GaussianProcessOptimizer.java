package org.sparksweep.search.gp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;

/**
 * Proposes the next config of a Bayesian optimisation with a Gaussian process: fits the model to
 * the trials so far, conditions it on the trials still running as if each returned an average
 * result (so the next proposal looks elsewhere), and maximises the {@link Acquisition} over the
 * space — quasi-random candidates and perturbations of the best trials are scored, the best few
 * refined by gradient (continuous dimensions) and by trying every value (categorical and short
 * discrete ones), and the best config not yet tried wins.
 * <p>
 * Once the search has stalled — the best loss improved by less than 0.1% of its distance to the
 * median loss over the last {@value #STALL_WINDOW} results — half of the proposals leave the
 * incumbent's basin, and three in four once the stall has lasted twice as long. One in four is a
 * point of a scrambled Sobol' sequence over the whole space; the others maximise expected improvement
 * over a <em>second basin's</em> best value within {@value #BASIN_HALF_WIDTH} of it: the best result
 * that is the best within its own neighbourhood (one unit of the kernel's length-scale-weighted
 * distance) and lies outside the incumbent's. A new best ends the stall. Expected improvement alone
 * never leaves a basin it has converged in: a model that has seen the incumbent's neighbourhood
 * closely predicts little to gain anywhere else, spends its proposals between the incumbent and the
 * box's corners, and a promising result elsewhere is not followed up because it is worse than the
 * incumbent. Three in four from the first stall on slowed a search still descending slowly
 * (Levy-10, see the benchmarks page); a stall twice as long is rarer there.
 * <p>
 * Cost: hyperparameters are refitted once per new result up to 100 results and less often beyond
 * ({@link #refitEvery}), warm-started from the previous fit (from fresh starts too while results are
 * few and at every tenth fit); past {@code maxPoints} results the model keeps the best half and the
 * most recent ones, so a proposal's cost stops growing there. Deterministic given the seed, the
 * proposal number and the results in order.
 */
public final class GaussianProcessOptimizer {
    /**
     * A finished trial as the model sees it.
     *
     * @param loss     the value to minimise; +infinity for a trial that diverged, counted as bad as the
     *                 worst loss seen; null when the trial has none (never trained)
     * @param feasible false when the trial broke a constraint
     */
    public record Observation(TrialConfig config, Double loss, boolean feasible) {}

    /**
     * @param candidates    quasi-random points scored per proposal (before local refinement)
     * @param maxPoints     most observations the model conditions on
     * @param fitIterations L-BFGS iterations per start when fitting hyperparameters
     * @param perfectLoss   the loss no trial can beat (-1 for a maximised accuracy), so the model sees each
     *                      loss as its gap to perfect on a log scale ({@link OutputWarping}); NaN when the
     *                      objective has no such bound
     */
    public record Settings(int candidates, int maxPoints, int fitIterations, double perfectLoss) {
        public static Settings defaults() {
            return new Settings(1024, 400, 60, Double.NaN);
        }
    }

    private static final int STARTS = 5, LOCAL_AROUND = 5, LOCAL_EACH = 64, RESTART_EVERY = 10;
    /** Results over which the best loss must have moved for the search not to count as stalled. */
    static final int STALL_WINDOW = 10;
    /** How far (per continuous dimension, in the unit cube) a second basin's search looks from its best result. */
    static final double BASIN_HALF_WIDTH = 0.15;
    private static final double STALL_TOLERANCE = 1e-3, NEIGHBOURHOOD = 1;
    private static final int BASIN_CANDIDATES = 512;
    private static final long EXPLORATION_STREAM = 0x5DEECE66DL;

    private final SearchSpace space;
    private final SpaceEncoding encoding;
    private final Settings settings;
    private final long seed;
    private final LongFunction<SearchSpace.UnitCoordinates> candidateSequence;
    private Kernel objectiveKernel, feasibilityKernel;
    private int fittedObservations = -1;

    /**
     * @param candidateSequence a low-discrepancy sequence over the space's parameters for a seed (a
     *                          scrambled Sobol' sequence), from which each proposal draws its candidates
     */
    public GaussianProcessOptimizer(SearchSpace space, Settings settings, long seed, LongFunction<SearchSpace.UnitCoordinates> candidateSequence) {
        this.space = space;
        this.candidateSequence = candidateSequence;
        this.encoding = new SpaceEncoding(space);
        this.settings = settings;
        this.seed = seed;
    }

    /**
     * Proposal {@code number}, given every finished trial (in the order told) and the configs still
     * running; null when the model has too little to go on (fewer than two losses and no constraint
     * information) or when every candidate has been tried already.
     */
    public TrialConfig propose(List<Observation> observations, Collection<TrialConfig> pending, long number) {
        if (encoding.dimensions() == 0) return null;
        double worst = observations.stream().map(Observation::loss).filter(l -> l != null && Double.isFinite(l))
                .mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        List<Observation> scored = observations.stream()
                .filter(o -> o.loss() != null && (Double.isFinite(o.loss()) || (o.loss() == Double.POSITIVE_INFINITY && !Double.isNaN(worst))))
                .map(o -> Double.isFinite(o.loss()) ? o : new Observation(o.config(), worst, o.feasible()))
                .toList();
        boolean constrained = observations.stream().anyMatch(o -> !o.feasible());
        if (scored.size() < 2 && !constrained) return null;
        Set<TrialConfig> tried = new HashSet<>(pending);
        for (Observation o : observations) tried.add(o.config());
        Leave leave = leave(stall(scored), number);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (number + 1) * 0xC2B2AE3D27D4EB4FL);
        int n = observations.size();
        boolean refit = fittedObservations < 0 || n - fittedObservations >= refitEvery(n);
        boolean restart = n < 30 || n % (RESTART_EVERY * refitEvery(n)) < refitEvery(n);
        if (refit) fittedObservations = n;

        GaussianProcess objective = null;
        double best = Double.NaN;
        List<double[]> topPoints = new ArrayList<>();
        double[][] x = null;
        double[] y = null;
        List<Observation> kept = List.of();
        if (scored.size() >= 2) {
            kept = subset(scored);
            x = new double[kept.size()][];
            y = new double[kept.size()];
            OutputWarping warping = OutputWarping.fit(kept.stream().mapToDouble(Observation::loss).toArray(), settings.perfectLoss());
            for (int i = 0; i < x.length; i++) {
                x[i] = encoding.encode(kept.get(i).config());
                y[i] = warping.apply(kept.get(i).loss());
                if (kept.get(i).feasible() && !(y[i] >= best)) best = y[i];
            }
            if (refit || objectiveKernel == null) {
                objectiveKernel = HyperparameterFit.fit(x, y, encoding.categorical(), objectiveKernel, restart, settings.fitIterations());
            }
            objective = GaussianProcess.condition(x, y, encoding.categorical(), objectiveKernel);
            objective = believing(objective, x, y, pending);
            Integer[] order = new Integer[x.length];
            for (int i = 0; i < order.length; i++) order[i] = i;
            double[] yy = y;
            java.util.Arrays.sort(order, Comparator.comparingDouble(i -> yy[i]));
            for (int i = 0; i < Math.min(LOCAL_AROUND, order.length); i++) topPoints.add(x[order[i]]);
        }
        GaussianProcess feasibility = constrained ? feasibilityModel(observations, refit, restart) : null;
        Acquisition acquisition = new Acquisition(objective, best, feasibility);
        if (!acquisition.informative()) return null;
        if (leave == Leave.EXPLORE) {
            TrialConfig c = explorationPoint(number, tried, feasibility);
            if (c != null) return c;
        }
        if (leave == Leave.SECOND_BASIN && objective != null) {
            TrialConfig c = secondBasin(objective, feasibility, kept, x, y, tried, random);
            if (c != null) return c;
        }
        return maximise(acquisition, topPoints, tried, random);
    }

    enum Leave { NO, EXPLORE, SECOND_BASIN }

    /** How long the best loss has not moved: not at all, {@value #STALL_WINDOW} results, twice that. */
    enum Stall { NONE, STALLED, LONG }

    static Stall stall(List<Observation> scored) {
        return stalled(scored, 2 * STALL_WINDOW) ? Stall.LONG : stalled(scored, STALL_WINDOW) ? Stall.STALLED : Stall.NONE;
    }

    /**
     * What proposal {@code number} does: out of every four, a stalled search leaves the incumbent's
     * basin with the second (a quasi-random point) and the fourth (the second basin), a long-stalled
     * one with the third as well (the second basin again); the first stays with expected improvement.
     */
    static Leave leave(Stall stall, long number) {
        long phase = Math.floorMod(number, 4L);
        if (stall == Stall.NONE || phase == 0 || (stall == Stall.STALLED && phase == 2)) return Leave.NO;
        return phase == 1 ? Leave.EXPLORE : Leave.SECOND_BASIN;
    }

    /**
     * True when the best feasible loss of the last {@code window} results is within 0.1% of
     * (median loss - best loss) of the best before them, with at least twice that many results.
     */
    static boolean stalled(List<Observation> scored, int window) {
        int n = scored.size();
        if (n < 2 * window) return false;
        double best = Double.POSITIVE_INFINITY, before = Double.POSITIVE_INFINITY;
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            Observation o = scored.get(i);
            losses[i] = o.loss();
            if (o.feasible()) {
                best = Math.min(best, o.loss());
                if (i < n - window) before = best;
            }
        }
        if (!Double.isFinite(before)) return false;
        java.util.Arrays.sort(losses);
        return before - best <= STALL_TOLERANCE * (losses[n / 2] - best);
    }

    /**
     * Point {@code number} of a scrambled Sobol' sequence of its own over the whole space, or the
     * first after it not tried yet and, when some trials broke a constraint, more likely feasible
     * than not under the feasibility model; null when none of the next 1,000 is.
     */
    private TrialConfig explorationPoint(long number, Set<TrialConfig> tried, GaussianProcess feasibility) {
        SearchSpace.UnitCoordinates sequence = candidateSequence.apply(seed ^ EXPLORATION_STREAM);
        for (long i = number; i < number + 1000; i++) {
            TrialConfig c = space.sample(i, sequence);
            if (!tried.contains(c) && (feasibility == null || feasibility.predict(encoding.encode(c))[0] > 0)) return c;
        }
        return null;
    }

    /**
     * Expected improvement over a second basin's best value, among random points within
     * {@value #BASIN_HALF_WIDTH} of it in each continuous dimension; null when every feasible result
     * lies in the incumbent's neighbourhood or has a better one in its own. {@code x} and {@code y}
     * are the encoded configs and warped losses of {@code kept}.
     */
    private TrialConfig secondBasin(GaussianProcess objective, GaussianProcess feasibility, List<Observation> kept,
                                    double[][] x, double[] y, Set<TrialConfig> tried, SplittableRandom random) {
        Kernel kernel = objective.kernel();
        boolean[] categorical = encoding.categorical();
        int n = x.length, incumbent = -1;
        for (int i = 0; i < n; i++) if (kept.get(i).feasible() && (incumbent < 0 || y[i] < y[incumbent])) incumbent = i;
        if (incumbent < 0) return null;
        double radius2 = NEIGHBOURHOOD * NEIGHBOURHOOD;
        int leader = -1;
        for (int i = 0; i < n; i++) {
            if (!kept.get(i).feasible() || kernel.squaredDistance(x[i], x[incumbent], categorical) <= radius2) continue;
            boolean leads = true;
            for (int j = 0; j < n && leads; j++) {
                leads = !(y[j] < y[i] && kernel.squaredDistance(x[i], x[j], categorical) <= radius2);
            }
            if (leads && (leader < 0 || y[i] < y[leader])) leader = i;
        }
        if (leader < 0) return null;
        double[] centre = x[leader];
        Acquisition local = new Acquisition(objective, y[leader], feasibility);
        boolean[] movable = encoding.movable(centre);
        List<Scored> scored = new ArrayList<>(BASIN_CANDIDATES);
        for (int k = 0; k < BASIN_CANDIDATES; k++) {
            double[] u = centre.clone();
            for (int j = 0; j < u.length; j++) {
                if (movable[j]) u[j] = Math.max(0, Math.min(1, centre[j] + BASIN_HALF_WIDTH * (2 * random.nextDouble() - 1)));
            }
            u = encoding.snap(u);
            scored.add(new Scored(u, local.value(u)));
        }
        scored.sort(Comparator.comparingDouble(Scored::value).reversed());
        for (Scored s : scored) {
            TrialConfig c = encoding.decode(s.u());
            if (!tried.contains(c)) return c;
        }
        return null;
    }

    /**
     * Results between two fits of the hyperparameters: every result up to 100, then one fit per n / 50
     * results (every 4th at 200, every 8th at 400). With many results the fit barely moves from one
     * result to the next, and it is the proposal's dominant cost (cubic in n); the model is still
     * conditioned on every result at every proposal.
     */
    static int refitEvery(int n) {
        return Math.max(1, n / 50);
    }

    /**
     * The objective model also conditioned on the running trials, each told a made-up loss: the
     * average of the results so far, or the model's prediction where that is worse (a constant liar
     * at the mean). A running trial near the incumbent thus looks no better than average, which
     * takes away the expected improvement around it, so the next proposal looks elsewhere; telling
     * the model's own prediction instead ("kriging believer") leaves the improvement next to a
     * converged incumbent intact and parallel proposals pile up there.
     */
    private GaussianProcess believing(GaussianProcess model, double[][] x, double[] y, Collection<TrialConfig> pending) {
        if (pending.isEmpty()) return model;
        int n = x.length, m = pending.size();
        double[][] xs = java.util.Arrays.copyOf(x, n + m);
        double[] ys = java.util.Arrays.copyOf(y, n + m);
        int i = n;
        double average = 0;
        for (double v : y) average += v;
        average /= n;
        for (TrialConfig c : pending) {
            xs[i] = encoding.encode(c);
            ys[i] = Math.max(average, model.predict(xs[i])[0]);
            i++;
        }
        return GaussianProcess.condition(xs, ys, encoding.categorical(), model.kernel());
    }

    /** A model of +1 (kept every constraint) and -1 (broke one) over every finished trial. */
    private GaussianProcess feasibilityModel(List<Observation> observations, boolean refit, boolean restart) {
        List<Observation> kept = observations.size() > settings.maxPoints()
                ? observations.subList(observations.size() - settings.maxPoints(), observations.size()) : observations;
        double[][] x = new double[kept.size()][];
        double[] y = new double[kept.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = encoding.encode(kept.get(i).config());
            y[i] = kept.get(i).feasible() ? 1 : -1;
        }
        if (refit || feasibilityKernel == null) {
            feasibilityKernel = HyperparameterFit.fit(x, y, encoding.categorical(), feasibilityKernel, restart, settings.fitIterations());
        }
        return GaussianProcess.condition(x, y, encoding.categorical(), feasibilityKernel);
    }

    /** At most maxPoints observations: the best half and, of the rest, the most recent. */
    private List<Observation> subset(List<Observation> scored) {
        int max = settings.maxPoints();
        if (scored.size() <= max) return scored;
        Integer[] byLoss = new Integer[scored.size()];
        for (int i = 0; i < byLoss.length; i++) byLoss[i] = i;
        java.util.Arrays.sort(byLoss, Comparator.comparingDouble(i -> scored.get(i).loss()));
        boolean[] keep = new boolean[scored.size()];
        for (int i = 0; i < max / 2; i++) keep[byLoss[i]] = true;
        int kept = max / 2;
        for (int i = scored.size() - 1; i >= 0 && kept < max; i--) {
            if (!keep[i]) {
                keep[i] = true;
                kept++;
            }
        }
        List<Observation> out = new ArrayList<>(max);
        for (int i = 0; i < keep.length; i++) if (keep[i]) out.add(scored.get(i));
        return out;
    }

    private record Scored(double[] u, double value) {}

    private TrialConfig maximise(Acquisition acquisition, List<double[]> topPoints, Set<TrialConfig> tried, SplittableRandom random) {
        List<Scored> scored = new ArrayList<>();
        SearchSpace.UnitCoordinates sequence = candidateSequence.apply(random.nextLong());
        for (long i = 0; i < settings.candidates(); i++) {
            double[] u = encoding.encode(space.sample(i, sequence));
            scored.add(new Scored(u, acquisition.value(u)));
        }
        for (double[] centre : topPoints) {
            for (int k = 0; k < LOCAL_EACH; k++) {
                double[] u = encoding.snap(perturbed(centre, k % 2 == 0 ? 0.1 : 0.02, random));
                scored.add(new Scored(u, acquisition.value(u)));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::value).reversed());
        List<Scored> refined = new ArrayList<>();
        Set<TrialConfig> started = new HashSet<>();
        for (Scored s : scored) {
            if (refined.size() >= STARTS) break;
            if (started.add(encoding.decode(s.u()))) refined.add(refine(acquisition, s));
        }
        scored.addAll(refined);
        scored.sort(Comparator.comparingDouble(Scored::value).reversed());
        for (Scored s : scored) {
            TrialConfig c = encoding.decode(s.u());
            if (!tried.contains(c)) return c;
        }
        return null;
    }

    private double[] perturbed(double[] centre, double scale, SplittableRandom random) {
        double[] u = centre.clone();
        boolean[] movable = encoding.movable(u);
        int d = u.length;
        for (int j = 0; j < d; j++) {
            if (movable[j]) {
                u[j] = Math.max(0, Math.min(1, u[j] + scale * random.nextGaussian()));
            } else {
                double[] levels = encoding.levels(j);
                if (levels != null && random.nextInt(d) == 0) u[j] = levels[random.nextInt(levels.length)];
            }
        }
        return u;
    }

    /** Gradient ascent on the movable dimensions, then every value of each enumerable active dimension, until neither helps. */
    private Scored refine(Acquisition acquisition, Scored start) {
        double[] u = start.u().clone();
        double value = start.value();
        for (int round = 0; round < 3; round++) {
            boolean improved = false;
            double[] moved = encoding.snap(gradientStep(acquisition, u));
            double movedValue = acquisition.value(moved);
            if (movedValue > value + 1e-12) {
                u = moved;
                value = movedValue;
                improved = true;
            }
            boolean[] active = activeDimensions(u);
            for (int j = 0; j < u.length; j++) {
                double[] levels = encoding.levels(j);
                if (levels == null || !active[j]) continue;
                for (double level : levels) {
                    if (level == u[j]) continue;
                    double[] v = u.clone();
                    v[j] = level;
                    v = encoding.snap(v);
                    double vv = acquisition.value(v);
                    if (vv > value + 1e-12) {
                        u = v;
                        value = vv;
                        improved = true;
                    }
                }
            }
            if (!improved) break;
        }
        return new Scored(u, value);
    }

    private boolean[] activeDimensions(double[] u) {
        boolean[] movable = encoding.movable(u);
        boolean[] categorical = encoding.categorical();
        boolean[] active = new boolean[u.length];
        for (int j = 0; j < u.length; j++) active[j] = movable[j] || (categorical[j] && u[j] != SpaceEncoding.INACTIVE_CATEGORY);
        return active;
    }

    /** L-BFGS on the movable dimensions of u, the others held. */
    private double[] gradientStep(Acquisition acquisition, double[] u) {
        boolean[] movable = encoding.movable(u);
        int m = 0;
        for (boolean b : movable) if (b) m++;
        if (m == 0) return u;
        return gradientStep(acquisition, u, movable, m);
    }

    private double[] gradientStep(Acquisition acquisition, double[] u, boolean[] movable, int m) {
        int[] dims = new int[m];
        for (int j = 0, k = 0; j < u.length; j++) if (movable[j]) dims[k++] = j;
        double[] start = new double[m], lower = new double[m], upper = new double[m];
        for (int k = 0; k < m; k++) {
            start[k] = u[dims[k]];
            upper[k] = 1;
        }
        double[] full = u.clone(), fullGradient = new double[u.length];
        BoundedLbfgs.Result r = BoundedLbfgs.minimize((sub, gradient) -> {
            for (int k = 0; k < m; k++) full[dims[k]] = sub[k];
            double v = acquisition.value(full, fullGradient);
            for (int k = 0; k < m; k++) gradient[k] = -fullGradient[dims[k]];
            return -v;
        }, start, lower, upper, 50, 1e-7);
        double[] out = u.clone();
        for (int k = 0; k < m; k++) out[dims[k]] = r.x()[k];
        return out;
    }
}

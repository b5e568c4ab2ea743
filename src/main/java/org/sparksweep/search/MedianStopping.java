package org.sparksweep.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.CurvePoint;
import org.sparksweep.trial.StoppingRule;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialSchedule;
import org.sparksweep.trial.TrialStatus;

/**
 * Random search with the median stopping rule (as in Google Vizier): a trial stops after step s when its
 * best objective so far is worse than the median of the best-so-far values at step s of the trials that
 * ran to their end. The rule runs inside the trial's task; the medians it compares against are those of
 * the trials that had finished when the trial was dispatched, shipped with its job (a trial started
 * early in the sweep is judged against fewer curves than one started late). No trial stops before
 * {@code minTrials} curves reach its step, nor before step {@code warmupSteps}.
 */
public final class MedianStopping implements Strategy {

    /**
     * @param metric      the objective metric, read from the learning curves
     * @param minTrials   finished curves needed at a step before a trial can be stopped there
     * @param warmupSteps no trial stops before this step
     */
    public record Settings(long trials, long seed, String metric, boolean minimize, int minTrials, int warmupSteps) {
        public Settings {
            if (trials < 1) throw new IllegalArgumentException("trials must be >= 1, got " + trials);
            if (minTrials < 1) throw new IllegalArgumentException("minTrials must be >= 1, got " + minTrials);
            if (warmupSteps < 1) throw new IllegalArgumentException("warmupSteps must be >= 1, got " + warmupSteps);
        }
    }

    private final SearchSpace space;
    private final Settings settings;
    /** The best-so-far curves (in loss terms, minimised) of the trials that ran to their end. */
    private final List<double[]> finishedCurves = new ArrayList<>();
    private final Map<Long, ScheduledTrials.Scheduled> pending = new LinkedHashMap<>();
    private long next;

    public MedianStopping(SearchSpace space, Settings settings) {
        this.space = space;
        this.settings = settings;
    }

    @Override
    public Proposal ask(int max) {
        if (next >= settings.trials()) return pending.isEmpty() ? new Proposal.Done() : new Proposal.Wait();
        long from = next;
        long to = Math.min(settings.trials(), from + Math.max(1, max));
        StoppingRule rule = rule();
        for (long i = from; i < to; i++) {
            TrialConfig config = space.sample(settings.seed(), i);
            pending.put(i, new ScheduledTrials.Scheduled(config, TrialSchedule.stoppable(rule)));
        }
        next = to;
        return new Proposal.Indices(from, to);
    }

    @Override
    public void tell(TrialResult result) {
        if (pending.remove(result.index()) == null) return;
        if (result.status() != TrialStatus.COMPLETED || result.course().stopReason() != null) return; // only curves that ran to their end
        List<CurvePoint> curve = result.course().curve();
        if (curve.isEmpty()) return;
        int steps = (int) curve.get(curve.size() - 1).step();
        double[] best = new double[steps];
        Arrays.fill(best, Double.NaN);
        double sofar = Double.POSITIVE_INFINITY;
        for (CurvePoint p : curve) {
            Double v = p.metrics().get(settings.metric());
            if (v == null || !Double.isFinite(v) || p.step() < 1 || p.step() > steps) continue;
            sofar = Math.min(sofar, settings.minimize() ? v : -v);
            best[(int) p.step() - 1] = sofar;
        }
        finishedCurves.add(best);
    }

    /**
     * A resumed sweep: the recorded trials count against {@code trials} and new ones take the indices after
     * them. Records hold no curves, so the medians come from the trials that finish in this run.
     */
    @Override
    public void resume(List<TrialResult> recorded) {
        for (TrialResult r : recorded) next = Math.max(next, r.index() + 1);
    }

    /** The rule for trials dispatched now: the medians at each step of the curves finished so far. */
    StoppingRule rule() {
        int longest = 0;
        for (double[] c : finishedCurves) longest = Math.max(longest, c.length);
        double[] medians = new double[longest];
        int[] counts = new int[longest];
        for (int s = 0; s < longest; s++) {
            List<Double> values = new ArrayList<>();
            for (double[] c : finishedCurves) if (s < c.length && !Double.isNaN(c[s])) values.add(c[s]);
            counts[s] = values.size();
            medians[s] = median(values);
        }
        return new Rule(medians, counts, settings.minTrials(), settings.warmupSteps(), settings.minimize(), settings.metric());
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The median rule with the medians known at dispatch; runs in the trial's task. */
    record Rule(double[] medians, int[] counts, int minTrials, int warmupSteps, boolean minimize, String metric) implements StoppingRule {
        @Override
        public String stop(long step, double objective, double best) {
            if (step < warmupSteps || step > medians.length) return null;
            int s = (int) step - 1;
            if (counts[s] < minTrials) return null;
            double loss = minimize ? best : -best;
            if (loss <= medians[s]) return null;
            double median = minimize ? medians[s] : -medians[s];
            return "median rule: best " + metric + " " + best + " by step " + step + " is worse than the median " + median
                    + " of " + counts[s] + " finished trials at that step";
        }
    }

    @Override
    public OptionalLong plannedTrials() {
        return OptionalLong.of(settings.trials());
    }

    /** Asked only for free slots: each decision sees every result that arrived before it. */
    @Override
    public boolean adaptive() {
        return true;
    }

    @Override
    public IndexDecoder decoder() {
        return new ScheduledTrials("median", pending);
    }
}

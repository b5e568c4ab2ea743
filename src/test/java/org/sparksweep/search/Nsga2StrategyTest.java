package org.sparksweep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;
import org.sparksweep.trainer.function.TestFunction;
import org.sparksweep.trial.Constraint;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Hypervolume;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/** NSGA-II against random search on ZDT1/ZDT2 by hypervolume, asked and told as the engine does. */
class Nsga2StrategyTest {
    static final int DIMENSIONS = 6;
    /** A reference point beyond every value ZDT1/ZDT2 can take (f1 <= 1, f2 <= 10), so no run scores 0. */
    static final double REF1 = 1.1, REF2 = 11;
    static final Goals ZDT = new Goals(List.of(new Objective("f1", Direction.MINIMIZE), new Objective("f2", Direction.MINIMIZE)), null, List.of());

    static SearchSpace box() {
        List<Parameter> ps = new ArrayList<>();
        for (int i = 1; i <= DIMENSIONS; i++) ps.add(new Parameter("x" + i, new Domain.Uniform(0, 1, null, null), null));
        return new SearchSpace(ps);
    }

    /** Runs a strategy for {@code trials} evaluations with {@code parallel} trials in flight; returns every (f1, f2). */
    static List<double[]> run(Strategy strategy, TestFunction f, int trials, int parallel) {
        List<double[]> points = new ArrayList<>();
        List<Long> running = new ArrayList<>();
        List<TrialConfig> configs = new ArrayList<>();
        while (points.size() < trials) {
            while (running.size() < parallel) {
                Proposal p = strategy.ask(parallel - running.size());
                if (!(p instanceof Proposal.Indices range)) break;
                IndexDecoder decoder = strategy.decoder();
                for (long i = range.from(); i < range.to(); i++) {
                    running.add(i);
                    configs.add(decoder.decode(i));
                }
            }
            if (running.isEmpty()) break;
            long index = running.remove(0);
            TrialConfig c = configs.remove(0);
            double[] x = new double[DIMENSIONS];
            for (int i = 0; i < DIMENSIONS; i++) x[i] = ((Number) c.get("x" + (i + 1))).doubleValue();
            double[] y = f.objectivesAt(x);
            points.add(y);
            strategy.tell(new TrialResult("t" + index, index, c, 0, TrialStatus.COMPLETED, Map.of("f1", y[0], "f2", y[1]), y[0], null,
                    Instant.EPOCH, Instant.EPOCH, 0, null, null));
        }
        return points;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    @Test
    void beatsRandomSearchOnZdt1AndZdt2ByHypervolume() {
        int trials = 400, seeds = 5;
        for (TestFunction f : List.of(TestFunction.ZDT1, TestFunction.ZDT2)) {
            double[] nsga = new double[seeds], random = new double[seeds];
            for (int seed = 0; seed < seeds; seed++) {
                nsga[seed] = Hypervolume.of2d(run(new Nsga2Strategy(box(), Nsga2Strategy.Settings.of(trials, seed, 20), ZDT), f, trials, 4), REF1, REF2);
                random[seed] = Hypervolume.of2d(run(Strategies.get("random").create(new SearchSettings("random", (long) trials, seed), box(), ZDT.primary()), f, trials, 4), REF1, REF2);
            }
            System.out.println(f + " hypervolume after " + trials + ": nsga2 " + median(nsga) + ", random " + median(random));
            assertTrue(median(nsga) > median(random) + 0.2, f + ": NSGA-II median hypervolume " + median(nsga) + " vs random " + median(random));
        }
    }

    @Test
    void sameSeedAndResultsGiveTheSameProposals() {
        List<double[]> a = run(new Nsga2Strategy(box(), Nsga2Strategy.Settings.of(120, 3, 10), ZDT), TestFunction.ZDT1, 120, 3);
        List<double[]> b = run(new Nsga2Strategy(box(), Nsga2Strategy.Settings.of(120, 3, 10), ZDT), TestFunction.ZDT1, 120, 3);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertEquals(Arrays.toString(a.get(i)), Arrays.toString(b.get(i)));
    }

    @Test
    void aConstraintSteersTheSearchIntoTheFeasibleRegion() {
        Goals constrained = new Goals(ZDT.objectives(), null, List.of(new Constraint("f1", Constraint.Comparison.AT_LEAST, 0.6)));
        List<double[]> points = run(new Nsga2Strategy(box(), Nsga2Strategy.Settings.of(300, 1, 20), constrained), TestFunction.ZDT1, 300, 2);
        long feasibleLate = points.subList(200, 300).stream().filter(p -> p[0] >= 0.6).count();
        long feasibleEarly = points.subList(0, 20).stream().filter(p -> p[0] >= 0.6).count();
        assertTrue(feasibleLate >= 80, "after 200 trials most children keep f1 >= 0.6, got " + feasibleLate + " of 100 (random start: " + feasibleEarly + " of 20)");
    }
}

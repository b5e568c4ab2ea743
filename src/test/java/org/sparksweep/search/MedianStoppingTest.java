package org.sparksweep.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.CurvePoint;
import org.sparksweep.trial.StoppingRule;
import org.sparksweep.trial.TrialCourse;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/** The median rule: the medians shipped with a dispatch, and when a trial is stopped by them. */
class MedianStoppingTest {
    private static final SearchSpace SPACE = new SearchSpace(List.of(new Parameter("x", new Domain.Uniform(0, 1, null, null), null)));

    private static MedianStopping median(boolean minimize, int minTrials) {
        return new MedianStopping(SPACE, new MedianStopping.Settings(20, 5, "accuracy", minimize, minTrials, 2));
    }

    /** A finished trial whose accuracy after each epoch was the given values. */
    private static TrialResult finished(long index, String stopReason, double... curve) {
        List<CurvePoint> points = new ArrayList<>();
        for (int i = 0; i < curve.length; i++) points.add(new CurvePoint(i + 1, Map.of("accuracy", curve[i])));
        Instant now = Instant.now();
        double last = curve[curve.length - 1];
        return new TrialResult("t" + index, index, SPACE.sample(5, index), 5, TrialStatus.COMPLETED, Map.of("accuracy", last), last, null,
                now, now, 1, "h", "e", List.of(), null, new TrialCourse(null, null, null, points, stopReason));
    }

    @Test
    void aTrialBelowTheMedianOfFinishedCurvesStopsAndSaysWhy() {
        MedianStopping s = median(false, 3);
        assertInstanceOf(Proposal.Indices.class, s.ask(4));
        s.tell(finished(0, null, 0.5, 0.6, 0.7));
        s.tell(finished(1, null, 0.6, 0.7, 0.8));
        s.tell(finished(2, null, 0.4, 0.8, 0.6)); // best so far: 0.4, 0.8, 0.8
        s.tell(finished(3, "median rule: …", 0.1, 0.1)); // stopped trials do not shape the medians
        StoppingRule rule = s.rule();
        assertNull(rule.stop(1, 0.0, 0.0), "never before the warm-up step");
        // step 2: best-so-far of the finished trials 0.6, 0.7, 0.8 → median 0.7
        assertNull(rule.stop(2, 0.7, 0.7), "at the median goes on");
        String reason = rule.stop(2, 0.65, 0.65);
        assertNotNull(reason);
        assertTrue(reason.contains("median 0.7") && reason.contains("3 finished trials") && reason.contains("step 2"), reason);
        // step 3: best-so-far 0.7, 0.8, 0.8 → median 0.8
        assertNull(rule.stop(3, 0.5, 0.85), "the best so far counts, not the last value");
        assertNotNull(rule.stop(3, 0.75, 0.75));
    }

    @Test
    void withTooFewFinishedCurvesNoTrialStops() {
        MedianStopping s = median(false, 3);
        s.ask(4);
        s.tell(finished(0, null, 0.9, 0.9));
        s.tell(finished(1, null, 0.9, 0.9));
        assertNull(s.rule().stop(2, 0.1, 0.1));
    }

    @Test
    void minimisedObjectivesStopAboveTheMedian() {
        MedianStopping s = new MedianStopping(SPACE, new MedianStopping.Settings(20, 5, "accuracy", true, 1, 1));
        s.ask(2);
        s.tell(finished(0, null, 3.0, 2.0));
        StoppingRule rule = s.rule();
        assertNull(rule.stop(1, 2.5, 2.5));
        assertNotNull(rule.stop(2, 2.5, 2.5));
    }

    @Test
    void everyDispatchedTrialCarriesTheRuleAndTheSearchEndsAfterItsTrials() {
        MedianStopping s = median(false, 1);
        Proposal.Indices r = assertInstanceOf(Proposal.Indices.class, s.ask(20));
        assertEquals(20, r.count());
        assertNotNull(s.decoder().schedule(5).stoppingRule());
        assertEquals(SPACE.sample(5, 5), s.decoder().decode(5), "config i is the seeded sample i");
        assertInstanceOf(Proposal.Wait.class, s.ask(1));
        for (long i = 0; i < 20; i++) s.tell(finished(i, null, 0.5));
        assertInstanceOf(Proposal.Done.class, s.ask(1));
    }
}

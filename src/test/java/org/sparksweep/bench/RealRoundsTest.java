package org.sparksweep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealRoundsTest {
    private static final String RAW = "raw", IDEAL = "ideal", REACHABLE = "reachable", ENGINE = "engine", PEER = "peer";

    private static RealRun run(double wall) {
        return new RealRun(wall, 0.9, Double.NaN, 1.0, "");
    }

    private static RealRun run(double wall, double secondsPerTrial) {
        return new RealRun(wall, 0.9, secondsPerTrial, 1.0, "");
    }

    /** Three rounds: the reachable limit 10, 20, 10 s; the engine 10.5, 21, 12 s; the peer as given. */
    private static RealRounds rounds(double... peer) {
        RealRounds r = new RealRounds(List.of(RAW, IDEAL, REACHABLE, ENGINE, PEER), RAW, IDEAL, REACHABLE, ENGINE);
        double[] reachable = {10, 20, 10}, engine = {10.5, 21, 12};
        for (int round = 0; round < 3; round++) {
            r.add(round, 0, RAW, run(4, 0.5));
            r.add(round, 1, IDEAL, run(5, 1.0));
            r.add(round, 2, REACHABLE, run(reachable[round], 2.0));
            r.add(round, 3, ENGINE, run(engine[round], 2.0 + round));
            r.add(round, 4, PEER, run(peer[round]));
        }
        return r;
    }

    @Test
    void eachRoundStartsOneRunnerLater() {
        List<String> first = List.of("a", "b", "c");
        assertEquals(List.of("a", "b", "c"), RealRounds.rotated(first, 0));
        assertEquals(List.of("b", "c", "a"), RealRounds.rotated(first, 1));
        assertEquals(List.of("c", "a", "b"), RealRounds.rotated(first, 2));
        assertEquals(first, RealRounds.rotated(first, 3));
    }

    @Test
    void aRunIsReadAgainstTheReachableLimitOfItsOwnRound() {
        RealRounds.Summary e = rounds(30, 30, 30).summary(ENGINE);
        assertEquals(3, e.runs());
        assertEquals(12, e.medianWall());
        assertEquals(10.5, e.minWall());
        assertEquals(21, e.maxWall());
        // ratios 1.05, 1.05, 1.2: the median is 1.05, though 12 / median reachable (10) would say 1.2
        assertEquals(1.05, e.medianRatio(), 1e-12);
        assertEquals(3.0, e.medianSecondsPerTrial());
    }

    @Test
    void failedRunsAreLeftOutOfTheMedians() {
        RealRounds.Summary p = rounds(30, Double.NaN, 40).summary(PEER);
        assertEquals(2, p.runs());
        assertEquals(35, p.medianWall());
        assertEquals(30, p.minWall());
        assertEquals(40, p.maxWall());
    }

    @Test
    void theRawLoopIsNoPeer() {
        assertFalse(rounds(30, 30, 30).verdict().sentence().contains("of " + RAW), "the raw loop is a limit, not a peer to beat");
    }

    @Test
    void theTargetIsComputedFromTheRuns() {
        assertTrue(rounds(30, 30, 30).verdict().met());
        RealRounds.Verdict slowerThanThePeer = rounds(11, 11, 11).verdict();
        assertFalse(slowerThanThePeer.met());
        assertTrue(slowerThanThePeer.sentence().contains("not ahead of peer (12.00 s vs 11.00 s)"), slowerThanThePeer.sentence());

        RealRounds farFromTheLimit = new RealRounds(List.of(IDEAL, REACHABLE, ENGINE, PEER), null, IDEAL, REACHABLE, ENGINE);
        farFromTheLimit.add(0, 0, REACHABLE, run(10));
        farFromTheLimit.add(0, 1, ENGINE, run(11.5));
        farFromTheLimit.add(0, 2, PEER, run(50));
        assertFalse(farFromTheLimit.verdict().met());

        RealRounds noPeers = new RealRounds(List.of(IDEAL, REACHABLE, ENGINE), null, IDEAL, REACHABLE, ENGINE);
        noPeers.add(0, 0, REACHABLE, run(10));
        noPeers.add(0, 1, ENGINE, run(10));
        assertFalse(noPeers.verdict().met(), "untested against the peers is not met");
    }

    @Test
    void perTrialCostIsSetBesideThePlainLoop() {
        StringWriter text = new StringWriter();
        rounds(30, 30, 30).perTrialTable("t").print(new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        // title, header, rule, the four runners that say (the peer does not), blank
        assertEquals(8, lines.size(), text.toString());
        assertTrue(lines.get(3).startsWith("raw DL4J API, plain loop"), text.toString());
        assertTrue(lines.get(4).startsWith("engine trial body, plain loop"), text.toString());
        // the engine: median 3 s a trial (2, 3, 4), 6× the raw loop's 0.5 s, 3× the trial body loop's 1 s, 1.5× the reachable limit's 2 s
        assertEquals(List.of("engine", "on", "Spark", "(engine)", "3.00", "2.00–4.00", "6.00", "3.00", "1.50"),
                List.of(lines.get(6).trim().split(" +")));
    }

    @Test
    void aLoopSurvivesTheTripBetweenJvms() {
        TrialLoop loop = new TrialLoop(6, 12.5, 11.25, 13.0, 0.9333);
        assertEquals(loop, TrialLoop.parse(loop.line()));
    }
}

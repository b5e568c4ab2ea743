package org.sparksweep.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/** The live progress display, driven by a fake clock: a bar redrawn in place on a terminal, whole lines in a log. */
class ProgressDisplayTest {
    static final long SECOND = 1_000_000_000L;
    final AtomicLong clock = new AtomicLong(1000 * SECOND);
    final AtomicInteger running = new AtomicInteger(2);
    final StringWriter text = new StringWriter();

    ProgressDisplay display(ProgressDisplay.Style style, boolean trialLines) {
        return new ProgressDisplay(new PrintWriter(text), style, trialLines, "iris-grid", new Objective("accuracy", Direction.MAXIMIZE), 10,
                clock::get, running::get, 30_000, 160);
    }

    static TrialResult completed(String id, long index, double accuracy) {
        return new TrialResult(id, index, new TrialConfig(Map.of("width", 8L)), 0, TrialStatus.COMPLETED, Map.of("accuracy", accuracy), accuracy,
                null, Instant.EPOCH, Instant.EPOCH, 1.5, "h", "1");
    }

    static TrialResult failed(String id, long index) {
        return new TrialResult(id, index, new TrialConfig(Map.of("width", 8L)), 0, TrialStatus.FAILED, Map.of(), null,
                "java.lang.IllegalStateException: boom", Instant.EPOCH, Instant.EPOCH, 0.2, "h", "1");
    }

    @Test
    void snapshotCountsRateEtaAndTheBestTrial() {
        ProgressDisplay d = display(ProgressDisplay.Style.LINES, false);
        clock.addAndGet(30 * SECOND);
        d.trialFinished(completed("aaaa000000000001", 0, 0.80), 1, 10);
        d.trialFinished(failed("aaaa000000000002", 1), 2, 10);
        d.trialFinished(completed("aaaa000000000003", 2, 0.95), 3, 10);
        d.trialFinished(completed("aaaa000000000004", 3, 0.90), 4, 10);
        clock.addAndGet(30 * SECOND); // 4 trials in 60 s
        ProgressSnapshot s = d.snapshot();
        assertEquals(4, s.done());
        assertEquals(2, s.running());
        assertEquals(1, s.failed());
        assertEquals(0.95, s.best());
        assertEquals("aaaa000000000003", s.bestTrial());
        assertEquals(4.0, s.trialsPerMinute(), 1e-9);
        assertEquals(90.0, s.etaSeconds(), 1e-9, "6 trials left at 4 per minute");
        assertEquals("4/10 done, 2 running, 1 failed | best accuracy=0.9500 (trial aaaa000000000003) | 4.0 trials/min | ETA 1m30s", s.describe());
    }

    @Test
    void logStylePrintsTrialLinesAndAProgressLineAtMostEveryInterval() {
        ProgressDisplay d = display(ProgressDisplay.Style.LINES, true);
        d.trialFinished(completed("aaaa000000000001", 0, 0.80), 1, 10);
        clock.addAndGet(10 * SECOND);
        d.trialFinished(completed("aaaa000000000002", 1, 0.85), 2, 10);
        d.tick();
        clock.addAndGet(25 * SECOND); // 35 s since start: one progress line is due
        d.tick();
        d.tick();
        clock.addAndGet(31 * SECOND);
        d.trialFinished(failed("aaaa000000000003", 2), 3, 10);
        d.close();
        String out = text.toString();
        assertFalse(out.contains("\r"), "no carriage returns in a log");
        List<String> lines = out.lines().toList();
        assertEquals(3, lines.stream().filter(l -> l.matches("\\[ ?\\d+/10] trial aaaa0000000000\\d\\d #\\d .*")).count(), out);
        List<String> progress = lines.stream().filter(l -> l.startsWith("progress iris-grid: ")).toList();
        assertEquals(2, progress.size(), "one at 35 s, one at 66 s; the end changes nothing, so no repeat: " + out);
        assertTrue(progress.get(0).contains("2/10 done, 2 running, 0 failed | best accuracy=0.8500 (trial aaaa000000000002)"), progress.get(0));
        assertTrue(lines.get(lines.size() - 1).contains("3/10 done, 2 running, 1 failed"), out);
        assertTrue(out.contains("FAILED") && out.contains("boom"), out);
    }

    @Test
    void terminalStyleRedrawsOneBarAndPrintsTrialLinesOnlyWhenVerbose() {
        ProgressDisplay quiet = display(ProgressDisplay.Style.BAR, false);
        clock.addAndGet(60 * SECOND);
        quiet.trialFinished(completed("aaaa000000000001", 0, 0.80), 1, 10);
        quiet.trialFinished(completed("aaaa000000000002", 1, 0.85), 2, 10);
        quiet.tick();
        quiet.close();
        String out = text.toString();
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "the bar is redrawn in place, then ended with one newline: " + out);
        assertTrue(out.endsWith("\n"), out);
        assertTrue(out.startsWith("\r["), out);
        String last = out.substring(out.lastIndexOf('\r') + 1);
        assertTrue(last.startsWith("[========>") && last.contains(" 20% 2/10 done, 2 running, 0 failed"), last);
        assertTrue(last.contains("ETA 4m00s"), last);
        assertFalse(out.contains("trial aaaa000000000001 #0"), "no per-trial lines unless verbose");

        text.getBuffer().setLength(0);
        ProgressDisplay verbose = display(ProgressDisplay.Style.BAR, true);
        verbose.trialFinished(completed("aaaa000000000001", 0, 0.80), 1, 10);
        verbose.trialFinished(completed("aaaa000000000002", 1, 0.85), 2, 10);
        String v = text.toString();
        assertTrue(v.contains("\r\u001b[K[ 2/10] trial aaaa000000000002 #1 COMPLETED"), "the bar is cleared before a trial line: " + v);
    }

    @Test
    void whenEveryTrialIsDoneTheClockStopsAndLinesDoNotRepeat() {
        ProgressDisplay d = display(ProgressDisplay.Style.LINES, false);
        for (int i = 1; i <= 10; i++) {
            clock.addAndGet(6 * SECOND);
            d.trialFinished(completed(String.format("aaaa%012d", i), i - 1, 0.5 + i / 100.0), i, 10);
        }
        // the leaderboard is written after the last trial: minutes may pass, the figures stay
        for (int i = 0; i < 5; i++) {
            clock.addAndGet(31 * SECOND);
            d.tick();
        }
        d.close();
        List<String> lines = text.toString().lines().toList();
        assertEquals(2, lines.size(), "one line at 36 s, one when all were done: " + lines);
        assertEquals("progress iris-grid: 10/10 done, 0 running, 0 failed | best accuracy=0.6000 (trial aaaa000000000010) | 10.0 trials/min | took 1m00s",
                lines.get(1));
    }

    @Test
    void anOpenEndedSweepHasNoEtaAndTheBarStaysWithinTheTerminal() {
        ProgressDisplay d = new ProgressDisplay(new PrintWriter(text), ProgressDisplay.Style.BAR, false, "open", new Objective("value", Direction.MINIMIZE),
                -1, clock::get, running::get, 1000, 60);
        clock.addAndGet(5 * SECOND);
        d.trialFinished(completed("aaaa000000000001", 0, 3.0), 1, -1);
        ProgressSnapshot s = d.snapshot();
        assertEquals(-1, s.etaSeconds());
        assertTrue(s.describe().startsWith("1/? done"), s.describe());
        for (String redraw : text.toString().split("\r")) assertTrue(redraw.replace("\u001b[K", "").length() <= 60, redraw);
    }
}

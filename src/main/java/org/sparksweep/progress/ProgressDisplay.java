package org.sparksweep.progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.sparksweep.engine.SweepListener;
import org.sparksweep.trial.Objective;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * The driver's live view of a running sweep: trials done, running and failed, the best objective so
 * far and its trial, trials per minute and an ETA. On a terminal it is one progress bar redrawn in
 * place (per-trial lines on request); in a log (spark-submit's driver output) it is plain lines:
 * one per finished trial and a progress line every {@code interval}, never a carriage return.
 *
 * <p>Time comes from a nanosecond clock and the running count from a supplier (Spark's status
 * tracker in the CLI), so the display is tested with a fake clock and a string writer.
 */
public final class ProgressDisplay implements SweepListener, AutoCloseable {
    /** How progress is written. */
    public enum Style {
        /** A bar redrawn in place with a carriage return: for a terminal. */
        BAR,
        /** Whole lines only: for logs and pipes. */
        LINES
    }

    private final PrintWriter out;
    private final Style style;
    private final boolean trialLines;
    private final String sweep;
    private final Objective objective;
    private final LongSupplier nanoClock;
    private final IntSupplier running;
    private final long intervalNanos;
    private final int width;
    private final long startNanos;
    private long planned;
    private long done;
    private long failed;
    private Double best;
    private String bestTrial;
    private long lastLineNanos;
    private long lastResultNanos;
    private String lastLine;
    private boolean barShown;
    private ScheduledExecutorService timer;

    /**
     * @param trialLines     print a line per finished trial (always wanted in LINES style, on request in BAR style)
     * @param planned        planned trials, -1 when unknown (the listener's count replaces it when known)
     * @param intervalMillis LINES style: at most one progress line per interval; BAR style: redraw period
     * @param width          the terminal's width in characters (BAR style)
     */
    public ProgressDisplay(PrintWriter out, Style style, boolean trialLines, String sweep, Objective objective, long planned,
                           LongSupplier nanoClock, IntSupplier running, long intervalMillis, int width) {
        this.out = out;
        this.style = style;
        this.trialLines = trialLines;
        this.sweep = sweep;
        this.objective = objective;
        this.planned = planned;
        this.nanoClock = nanoClock;
        this.running = running;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.width = Math.max(40, width);
        this.startNanos = nanoClock.getAsLong();
        this.lastLineNanos = startNanos;
    }

    /** Redraws (BAR) or checks whether a progress line is due (LINES) every period, from a daemon thread, until closed. */
    public synchronized ProgressDisplay start(long periodMillis) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sparksweep-progress " + sweep);
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public synchronized void trialFinished(TrialResult r, long finished, long plannedTrials) {
        done = finished;
        lastResultNanos = nanoClock.getAsLong();
        if (plannedTrials >= 0) planned = plannedTrials;
        if (r.status() == TrialStatus.SKIPPED_CONSTRAINT) done = finished; // not trained, by design: neither failed nor a best
        else if (r.status() != TrialStatus.COMPLETED) failed++;
        else if (r.objective() != null && (best == null || objective.direction().better(r.objective(), best))) {
            best = r.objective();
            bestTrial = r.trialId();
        }
        if (trialLines) {
            clearBar();
            out.println(trialLine(r, finished, planned));
        }
        if (style == Style.BAR) drawBar();
        else lineIfDue();
        out.flush();
    }

    @Override
    public synchronized void notice(String line) {
        clearBar();
        out.println(line);
        if (style == Style.BAR) drawBar();
        out.flush();
    }

    /** A clock tick: keeps the rate and ETA current between results. */
    public synchronized void tick() {
        if (style == Style.BAR) drawBar();
        else lineIfDue();
        out.flush();
    }

    public synchronized ProgressSnapshot snapshot() {
        // once every planned trial is done the clock stops: the leaderboard write that follows is not trial time
        long now = allDone() ? lastResultNanos : nanoClock.getAsLong();
        double elapsed = (now - startNanos) / 1e9;
        double perMinute = elapsed > 0 ? done / elapsed * 60 : 0;
        double eta = planned >= 0 && done > 0 && done < planned ? (planned - done) / (done / elapsed) : -1;
        // Spark's status tracker lags a little behind task ends: never more running than trials left
        int inFlight = Math.max(0, running.getAsInt());
        if (planned >= 0) inFlight = (int) Math.min(inFlight, planned - done);
        return new ProgressSnapshot(sweep, done, inFlight, failed, planned, objective.metric(), best, bestTrial, elapsed, perMinute, eta);
    }

    /** Stops the timer and leaves a final state on its own line. */
    @Override
    public synchronized void close() {
        if (timer != null) timer.shutdownNow();
        if (style == Style.BAR) {
            drawBar();
            out.println();
            barShown = false;
        } else {
            printLine();
        }
        out.flush();
    }

    private boolean allDone() {
        return planned >= 0 && done >= planned;
    }

    private void lineIfDue() {
        long now = nanoClock.getAsLong();
        if (now - lastLineNanos < intervalNanos) return;
        lastLineNanos = now;
        printLine();
    }

    /** A progress line, unless it would repeat the last one (nothing changes once every trial is done). */
    private void printLine() {
        String line = progressLine();
        if (line.equals(lastLine)) return;
        lastLine = line;
        out.println(line);
    }

    String progressLine() {
        return "progress " + sweep + ": " + snapshot().describe();
    }

    private void drawBar() {
        ProgressSnapshot s = snapshot();
        String text = " " + s.describe();
        int barWidth = Math.max(10, Math.min(40, width - text.length() - 10));
        double f = s.fraction();
        StringBuilder bar = new StringBuilder("[");
        if (f < 0) {
            int pos = (int) ((s.elapsedSeconds() * 4) % barWidth);
            for (int i = 0; i < barWidth; i++) bar.append(i == pos ? '=' : ' ');
        } else {
            int full = (int) Math.floor(f * barWidth);
            for (int i = 0; i < barWidth; i++) bar.append(i < full ? '=' : i == full ? '>' : ' ');
        }
        bar.append(']').append(f < 0 ? "" : String.format(Locale.ROOT, " %3d%%", Math.round(f * 100))).append(text);
        String line = bar.length() > width - 1 ? bar.substring(0, width - 2) + "…" : bar.toString();
        out.print("\r" + line + "\u001b[K");
        barShown = true;
    }

    private void clearBar() {
        if (barShown) out.print("\r\u001b[K");
        barShown = false;
    }

    /** The line the run command has always printed per trial. */
    private String trialLine(TrialResult r, long finished, long plannedTrials) {
        String count = plannedTrials > 0 ? String.format(Locale.ROOT, "[%" + String.valueOf(plannedTrials).length() + "d/%d]", finished, plannedTrials)
                : "[" + finished + "]";
        String outcome = r.objective() != null ? String.format(Locale.ROOT, "%s=%.4f", objective.metric(), r.objective())
                : r.error() == null ? "" : abbreviate(r.error(), 120);
        return String.format(Locale.ROOT, "%s trial %s #%d %-9s %6.2fs  %s  %s", count, r.trialId(), r.index(), r.status(),
                r.trainSeconds(), outcome, r.config().brief());
    }

    private static String abbreviate(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}

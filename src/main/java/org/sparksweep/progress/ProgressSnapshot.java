package org.sparksweep.progress;

import java.util.Locale;

/**
 * Where a running sweep stands at one moment, as the progress display shows it.
 *
 * @param total          planned trials, or -1 when the strategy has no fixed budget
 * @param best           the best objective so far, or null when no trial completed yet
 * @param trialsPerMinute finished trials per minute since the sweep started
 * @param etaSeconds     seconds until the planned trials are done at that rate, or -1 when unknown
 */
public record ProgressSnapshot(String sweep, long done, int running, long failed, long total, String metric, Double best, String bestTrial,
                               double elapsedSeconds, double trialsPerMinute, double etaSeconds) {

    /** "37/72 done, 2 running, 1 failed | best accuracy=0.9556 (trial eb5a24f9…) | 12.3 trials/min | ETA 3m05s" */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(done).append('/').append(total >= 0 ? String.valueOf(total) : "?").append(" done, ").append(running).append(" running, ")
                .append(failed).append(" failed");
        if (best != null) {
            sb.append(" | best ").append(metric).append('=').append(String.format(Locale.ROOT, "%.4g", best))
                    .append(" (trial ").append(bestTrial).append(')');
        }
        sb.append(" | ").append(String.format(Locale.ROOT, "%.1f", trialsPerMinute)).append(" trials/min");
        if (etaSeconds >= 0) sb.append(" | ETA ").append(duration(etaSeconds));
        else if (total >= 0 && done >= total) sb.append(" | took ").append(duration(elapsedSeconds));
        return sb.toString();
    }

    /** Share of the planned trials done, 0..1, or -1 when the total is unknown. */
    public double fraction() {
        return total > 0 ? Math.min(1.0, (double) done / total) : total == 0 ? 1.0 : -1;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}

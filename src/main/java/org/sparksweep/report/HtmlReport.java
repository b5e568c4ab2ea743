package org.sparksweep.report;

import static org.sparksweep.report.Html.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sparksweep.report.SweepReport.ObjectiveAxis;
import org.sparksweep.report.SweepReport.ParamAxis;
import org.sparksweep.store.Columns;
import org.sparksweep.store.SweepProvenance;

/**
 * Renders a {@link SweepReport} as one self-contained HTML page: the sortable leaderboard, the
 * charts, the failure summary and the provenance. Nothing is fetched (no CDN, no fonts), so the file
 * works offline and can be mailed or archived. Every value is escaped as text, and a
 * Content-Security-Policy admits only the page's own sorting script (by hash), so a value that
 * looks like markup can neither render as markup nor run.
 */
public final class HtmlReport {
    /** Most failure messages listed, most frequent first. */
    static final int TOP_MESSAGES = 10;

    private static final String SCRIPT = """
            (function () {
              var table = document.getElementById('leaderboard');
              if (!table) return;
              var heads = table.tHead.rows[0].cells;
              function value(row, i) { var v = row.cells[i].getAttribute('data-v'); return v === null ? '' : v; }
              function sortBy(i, desc) {
                var numeric = heads[i].getAttribute('data-type') === 'number';
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = value(a, i), y = value(b, i);
                  if (x === '' || y === '') return x === y ? 0 : (x === '' ? 1 : -1);
                  var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
                  return desc ? -c : c;
                });
                rows.forEach(function (r) { body.appendChild(r); });
                for (var j = 0; j < heads.length; j++) heads[j].removeAttribute('aria-sort');
                heads[i].setAttribute('aria-sort', desc ? 'descending' : 'ascending');
                table.setAttribute('data-sorted-by', heads[i].getAttribute('data-col') + (desc ? ':desc' : ':asc'));
              }
              Array.prototype.forEach.call(heads, function (th, i) {
                th.addEventListener('click', function () { sortBy(i, th.getAttribute('aria-sort') === 'ascending'); });
              });
              var m = /(?:^|&)sort=([A-Za-z0-9_]+)(?::(asc|desc))?/.exec(location.hash.slice(1));
              if (m) for (var k = 0; k < heads.length; k++) if (heads[k].getAttribute('data-col') === m[1]) sortBy(k, m[2] === 'desc');
              document.body.setAttribute('data-ready', 'true');
            })();
            """;

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d2430;max-width:1400px}
            h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde;padding-bottom:4px}
            .summary{color:#445} .note{color:#667;font-style:italic}
            table{border-collapse:collapse;font-size:12.5px} th,td{padding:3px 8px;border-bottom:1px solid #e6e8ee;text-align:left;vertical-align:top}
            #leaderboard th{cursor:pointer;background:#f3f5f9;position:sticky;top:0;white-space:nowrap}
            #leaderboard th[aria-sort=ascending]::after{content:" \\25B2"} #leaderboard th[aria-sort=descending]::after{content:" \\25BC"}
            .board{max-height:520px;overflow:auto;border:1px solid #dde}
            td.num{text-align:right;font-variant-numeric:tabular-nums} td.error{min-width:280px;max-width:480px;color:#8a1c1c;word-break:break-word}
            tr.FAILED td, tr.DIVERGED td{background:#fff5f4}
            .charts{display:flex;flex-wrap:wrap;gap:12px} svg.chart{background:#fff;border:1px solid #e6e8ee;font-size:11px}
            svg text.tick{fill:#556;font-size:10px} svg text.axis-name,svg text.chart-title{font-weight:600}
            pre{background:#f6f7f9;padding:10px;overflow:auto;max-height:360px} dl{display:grid;grid-template-columns:max-content auto;gap:2px 16px}
            dt{color:#556} dd{margin:0}
            """;

    private HtmlReport() {}

    public static String render(SweepReport report) {
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '")
                .append(scriptHash()).append("'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(text("sweep " + report.sweep() + " · sparksweep report")).append("</title>\n")
                .append("<style>").append(STYLE).append("</style></head>\n<body>\n");
        header(sb, report);
        leaderboard(sb, report);
        charts(sb, report);
        failures(sb, report);
        provenance(sb, report);
        sb.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
        return sb.toString();
    }

    private static void header(StringBuilder sb, SweepReport report) {
        ObjectiveAxis obj = report.objective();
        sb.append("<h1>").append(text("sweep " + report.sweep())).append("</h1>\n<p class=\"summary\" id=\"summary\">");
        Map<String, Long> statuses = statusCounts(report);
        sb.append(text(report.totalTrials() + " trials " + statuses + "; objective: " + obj.direction().label() + " " + obj.label()));
        best(report).ifPresent(b -> sb.append(". Best: ").append("<strong>").append(text(obj.label() + " = " + Html.display(b.get(obj.column()))))
                .append("</strong>").append(text(" — trial " + b.get(Columns.TRIAL_ID) + " (" + params(b) + ")")));
        sb.append("</p>\n");
        if (report.rows().size() < report.totalTrials()) {
            sb.append("<p class=\"note\">").append(text("This report shows the best " + report.rows().size() + " of " + report.totalTrials()
                    + " trials; query the leaderboard with `sparksweep sql` for all of them.")).append("</p>\n");
        }
    }

    private static void leaderboard(StringBuilder sb, SweepReport report) {
        List<String> cols = new ArrayList<>(List.of(Columns.RANK, Columns.TRIAL_ID, Columns.TRIAL_INDEX, Columns.STATUS, Columns.OBJECTIVE));
        for (String c : report.columns()) if (c.startsWith(Columns.METRIC_PREFIX) && !cols.contains(c) && hasValues(report, c)) cols.add(c);
        for (ParamAxis p : report.params()) cols.add(p.column());
        for (String c : List.of(Columns.TRAIN_SECONDS, Columns.EXECUTOR_HOST, Columns.ERROR)) if (report.columns().contains(c)) cols.add(c);
        cols.removeIf(c -> !report.columns().contains(c));
        sb.append("<h2>Leaderboard</h2>\n<p class=\"note\">Click a column to sort; link to a sorting with <code>#sort=column:desc</code>.</p>\n")
                .append("<div class=\"board\"><table id=\"leaderboard\"><thead><tr>");
        for (String c : cols) {
            boolean numeric = isNumeric(report, c);
            sb.append("<th data-col=\"").append(text(c)).append("\" data-type=\"").append(numeric ? "number" : "text").append("\">")
                    .append(text(c.startsWith(Columns.PARAM_PREFIX) ? c.substring(Columns.PARAM_PREFIX.length()) : c)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        List<Map<String, Object>> ranked = new ArrayList<>(report.rows());
        ranked.sort(Comparator.<Map<String, Object>, Double>comparing(r -> SweepReport.number(r, Columns.RANK), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> SweepReport.number(r, Columns.TRIAL_INDEX), Comparator.nullsLast(Comparator.naturalOrder())));
        for (Map<String, Object> r : ranked) {
            sb.append("<tr class=\"").append(text(r.get(Columns.STATUS))).append("\">");
            for (String c : cols) {
                Object v = r.get(c);
                String shown = Html.display(v);
                boolean error = c.equals(Columns.ERROR);
                sb.append("<td").append(v instanceof Number ? " class=\"num\"" : error ? " class=\"error\"" : "").append(" data-v=\"")
                        .append(text(v instanceof Number ? String.valueOf(v) : shown)).append("\"");
                if (error && shown.length() > 200) sb.append(" title=\"").append(text(shown)).append("\">").append(text(Charts.shorten(shown, 200)));
                else sb.append('>').append(text(shown));
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table></div>\n");
    }

    private static void charts(StringBuilder sb, SweepReport report) {
        ObjectiveAxis obj = report.objective();
        sb.append("<h2>").append(text(obj.label() + " over trial order")).append("</h2>\n");
        sb.append("<p class=\"note\">").append(text("Each dot is a completed trial, the line the best " + obj.label()
                + " found so far (" + obj.direction().label() + "); crosses on the axis are trials that did not complete.")).append("</p>\n");
        sb.append(Charts.objectiveOverTrials(report));
        if (report.completed().isEmpty()) {
            sb.append("<p class=\"note\">No trial completed: nothing to compare the hyperparameters by. See the failures below.</p>\n");
        } else if (!report.params().isEmpty()) {
            sb.append("<h2>Hyperparameters</h2>\n<p class=\"note\">One line per trial through its values, coloured by ").append(text(obj.label()))
                    .append("; grey lines did not complete, values below an axis mean the parameter was inactive.</p>\n")
                    .append(Charts.colourLegend(report)).append('\n').append(Charts.parallelCoordinates(report));
            sb.append("<h2>").append(text(obj.label() + " by each hyperparameter")).append("</h2>\n<div class=\"charts\" id=\"marginals\">\n");
            for (ParamAxis p : report.params()) sb.append(Charts.marginal(report, p));
            sb.append("</div>\n");
        }
        sb.append("<h2>Pareto front</h2>\n");
        if (report.objectives().size() >= 2) {
            sb.append(Charts.paretoFront(report));
        } else {
            sb.append("<p class=\"note\" id=\"pareto-note\">").append(text("This sweep has one objective (" + obj.label()
                    + "), so its Pareto front is its best trial. A sweep with several objectives gets a front of the first two here."))
                    .append("</p>\n");
        }
    }

    private static void failures(StringBuilder sb, SweepReport report) {
        sb.append("<h2>Failures</h2>\n<table id=\"status-counts\"><thead><tr><th>status</th><th>trials</th></tr></thead><tbody>\n");
        statusCounts(report).forEach((s, n) -> sb.append("<tr><td>").append(text(s)).append("</td><td class=\"num\">").append(n).append("</td></tr>\n"));
        sb.append("</tbody></table>\n");
        Map<String, List<Map<String, Object>>> byMessage = new LinkedHashMap<>();
        for (Map<String, Object> r : report.rows()) {
            Object e = r.get(Columns.ERROR);
            if (e == null || "COMPLETED".equals(r.get(Columns.STATUS))) continue;
            byMessage.computeIfAbsent(messageShape(String.valueOf(e)), k -> new ArrayList<>()).add(r);
        }
        if (byMessage.isEmpty()) {
            sb.append("<p class=\"note\" id=\"no-failures\">Every trial completed.</p>\n");
            return;
        }
        List<Map.Entry<String, List<Map<String, Object>>>> top = new ArrayList<>(byMessage.entrySet());
        top.sort(Comparator.comparingInt((Map.Entry<String, List<Map<String, Object>>> e) -> -e.getValue().size()));
        sb.append("<p class=\"note\">Most common messages (numbers in a message are ignored when grouping; the example is verbatim).</p>\n")
                .append("<table id=\"failure-messages\"><thead><tr><th>trials</th><th>status</th><th>example message</th><th>example trial</th></tr></thead><tbody>\n");
        for (Map.Entry<String, List<Map<String, Object>>> e : top.subList(0, Math.min(TOP_MESSAGES, top.size()))) {
            Map<String, Object> ex = e.getValue().get(0);
            TreeSet<String> statuses = new TreeSet<>();
            for (Map<String, Object> r : e.getValue()) statuses.add(String.valueOf(r.get(Columns.STATUS)));
            sb.append("<tr><td class=\"num\">").append(e.getValue().size()).append("</td><td>").append(text(String.join(", ", statuses)))
                    .append("</td><td class=\"error\">").append(text(Charts.shorten(String.valueOf(ex.get(Columns.ERROR)), 600))).append("</td><td>")
                    .append(text(ex.get(Columns.TRIAL_ID) + " #" + ex.get(Columns.TRIAL_INDEX) + " (" + params(ex) + ")")).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    private static void provenance(StringBuilder sb, SweepReport report) {
        sb.append("<h2>Provenance</h2>\n<dl id=\"provenance\">\n");
        Map<String, Object> first = report.rows().isEmpty() ? Map.of() : report.rows().get(0);
        SweepProvenance p = report.provenance();
        item(sb, "spec hash", distinct(report, Columns.SPEC_HASH));
        item(sb, "engine version", distinct(report, Columns.ENGINE_VERSION));
        item(sb, "trainer", first.get(Columns.TRAINER));
        item(sb, "strategy", first.get(Columns.STRATEGY));
        item(sb, "objective", report.objectives().stream().map(o -> o.direction().label() + " " + o.label()).toList());
        item(sb, "seed", distinct(report, Columns.SEED));
        item(sb, "trials ran on", distinct(report, Columns.EXECUTOR_HOST));
        if (p != null) {
            item(sb, "spec file", p.specSource());
            item(sb, "Spark", p.sparkVersion() + ", master " + p.sparkMaster() + ", application " + p.applicationId());
            item(sb, "started", p.startedAt());
            item(sb, "finished", p.finishedAt() + " (" + p.outcome() + ")");
            item(sb, "duration", duration(p.wallSeconds()));
            item(sb, "planned trials", p.plannedTrials() < 0 ? "open-ended" : p.plannedTrials());
        }
        sb.append("</dl>\n");
        if (p == null) {
            sb.append("<p class=\"note\">").append(text("No run provenance was recorded for this sweep (it was run by an older sparksweep, or not by"
                    + " `sparksweep run`): the spec, Spark master and duration are unknown. Times below come from the trials.")).append("</p>\n");
            trialTimes(sb, report);
            return;
        }
        sb.append("<h3>Spec</h3>\n<pre id=\"spec-text\">").append(text(p.specText())).append("</pre>\n");
        sb.append("<details><summary>Spark configuration (secrets redacted by Spark)</summary><table id=\"spark-conf\"><tbody>\n");
        new TreeMap<>(p.sparkConf()).forEach((k, v) -> sb.append("<tr><td>").append(text(k)).append("</td><td>").append(text(v)).append("</td></tr>\n"));
        sb.append("</tbody></table></details>\n");
    }

    private static void trialTimes(StringBuilder sb, SweepReport report) {
        String first = null, last = null;
        for (Map<String, Object> r : report.rows()) {
            Object s = r.get(Columns.STARTED_AT), f = r.get(Columns.FINISHED_AT);
            if (s != null && (first == null || s.toString().compareTo(first) < 0)) first = s.toString();
            if (f != null && (last == null || f.toString().compareTo(last) > 0)) last = f.toString();
        }
        sb.append("<dl>");
        item(sb, "first trial started", first);
        item(sb, "last trial finished", last);
        sb.append("</dl>\n");
    }

    private static void item(StringBuilder sb, String name, Object value) {
        if (value == null) return;
        String v = value instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(value);
        sb.append("<dt>").append(text(name)).append("</dt><dd>").append(text(v)).append("</dd>\n");
    }

    private static List<String> distinct(SweepReport report, String column) {
        TreeSet<String> out = new TreeSet<>();
        for (Map<String, Object> r : report.rows()) if (r.get(column) != null) out.add(String.valueOf(r.get(column)));
        return new ArrayList<>(out);
    }

    static Map<String, Long> statusCounts(SweepReport report) {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Object> r : report.rows()) out.merge(String.valueOf(r.get(Columns.STATUS)), 1L, Long::sum);
        return out;
    }

    private static java.util.Optional<Map<String, Object>> best(SweepReport report) {
        return report.completed().stream().filter(r -> SweepReport.number(r, Columns.RANK) != null)
                .min(Comparator.comparing(r -> SweepReport.number(r, Columns.RANK)));
    }

    private static String params(Map<String, Object> r) {
        List<String> parts = new ArrayList<>();
        r.forEach((k, v) -> {
            if (k.startsWith(Columns.PARAM_PREFIX) && v != null) parts.add(k.substring(Columns.PARAM_PREFIX.length()) + "=" + Html.display(v));
        });
        return String.join(" ", parts);
    }

    private static boolean hasValues(SweepReport report, String column) {
        for (Map<String, Object> r : report.rows()) if (r.get(column) != null) return true;
        return false;
    }

    private static boolean isNumeric(SweepReport report, String column) {
        boolean any = false;
        for (Map<String, Object> r : report.rows()) {
            Object v = r.get(column);
            if (v == null) continue;
            if (!(v instanceof Number)) return false;
            any = true;
        }
        return any;
    }

    /** A message with its numbers blanked, so "failed at x=1.5" and "failed at x=2" count as one kind of failure. */
    static String messageShape(String message) {
        return message.replaceAll("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "#");
    }

    private static String duration(double seconds) {
        Duration d = Duration.ofMillis(Math.round(seconds * 1000));
        if (seconds < 60) return String.format(java.util.Locale.ROOT, "%.1f s", seconds);
        return String.format(java.util.Locale.ROOT, "%dh %02dm %02ds", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    private static String scriptHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(SCRIPT.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

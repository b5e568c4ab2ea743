package org.sparksweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparksweep.report.SweepReport.ObjectiveAxis;
import org.sparksweep.trial.Direction;

/** The report's rendering without Spark: a second objective gets its Pareto front, failures group by cause, inactive parameters show. */
class HtmlReportTest {

    static Map<String, Object> row(long index, String status, Double accuracy, Double seconds, String updater, Double momentum, String error) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("sweep", "s");
        r.put("trial_id", String.format("%016x", index));
        r.put("trial_index", index);
        r.put("status", status);
        r.put("objective", accuracy);
        r.put("rank", null);
        r.put("error", error);
        r.put("metric_accuracy", accuracy);
        r.put("train_seconds", seconds);
        r.put("param_updater", updater);
        r.put("param_momentum", momentum);
        return r;
    }

    static SweepReport report(List<ObjectiveAxis> objectives) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(0, "COMPLETED", 0.90, 4.0, "adam", null, null));
        rows.add(row(1, "COMPLETED", 0.80, 1.0, "nesterovs", 0.9, null));
        rows.add(row(2, "COMPLETED", 0.85, 5.0, "nesterovs", 0.98, null)); // dominated by trial 0: worse and slower
        rows.add(row(3, "COMPLETED", 0.95, 9.0, "adam", null, null));
        rows.add(row(4, "FAILED", null, 0.1, "sgd", null, "java.lang.IllegalStateException: out of memory at batch 17"));
        rows.add(row(5, "FAILED", null, 0.1, "sgd", null, "java.lang.IllegalStateException: out of memory at batch 3"));
        rows.add(row(6, "DIVERGED", null, 0.1, "sgd", null, "objective accuracy is NaN"));
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        return new SweepReport("s", columns, rows, rows.size(), objectives, SweepReport.paramsOf(columns, rows), null);
    }

    @Test
    void aSecondObjectiveGetsItsParetoFront() {
        ObjectiveAxis accuracy = new ObjectiveAxis("objective", "accuracy", Direction.MAXIMIZE);
        ObjectiveAxis seconds = new ObjectiveAxis("train_seconds", "train_seconds", Direction.MINIMIZE);
        SweepReport r = report(List.of(accuracy, seconds));
        List<Object> front = ParetoFront.of(r.completed(), accuracy, seconds).stream().map(m -> m.get("trial_index")).toList();
        assertEquals(List.of(1L, 0L, 3L), front, "trial 2 is dominated by trial 0; the others trade accuracy for time");
        String html = HtmlReport.render(r);
        assertTrue(html.contains("<svg class=\"chart\" id=\"pareto-front\""));
        assertEquals(3, html.split("class=\"pareto-point\"", -1).length - 1);
        assertEquals(1, html.split("class=\"dominated-point\"", -1).length - 1);
        assertFalse(html.contains("id=\"pareto-note\""));
    }

    @Test
    void theLeaderboardsParetoRankDecidesTheFrontWhenItRankedTheSweep() {
        ObjectiveAxis accuracy = new ObjectiveAxis("objective", "accuracy", Direction.MAXIMIZE);
        ObjectiveAxis seconds = new ObjectiveAxis("train_seconds", "train_seconds", Direction.MINIMIZE);
        SweepReport r = report(List.of(accuracy, seconds));
        // trial 1 breaks a constraint (rank null), trial 2 is on the front through a third objective
        Map<Object, Integer> ranks = Map.of(0L, 1, 1L, 2, 2L, 1, 3L, 1);
        List<Map<String, Object>> ranked = new ArrayList<>();
        for (Map<String, Object> row : r.completed()) {
            Map<String, Object> copy = new LinkedHashMap<>(row);
            copy.put("pareto_rank", ranks.get(row.get("trial_index")));
            ranked.add(copy);
        }
        List<Object> front = ParetoFront.of(ranked, accuracy, seconds).stream().map(m -> m.get("trial_index")).toList();
        assertEquals(List.of(2L, 0L, 3L), front, "the rank-1 rows, by accuracy");
    }

    @Test
    void severalObjectivesAreReadFromTheRecordedSpec() {
        var provenance = new org.sparksweep.store.SweepProvenance("s", "spec.yaml", """
                name: s
                objectives:
                  - {metric: accuracy, direction: maximize}
                  - {metric: param_count, direction: minimize}
                """, "h", "v", "4.2.0", "local[2]", "app", "t0", "t1", 1.0, 4, "finished", Map.of());
        List<ObjectiveAxis> axes = ReportReader.objectives(provenance, List.of("objective", "metric_accuracy", "metric_param_count"));
        assertEquals(List.of(new ObjectiveAxis("metric_accuracy", "accuracy", Direction.MAXIMIZE),
                new ObjectiveAxis("metric_param_count", "param_count", Direction.MINIMIZE)), axes);
        assertEquals(List.of(), ReportReader.objectives(provenance, List.of("objective", "metric_accuracy")), "a metric without a column");
    }

    @Test
    void oneObjectiveSaysWhereTheFrontWillBe() {
        String html = HtmlReport.render(report(List.of(new ObjectiveAxis("objective", "accuracy", Direction.MAXIMIZE))));
        assertTrue(html.contains("id=\"pareto-note\""));
        assertFalse(html.contains("id=\"pareto-front\""));
    }

    @Test
    void failuresAreCountedByStatusAndGroupedByMessageIgnoringNumbers() {
        String html = HtmlReport.render(report(List.of(new ObjectiveAxis("objective", "accuracy", Direction.MAXIMIZE))));
        String failures = html.substring(html.indexOf("<table id=\"failure-messages\">"));
        failures = failures.substring(0, failures.indexOf("</table>"));
        assertEquals(2, failures.split("<tr><td class=\"num\">", -1).length - 1, "two causes: out of memory (twice) and NaN");
        assertTrue(failures.indexOf("<tr><td class=\"num\">2</td><td>FAILED</td>") < failures.indexOf("<tr><td class=\"num\">1</td><td>DIVERGED</td>"),
                "most common first: " + failures);
        String counts = html.substring(html.indexOf("<table id=\"status-counts\">"), html.indexOf("<table id=\"failure-messages\">"));
        assertTrue(counts.contains("<td>COMPLETED</td><td class=\"num\">4</td>") && counts.contains("<td>FAILED</td><td class=\"num\">2</td>")
                && counts.contains("<td>DIVERGED</td><td class=\"num\">1</td>"), counts);
    }

    @Test
    void parametersAreTypedByTheirValuesAndInactiveOnesShowAsSuch() {
        SweepReport r = report(List.of(new ObjectiveAxis("objective", "accuracy", Direction.MAXIMIZE)));
        assertEquals(List.of(new SweepReport.ParamAxis("param_updater", "updater", false), new SweepReport.ParamAxis("param_momentum", "momentum", true)),
                r.params());
        String box = Charts.marginal(r, r.params().get(0));
        assertEquals(2, box.split("<g class=\"box\">", -1).length - 1, "a box per value that has completed trials (adam, nesterovs)");
        String pc = Charts.parallelCoordinates(r);
        assertEquals(4, pc.split("class=\"pc-line\"", -1).length - 1);
        assertEquals(3, pc.split("class=\"pc-line pc-failed\"", -1).length - 1, "failed trials are drawn, in grey");
    }

    @Test
    void scalesGoLogarithmicForValuesBunchedAtTheLowEndOverTwoDecades() {
        AxisScale lr = AxisScale.fit(List.of(0.0001, 0.001, 0.01, 0.1), 0, 300, true);
        assertTrue(lr.log());
        assertEquals(List.of(0.0001, 0.001, 0.01, 0.1), lr.ticks().stream().map(t -> Double.parseDouble(String.format("%.4g", t))).toList());
        assertEquals(100.0, lr.at(0.001), 1e-9);
        assertFalse(AxisScale.fit(List.of(1.0, 2.0, 50.0), 0, 1, true).log(), "under two decades");
        assertFalse(AxisScale.fit(List.of(0.01, 4.0, 7.5, 11.0, 15.0), 0, 1, true).log(), "a uniform range that comes near 0 stays linear");
    }
}

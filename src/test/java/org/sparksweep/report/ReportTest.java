package org.sparksweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.testing.Chromium;
import org.sparksweep.testing.CommandLineRun;
import org.sparksweep.testing.SharedSpark;

/**
 * `sparksweep report` on two small real sweeps (the function trainer on Branin, and a trainer whose
 * labels and errors look like markup): what the HTML holds, that it escapes, and what a real
 * browser renders from it (DOM after scripts, console, a screenshot kept under target/).
 */
class ReportTest {
    static final String SCRIPT_LABEL = "<script>document.body.setAttribute('data-pwned','1')</script>";
    static final Path ARTIFACTS = Path.of("target", "report-test");

    @TempDir
    static Path dir;
    static Path root;
    static Path branin;
    static Path escape;

    @BeforeAll
    static void sweeps() throws Exception {
        SharedSpark.get();
        root = dir.resolve("board");
        Path braninSpec = dir.resolve("branin.yaml");
        Files.writeString(braninSpec, """
                name: branin-grid
                model: {trainer: function, function: branin}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {choice: [-5.0, 0.0, 3.14159, 10.0]}
                  x2: {choice: [0.0, 2.275, 15.0]}
                output: %s
                """.formatted(root));
        CommandLineRun r = CommandLineRun.of("run", braninSpec.toString());
        assertEquals(0, r.exit(), r.err());
        Path escapeSpec = dir.resolve("escape.yaml");
        Files.writeString(escapeSpec, """
                name: escape
                model: {trainer: test-faulty}
                objective: {metric: score, direction: maximize}
                search: {strategy: grid}
                space:
                  mode: {choice: [ok, echo]}
                  label: {choice: ["%s", "plain \\"quoted\\" </script>"]}
                  x: {choice: [1.0, 2.0, 3.0]}
                output: %s
                """.formatted(SCRIPT_LABEL.replace("\"", "\\\""), root));
        r = CommandLineRun.of("run", escapeSpec.toString());
        assertEquals(3, r.exit(), "the echo trials fail: " + r.err());
        Files.createDirectories(ARTIFACTS);
        branin = ARTIFACTS.resolve("branin-grid.html");
        escape = ARTIFACTS.resolve("escape.html");
        CommandLineRun b = CommandLineRun.of("report", "--output", root.toString(), "--sweep", "branin-grid", "-o", branin.toString());
        assertEquals(0, b.exit(), b.err());
        assertTrue(b.out().contains("report of sweep branin-grid (12 of 12 trials)"), b.out());
        CommandLineRun e = CommandLineRun.of("report", "--output", root.toString(), "--sweep", "escape", "-o", escape.toString());
        assertEquals(0, e.exit(), e.err());
    }

    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    static String leaderboardBody(String html) {
        int start = html.indexOf("<table id=\"leaderboard\">");
        return html.substring(html.indexOf("<tbody>", start), html.indexOf("</tbody>", start));
    }

    @Test
    void theReportHoldsEveryTrialTheChartsAndTheProvenance() throws Exception {
        String html = Files.readString(branin);
        assertEquals(12, count(leaderboardBody(html), "<tr class=\"COMPLETED\">"));
        assertEquals(12, count(html, "<circle class=\"trial\""), "one dot per completed trial");
        assertEquals(1, count(html, "class=\"running-best\""));
        assertEquals(12, count(html, "<path class=\"pc-line\""), "one parallel-coordinates line per trial");
        assertTrue(html.contains("id=\"marginal-x1\"") && html.contains("id=\"marginal-x2\""), "a marginal plot per hyperparameter");
        assertTrue(html.contains("id=\"pareto-note\""), "one objective: the report says where the Pareto front will be");
        assertTrue(html.contains("id=\"no-failures\""));
        // the best trial of this grid is x1=pi, x2=2.275 (Branin's minimum 0.397887)
        assertTrue(html.contains("Best: <strong>value = 0.3978"), html.substring(html.indexOf("id=\"summary\""), html.indexOf("id=\"summary\"") + 400));
        assertTrue(html.contains("x1=3.14159 x2=2.275"));
        // provenance: the spec as written, where it ran, how long
        assertTrue(html.contains("function: branin"), "the spec text");
        assertTrue(html.contains("master local[2]"));
        assertTrue(html.contains("<dt>duration</dt>") && html.contains("<dt>spec hash</dt>") && html.contains("<dt>engine version</dt>"));
        assertFalse(html.contains("src=") || html.contains("href=") || html.contains("url(http") || html.contains("@import"), "nothing is fetched: the file works offline");
    }

    @Test
    void valuesAndErrorsThatLookLikeMarkupAreText() throws Exception {
        String html = Files.readString(escape);
        assertEquals(1, count(html, "<script"), "only the report's own script");
        assertEquals(1, count(html, "</script>"), "an error containing </script> does not close it");
        assertTrue(html.contains("&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("cannot use label &quot;plain &quot;quoted&quot; &lt;/script&gt;&quot;"), "the error, quotes and all");
        assertEquals(6, count(leaderboardBody(html), "<tr class=\"FAILED\">"));
        assertTrue(html.contains("<table id=\"failure-messages\">"));
        assertTrue(html.contains("id=\"marginal-label\"") && html.contains("class=\"box\""), "a categorical parameter gets boxes per value");
    }

    @Test
    void severalSweepsUnderOneRootNeedSweep() {
        CommandLineRun r = CommandLineRun.of("report", "--output", root.toString(), "-o", dir.resolve("x.html").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("holds 2 sweeps [branin-grid, escape]: choose one with --sweep"), r.err());
        CommandLineRun missing = CommandLineRun.of("report", "--output", root.toString(), "--sweep", "nope", "-o", dir.resolve("x.html").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no sweep 'nope'"), missing.err());
    }

    @Test
    void aRealBrowserRendersTheReportWithoutErrorsAndSortsIt() throws Exception {
        Chromium chromium = Chromium.find(ARTIFACTS.resolve("chromium"));
        Chromium.Page page = chromium.load(branin, "sort=objective:desc");
        assertEquals(List.of(), page.console(), "no console messages (errors, blocked content)");
        String dom = page.dom();
        assertTrue(dom.contains("data-ready=\"true\""), "the page's script ran");
        assertTrue(dom.contains("data-sorted-by=\"objective:desc\""), "#sort= sorted the leaderboard");
        String body = leaderboardBody(dom);
        assertEquals(12, count(body, "<tr "));
        Matcher first = Pattern.compile("<td class=\"num\" data-v=\"(\\d+)\">").matcher(body);
        assertTrue(first.find());
        assertEquals("12", first.group(1), "worst (highest) Branin value first: rank 12");
        for (String id : List.of("objective-chart", "parallel-coordinates", "marginal-x1", "marginal-x2")) {
            assertTrue(dom.contains("<svg class=\"chart\" id=\"" + id + "\""), id);
        }
        Path png = ARTIFACTS.resolve("branin-grid.png");
        chromium.screenshot(branin, png, 1400, 2600);
        assertTrue(Files.size(png) > 20_000, "a screenshot with content: " + Files.size(png) + " bytes");
    }

    @Test
    void inARealBrowserMarkupInValuesStaysText() throws Exception {
        Chromium chromium = Chromium.find(ARTIFACTS.resolve("chromium"));
        Chromium.Page page = chromium.load(escape, null);
        assertEquals(List.of(), page.console(), "nothing blocked, nothing thrown");
        String dom = page.dom();
        assertTrue(dom.contains("data-ready=\"true\""));
        assertFalse(dom.contains("data-pwned".replace("-", "-") + "=\"1\""), "the label's script did not run");
        assertTrue(dom.contains("&lt;script&gt;document.body.setAttribute('data-pwned','1')&lt;/script&gt;"), "it shows as text");
        assertEquals(12, count(leaderboardBody(dom), "<tr "));
        chromium.screenshot(escape, ARTIFACTS.resolve("escape.png"), 1400, 2600);
    }
}

package org.sparksweep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.testing.SharedSpark;

class EngineOverheadTest {
    @TempDir
    Path root;

    @Test
    void phasesAccountForAllOfTheOverhead() throws Exception {
        SparkSession spark = SharedSpark.get();
        EngineOverhead.Phases p = new EngineOverhead(spark, root).measure(BenchSweeps.sleep("overhead-test", 24, 0.01, root), new SweepRunner(spark));
        assertEquals(24, p.summary().trials());
        double overhead = p.summary().wallSeconds() * p.summary().slots() - p.summary().trainSeconds();
        double phases = p.plan() + p.dispatch() + p.inTask() + p.drain() + p.reduce();
        // the phases come from Spark's task metrics (millisecond clock) and the sweep's own clock: they add up to the overhead
        assertEquals(overhead, phases, 0.05 * p.summary().wallSeconds() * p.summary().slots() + 0.05);
        assertTrue(p.summary().trainSeconds() >= 24 * 0.01, "every trial slept");
    }

    @Test
    void tableAlignsFiguresAndPrintsNotes() {
        BenchTable t = new BenchTable("title", "runner", "wall s");
        t.row("sparksweep", 12.345);
        t.row("peer", 0.5);
        t.note("limit = …");
        StringWriter text = new StringWriter();
        t.print(new PrintWriter(text));
        String[] lines = text.toString().split("\n");
        assertEquals("title", lines[0]);
        assertEquals("runner      wall s", lines[1]);
        assertEquals("sparksweep   12.35", lines[3]);
        assertEquals("peer         0.500", lines[4]);
        assertEquals("  limit = …", lines[5]);
    }

    @Test
    void gridProbeResultSurvivesTheTripBetweenJvms() {
        GridProbe.Result r = new GridProbe.Result(10_000_000L, 1000, 1.5, 9.25, 61.5, 455);
        assertEquals(r, GridProbe.Result.parse(r.line()));
    }

    @Test
    void anUnknownScenarioIsBadInputNamingTheChoices() {
        StringWriter err = new StringWriter();
        int code = org.sparksweep.bench.cli.BenchMain.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "benchmark", "--scenarios", "overhead,speed");
        assertEquals(org.sparksweep.cli.Main.BAD_INPUT, code);
        assertTrue(err.toString().contains("unknown scenario 'speed'; one of overhead, real, scale, growth"), err.toString());
    }

    @Test
    void gridOfTenToTheSevenIsAnIndexRangeNotAList() {
        assertEquals(10_000_000L, BenchSweeps.grid("g", 7, root).space().gridSize().orElseThrow());
    }
}

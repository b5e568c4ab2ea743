package org.sparksweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.search.IndexDecoder;
import org.sparksweep.search.Proposal;
import org.sparksweep.search.Strategy;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialId;
import org.sparksweep.trial.TrialSchedule;

/**
 * Pins what a resumed sweep is matched against: for every example spec in conf/, its spec hash, the
 * hash of its search-relevant content (what the sweep's manifest keeps), and the index, id, config and
 * schedule of its first trials as the engine would record them (for an adaptive strategy, the proposals
 * it makes before any result). A change here means existing leaderboards no longer resume as they were.
 *
 * <p>The golden file is {@code src/test/resources/golden/conf-trial-ids.txt}. After a deliberate change
 * to what trials a spec makes, rewrite it with
 * {@code mvn -B test -Dtest=ConfTrialIdsGoldenTest -Dsparksweep.golden.write=true}: the test then writes
 * the file and fails, so a rewrite is never mistaken for a pass; review the diff and run it again.
 */
class ConfTrialIdsGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/conf-trial-ids.txt");
    static final String WRITE = "sparksweep.golden.write";
    static final int TRIALS = 20;

    @Test
    void everyExampleSpecMakesTheTrialsItAlwaysMade() throws Exception {
        String actual = describeAll();
        if (Boolean.getBoolean(WRITE)) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
            fail("rewrote " + GOLDEN + " because -D" + WRITE + "=true: review its diff, then run the test again without the property");
        }
        assertTrue(Files.exists(GOLDEN), GOLDEN + " is missing; make it with -D" + WRITE + "=true");
        String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        // line by line first, so a failure names the first spec and trial that changed
        List<String> want = expected.lines().toList(), got = actual.lines().toList();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertEquals(want.get(i), got.get(i), "line " + (i + 1) + " of " + GOLDEN + " (trial ids or spec hashes of conf/ changed:"
                    + " recorded sweeps would no longer resume)");
        }
        assertEquals(expected, actual, "the specs in conf/ or the trials pinned per spec changed; regenerate with -D" + WRITE + "=true if deliberate");
    }

    static String describeAll() throws Exception {
        List<Path> specs;
        try (Stream<Path> files = Files.list(Path.of("conf"))) {
            specs = files.filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
        }
        assertFalse(specs.isEmpty(), "conf/ holds example specs");
        StringBuilder out = new StringBuilder();
        out.append("# Trial ids of the example specs in conf/, see ConfTrialIdsGoldenTest; rewrite with -D").append(WRITE).append("=true\n");
        for (Path file : specs) describe(file, out);
        return out.toString();
    }

    /** The spec's hashes and its first trials, the way the driver loop asks for them and the executors name them. */
    static void describe(Path file, StringBuilder out) throws Exception {
        SweepSpec spec = SpecReader.read(file);
        Strategy strategy = SweepRunner.newStrategy(spec);
        long seed = spec.search().seed();
        out.append("spec ").append(file.getFileName()).append('\n');
        out.append("  name ").append(spec.name()).append('\n');
        out.append("  strategy ").append(spec.search().strategy()).append(" seed ").append(seed)
                .append(" adaptive ").append(strategy.adaptive())
                .append(" planned ").append(strategy.plannedTrials().isPresent() ? strategy.plannedTrials().getAsLong() : "unknown").append('\n');
        out.append("  spec_hash ").append(spec.specHash()).append('\n');
        out.append("  content_sha256 ").append(TrialId.sha256Hex(spec.content())).append('\n');
        List<String> trials = new ArrayList<>();
        // the engine gives an adaptive strategy one free slot at a time and takes its decoder after each ask
        int max = strategy.adaptive() ? 1 : TRIALS;
        while (trials.size() < TRIALS) {
            Proposal p = strategy.ask(max);
            if (!(p instanceof Proposal.Indices range)) {
                trials.add("then " + p.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
                break;
            }
            IndexDecoder decoder = strategy.decoder();
            for (long i = range.from(); i < range.to() && trials.size() < TRIALS; i++) {
                TrialConfig config = decoder.decode(i);
                trials.add("trial " + i + " " + TrialId.of(spec.name(), config, seed) + " " + config.canonicalJson() + schedule(decoder.schedule(i)));
            }
        }
        for (String t : trials) out.append("  ").append(t).append('\n');
    }

    private static String schedule(TrialSchedule s) {
        if (s.equals(TrialSchedule.FULL)) return "";
        return " rung=" + s.rung() + " budget=" + s.budget() + " parent=" + s.parentTrialId() + " checkpoint=" + s.checkpoint()
                + (s.stoppingRule() == null ? "" : " stoppable");
    }
}

package org.sparksweep.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparksweep.plugin.Knob;
import org.sparksweep.search.Strategies;
import org.sparksweep.search.StrategyFactory;
import org.sparksweep.store.Columns;
import org.sparksweep.trainer.Trainer;
import org.sparksweep.trainer.Trainers;

/**
 * The reference pages under src/site/markdown name every trainer setting, strategy option and
 * leaderboard column the code has, so adding one without documenting it fails the build.
 */
class ReferencePagesTest {
    private static final Path PAGES = Path.of("src", "site", "markdown");

    private static String page(String name) throws IOException {
        return Files.readString(PAGES.resolve(name));
    }

    private static void assertNamed(String page, String text, List<String> names, String what) {
        List<String> missing = new ArrayList<>();
        for (String n : names) if (!text.contains("`" + n + "`") && !text.contains("`" + n + ":")) missing.add(n);
        assertTrue(missing.isEmpty(), what + " not named in src/site/markdown/" + page + ": " + missing
                + " (write each as `name` where the page describes it)");
    }

    /** Plug-ins that only the tests register (from target/test-classes) are not the product's. */
    private static boolean registeredByTests(Object plugin) {
        return plugin.getClass().getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes");
    }

    @Test
    void everyTrainerSettingIsOnTheModelsPage() throws IOException {
        String models = page("models.md");
        for (Trainer t : Trainers.all().values()) {
            if (registeredByTests(t)) continue;
            assertNamed("models.md", models, List.of(t.name()), "trainer");
            assertNamed("models.md", models, t.knobs().stream().map(Knob::name).toList(), "settings of trainer " + t.name());
        }
    }

    @Test
    void everyStrategyAndItsOptionsAreOnTheStrategiesPage() throws IOException {
        String strategies = page("strategies.md");
        for (StrategyFactory f : Strategies.all().values()) {
            if (registeredByTests(f)) continue;
            assertNamed("strategies.md", strategies, List.of(f.name()), "strategy");
            assertNamed("strategies.md", strategies, f.options().stream().map(Knob::name).toList(), "options of strategy " + f.name());
        }
    }

    @Test
    void everyLeaderboardColumnIsOnTheLeaderboardPage() throws IOException, IllegalAccessException {
        List<String> columns = new ArrayList<>();
        for (Field f : Columns.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().endsWith("_PREFIX")) {
                columns.add((String) f.get(null));
            }
        }
        assertTrue(columns.size() > 20, "the columns read from " + Columns.class.getName() + ": " + columns);
        assertNamed("leaderboard.md", page("leaderboard.md"), columns, "leaderboard columns");
    }
}

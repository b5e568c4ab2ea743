package org.sparksweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} is how a user checks a spec before paying for a cluster: it must say what would
 * run, or name the file and field at fault with exit code 2, and touch nothing. {@code run} must
 * reject the same spec before it starts Spark or creates the leaderboard.
 */
class ValidateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void validSpecPrintsTheGridAndTouchesNothing() throws IOException {
        Path output = dir.resolve("leaderboard");
        String example = Files.readString(Path.of("conf/iris-grid.yaml"));
        assertTrue(example.contains("\noutput: ./sweeps\n"), "the example spec changed; update this test");
        Path spec = write("iris-grid.yaml", example.replace("\noutput: ./sweeps\n", "\noutput: " + output + "\n"));

        assertEquals(Main.OK, execute("validate", spec.toString()));

        String text = out.toString();
        assertEquals("", err.toString());
        assertEquals(spec + ": valid", text.lines().findFirst().orElse(""));
        assertLine(text, "search:    grid: 24 grid points");
        assertLine(text, "space:     4 parameters, 24 grid points");
        assertLine(text, "  layers: choice [1, 2] [long, 2 grid points]");
        assertLine(text, "  width: choice [16, 64] [long, 2 grid points]");
        assertLine(text, "  learningRate: logUniform(0.003, 0.03) x 3 points [double, 3 grid points]");
        assertLine(text, "  updater: choice [adam, nesterovs] [string, 2 grid points]");
        assertLine(text, "objective: maximize accuracy");
        assertLine(text, "data:      iris {}, 3-fold cross-validation, split seed 42");
        assertLine(text, "output:    " + output.toUri().toString().replaceAll("/$", ""));
        assertFalse(Files.exists(output), "validate created " + output);
    }

    @Test
    void aConditionalParameterIsPrintedWithItsCondition() {
        assertEquals(Main.OK, execute("validate", "conf/diabetes-mlp.yaml"));
        assertLine(out.toString(), "  momentum: choice [0.9] [double, 1 grid points] when updater in [nesterovs]");
    }

    @Test
    void crossValidatedSpecSaysHowRowsAreSplitAndABadLabelIsRefusedUpFront() throws IOException {
        assertEquals(Main.OK, execute("validate", "conf/breast-cancer-folds.yaml"));
        assertLine(out.toString(), "data:      breast_cancer {}, 5-fold cross-validation, split seed 42");

        Path csv = write("plants.csv", "height,kind\n1,fern\n2,moss\n");
        Path spec = write("plants.yaml", """
                name: plants
                data: {source: csv, path: "%s", label: knid}
                model: {trainer: dl4j-mlp}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: grid}
                space: {width: [8, 16]}
                """.formatted(csv));
        assertEquals(Main.BAD_INPUT, execute("validate", spec.toString()));
        assertTrue(err.toString().contains("data: " + csv.toUri().toString().replace("file:///", "file:/")
                + ": no label column 'knid'; the columns are [height, kind]"), err.toString());
    }

    @Test
    void randomSearchOverAContinuousSpace() throws IOException {
        Path spec = write("branin.yaml", """
                name: branin
                model: {trainer: function, function: branin}
                objective: {metric: value, direction: minimize}
                search: {strategy: random, trials: 20, seed: 5}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15], q: 0.5}
                output: %s
                """.formatted(dir.resolve("out")));

        assertEquals(Main.OK, execute("validate", spec.toString()));

        String text = out.toString();
        assertLine(text, "search:    random: 20 samples, seed 5");
        assertLine(text, "space:     2 parameters, continuous");
        assertLine(text, "  x1: uniform(-5.0, 10.0) [double, continuous]");
        assertLine(text, "  x2: uniform(0.0, 15.0) q 0.5 [double, 31 grid points]");
        assertLine(text, "data:      none");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void invalidSpecExitsTwoNamingFileAndField() throws IOException {
        Path output = dir.resolve("leaderboard");
        Path spec = write("bad.yaml", invalidSpec(output));

        assertEquals(Main.BAD_INPUT, execute("validate", spec.toString()));

        String text = err.toString();
        assertTrue(text.startsWith("invalid sweep spec " + spec + " (2 problems)\n"), text);
        assertTrue(text.contains("\n  " + spec + ": space.learningRate: logUniform lower bound must be > 0, got 0\n"), text);
        assertTrue(text.contains("\n  " + spec + ": model.activaton: unknown key 'activaton' for trainer dl4j-mlp; did you mean 'activation'?"), text);
        assertFalse(out.toString().contains("valid"), out.toString());
        assertFalse(Files.exists(output), "validate created " + output);
    }

    @Test
    void emptySpecExitsTwo() throws IOException {
        Path spec = write("empty.yaml", "---\n");

        assertEquals(Main.BAD_INPUT, execute("validate", spec.toString()));

        assertTrue(err.toString().contains(spec + ": (top level): the spec is empty"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void missingFileExitsTwo() {
        Path spec = dir.resolve("absent.yaml");

        assertEquals(Main.BAD_INPUT, execute("validate", spec.toString()));

        assertTrue(err.toString().contains(spec + ": cannot read the file"), err.toString());
    }

    @Test
    void runRejectsAnInvalidSpecBeforeStartingAnything() throws IOException {
        Path output = dir.resolve("leaderboard");
        Path spec = write("bad.yaml", invalidSpec(output));

        assertEquals(Main.BAD_INPUT, execute("run", spec.toString(), "--master", "local[1]"));

        assertTrue(err.toString().contains(spec + ": space.learningRate: logUniform lower bound must be > 0, got 0"), err.toString());
        assertEquals("", out.toString());
        assertFalse(Files.exists(output), "run created " + output);
    }

    @Test
    void runWithAnOutputOverrideStillCreatesNothing() throws IOException {
        Path override = dir.resolve("override");
        Path spec = write("bad.yaml", invalidSpec(dir.resolve("leaderboard")));

        assertEquals(Main.BAD_INPUT, execute("run", spec.toString(), "--output", override.toString()));

        assertTrue(err.toString().contains(spec + ": model.activaton:"), err.toString());
        assertFalse(Files.exists(override));
        assertFalse(Files.exists(dir.resolve("leaderboard")));
    }

    private static String invalidSpec(Path output) {
        return """
                name: bad
                data: {source: iris}
                model: {trainer: dl4j-mlp, activaton: tanh}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: grid}
                space:
                  learningRate: {logUniform: [0, 0.1], points: 3}
                output: %s
                """.formatted(output);
    }

    private int execute(String... args) {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertLine(String text, String line) {
        assertTrue(text.lines().anyMatch(line::equals), "no line '" + line + "' in\n" + text);
    }
}

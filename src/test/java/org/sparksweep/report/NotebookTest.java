package org.sparksweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.testing.CommandLineRun;
import org.sparksweep.testing.SharedSpark;

/**
 * The bundled notebook really runs: executed headless with Jupyter's nbclient (Debian's
 * python3-nbclient) against a sweep made here, its one `sparksweep sql --session` served by this build's
 * classes. Skipped without Jupyter on a developer's machine; required when CI sets
 * {@value #REQUIRED}. The executed copy is kept under target/ to look at.
 */
class NotebookTest {
    static final String REQUIRED = "sparksweep.notebooks.required";
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path EXECUTED = Path.of("target", "notebooks", "morning.executed.ipynb");

    @TempDir
    static Path dir;

    @Test
    void theMorningNotebookAnswersFromASweepMadeNow() throws Exception {
        requireJupyter();
        SharedSpark.get();
        Path root = dir.resolve("board");
        Path spec = dir.resolve("branin.yaml");
        Files.writeString(spec, """
                name: branin-nb
                model: {trainer: function, function: branin}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {choice: [-5.0, 3.14159, 10.0]}
                  x2: {logUniform: [0.1, 15.0], points: 4}
                output: %s
                """.formatted(root));
        CommandLineRun run = CommandLineRun.of("run", spec.toString());
        assertEquals(0, run.exit(), run.err());

        String java = ProcessHandle.current().info().command().orElse("java");
        String sparksweep = String.join(" ", java, "@" + Path.of("conf", "jvm.options").toAbsolutePath(), "-Xmx1g", "-Dspark.ui.enabled=false",
                "-Dlog4j2.configurationFile=" + Path.of("conf", "log4j2.properties").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), "org.sparksweep.cli.Main");
        Files.createDirectories(EXECUTED.getParent());
        Path log = EXECUTED.resolveSibling("nbclient.log");
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-c", """
                import sys, nbformat
                from nbclient import NotebookClient
                nb = nbformat.read(sys.argv[1], as_version=4)
                NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": sys.argv[3]}}).execute()
                nbformat.write(nb, sys.argv[2])
                """, Path.of("notebooks", "morning.ipynb").toAbsolutePath().toString(), EXECUTED.toAbsolutePath().toString(),
                Path.of("notebooks").toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARKSWEEP", sparksweep);
        pb.environment().put("SPARKSWEEP_OUTPUT", root.toString());
        pb.environment().put("SPARKSWEEP_SWEEP", "branin-nb");
        pb.environment().put("MPLBACKEND", "Agg");
        Process p = pb.start();
        try {
            if (!p.waitFor(15, TimeUnit.MINUTES)) fail("the notebook did not finish in 15 minutes");
            assertEquals(0, p.exitValue(), "the notebook failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }

        JsonNode nb = new ObjectMapper().readTree(EXECUTED.toFile());
        int images = 0;
        StringBuilder text = new StringBuilder();
        for (JsonNode cell : nb.get("cells")) {
            for (JsonNode output : cell.path("outputs")) {
                assertTrue(!"error".equals(output.path("output_type").asText()), "a cell raised: " + output);
                if (output.path("data").has("image/png")) images++;
                output.path("data").path("text/plain").forEach(t -> text.append(t.asText()));
                output.path("text").forEach(t -> text.append(t.asText()));
            }
        }
        assertTrue(images >= 4, "plots for effects, failures, progress and the Pareto front: " + images);
        String all = text.toString();
        // Branin is deterministic: on this grid the best is x1=pi, x2=1.5 (value 0.6983), the 7th trial
        assertTrue(all.matches("(?s).*sweep branin-nb: objective minimize value; best value 0\\.6983\\d* by trial [0-9a-f]{16}.*"), all);
        assertTrue(all.matches("(?s).*best value 0\\.6983\\d* reached at trial index 6 of 11.*"), all);
        assertTrue(all.contains("parameter") && all.contains("x1") && all.contains("x2"), "the effect of each hyperparameter: " + all);
    }

    static void requireJupyter() throws Exception {
        String problem = null;
        if (!Files.isExecutable(PYTHON)) problem = PYTHON + " is missing";
        else {
            Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import nbclient, nbformat, ipykernel, pandas, matplotlib")
                    .redirectErrorStream(true).start();
            if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
                problem = "Jupyter's Python packages are missing: " + new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        }
        if (problem == null) return;
        String message = problem + "; install them with `apt-get install python3-nbclient python3-ipykernel python3-pandas python3-matplotlib`";
        if (Boolean.getBoolean(REQUIRED)) fail(message + " (" + REQUIRED + " is set, so this test may not be skipped)");
        Assumptions.abort(message);
    }
}

package org.sparksweep.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for tests of pages the project writes: loads a local file, returns the DOM after
 * its scripts ran and every console message, or takes a screenshot. Started with the flags that
 * keep it off the network, killed when a call ends whatever happens.
 *
 * <p>Without a browser the tests are skipped on a developer's machine, but fail when the system
 * property {@value #REQUIRED} is true, as CI ({@code .ci/run}) sets it: CI cannot skip them silently.
 */
public final class Chromium {
    public static final String REQUIRED = "sparksweep.browser.required";
    private static final long TIMEOUT_SECONDS = 120;

    private final Path binary;
    private final Path work;

    private Chromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /** The machine's Chromium, or a skipped (or, when required, failed) test. */
    public static Chromium find(Path work) {
        String configured = System.getProperty("sparksweep.chromium");
        for (String candidate : configured != null ? List.of(configured) : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) return new Chromium(p, work);
        }
        String message = "no Chromium found (looked for " + (configured != null ? configured + ", from -Dsparksweep.chromium"
                : "/usr/bin/chromium; -Dsparksweep.chromium=PATH names another") + "): install it with"
                + " `apt-get install chromium` to run the browser tests";
        if (Boolean.getBoolean(REQUIRED)) fail(message + "; " + REQUIRED + " is set, so this test may not be skipped");
        Assumptions.abort(message);
        return null;
    }

    /** What the browser made of a page: its DOM after scripts ran, and every console message (errors, CSP violations, logs). */
    public record Page(String dom, List<String> console) {}

    public Page load(Path html, String fragment) throws IOException, InterruptedException {
        String url = html.toUri() + (fragment == null ? "" : "#" + fragment);
        Result r = run(List.of("--enable-logging=stderr", "--v=0", "--dump-dom", url));
        List<String> console = new ArrayList<>();
        for (String line : r.err.split("\n")) if (line.contains(":CONSOLE")) console.add(line);
        return new Page(r.out, console);
    }

    public void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), html.toUri().toString()));
        if (!Files.isRegularFile(png)) fail("Chromium wrote no screenshot at " + png);
    }

    private record Result(String out, String err) {}

    private Result run(List<String> args) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path profile = Files.createTempDirectory(work, "profile");
        Path out = work.resolve("chromium-" + System.nanoTime() + ".out"), err = work.resolve("chromium-" + System.nanoTime() + ".err");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--user-data-dir=" + profile));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
            if (p.exitValue() != 0) fail("Chromium exited with " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
            return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}

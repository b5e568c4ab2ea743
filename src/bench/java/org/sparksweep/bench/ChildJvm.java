package org.sparksweep.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A benchmark's helper JVM: {@code sparksweep bench benchmark <options>} (usually a hidden option of
 * the benchmark command) started with this JVM's options and classpath. Its output goes to a file,
 * so several can run at once without a reader each; {@link #await} returns the one line it answered
 * with (the line that starts with a given prefix).
 */
final class ChildJvm {
    private static final int TAIL_LINES = 20;

    private final String what;
    private final Process process;
    private final Path output;

    private ChildJvm(String what, Process process, Path output) {
        this.what = what;
        this.process = process;
        this.output = output;
    }

    /**
     * Starts the JVM.
     *
     * @param what        names it in errors
     * @param heap        its {@code -Xmx}, or null for this JVM's
     * @param environment added to this JVM's environment
     * @param arguments   the benchmark command's arguments
     */
    static ChildJvm start(String what, String heap, Map<String, String> environment, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean replaced = heap != null && arg.startsWith("-Xmx");
            if (!replaced && !arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")) command.add(arg);
        }
        if (heap != null) command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.sparksweep.bench.cli.BenchMain");
        command.add("benchmark");
        command.addAll(arguments);
        Path output = Files.createTempFile("sparksweep-bench-jvm", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        try {
            return new ChildJvm(what, builder.start(), output);
        } catch (IOException e) {
            Files.deleteIfExists(output);
            throw e;
        }
    }

    /** Waits for the JVM to end and returns its last line starting with {@code prefix}; fails with its output's tail otherwise. */
    String await(String prefix) throws IOException, InterruptedException {
        int code = process.waitFor();
        List<String> lines = output();
        String answer = null;
        for (String line : lines) if (line.startsWith(prefix)) answer = line;
        if (code != 0 || answer == null) throw failure("ended with exit code " + code, lines);
        return answer;
    }

    /** Fails with the JVM's output's tail if it has already ended ({@code when} says at what point that is a failure). */
    void failIfEnded(String when) throws IOException {
        if (!process.isAlive()) throw failure("ended with exit code " + process.exitValue() + " " + when, output());
    }

    private List<String> output() throws IOException {
        try {
            return new String(Files.readAllBytes(output), StandardCharsets.UTF_8).lines().toList();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private IllegalStateException failure(String ended, List<String> lines) {
        return new IllegalStateException(what + " " + ended + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())));
    }

    /** Ends the JVM if it still runs (when another one of a group failed), and forgets its output. */
    void stop() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(output);
    }
}

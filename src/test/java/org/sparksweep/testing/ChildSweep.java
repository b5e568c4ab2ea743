package org.sparksweep.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A sparksweep command line running in a JVM of its own (the test classpath, the project's JVM
 * flags, Spark bound to loopback), so that a test can SIGKILL a driver in the middle of a sweep.
 */
public final class ChildSweep implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildSweep(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static ChildSweep start(Path workDir, String... args) throws IOException {
        return start(workDir, Map.of(), Map.of(), args);
    }

    /** @param properties JVM system properties (spark.* ones configure Spark); @param env extra environment variables */
    public static ChildSweep start(Path workDir, Map<String, String> properties, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("@" + Path.of("conf/jvm.options").toAbsolutePath());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.sparksweep.cli.Main");
        cmd.addAll(List.of(args));
        Path log = workDir.resolve("child-" + System.nanoTime() + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).directory(workDir.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().putAll(env);
        return new ChildSweep(pb.start(), log);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the child to end by itself; its exit code, or -1 when it is still running after the timeout. */
    public int waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no last batch, no cleanup. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /**
     * The records of a sweep's journal, by trial id: each record's JSON (the files a task writes as
     * its trial finishes). Files appear whole (they are renamed into place).
     */
    public static Map<String, JsonNode> journal(Path journalDir) throws IOException {
        Map<String, JsonNode> out = new HashMap<>();
        if (!Files.isDirectory(journalDir)) return out;
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(journalDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("t\\d+\\.json")).toList()) {
                try {
                    JsonNode n = json.readTree(f.toFile());
                    out.put(n.get("trial_id").asText(), n);
                } catch (IOException e) {
                    // deleted by the driver between listing and reading: it is in a Parquet batch now
                }
            }
        }
        return out;
    }

    /** Kills the child if it is still running (a test that failed half-way). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }

}

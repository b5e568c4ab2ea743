package org.sparksweep.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real standalone Spark cluster on 127.0.0.1 for the integration tests, started and stopped
 * with the scripts a user runs ({@code submit-scripts/local-cluster/start.sh}, {@code stop.sh}) on
 * free ports, with its own state directory and an authentication secret only its owner can read.
 */
final class LocalCluster implements AutoCloseable {
    final Path home;        // the repository
    final Path dir;         // everything this cluster writes
    final Path secrets;     // spark.authenticate.secret=..., mode 600
    final String secret;
    final int masterPort;
    final int uiPort;
    final Map<String, String> env = new HashMap<>();

    LocalCluster(Path home, Path dir) throws IOException {
        this.home = home;
        this.dir = dir;
        Files.createDirectories(dir);
        secret = "sweep-secret-" + UUID.randomUUID();
        secrets = dir.resolve("secrets.properties");
        Files.deleteIfExists(secrets);
        Files.createFile(secrets, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secrets, "spark.authenticate.secret=" + secret + "\n");
        masterPort = freePort();
        uiPort = freePort();
        env.put("SPARKSWEEP_CLUSTER_DIR", dir.resolve("state").toString());
        env.put("SPARK_MASTER_PORT", String.valueOf(masterPort));
        env.put("SPARK_MASTER_WEBUI_PORT", String.valueOf(uiPort));
        env.put("SPARK_WORKER_CORES", "2");
        env.put("SPARK_WORKER_MEMORY", "2g");
        env.put("SPARKSWEEP_SECRETS", secrets.toString());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    Path stateDir() {
        return dir.resolve("state");
    }

    /** Starts a master and {@code workers} workers; throws with the script's output if they do not come up. */
    Script.Result start(int workers) throws IOException, InterruptedException {
        Script.Result r = script(List.of(home.resolve("submit-scripts/local-cluster/start.sh").toString(), String.valueOf(workers)),
                Map.of(), 300);
        if (r.exit() != 0) throw new IllegalStateException("the local cluster did not start:\n" + r.output());
        return r;
    }

    /** The pids start.sh recorded (master and workers). */
    List<Long> daemonPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        Path file = stateDir().resolve("pids");
        if (!Files.exists(file)) return pids;
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) pids.add(Long.parseLong(parts[1]));
        }
        return pids;
    }

    /** Runs a script of the repository with this cluster's environment plus {@code extra}. */
    Script.Result script(List<String> command, Map<String, String> extra, long timeoutSeconds) throws IOException, InterruptedException {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extra);
        return Script.run(command, all, dir.resolve("logs"), timeoutSeconds);
    }

    /**
     * Stops the cluster with stop.sh, then kills by pid whatever of it is still alive (the
     * recorded daemons and their children: executors, drivers), so a failed test leaves nothing running.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        List<ProcessHandle> ours = new ArrayList<>();
        for (long pid : daemonPids()) {
            ProcessHandle.of(pid).ifPresent(p -> {
                ours.add(p);
                p.descendants().forEach(ours::add);
            });
        }
        try {
            script(List.of(home.resolve("submit-scripts/local-cluster/stop.sh").toString()), Map.of(), 60);
        } finally {
            for (ProcessHandle p : ours) {
                if (p.isAlive()) p.destroyForcibly();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A script run to completion, its combined output kept in a file (it can be long). */
    static final class Script {
        record Result(int exit, String output, double seconds) {}

        static Result run(List<String> command, Map<String, String> env, Path logDir, long timeoutSeconds)
                throws IOException, InterruptedException {
            Files.createDirectories(logDir);
            Path log = Files.createTempFile(logDir, Path.of(command.get(0)).getFileName().toString(), ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + command + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1e9);
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1e9);
        }
    }
}

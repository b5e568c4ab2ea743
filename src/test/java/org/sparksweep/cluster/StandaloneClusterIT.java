package org.sparksweep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sparksweep.testing.CommandLineRun;
import org.sparksweep.testing.SharedSpark;

/**
 * sparksweep as users run it on a cluster: a real standalone Spark cluster (a master and two
 * workers, separate JVMs on 127.0.0.1, with spark.authenticate on) started by the user's start.sh,
 * the packaged application jar submitted by submit-scripts/standalone.sh in client and cluster
 * deploy mode, and the leaderboard read back with the CLI. One cluster serves every test; it is
 * stopped, and anything of it still alive killed by pid, even when a test fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    static LocalCluster cluster;
    static Path home;
    static Path work;

    @BeforeAll
    static void startCluster() throws Exception {
        home = Path.of(System.getProperty("sparksweep.home", ".")).toAbsolutePath();
        work = home.resolve("target/it-cluster");
        deleteTree(work);
        cluster = new LocalCluster(home, work);
        LocalCluster.Script.Result r = cluster.start(2);
        System.out.printf(Locale.ROOT, "cluster: master and 2 workers up in %.1f s%n", r.seconds());
        assertTrue(r.output().contains("master:     " + cluster.masterUrl()), r.output());
        assertTrue(r.output().contains("web UI:     http://127.0.0.1:" + cluster.uiPort), r.output());
        assertEquals(3, cluster.daemonPids().size(), "a master and 2 workers recorded for stop.sh");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster == null) return;
        List<Long> pids = cluster.daemonPids();
        cluster.close();
        for (long pid : pids) assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still running");
    }

    @Test
    @Order(1)
    void clientModeSweepSpreadsOverExecutorsAndKeepsTheSecretOutOfSight() throws Exception {
        Path spec = spec("branin-client", """
                model: {trainer: function, function: branin, costSeconds: 0.3}
                objective: {metric: value, direction: minimize}
                search: {strategy: random, trials: 16, seed: 3}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                """);
        Path root = work.resolve("sweeps");
        SecretWatch watch = SecretWatch.start(cluster.secret);
        LocalCluster.Script.Result r;
        try {
            r = submit(Map.of(), "run", spec.toString(), "--output", root.toString(), "--allow-local-output");
        } finally {
            watch.stop();
        }
        System.out.printf(Locale.ROOT, "client mode: 16 trials submitted and finished in %.1f s%n", r.seconds());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("master " + cluster.masterUrl()), r.output());
        assertTrue(r.output().contains("16 trials in"), r.output());

        Map<String, String> row = query(root, "SELECT count(*) AS n, sum(CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,"
                + " count(DISTINCT executor_id) AS executors, count(rank) AS ranked FROM trials WHERE sweep = 'branin-client'");
        assertEquals("16", row.get("n"));
        assertEquals("16", row.get("completed"));
        assertEquals("16", row.get("ranked"));
        assertTrue(Integer.parseInt(row.get("executors")) >= 2, "trials ran in " + row.get("executors") + " executor(s)");

        assertTrue(watch.samples() > 0, "ps was sampled while the sweep ran");
        assertEquals(0, watch.hits(), "the secret appeared on a command line ps shows");
        assertSecretNowhere(r.output());
    }

    @Test
    @Order(2)
    void clusterModeSweepRunsItsDriverOnAWorker() throws Exception {
        Path spec = spec("sphere-cluster", """
                model: {trainer: function, function: sphere, dimensions: 2, costSeconds: 0.3}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {choice: [-1.0, 0.0, 1.0]}
                  x2: {choice: [-0.5, 0.5, 1.5]}
                """);
        Path root = work.resolve("sweeps");
        LocalCluster.Script.Result r = submit(Map.of("DEPLOY_MODE", "cluster"),
                "run", spec.toString(), "--output", root.toString(), "--allow-local-output");
        System.out.printf(Locale.ROOT, "cluster mode: 9 trials submitted and finished in %.1f s%n", r.seconds());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().matches("(?s).*standalone.sh: driver driver-\\S+ is FINISHED.*"), r.output());

        Map<String, String> row = query(root, "SELECT count(*) AS n, sum(CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,"
                + " count(DISTINCT executor_id) AS executors, min(objective) AS best FROM trials WHERE sweep = 'sphere-cluster'");
        assertEquals("9", row.get("n"));
        assertEquals("9", row.get("completed"));
        assertEquals(0.25, Double.parseDouble(row.get("best")), 1e-12, "sphere minimum on this grid: x1=0, x2=±0.5");
        assertTrue(Integer.parseInt(row.get("executors")) >= 2, "trials ran in " + row.get("executors") + " executor(s)");

        // the driver ran inside a worker: its output is in that worker's work directory
        List<Path> driverOut;
        try (Stream<Path> s = Files.find(cluster.stateDir(), 3, (p, a) -> p.getFileName().toString().equals("stdout")
                && p.getParent().getFileName().toString().startsWith("driver-"))) {
            driverOut = s.toList();
        }
        assertTrue(driverOut.stream().anyMatch(p -> read(p).contains("9 trials in")), "driver output: " + driverOut);
        assertSecretNowhere(r.output());
    }

    @Test
    @Order(3)
    void aFailedClusterModeDriverFailsTheSubmission() throws Exception {
        LocalCluster.Script.Result r = submit(Map.of("DEPLOY_MODE", "cluster"), "run", work.resolve("no-such-spec.yaml").toString());
        System.out.printf(Locale.ROOT, "cluster mode, failing driver: reported in %.1f s%n", r.seconds());
        assertNotEquals(0, r.exit(), r.output());
        assertTrue(r.output().matches("(?s).*standalone.sh: driver driver-\\S+ is (FAILED|ERROR).*"), r.output());
    }

    @Test
    @Order(4)
    void aTrialWithTwoCpusHoldsTwoCoresOfItsExecutor() throws Exception {
        Path spec = spec("sphere-2cpus", """
                model: {trainer: function, function: sphere, dimensions: 1, costSeconds: 1.0}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {choice: [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]}
                resources: {cpus: 2}
                """);
        Path root = work.resolve("sweeps");
        Path events = work.resolve("events-2cpus");
        Files.createDirectories(events);
        LocalCluster.Script.Result r = submit(Map.of("EVENT_LOG_DIR", events.toUri().toString()),
                "run", spec.toString(), "--output", root.toString(), "--allow-local-output");
        System.out.printf(Locale.ROOT, "resources cpus 2: 6 trials submitted and finished in %.1f s%n", r.seconds());
        assertEquals(0, r.exit(), r.output());
        assertTrue(r.output().contains("resources per trial: 2 cpus (a stage-level resource profile on the trial tasks)"), r.output());

        // Each worker has 2 cores, so a trial holding 2 of them has its executor to itself: no two
        // trials of one executor overlap in time (with 1 cpu each, two would run side by side).
        Map<String, String> row = query(root, "SELECT (SELECT count(*) FROM trials WHERE sweep = 'sphere-2cpus' AND status = 'COMPLETED') AS completed,"
                + " (SELECT count(DISTINCT executor_id) FROM trials WHERE sweep = 'sphere-2cpus') AS executors,"
                + " (SELECT count(*) FROM trials a JOIN trials b ON a.executor_id = b.executor_id AND a.trial_id < b.trial_id"
                + "   AND a.started_at < b.finished_at AND b.started_at < a.finished_at"
                + "   WHERE a.sweep = 'sphere-2cpus' AND b.sweep = 'sphere-2cpus') AS overlapping");
        assertEquals("6", row.get("completed"));
        assertTrue(Integer.parseInt(row.get("executors")) >= 2, "trials ran in " + row.get("executors") + " executor(s)");
        assertEquals("0", row.get("overlapping"), "trials holding 2 cpus overlapped on a 2-core executor");

        // Spark's own record: the trial stages ran under a task resource profile asking 2 cpus per task.
        String log = eventLog(events);
        assertTrue(log.matches("(?s).*\"Event\":\"SparkListenerResourceProfileAdded\".*\"cpus\":\\{\"Resource Name\":\"cpus\",\"Amount\":2(\\.0)?\\}.*"),
                "no task resource profile with 2 cpus in the event log");
        assertSecretNowhere(r.output());
    }

    @Test
    @Order(5)
    void aSecretsFileOthersCanReadIsRefusedBeforeAnythingStarts() throws Exception {
        Path open = work.resolve("open-secrets.properties");
        Files.writeString(open, "spark.authenticate.secret=visible\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        LocalCluster.Script.Result r = submit(Map.of("SPARKSWEEP_SECRETS", open.toString()), "run", "conf/branin-random.json");
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("SPARKSWEEP_SECRETS=" + open + " is readable by others (mode 644); make it private: chmod 600 " + open),
                r.output());
    }

    // ---- helpers ------------------------------------------------------------------------------

    static Path spec(String name, String body) throws IOException {
        Path spec = work.resolve(name + ".yaml");
        Files.writeString(spec, "name: " + name + "\n" + body);
        return spec;
    }

    /** submit-scripts/standalone.sh MASTER ARGS with the packaged jar, small memory, no driver UI. */
    static LocalCluster.Script.Result submit(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("submit-scripts/standalone.sh").toString());
        command.add(cluster.masterUrl());
        command.addAll(List.of(args));
        Map<String, String> all = new HashMap<>();
        all.put("SPARKSWEEP_JAR", System.getProperty("sparksweep.appJar", home.resolve("target/sparksweep-app.jar").toString()));
        all.put("EXECUTOR_MEMORY", "512m");
        all.put("DRIVER_MEMORY", "512m");
        all.put("SPARKSWEEP_SUBMIT_ARGS", "--conf spark.ui.enabled=false --conf spark.eventLog.compress=false");
        all.putAll(env);
        return cluster.script(command, all, 600);
    }

    /** One row of a query over the leaderboard, read in this JVM with the CLI's sql command. */
    static Map<String, String> query(Path root, String sql) {
        SharedSpark.get();
        return CommandLineRun.sqlRow(root.toString(), sql);
    }

    /** No file the cluster, the driver or the sweep wrote holds the secret, nor the submission's output. */
    static void assertSecretNowhere(String submissionOutput) throws IOException {
        assertFalse(submissionOutput.contains(cluster.secret), "the secret is in spark-submit's output");
        List<Path> holders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (f.equals(cluster.secrets) || f.getFileName().toString().endsWith(".jar")) continue;
                if (contains(f, cluster.secret.getBytes(StandardCharsets.UTF_8))) holders.add(f);
            }
        }
        assertEquals(List.of(), holders, "files holding the secret");
    }

    static boolean contains(Path file, byte[] needle) throws IOException {
        byte[] data;
        try (InputStream in = Files.newInputStream(file)) {
            data = in.readAllBytes();
        }
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) if (data[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }

    static String eventLog(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))::iterator) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Samples every process's command line ({@code ps -eo args}) while a submission runs, counting lines that hold the secret. */
    static final class SecretWatch {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger samples = new AtomicInteger();
        private final AtomicInteger hits = new AtomicInteger();
        private Thread thread;

        static SecretWatch start(String secret) {
            SecretWatch w = new SecretWatch();
            w.thread = new Thread(() -> {
                while (w.running.get()) {
                    try {
                        Process p = new ProcessBuilder("ps", "-eo", "args").redirectErrorStream(true).start();
                        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                        p.waitFor();
                        w.samples.incrementAndGet();
                        if (out.contains(secret)) w.hits.incrementAndGet();
                        Thread.sleep(500);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "secret-watch");
            w.thread.setDaemon(true);
            w.thread.start();
            return w;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }

        int samples() {
            return samples.get();
        }

        int hits() {
            return hits.get();
        }
    }
}

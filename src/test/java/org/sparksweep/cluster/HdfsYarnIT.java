package org.sparksweep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.sparksweep.testing.CommandLineRun;
import org.sparksweep.testing.SharedSpark;

/**
 * sparksweep on the clusters most Spark shops run: a real HDFS and a real YARN ({@link HadoopCluster},
 * one of each for every test here, on 127.0.0.1). Data is read from hdfs://, leaderboard, journal,
 * learning curves and checkpoints are written to hdfs://, and the CLI's queries answer from the
 * hdfs:// root. Sweeps are submitted with submit-scripts/yarn.sh in client and cluster deploy mode;
 * then the failures: a driver killed mid-sweep is resumed by YARN's second application attempt, a
 * sweep that fails for a deterministic reason is not rerun, and an executor container killed
 * mid-trial costs only that trial, which runs again and is recorded once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HdfsYarnIT {
    static HadoopCluster cluster;
    static Path home;
    static Path work;
    static String data; // the CSV on HDFS
    static YarnClient yarnClient;

    @BeforeAll
    static void startCluster() throws Exception {
        home = Path.of(System.getProperty("sparksweep.home", ".")).toAbsolutePath();
        work = home.resolve("target/it-yarn");
        StandaloneClusterIT.deleteTree(work);
        StandaloneClusterIT.deleteTree(home.resolve(HadoopCluster.LOGS));
        long t0 = System.nanoTime();
        cluster = HadoopCluster.start(work.resolve("hadoop"));
        System.out.printf(Locale.ROOT, "hdfs %s and yarn %s up in %.1f s%n", cluster.hdfs, cluster.resourceManager(), (System.nanoTime() - t0) / 1e9);
        // 200 rows of the bundled breast cancer set (30 measurements, label diagnosis) as a CSV on HDFS
        data = cluster.hdfs + "/data/breast-cancer.csv";
        try (InputStream in = HdfsYarnIT.class.getResourceAsStream("/datasets/breast_cancer.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             OutputStream out = cluster.fs().create(new org.apache.hadoop.fs.Path(data))) {
            String line;
            for (int n = 0; (line = r.readLine()) != null && n <= 200; n++) out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        yarnClient = YarnClient.createYarnClient();
        yarnClient.init(cluster.yarn.getConfig());
        yarnClient.start();
    }

    @AfterAll
    static void stopCluster() {
        if (yarnClient != null) yarnClient.stop();
        if (cluster != null) cluster.close();
        assertEquals(List.of(), HadoopCluster.processes("org.apache.spark.deploy.yarn."), "application masters still running");
        assertEquals(List.of(), HadoopCluster.processes("YarnCoarseGrainedExecutorBackend"), "executors still running");
    }

    /** A tiny DL4J asha sweep on the CSV on HDFS: 3 configs at 2 epochs, the best continued from its checkpoint to 6. */
    static Path ashaSpec(String name) throws IOException {
        return spec(name, """
                data: {source: csv, path: %s, label: diagnosis, validationFraction: 0.3}
                model: {trainer: dl4j-mlp, batchSize: 32, layers: 1, width: 8}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: asha, trials: 3, seed: 1, eta: 3, budget: {setting: epochs, min: 2, max: 6}}
                space:
                  learningRate: {logUniform: [0.001, 0.1]}
                """.formatted(data));
    }

    @Test
    @Order(1)
    void aSweepReadsItsDataFromHdfsAndKeepsEverythingOnHdfsWhereTheQueriesFindIt() throws Exception {
        String root = cluster.hdfs + "/sweeps/local";
        Path spec = ashaSpec("bc-hdfs");
        SharedSpark.get();
        long t0 = System.nanoTime();
        CommandLineRun r = CommandLineRun.of("run", spec.toString(), "--output", root, "--progress", "lines");
        System.out.printf(Locale.ROOT, "hdfs: asha sweep in this JVM in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("leaderboard " + root), r.out());
        assertHdfsSweep(root, "bc-hdfs");
        assertQueriesAnswerFrom(root, "bc-hdfs");
    }

    @Test
    @Order(2)
    void clientModeOnYarnReadsAndWritesHdfs() throws Exception {
        String root = cluster.hdfs + "/sweeps/yarn";
        Path spec = ashaSpec("bc-client");
        LocalCluster.Script.Result r = submit(Map.of("DEPLOY_MODE", "client"), "", "run", spec.toString(), "--output", root, "--progress", "lines");
        System.out.printf(Locale.ROOT, "yarn client mode: asha sweep submitted and finished in %.1f s%n", r.seconds());
        assertEquals(0, r.exit(), r.output() + cluster.containerLogs());
        assertTrue(r.output().contains("master yarn"), r.output());
        ApplicationReport app = lastApplication();
        assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus());
        assertTrue(app.getQueue().endsWith("sweeps"), "QUEUE=sweeps: " + app.getQueue());
        assertHdfsSweep(root, "bc-client");
        Map<String, String> row = query(root, "SELECT count(DISTINCT executor_id) AS executors FROM trials WHERE sweep = 'bc-client'");
        assertTrue(Integer.parseInt(row.get("executors")) >= 1, row.toString());
    }

    @Test
    @Order(3)
    void clusterModeOnYarnRunsTheDriverInTheApplicationMaster() throws Exception {
        String root = cluster.hdfs + "/sweeps/yarn";
        Path spec = ashaSpec("bc-cluster");
        LocalCluster.Script.Result r = submit(Map.of("DEPLOY_MODE", "cluster"), "--files " + spec, "run", spec.getFileName().toString(),
                "--output", root, "--progress", "lines");
        System.out.printf(Locale.ROOT, "yarn cluster mode: asha sweep submitted and finished in %.1f s%n", r.seconds());
        assertEquals(0, r.exit(), r.output() + cluster.containerLogs());
        ApplicationReport app = lastApplication();
        assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus());
        assertEquals(1, yarnClient.getApplicationAttempts(app.getApplicationId()).size(), "one attempt");
        assertHdfsSweep(root, "bc-cluster");
        assertQueriesAnswerFrom(root, "bc-cluster");
        // the driver's output is in the application master's container log
        String driver = cluster.containerStdout(app.getApplicationId().toString());
        assertTrue(driver.contains("4 trials in") && driver.contains("best: trial"), "the driver's summary in the AM container's stdout: " + driver);
    }

    @Test
    @Order(4)
    void aDriverKilledMidSweepIsResumedByYarnsSecondAttemptWithEveryTrialOnce() throws Exception {
        String root = cluster.hdfs + "/sweeps/yarn";
        String sweep = "sphere-killed";
        Path spec = spec(sweep, """
                model: {trainer: function, function: sphere, dimensions: 2, costSeconds: 1.5}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {choice: [-1.5, -0.5, 0.5, 1.5]}
                  x2: {choice: [-1.5, -0.5, 0.5, 1.5]}
                """);
        org.apache.hadoop.fs.Path journal = new org.apache.hadoop.fs.Path(root + "/records/sweep=" + sweep + "/_journal");
        Map<String, Long> before;
        long t0 = System.nanoTime();
        try (Submission s = Submission.start(Map.of("DEPLOY_MODE", "cluster"), "--files " + spec, "run", spec.getFileName().toString(),
                "--output", root, "--progress", "lines")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(400);
            while (journalFiles(journal).size() < 4) {
                assertTrue(s.alive(), "the submission ended before the driver could be killed:\n" + s.output() + cluster.containerLogs());
                assertTrue(System.nanoTime() < deadline, "no 4 trials recorded within 400 s:\n" + s.output() + cluster.containerLogs());
                Thread.sleep(200);
            }
            List<ProcessHandle> drivers = HadoopCluster.processes("org.apache.spark.deploy.yarn.ApplicationMaster");
            assertEquals(1, drivers.size(), "one application master (the driver)");
            drivers.get(0).destroyForcibly(); // SIGKILL: no shutdown hook, no unregistering, the lease stays behind
            drivers.get(0).onExit().get(30, TimeUnit.SECONDS);
            before = journalFiles(journal);
            assertTrue(before.size() >= 4 && before.size() < 16, "killed mid-sweep: " + before.size() + " trials recorded");
            assertEquals(0, s.waitFor(600), "the second attempt finished the sweep:\n" + s.output() + cluster.containerLogs());
        }
        System.out.printf(Locale.ROOT, "yarn cluster mode, driver killed after %d trials: resumed by attempt 2, finished in %.1f s%n", before.size(),
                (System.nanoTime() - t0) / 1e9);
        ApplicationReport app = lastApplication();
        assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus());
        assertEquals(2, yarnClient.getApplicationAttempts(app.getApplicationId()).size(), "YARN ran a second attempt");
        String driver = cluster.containerStdout(app.getApplicationId().toString());
        assertTrue(driver.contains("sweep " + sweep + ": took over the lease of attempt 1 of this application"), driver);
        java.util.regex.Matcher resumed = java.util.regex.Pattern.compile("resumed: (\\d+) trials were already recorded").matcher(driver);
        assertTrue(resumed.find() && Integer.parseInt(resumed.group(1)) >= before.size(), driver);

        Map<String, String> row = query(root, "SELECT count(*) AS n, count(DISTINCT trial_id) AS ids, count(DISTINCT trial_index) AS indices,"
                + " sum(CASE WHEN status = 'COMPLETED' THEN 1 ELSE 0 END) AS completed FROM trials WHERE sweep = '" + sweep + "'");
        assertEquals(Map.of("n", "16", "ids", "16", "indices", "16", "completed", "16"), row, "every trial exactly once");
        // the trials finished before the kill kept their record: same start, not trained again
        for (Map.Entry<String, Long> e : before.entrySet()) {
            Map<String, String> r = query(root, "SELECT count(*) AS n, max(unix_micros(started_at)) AS started FROM trials WHERE sweep = '" + sweep
                    + "' AND trial_id = '" + e.getKey() + "'");
            assertEquals("1", r.get("n"));
            assertEquals(String.valueOf(e.getValue()), r.get("started"), "trial " + e.getKey() + " was trained again");
        }
        assertFalse(cluster.fs().exists(new org.apache.hadoop.fs.Path(root + "/leases/sweep=" + sweep + ".json")), "lease given up");
    }

    @Test
    @Order(5)
    void aSweepThatFailsForADeterministicReasonIsNotRerunByYarn() throws Exception {
        String root = cluster.hdfs + "/sweeps/yarn";
        // a bad spec: refused before anything runs
        Path bad = spec("bad-spec", """
                model: {trainer: function, function: sphere, dimensions: 1}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid, retries: 3}
                space:
                  x1: {choice: [0.0, 1.0]}
                """);
        LocalCluster.Script.Result r = submit(Map.of("DEPLOY_MODE", "cluster"), "--files " + bad, "run", bad.getFileName().toString(), "--output", root);
        System.out.printf(Locale.ROOT, "yarn cluster mode, bad spec: failed in %.1f s%n", r.seconds());
        assertNotEquals(0, r.exit(), r.output());
        ApplicationReport app = lastApplication();
        assertEquals(FinalApplicationStatus.FAILED, app.getFinalApplicationStatus());
        assertEquals(1, yarnClient.getApplicationAttempts(app.getApplicationId()).size(), "not rerun: " + app.getDiagnostics());
        assertTrue(app.getDiagnostics().contains("a rerun would fail the same way"), app.getDiagnostics());

        // every trial fails, more than the spec allows: the sweep stops, and is not run again by a second attempt
        Path failing = spec("all-fail", """
                model: {trainer: function, function: sphere, dimensions: 1, steps: -1}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                budget: {maxFailedTrials: 1}
                space:
                  x1: {choice: [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]}
                """);
        r = submit(Map.of("DEPLOY_MODE", "cluster"), "--files " + failing, "run", failing.getFileName().toString(), "--output", root);
        System.out.printf(Locale.ROOT, "yarn cluster mode, too many failed trials: failed in %.1f s%n", r.seconds());
        assertNotEquals(0, r.exit(), r.output());
        app = lastApplication();
        assertEquals(FinalApplicationStatus.FAILED, app.getFinalApplicationStatus());
        assertEquals(1, yarnClient.getApplicationAttempts(app.getApplicationId()).size(), "not rerun: " + app.getDiagnostics());
        String driver = cluster.containerStdout(app.getApplicationId().toString()) + cluster.containerLogs();
        assertTrue(driver.contains("more than budget.maxFailedTrials = 1"), driver);
        Map<String, String> row = query(root, "SELECT count(*) AS n, sum(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed"
                + " FROM trials WHERE sweep = 'all-fail'");
        assertTrue(Integer.parseInt(row.get("n")) >= 2 && row.get("n").equals(row.get("failed")), "the failed trials are rows: " + row);
    }

    @Test
    @Order(6)
    void anExecutorContainerKilledMidTrialCostsOnlyThatTrialWhichRunsAgainAndIsRecordedOnce() throws Exception {
        String root = cluster.hdfs + "/sweeps/yarn";
        String sweep = "sphere-lost-executor";
        Path spec = spec(sweep, """
                model: {trainer: function, function: sphere, dimensions: 1, costSeconds: 3}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {choice: [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]}
                """);
        String events = cluster.hdfs + "/events";
        cluster.fs().mkdirs(new org.apache.hadoop.fs.Path(events));
        org.apache.hadoop.fs.Path journal = new org.apache.hadoop.fs.Path(root + "/records/sweep=" + sweep + "/_journal");
        long killedPid;
        java.time.Instant killedAt;
        try (Submission s = Submission.start(Map.of("DEPLOY_MODE", "client", "EVENT_LOG_DIR", events), "--conf spark.eventLog.compress=false",
                "run", spec.toString(), "--output", root, "--progress", "lines")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(400);
            // both executors busy with a trial each: one trial recorded, six to go
            while (journalFiles(journal).isEmpty()) {
                assertTrue(s.alive(), "the submission ended early:\n" + s.output() + cluster.containerLogs());
                assertTrue(System.nanoTime() < deadline, "no trial recorded within 400 s:\n" + s.output() + cluster.containerLogs());
                Thread.sleep(200);
            }
            Thread.sleep(1000); // into the next trial of each executor
            List<ProcessHandle> executors = HadoopCluster.processes("YarnCoarseGrainedExecutorBackend");
            assertEquals(2, executors.size(), "two executor containers");
            killedPid = executors.get(0).pid();
            killedAt = java.time.Instant.now();
            executors.get(0).destroyForcibly();
            assertEquals(0, s.waitFor(600), s.output() + cluster.containerLogs());
        }
        Map<String, String> row = query(root, "SELECT count(*) AS n, count(DISTINCT trial_id) AS ids, sum(CASE WHEN status = 'COMPLETED' THEN 1"
                + " ELSE 0 END) AS completed, sum(CASE WHEN executor_pid = " + killedPid + " AND finished_at > timestamp_micros("
                + (killedAt.toEpochMilli() * 1000) + ") THEN 1 ELSE 0 END) AS after_kill FROM trials WHERE sweep = '" + sweep + "'");
        assertEquals(Map.of("n", "8", "ids", "8", "completed", "8", "after_kill", "0"), row, "every trial exactly once, none from the killed executor after the kill");
        // Spark's own record: a task (a trial) was lost with its executor and ran again
        StringBuilder log = new StringBuilder();
        // a directory per application (Spark's rolling event log) or a file: every file under it
        var files = cluster.fs().listFiles(new org.apache.hadoop.fs.Path(events), true);
        while (files.hasNext()) {
            try (InputStream in = cluster.fs().open(files.next().getPath())) {
                log.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(log.toString().contains("\"Reason\":\"ExecutorLostFailure\""), "a trial's task was lost with the killed executor");
    }

    /** Records, ranked leaderboard, curves and checkpoints of an asha sweep are on HDFS; the journal was folded into the records. */
    static void assertHdfsSweep(String root, String sweep) throws Exception {
        FileSystem fs = cluster.fs();
        assertTrue(parquetFiles(fs, root + "/records/sweep=" + sweep) > 0, "records on hdfs");
        assertTrue(parquetFiles(fs, root + "/leaderboard/sweep=" + sweep) > 0, "leaderboard on hdfs");
        assertTrue(parquetFiles(fs, root + "/curves/sweep=" + sweep) > 0, "learning curves on hdfs");
        org.apache.hadoop.fs.Path journal = new org.apache.hadoop.fs.Path(root + "/records/sweep=" + sweep + "/_journal");
        assertTrue(!fs.exists(journal) || fs.listStatus(journal).length == 0, "the journal is folded into the records at the end");
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(root + "/leases/sweep=" + sweep + ".json")), "the lease is given up at the end");
        Map<String, String> row = query(root, "SELECT count(*) AS n, count(DISTINCT trial_id) AS ids, max(rung) AS top_rung,"
                + " max(parent_trial_id) AS parent FROM trials WHERE sweep = '" + sweep + "'");
        assertEquals("4", row.get("n"), "3 configs at 2 epochs and the best continued to 6: " + row);
        assertEquals("4", row.get("ids"));
        assertEquals("1", row.get("top_rung"));
        org.apache.hadoop.fs.Path checkpoint = new org.apache.hadoop.fs.Path(root + "/checkpoints/sweep=" + sweep + "/trial=" + row.get("parent")
                + "/model.zip");
        assertTrue(fs.exists(checkpoint), "the continued trial's parent checkpoint on hdfs: " + checkpoint);
        Map<String, String> curves = query(root, "SELECT count(DISTINCT trial_id) AS trials, max(step) AS steps FROM curves WHERE sweep = '" + sweep + "'");
        assertEquals("4", curves.get("trials"));
        assertEquals("6", curves.get("steps"));
    }

    static void assertQueriesAnswerFrom(String root, String sweep) throws Exception {
        CommandLineRun board = CommandLineRun.of("leaderboard", "--output", root, "--sweep", sweep, "--format", "csv");
        assertEquals(0, board.exit(), board.err());
        assertEquals(5, board.lines().size(), board.out());
        assertTrue(board.lines().get(1).startsWith(sweep + ",1,"), "rank 1 first: " + board.out());
        CommandLineRun pareto = CommandLineRun.of("pareto", "--output", root, "--sweep", sweep, "--format", "csv");
        assertEquals(0, pareto.exit(), pareto.err());
        assertTrue(pareto.lines().size() >= 2 && pareto.lines().get(1).startsWith(sweep + ","), pareto.out());
        Path html = work.resolve(sweep + "-report.html");
        CommandLineRun report = CommandLineRun.of("report", "--output", root, "--sweep", sweep, "-o", html.toString());
        assertEquals(0, report.exit(), report.err() + report.out());
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(text.contains(sweep) && text.contains("<svg"), "a report with charts");
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * submit-scripts/yarn.sh ARGS against the mini cluster: its client configuration in
     * HADOOP_CONF_DIR, queue sweeps, two executors of one core and 512 MiB, Spark's jars and the
     * application jar used where they are (local:, every container runs on this machine).
     */
    static LocalCluster.Script.Result submit(Map<String, String> env, String moreSubmitArgs, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("submit-scripts/yarn.sh").toString());
        command.addAll(List.of(args));
        return LocalCluster.Script.run(command, submitEnvironment(env, moreSubmitArgs), work.resolve("logs"), 600);
    }

    static Map<String, String> submitEnvironment(Map<String, String> env, String moreSubmitArgs) {
        Map<String, String> all = new HashMap<>(cluster.submitEnv());
        all.put("SPARKSWEEP_JAR", "local:" + System.getProperty("sparksweep.appJar", home.resolve("target/sparksweep-app.jar").toString()));
        all.put("SPARK_YARN_JARS", "local");
        all.put("QUEUE", "sweeps");
        all.put("EXECUTORS", "2");
        all.put("EXECUTOR_CORES", "1");
        all.put("EXECUTOR_MEMORY", "512m");
        all.put("DRIVER_MEMORY", "512m");
        String java = System.getProperty("java.home");
        all.put("SPARKSWEEP_SUBMIT_ARGS", String.join(" ", "--conf spark.ui.enabled=false",
                "--conf spark.yarn.appMasterEnv.JAVA_HOME=" + java, "--conf spark.executorEnv.JAVA_HOME=" + java,
                "--conf spark.yarn.appMasterEnv.SPARK_LOCAL_IP=127.0.0.1", "--conf spark.executorEnv.SPARK_LOCAL_IP=127.0.0.1",
                "--conf spark.yarn.populateHadoopClasspath=false", moreSubmitArgs));
        all.putAll(env);
        return all;
    }

    /** The journal's records now: trial id to its start (microseconds). */
    static Map<String, Long> journalFiles(org.apache.hadoop.fs.Path journal) throws IOException {
        FileSystem fs = cluster.fs();
        Map<String, Long> out = new HashMap<>();
        FileStatus[] files;
        try {
            files = fs.listStatus(journal);
        } catch (java.io.FileNotFoundException e) {
            return out;
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (FileStatus f : files) {
            String name = f.getPath().getName();
            if (!name.startsWith("t") || !name.endsWith(".json")) continue;
            try (InputStream in = fs.open(f.getPath())) {
                var n = json.readTree(in);
                java.time.Instant started = java.time.Instant.parse(n.get("started_at").asText());
                out.put(n.get("trial_id").asText(), started.getEpochSecond() * 1_000_000 + started.getNano() / 1000);
            } catch (java.io.FileNotFoundException e) {
                // folded into a batch while this read
            }
        }
        return out;
    }

    /** A yarn.sh submission running in the background, its output in a file; closing kills what is left of it. */
    static final class Submission implements AutoCloseable {
        final Process process;
        final Path log;

        private Submission(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Submission start(Map<String, String> env, String moreSubmitArgs, String... args) throws IOException {
            Files.createDirectories(work.resolve("logs"));
            Path log = Files.createTempFile(work.resolve("logs"), "yarn.sh", ".log");
            List<String> command = new ArrayList<>();
            command.add(home.resolve("submit-scripts/yarn.sh").toString());
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(submitEnvironment(env, moreSubmitArgs));
            return new Submission(pb.start(), log);
        }

        boolean alive() {
            return process.isAlive();
        }

        int waitFor(long seconds) throws InterruptedException {
            return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(" + e.getMessage() + ")";
            }
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The most recently submitted application. */
    static ApplicationReport lastApplication() throws Exception {
        return yarnClient.getApplications().stream().max(java.util.Comparator.comparingLong(ApplicationReport::getStartTime)).orElseThrow();
    }

    static Path spec(String name, String body) throws IOException {
        Files.createDirectories(work);
        Path spec = work.resolve(name + ".yaml");
        Files.writeString(spec, "name: " + name + "\n" + body);
        return spec;
    }

    static int parquetFiles(FileSystem fs, String dir) throws IOException {
        org.apache.hadoop.fs.Path d = new org.apache.hadoop.fs.Path(dir);
        if (!fs.exists(d)) return 0;
        int n = 0;
        for (FileStatus f : fs.listStatus(d)) if (f.getPath().getName().endsWith(".parquet") && !f.getPath().getName().startsWith("_")) n++;
        return n;
    }

    /** One row of a query over a leaderboard root, read in this JVM with the CLI's sql command. */
    static Map<String, String> query(String root, String sql) {
        SharedSpark.get();
        return CommandLineRun.sqlRow(root, sql);
    }
}

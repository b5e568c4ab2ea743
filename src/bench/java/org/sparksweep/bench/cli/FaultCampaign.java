package org.sparksweep.bench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.engine.TrialPlan;
import org.sparksweep.bench.BenchSweeps;
import org.sparksweep.cli.Main;
import org.sparksweep.cli.Sessions;
import org.sparksweep.cli.SparkOptions;
import org.sparksweep.search.Strategy;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.LeaderboardSchema;
import org.sparksweep.store.SweepStore;
import org.sparksweep.store.TrialJournal;
import org.sparksweep.trial.TrialId;

/**
 * A fault campaign: a sweep whose driver JVM is SIGKILLed at K random points (each a number of
 * finished trials), resumed after each kill, then run to the end. It checks what durability
 * promises: every trial recorded before a kill is in the final leaderboard with the same start time
 * (not trained again), no trial is missing, none appears twice.
 */
final class FaultCampaign {
    private static final Pattern PROGRESS = Pattern.compile("^\\[\\s*(\\d+)/(\\d+)]");

    private final PrintWriter out;
    private final Path dir;
    private final int kills;
    private final int trials;
    private final double cost;
    private final long seed;
    private final SparkOptions sparkOptions;

    FaultCampaign(PrintWriter out, Path dir, int kills, int trials, double cost, long seed, SparkOptions sparkOptions) {
        this.out = out;
        this.dir = dir;
        this.kills = kills;
        this.trials = trials;
        this.cost = cost;
        this.seed = seed;
        this.sparkOptions = sparkOptions;
    }

    int run() throws Exception {
        Path specFile = dir.resolve("fault-campaign.yaml");
        Files.writeString(specFile, BenchSweeps.sleepSpec("fault-campaign", trials, cost, dir.resolve("sweeps").toUri()));
        SweepSpec spec = SpecReader.read(specFile);
        SweepStore store = SweepStore.at(spec.output());
        String master = sparkOptions.master() != null ? sparkOptions.master() : "local[2]";
        Random random = new Random(seed);
        TreeSet<Integer> points = new TreeSet<>();
        while (points.size() < Math.min(kills, trials - 1)) points.add(1 + random.nextInt(trials - 1));

        out.println("fault campaign: " + trials + " function trials of " + cost + " s on " + master + ", driver SIGKILLed after "
                + points + " finished trials, resumed after each kill");
        out.println(String.format(Locale.ROOT, "%-5s %9s %9s %10s %12s %14s", "kill", "at trial", "recorded", "new", "restart s", "in flight ≤"));
        List<Map<String, Timestamp>> snapshots = new ArrayList<>();
        try (Sessions.Handle session = sparkOptions.open("sparksweep fault campaign")) {
            SparkSession spark = session.spark();
            int slots = "local[2]".equals(master) ? 2 : spark.sparkContext().defaultParallelism();
            int k = 0;
            int previous = 0;
            for (int point : points) {
                k++;
                Child child = Child.start(dir, specFile, master);
                long finished = child.waitForProgress(point);
                child.kill();
                Map<String, Timestamp> recorded = recorded(spark, spec, store);
                snapshots.add(recorded);
                out.println(String.format(Locale.ROOT, "%-5d %9d %9d %10d %12.1f %14s", k, finished, recorded.size(),
                        recorded.size() - previous, child.secondsToFirstResult(), slots + " trials"));
                out.flush();
                previous = recorded.size();
                if (finished >= trials) break;
            }
            Child last = Child.start(dir, specFile, master);
            int exit = last.waitForExit();
            if (exit != Main.OK) {
                out.println("the final resume ended with exit code " + exit);
                return Main.ERROR;
            }

            Leaderboard.registerView(spark, store);
            Map<String, Timestamp> finalRows = new HashMap<>();
            long rows = 0;
            for (Row r : spark.sql("SELECT trial_id, started_at FROM trials WHERE sweep = 'fault-campaign'").collectAsList()) {
                rows++;
                finalRows.put(r.getString(0), r.getTimestamp(1));
            }
            Set<String> expected = new HashSet<>();
            Strategy strategy = SweepRunner.newStrategy(spec);
            for (long i = 0; i < trials; i++) expected.add(TrialId.of(spec.name(), strategy.decoder().decode(i), spec.search().seed()));
            long lost = expected.stream().filter(id -> !finalRows.containsKey(id)).count();
            long duplicated = rows - finalRows.size();
            long retrained = 0;
            for (Map<String, Timestamp> snapshot : snapshots) {
                for (Map.Entry<String, Timestamp> e : snapshot.entrySet()) {
                    if (!e.getValue().equals(finalRows.get(e.getKey()))) retrained++;
                }
            }
            out.println();
            out.println(String.format(Locale.ROOT, "%d kills; final leaderboard %d rows: trials lost %d, duplicated %d; "
                    + "trials recorded before a kill and trained again %d", snapshots.size(), rows, lost, duplicated, retrained));
            out.println("re-done compute per kill: only the trials in flight at the kill (at most one per slot, "
                    + cost + " s each), plus the restart (driver start to its first new result, column 'restart s')");
            return lost == 0 && duplicated == 0 && retrained == 0 ? Main.OK : Main.ERROR;
        }
    }

    /** Every durable record of the sweep now: Parquet batches and journal, by trial id. */
    private static Map<String, Timestamp> recorded(SparkSession spark, SweepSpec spec, SweepStore store) throws IOException {
        Map<String, Timestamp> m = new HashMap<>();
        LeaderboardSchema schema = TrialPlan.recordSchema(spec);
        List<Dataset<Row>> parts = new ArrayList<>();
        Path records = Path.of(java.net.URI.create(store.records(spec.name())));
        try (var files = Files.exists(records) ? Files.list(records) : java.util.stream.Stream.<Path>empty()) {
            if (files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"))) parts.add(spark.read().parquet(store.records(spec.name())));
        }
        Dataset<Row> journal = TrialJournal.of(store, spec.name()).read(spark, schema.recordType());
        if (journal != null) parts.add(journal);
        for (Dataset<Row> part : parts) {
            for (Row r : part.select("trial_id", "started_at").collectAsList()) m.putIfAbsent(r.getString(0), r.getTimestamp(1));
        }
        return m;
    }

    /** One `sparksweep run` in a JVM of its own, with this JVM's classpath and flags; reads its progress lines. */
    private static final class Child {
        final Process process;
        final long startedAt = System.nanoTime();
        final AtomicLong progress = new AtomicLong();
        final AtomicLong firstResultAt = new AtomicLong();
        final Thread reader;

        private Child(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "fault-campaign-child");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(Path dir, Path spec, String master) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(Main.class.getName());
            cmd.addAll(List.of("run", spec.toString(), "--master", master));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
            return new Child(pb.start());
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Matcher m = PROGRESS.matcher(line);
                    if (m.find()) {
                        firstResultAt.compareAndSet(0, System.nanoTime());
                        progress.set(Long.parseLong(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
        }

        /** Waits until the child reports this many finished trials (or ends); returns the count reached. */
        long waitForProgress(long target) throws InterruptedException {
            while (progress.get() < target && process.isAlive()) Thread.sleep(5);
            return progress.get();
        }

        double secondsToFirstResult() {
            long t = firstResultAt.get();
            return t == 0 ? Double.NaN : (t - startedAt) / 1e9;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
            reader.join(5_000);
        }

        int waitForExit() throws InterruptedException {
            int exit = process.waitFor();
            reader.join(5_000);
            return exit;
        }
    }
}

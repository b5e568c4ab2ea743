package org.sparksweep.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Prints what loading data costs an executor: the bundled digits, a synthetic CSV of N rows (plain
 * and gzipped, one categorical column), a 5-fold split, and a cache hit (what every trial after the
 * first pays: the file's fingerprint checked). Not a test; run it with
 * {@code java -cp target/classes:target/test-classes:$(cat target/launcher.classpath) org.sparksweep.data.DataLoadBenchmark 100000}.
 */
public final class DataLoadBenchmark {
    private DataLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args.length > 0 ? args[0] : "100000");
        Path dir = Files.createTempDirectory("sparksweep-data-benchmark");
        Path csv = dir.resolve("synthetic.csv");
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < 20; j++) sb.append("f").append(j).append(',');
        sb.append("cat,label\n");
        Random r = new Random(1);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 20; j++) sb.append(String.format(Locale.ROOT, "%.5f", r.nextGaussian())).append(',');
            sb.append("c").append(r.nextInt(5)).append(',').append(r.nextBoolean() ? "yes" : "no").append('\n');
        }
        Files.writeString(csv, sb);
        Path gz = dir.resolve("synthetic.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) { Files.copy(csv, out); }

        for (int round = 1; round <= 3; round++) {
            long t = System.nanoTime();
            Examples digits = DataSources.get("digits").load(Map.of());
            double digitsMs = (System.nanoTime() - t) / 1e6;
            Map<String, Object> o = new CsvDataSource().resolve(Map.of("path", csv.toString(), "label", "label",
                    "categorical", List.of("cat"), "delimiter", ",", "task", "auto"));
            t = System.nanoTime();
            Examples d = DataSources.get("csv").load(o);
            double csvMs = (System.nanoTime() - t) / 1e6;
            Map<String, Object> og = new HashMap<>(o);
            og.put("path", gz.toUri().toString());
            t = System.nanoTime();
            DataSources.get("csv").load(og);
            double gzMs = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            List<TrainingData> folds = TrainingData.folds(d, 5, 0, 42);
            double foldMs = (System.nanoTime() - t) / 1e6;
            System.out.printf(Locale.ROOT, "round %d: digits %d rows %.1f ms | csv %d rows x %d features (%.1f MB) %.0f ms = %.0f rows/s | gz %.0f ms | 5 folds %.0f ms%n",
                    round, digits.rows(), digitsMs, d.rows(), d.columns(), Files.size(csv) / 1e6, csvMs, d.rows() / (csvMs / 1000), gzMs, foldMs);
        }
        DataSpec spec = new DataSpec("csv", new CsvDataSource().resolve(Map.of("path", csv.toString(), "label", "label",
                "categorical", List.of("cat"), "delimiter", ",", "task", "auto")), 0.3, 42);
        DataCache.get(spec);
        int n = 2000;
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) DataCache.get(spec);
        System.out.printf(Locale.ROOT, "cache hit (file fingerprint checked): %.3f ms per trial over %d calls, loads %d%n",
                (System.nanoTime() - t) / 1e6 / n, n, DataCache.loads());
    }
}

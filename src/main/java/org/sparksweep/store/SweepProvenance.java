package org.sparksweep.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * How a sweep's last run went, beside its leaderboard: the spec as written, where and with what it
 * ran, and how long it took. The leaderboard rows carry the per-trial provenance (spec hash, engine
 * version, seed, host); this carries what only the driver knows. Spark settings are stored already
 * redacted, so no secret reaches the leaderboard root.
 *
 * @param specText     the spec file's text as the user wrote it
 * @param outcome      "finished", "stopped: why" when the sweep could not go on
 * @param startedAt    ISO-8601 instant
 * @param finishedAt   ISO-8601 instant
 * @param plannedTrials the strategy's planned trials, -1 when open-ended
 * @param sparkConf    Spark's configuration with secrets redacted by Spark's own redaction rules
 */
public record SweepProvenance(
        String sweep,
        String specSource,
        String specText,
        String specHash,
        String engineVersion,
        String sparkVersion,
        String sparkMaster,
        String applicationId,
        String startedAt,
        String finishedAt,
        double wallSeconds,
        long plannedTrials,
        String outcome,
        Map<String, String> sparkConf) {

    static final String FILE = "provenance.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SweepProvenance {
        sparkConf = sparkConf == null ? Map.of() : Map.copyOf(sparkConf);
    }

    /** Writes (replaces) the sweep's provenance under the store's root. */
    public void write(SweepStore store, Configuration conf) throws IOException {
        Path path = new Path(store.provenance(sweep));
        FileSystem fs = path.getFileSystem(conf);
        try (OutputStream out = fs.create(path, true)) {
            JSON.writeValue(out, this);
        }
    }

    /** The sweep's provenance, or empty when the sweep was run before provenance was recorded. */
    public static Optional<SweepProvenance> read(SweepStore store, String sweep, Configuration conf) throws IOException {
        Path path = new Path(store.provenance(sweep));
        FileSystem fs = path.getFileSystem(conf);
        try (InputStream in = fs.open(path)) {
            return Optional.of(JSON.readValue(in, SweepProvenance.class));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IOException("cannot read the provenance of sweep " + sweep + " at " + path + ": " + e.getMessage()
                    + " (run the sweep again to rewrite it)", e);
        }
    }
}

package org.sparksweep.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.sparksweep.EngineVersion;

/**
 * What a sweep's records were made from, kept beside them ({@code ROOT/records/sweep=NAME/_sweep.json}):
 * the spec's search-relevant content and the record schema. A later run of the same sweep name is a
 * resume only when its content is the same; otherwise its trials would not be the recorded ones.
 */
public record SweepManifest(String sweep, JsonNode content, String recordType, String engineVersion) {
    static final String FILE = "_sweep.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param specContent the spec's search-relevant content as JSON (what must not change when the sweep resumes) */
    public static SweepManifest of(String sweep, String specContent, LeaderboardSchema schema) {
        try {
            return new SweepManifest(sweep, JSON.readTree(specContent), schema.recordType().json(), EngineVersion.VALUE);
        } catch (IOException e) {
            throw new IllegalStateException("a spec's content is JSON", e);
        }
    }

    private static Path path(SweepStore store, String sweep) {
        return new Path(store.records(sweep), FILE);
    }

    /** The manifest of a sweep's records, if the sweep has run under this root. */
    public static Optional<SweepManifest> read(SweepStore store, String sweep, Configuration conf) throws IOException {
        Path p = path(store, sweep);
        FileSystem fs = AtomicFiles.raw(p.getFileSystem(conf)); // written without checksum side files
        try (InputStream in = fs.open(p)) {
            JsonNode n = JSON.readTree(in);
            return Optional.of(new SweepManifest(n.path("sweep").asText(), n.path("content"), n.path("record_type").asText(),
                    n.path("engine_version").asText()));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IOException("cannot read the manifest " + p + " of sweep " + sweep + ": " + e.getMessage()
                    + " (run with --new to start the sweep afresh)", e);
        }
    }

    /** Writes the manifest (temporary file, synced, then renamed into place: {@link AtomicFiles}). */
    public void write(SweepStore store, Configuration conf) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("sweep", sweep);
        n.set("content", content);
        n.put("record_type", recordType);
        n.put("engine_version", engineVersion);
        AtomicFiles.write(path(store, sweep), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n).getBytes(StandardCharsets.UTF_8),
                AtomicFiles.IfPresent.REPLACE, conf);
    }

    /**
     * The field paths whose content differs between this manifest and a spec's content (as JSON), e.g.
     * {@code space.learningRate}, {@code search.seed}; empty when the spec would make the same trials.
     */
    public List<String> changes(String specContent) throws IOException {
        List<String> out = new ArrayList<>();
        diff("", content, JSON.readTree(specContent), out);
        return out;
    }

    private static void diff(String path, JsonNode was, JsonNode now, List<String> out) {
        if (was.equals(now)) return;
        if (was.isObject() && now.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            was.fieldNames().forEachRemaining(keys::add);
            now.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String child = path.isEmpty() ? k : path + "." + k;
                JsonNode a = was.get(k), b = now.get(k);
                if (a == null) out.add(child + " (added)");
                else if (b == null) out.add(child + " (removed)");
                else diff(child, a, b, out);
            }
            return;
        }
        out.add((path.isEmpty() ? "(top level)" : path) + " (was " + brief(was) + ", now " + brief(now) + ")");
    }

    private static String brief(JsonNode n) {
        String s = n.toString();
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }

}

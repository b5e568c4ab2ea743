package org.sparksweep.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sparksweep.trial.TrialId;

/**
 * What identifies a spec: its hash (recorded with every leaderboard row) and its search-relevant
 * content (kept in a sweep's manifest, compared when the sweep is resumed). Both are taken from the
 * spec as written, in canonical JSON, so the same spec gives the same values on any machine.
 */
final class SpecContent {
    /** The root keys whose content decides which trials a sweep has; a resumed sweep must keep them unchanged. */
    static final List<String> SEARCH_KEYS = List.of("name", "data", "model", "objective", "search", "space", "objectives", "scalarization",
            "constraints");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private SpecContent() {}

    /** The spec's hash: every key but where results go, the description and the resources a trial gets. */
    static String hash(JsonNode root) {
        ObjectNode copy = root.deepCopy();
        copy.remove("output");
        copy.remove("description");
        copy.remove("resources"); // how many cores a trial gets does not change what it computes
        return TrialId.sha256Hex(canonical(copy)).substring(0, 16);
    }

    /** The search-relevant keys of the spec as canonical JSON (keys sorted), see {@link SweepSpec#content()}. */
    static String content(JsonNode root) {
        ObjectNode copy = JSON.createObjectNode();
        for (String key : SEARCH_KEYS) if (root.get(key) != null) copy.set(key, root.get(key));
        return canonical(copy);
    }

    /** JSON with every mapping's keys sorted: the same content gives the same text. */
    private static String canonical(JsonNode node) {
        try {
            return CANONICAL.writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

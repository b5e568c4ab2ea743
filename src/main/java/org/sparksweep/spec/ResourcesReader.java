package org.sparksweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Reads the {@code resources:} block: the cores and GPUs one trial holds on an executor. */
final class ResourcesReader {
    private final SpecTree tree;

    ResourcesReader(SpecTree tree) {
        this.tree = tree;
    }

    /** What a trial needs; {@link Resources#DEFAULT} without the block, a default in place of a value with a problem (reported). */
    Resources read(JsonNode node) {
        if (node == null) return Resources.DEFAULT;
        SpecTree.Mapping o = tree.object(node, "resources");
        if (o == null) return Resources.DEFAULT;
        o.rejectUnknown(List.of("cpus", "gpus"));
        int cpus = 1;
        JsonNode c = o.get("cpus");
        if (c != null) {
            if (!c.isIntegralNumber() || c.asLong() < 1 || c.asLong() > 1024) {
                tree.problem("resources.cpus", "must be a whole number of cores per trial, 1 or more, got " + SpecTree.plain(c));
            } else {
                cpus = c.asInt();
            }
        }
        double gpus = 0;
        JsonNode g = o.get("gpus");
        if (g != null) {
            Double v = SpecTree.number(g);
            if (v == null || v < 0 || (v > 1 && v != Math.rint(v))) {
                tree.problem("resources.gpus", "must be 0 or more GPUs per trial (a fraction below 1 shares a GPU, above 1 whole), got " + SpecTree.plain(g));
            } else {
                gpus = v;
            }
        }
        return new Resources(cpus, gpus);
    }
}

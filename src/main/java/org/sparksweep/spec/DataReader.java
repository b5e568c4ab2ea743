package org.sparksweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparksweep.data.DataSource;
import org.sparksweep.data.DataSources;
import org.sparksweep.data.DataSpec;
import org.sparksweep.plugin.Knob;
import org.sparksweep.plugin.KnobValues;
import org.sparksweep.trainer.Trainer;

/**
 * Reads the {@code data:} block: the data source, its own options (typed by its knobs, then resolved
 * and checked by the source itself), and how the rows are split: validation and test fractions, the
 * split seed, or k folds.
 */
final class DataReader {
    static final List<String> SPLIT_KEYS = List.of("source", "validationFraction", "splitSeed", "testFraction", "folds");

    private final SpecTree tree;

    DataReader(SpecTree tree) {
        this.tree = tree;
    }

    /** The data the trainer reads; null when it reads none, or when the block has a problem (reported). */
    DataSpec read(JsonNode node, Trainer trainer) {
        if (trainer == null) return null;
        if (!trainer.needsData()) {
            if (node != null) tree.problem("data", "trainer " + trainer.name() + " reads no data; remove data:");
            return null;
        }
        if (node == null) {
            tree.problem("data", "trainer " + trainer.name() + " needs data: add data: {source: NAME}; sources: " + DataSources.all().keySet());
            return null;
        }
        SpecTree.Mapping o = tree.object(node, "data");
        if (o == null) return null;
        String sourceName = tree.text(o, "source", true);
        if (sourceName == null) return null;
        if (!DataSources.all().containsKey(sourceName)) {
            tree.problem("data.source", "no data source named '" + sourceName + "'" + SpecTree.suggestion(sourceName, DataSources.all().keySet())
                    + "; sources: " + DataSources.all().keySet());
            return null;
        }
        DataSource ds = DataSources.get(sourceName);
        List<String> allowed = new ArrayList<>(SPLIT_KEYS);
        ds.knobs().forEach(k -> allowed.add(k.name()));
        o.rejectUnknown(allowed, " for data source " + sourceName);
        double fraction = DataSpec.DEFAULT_VALIDATION_FRACTION;
        JsonNode f = o.get("validationFraction");
        if (f != null) {
            Double v = SpecTree.number(f);
            if (v == null || !(v > 0 && v < 1)) tree.problem("data.validationFraction", "must be a number in (0, 1), got " + SpecTree.plain(f));
            else fraction = v;
        }
        long splitSeed = DataSpec.DEFAULT_SPLIT_SEED;
        JsonNode s = o.get("splitSeed");
        if (s != null) {
            if (!s.isIntegralNumber()) tree.problem("data.splitSeed", "must be an integer, got " + SpecTree.plain(s));
            else splitSeed = s.asLong();
        }
        double testFraction = 0;
        JsonNode tf = o.get("testFraction");
        if (tf != null) {
            Double v = SpecTree.number(tf);
            if (v == null || !(v >= 0 && v < 1)) tree.problem("data.testFraction", "must be a number in [0, 1), got " + SpecTree.plain(tf));
            else testFraction = v;
        }
        int folds = 0;
        JsonNode k = o.get("folds");
        if (k != null) {
            if (!k.isIntegralNumber() || k.asLong() < 2 || k.asLong() > 1000) {
                tree.problem("data.folds", "must be an integer from 2 to 1000 (k of k-fold cross-validation), got " + SpecTree.plain(k));
            } else if (f != null) {
                tree.problem("data.validationFraction", "does not apply with folds: each fold validates on 1/" + k.asLong()
                        + " of the rows; remove one of the two");
            } else {
                folds = k.asInt();
            }
        }
        if (folds == 0 && fraction + testFraction >= 1) {
            tree.problem("data", "validationFraction + testFraction must be below 1 to leave training rows, got " + (fraction + testFraction));
        }
        int before = tree.problemCount();
        Map<String, Object> options = new LinkedHashMap<>();
        for (Knob knob : ds.knobs()) {
            JsonNode n = o.get(knob.name());
            Object v = n == null ? knob.defaultValue() : option(n, knob);
            if (v == null) {
                if (n == null) tree.problem("data." + knob.name(), "data source " + sourceName + " needs it: " + knob.description());
                continue;
            }
            options.put(knob.name(), v);
        }
        if (tree.problemCount() > before) return null;
        // the source makes its options location-independent and checks what is cheap to check (a header) on this machine
        try {
            options = ds.resolve(options);
            ds.check(options);
        } catch (Exception e) {
            tree.problem("data", e.getMessage());
            return null;
        }
        return new DataSpec(sourceName, options, fraction, splitSeed, testFraction, folds);
    }

    /** A data source option checked against its knob: its type, its allowed values, a list where the knob takes one. */
    private Object option(JsonNode n, Knob knob) {
        String path = "data." + knob.name();
        if (knob.list()) {
            List<Object> values = new ArrayList<>();
            if (!n.isArray()) {
                tree.problem(path, "must be a list, e.g. " + knob.name() + ": [a, b]; " + knob.description());
                return null;
            }
            for (int i = 0; i < n.size(); i++) {
                Object v = typedOption(n.get(i), knob, path + "[" + i + "]");
                if (v == null) return null;
                values.add(v);
            }
            return List.copyOf(values);
        }
        return typedOption(n, knob, path);
    }

    private Object typedOption(JsonNode n, Knob knob, String path) {
        Object v = tree.scalar(n, path);
        if (v == null) return null;
        Object typed = KnobValues.typed(knob, v);
        if (typed == null) {
            tree.problem(path, "must be " + KnobValues.expected(knob) + ", got " + SpecTree.plain(n) + "; " + knob.description());
            return null;
        }
        String notAllowed = KnobValues.notAllowed(knob, typed);
        if (notAllowed != null) {
            tree.problem(path, notAllowed);
            return null;
        }
        return typed;
    }
}

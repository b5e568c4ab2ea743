package org.sparksweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.ValueType;
import org.sparksweep.trainer.Trainer;
import org.sparksweep.trainer.Trainers;

/**
 * Reads the {@code model:} block: which trainer, and a value for each of its knobs (fixed under
 * {@code model:}, searched under {@code space:}, or the knob's default). Checks any value or domain
 * against the knob it sets, for the model and the space alike.
 */
final class ModelReader {
    private final SpecTree tree;
    private final SpecTree.Mapping model;
    private final Trainer trainer;

    /** Reads {@code model.trainer} from the spec's root mapping. */
    ModelReader(SpecTree tree, SpecTree.Mapping root) {
        this.tree = tree;
        this.model = tree.object(root.get("model"), "model");
        if (root.get("model") == null) tree.problem("model", "missing: add model: {trainer: NAME, ...}; trainers: " + Trainers.all().keySet());
        Trainer found = null;
        if (model != null) {
            String trainerName = tree.text(model, "trainer", true);
            if (trainerName != null) {
                if (Trainers.all().containsKey(trainerName)) found = Trainers.get(trainerName);
                else tree.problem("model.trainer", "no trainer named '" + trainerName + "'" + SpecTree.suggestion(trainerName, Trainers.all().keySet())
                        + "; trainers: " + Trainers.all().keySet());
            }
        }
        this.trainer = found;
    }

    /** The trainer the spec names; null when it names none that is registered (reported). */
    Trainer trainer() {
        return trainer;
    }

    /** The value of every knob that is not searched (or that stands in while its conditional parameter is inactive). */
    Map<String, Object> settings(List<Parameter> parameters) {
        if (trainer == null) return Map.of();
        Map<String, Knob> knobs = knobsOf(trainer);
        Set<String> searched = new LinkedHashSet<>();
        Set<String> conditional = new LinkedHashSet<>();
        for (Parameter p : parameters) {
            searched.add(p.name());
            if (p.conditional()) conditional.add(p.name());
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        if (model != null) {
            List<String> allowed = new ArrayList<>(knobs.keySet());
            allowed.add(0, "trainer");
            model.rejectUnknown(allowed, " for trainer " + trainer.name());
            for (Map.Entry<String, Knob> e : knobs.entrySet()) {
                JsonNode n = model.get(e.getKey());
                if (n == null) continue;
                String path = "model." + e.getKey();
                if (searched.contains(e.getKey())) {
                    tree.problem(path, "is also searched under space." + e.getKey() + "; keep one of the two");
                    continue;
                }
                Object v = tree.scalar(n, path);
                if (v != null) {
                    Domain d = fitToKnob(new Domain.Fixed(v), e.getValue(), path);
                    if (d != null) settings.put(e.getKey(), ((Domain.Fixed) d).value());
                }
            }
        }
        for (Knob k : knobs.values()) {
            if (settings.containsKey(k.name())) continue;
            if (searched.contains(k.name())) {
                // a conditional parameter's default stands in while it is inactive; an active one overrides it
                if (!k.required()) settings.put(k.name(), k.defaultValue());
                else if (conditional.contains(k.name())) {
                    tree.problem("space." + k.name() + ".when", "trainer " + trainer.name() + " needs " + k.name()
                            + " in every trial and it has no default: fix it under model: or search it without a condition");
                }
                continue;
            }
            if (k.required()) {
                tree.problem("model." + k.name(), "trainer " + trainer.name() + " needs a value (" + k.description()
                        + (k.allowed().isEmpty() ? "" : ", one of " + k.allowed()) + "): set it under model: or search it under space:");
            } else {
                settings.put(k.name(), k.defaultValue());
            }
        }
        return settings;
    }

    /** The trainer's knobs by name, in its order; none without a trainer. */
    Map<String, Knob> knobs() {
        return trainer == null ? Map.of() : knobsOf(trainer);
    }

    private static Map<String, Knob> knobsOf(Trainer trainer) {
        Map<String, Knob> m = new LinkedHashMap<>();
        for (Knob k : trainer.knobs()) m.put(k.name(), k);
        return m;
    }

    /** Checks a domain against the knob it sets and converts integers to reals where the knob is real; null when it does not fit (reported). */
    Domain fitToKnob(Domain d, Knob knob, String path) {
        ValueType want = knob.type();
        ValueType have = d.type();
        String owner = trainer.name() + "'s " + knob.name();
        if (want == ValueType.DOUBLE && have == ValueType.LONG) {
            // integers are reals too: fixed values and choices become reals; a range stays integer-valued
            if (d instanceof Domain.Fixed f) d = new Domain.Fixed(((Number) f.value()).doubleValue());
            else if (d instanceof Domain.Choice c) d = new Domain.Choice(c.values().stream().map(v -> (Object) ((Number) v).doubleValue()).toList());
            else return d;
            have = ValueType.DOUBLE;
        }
        if (want != have) {
            String hint = switch (want) {
                case LONG -> "an integer; use an integer, range or a choice of integers";
                case DOUBLE -> "a real number; use a number, uniform, logUniform or a choice of numbers";
                case BOOLEAN -> "true or false";
                case STRING -> "text" + (knob.allowed().isEmpty() ? "" : ", one of " + knob.allowed());
            };
            tree.problem(path, owner + " is " + hint + "; got " + d.describe());
            return null;
        }
        if (!knob.allowed().isEmpty()) {
            List<Object> values = d instanceof Domain.Fixed f ? List.of(f.value()) : ((Domain.Choice) d).values();
            for (Object v : values) {
                if (!knob.allowed().contains(v)) {
                    tree.problem(path, owner + " cannot be '" + v + "'"
                            + SpecTree.suggestion(String.valueOf(v), knob.allowed().stream().map(String::valueOf).toList())
                            + "; allowed: " + knob.allowed());
                }
            }
        }
        return d;
    }
}

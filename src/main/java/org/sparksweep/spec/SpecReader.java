package org.sparksweep.spec;

import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sparksweep.data.DataSource;
import org.sparksweep.data.DataSources;
import org.sparksweep.data.DataSpec;
import org.sparksweep.search.AutoSearch;
import org.sparksweep.search.SearchSettings;
import org.sparksweep.search.StrategyFactory;
import org.sparksweep.search.Strategies;
import org.sparksweep.search.WarmStart;
import org.sparksweep.space.Condition;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.ValueType;
import org.sparksweep.plugin.Knob;
import org.sparksweep.train.Trainer;
import org.sparksweep.train.Trainers;
import org.sparksweep.trial.Constraint;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Scalarization;
import org.sparksweep.trial.TrialId;

/**
 * Reads a sweep spec (YAML, or JSON for a {@code .json} file) and validates all of it before
 * anything runs. Every problem is collected with its field path and a fix; unknown keys are errors
 * (with the nearest known key suggested), so a typo never silently falls back to a default.
 */
public final class SpecReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final List<String> ROOT_KEYS = List.of("name", "description", "data", "model", "objective", "search", "space", "output",
            "resources", "stop", "budget", "objectives", "scalarization", "constraints");
    /** The root keys whose content decides which trials a sweep has; a resumed sweep must keep them unchanged. */
    static final List<String> SEARCH_KEYS = List.of("name", "data", "model", "objective", "search", "space", "objectives", "scalarization",
            "constraints");
    static final List<String> DOMAIN_KINDS = List.of("value", "choice", "range", "uniform", "logUniform");
    static final List<String> SPLIT_KEYS = List.of("source", "validationFraction", "splitSeed", "testFraction", "folds");

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private boolean cyclic;

    private SpecReader(String source) {
        this.source = source;
    }

    /** Reads and validates a spec file. */
    public static SweepSpec read(Path file) throws SpecException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SpecException(file.toString(), List.of("cannot read the file: " + e.getMessage()));
        }
        return parse(text, file.toString(), file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"));
    }

    /** Parses and validates spec text; {@code source} names it in messages. */
    public static SweepSpec parse(String text, String source, boolean json) throws SpecException {
        ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            throw new SpecException(source, List.of(where + "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage()));
        }
        SpecReader reader = new SpecReader(source);
        SweepSpec spec = reader.sweep(root);
        if (!reader.problems.isEmpty()) throw new SpecException(source, reader.problems);
        return spec;
    }

    private SweepSpec sweep(JsonNode rootNode) {
        if (rootNode == null || rootNode.isNull() || rootNode.isMissingNode()) {
            problem("", "the spec is empty: it needs at least name, model, objective and search");
            return null;
        }
        Obj root = object(rootNode, "");
        if (root == null) return null;
        root.rejectUnknown(ROOT_KEYS);

        String name = text(root, "name", true);
        if (name != null && !NAME.matcher(name).matches()) {
            problem("name", "must be 1-128 letters, digits, '.', '_' or '-' starting with a letter or digit (it names a directory), got '" + name + "'");
        }

        Obj model = object(root.get("model"), "model");
        if (root.get("model") == null) problem("model", "missing: add model: {trainer: NAME, ...}; trainers: " + Trainers.all().keySet());
        Trainer trainer = null;
        if (model != null) {
            String trainerName = text(model, "trainer", true);
            if (trainerName != null) {
                if (Trainers.all().containsKey(trainerName)) trainer = Trainers.get(trainerName);
                else problem("model.trainer", "no trainer named '" + trainerName + "'" + suggestion(trainerName, Trainers.all().keySet())
                        + "; trainers: " + Trainers.all().keySet());
            }
        }

        List<Parameter> parameters = space(root.get("space"), trainer);
        Map<String, Object> settings = trainer == null ? Map.of() : settings(model, trainer, parameters);
        DataSpec data = data(root.get("data"), trainer);
        Goals goals = goals(root, trainer);
        Objective objective = goals == null ? null : goals.objectives().get(0);
        SearchSettings search = searchSettings(root.get("search"));

        // built from whatever parameters parsed, so the strategy's problems are reported with all the others
        SearchSpace space = null;
        if (!cyclic) {
            try {
                space = new SearchSpace(parameters);
            } catch (IllegalArgumentException e) {
                problem("space", e.getMessage());
            }
        }
        if (space != null && search != null) {
            StrategyFactory factory = Strategies.get(search.strategy());
            for (StrategyFactory.SearchProblem p : factory.check(search, space)) problem(p.field(), p.message());
            search = warmStart(search, space);
        }

        SweepLimits limits = limits(root.get("stop"), root.get("budget"));

        String output = text(root, "output", false);
        if (output == null) output = SweepSpec.DEFAULT_OUTPUT;
        output = absoluteOutput(output);
        Resources resources = resources(root.get("resources"));

        if (!problems.isEmpty()) return null;
        return new SweepSpec(source, name, data, new ModelSpec(trainer.name(), settings), objective, search, space, output,
                hash(rootNode), resources, limits, content(rootNode), goals);
    }

    // ---- model settings -------------------------------------------------------------------------

    private Map<String, Object> settings(Obj model, Trainer trainer, List<Parameter> parameters) {
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
                    problem(path, "is also searched under space." + e.getKey() + "; keep one of the two");
                    continue;
                }
                Object v = scalar(n, path);
                if (v != null) {
                    Domain d = fitToKnob(new Domain.Fixed(v), e.getValue(), trainer, path);
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
                    problem("space." + k.name() + ".when", "trainer " + trainer.name() + " needs " + k.name()
                            + " in every trial and it has no default: fix it under model: or search it without a condition");
                }
                continue;
            }
            if (k.required()) {
                problem("model." + k.name(), "trainer " + trainer.name() + " needs a value (" + k.description()
                        + (k.allowed().isEmpty() ? "" : ", one of " + k.allowed()) + "): set it under model: or search it under space:");
            } else {
                settings.put(k.name(), k.defaultValue());
            }
        }
        return settings;
    }

    private static Map<String, Knob> knobsOf(Trainer trainer) {
        Map<String, Knob> m = new LinkedHashMap<>();
        for (Knob k : trainer.knobs()) m.put(k.name(), k);
        return m;
    }

    /** Checks a domain against the knob it sets and converts integers to reals where the knob is real. */
    private Domain fitToKnob(Domain d, Knob knob, Trainer trainer, String path) {
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
            problem(path, owner + " is " + hint + "; got " + d.describe());
            return null;
        }
        if (!knob.allowed().isEmpty()) {
            List<Object> values = d instanceof Domain.Fixed f ? List.of(f.value()) : ((Domain.Choice) d).values();
            for (Object v : values) {
                if (!knob.allowed().contains(v)) {
                    problem(path, owner + " cannot be '" + v + "'" + suggestion(String.valueOf(v), knob.allowed().stream().map(String::valueOf).toList())
                            + "; allowed: " + knob.allowed());
                }
            }
        }
        return d;
    }

    // ---- space ----------------------------------------------------------------------------------

    private List<Parameter> space(JsonNode node, Trainer trainer) {
        List<Parameter> parameters = new ArrayList<>();
        if (node == null) return parameters;
        Obj space = object(node, "space");
        if (space == null) return parameters;
        Map<String, Knob> knobs = trainer == null ? Map.of() : knobsOf(trainer);
        Map<String, JsonNode> whens = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : space.node.properties()) {
            String name = f.getKey();
            String path = "space." + name;
            space.seen.add(name);
            if (trainer != null && !knobs.containsKey(name)) {
                problem(path, "trainer " + trainer.name() + " has no setting '" + name + "'" + suggestion(name, knobs.keySet())
                        + "; it has " + knobs.keySet());
                continue;
            }
            Domain d = domain(f.getValue(), path);
            if (d == null) continue;
            if (trainer != null) d = fitToKnob(d, knobs.get(name), trainer, path);
            if (d == null) continue;
            JsonNode when = f.getValue().isObject() ? f.getValue().get("when") : null;
            if (when != null) whens.put(name, when);
            parameters.add(new Parameter(name, d, null));
        }
        // conditions, once every parameter's domain is known
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : parameters) byName.put(p.name(), p);
        for (Map.Entry<String, JsonNode> w : whens.entrySet()) {
            Condition c = condition(w.getValue(), "space." + w.getKey() + ".when", w.getKey(), byName);
            if (c != null) byName.put(w.getKey(), new Parameter(w.getKey(), byName.get(w.getKey()).domain(), c));
        }
        checkCycles(byName);
        return new ArrayList<>(byName.values());
    }

    private Domain domain(JsonNode node, String path) {
        if (node.isArray()) return choice(node, path);
        if (!node.isObject()) {
            Object v = scalar(node, path);
            return v == null ? null : new Domain.Fixed(v);
        }
        Obj o = new Obj((ObjectNode) node, path);
        List<String> kinds = DOMAIN_KINDS.stream().filter(k -> node.get(k) != null).toList();
        if (kinds.size() != 1) {
            problem(path, kinds.isEmpty() ? "give exactly one of " + DOMAIN_KINDS + " (or a plain value to fix it)"
                    : "give only one of " + kinds);
            o.rejectUnknown(allowedWith(DOMAIN_KINDS, "step", "q", "points", "when"));
            return null;
        }
        String kind = kinds.get(0);
        o.get("when");
        return switch (kind) {
            case "value" -> {
                o.rejectUnknown(List.of("value", "when"));
                Object v = scalar(o.get("value"), path + ".value");
                yield v == null ? null : new Domain.Fixed(v);
            }
            case "choice" -> {
                o.rejectUnknown(List.of("choice", "when"));
                yield choice(o.get("choice"), path + ".choice");
            }
            case "range" -> {
                o.rejectUnknown(List.of("range", "step", "when"));
                yield range(o, path);
            }
            default -> {
                o.rejectUnknown(List.of(kind, "q", "points", "when"));
                yield continuous(o, kind, path);
            }
        };
    }

    private Domain choice(JsonNode node, String path) {
        if (!node.isArray() || node.isEmpty()) {
            problem(path, "must be a non-empty list of values, e.g. [relu, tanh]");
            return null;
        }
        List<Object> raw = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Object v = scalar(node.get(i), path + "[" + i + "]");
            if (v == null) return null;
            raw.add(v);
        }
        ValueType type = ValueType.common(raw);
        List<Object> values = raw.stream().map(type::coerce).toList();
        if (new LinkedHashSet<>(values).size() != values.size()) {
            problem(path, "lists a value twice: " + values);
            return null;
        }
        return new Domain.Choice(values);
    }

    private Domain range(Obj o, String path) {
        JsonNode bounds = o.get("range");
        if (!bounds.isArray() || bounds.size() != 2 || !bounds.get(0).isIntegralNumber() || !bounds.get(1).isIntegralNumber()) {
            problem(path + ".range", "must be [lower, upper] with integer bounds, e.g. [16, 128]; use uniform for real numbers");
            return null;
        }
        long lower = bounds.get(0).asLong(), upper = bounds.get(1).asLong();
        long step = 1;
        JsonNode s = o.get("step");
        if (s != null) {
            if (!s.isIntegralNumber() || s.asLong() < 1) {
                problem(path + ".step", "must be an integer >= 1, got " + s);
                return null;
            }
            step = s.asLong();
        }
        if (lower > upper) {
            problem(path + ".range", "lower bound must be <= upper bound, got [" + lower + ", " + upper + "]");
            return null;
        }
        if (upper - lower < 0) { // the difference overflowed
            problem(path + ".range", "spans more integers than a grid can index; narrow it, or use uniform");
            return null;
        }
        return new Domain.IntRange(lower, upper, step);
    }

    private Domain continuous(Obj o, String kind, String path) {
        JsonNode bounds = o.get(kind);
        if (!bounds.isArray() || bounds.size() != 2 || number(bounds.get(0)) == null || number(bounds.get(1)) == null) {
            problem(path + "." + kind, "must be [lower, upper] with numeric bounds, e.g. [0.0001, 0.1]");
            return null;
        }
        double lower = number(bounds.get(0)), upper = number(bounds.get(1));
        boolean ok = true;
        if (kind.equals("logUniform") && !(lower > 0)) {
            problem(path, "logUniform lower bound must be > 0, got " + plain(bounds.get(0)));
            ok = false;
        }
        if (!(lower < upper)) {
            problem(path + "." + kind, "lower bound must be < upper bound, got [" + plain(bounds.get(0)) + ", " + plain(bounds.get(1)) + "]"
                    + " (for a single value write the value itself)");
            ok = false;
        }
        Double q = null;
        JsonNode qn = o.get("q");
        if (qn != null) {
            q = number(qn);
            if (q == null || !(q > 0)) {
                problem(path + ".q", "must be a number > 0 (values are rounded to multiples of q), got " + plain(qn));
                ok = false;
            } else if (ok && Math.floor(upper / q + 1e-9) < Math.ceil(lower / q - 1e-9)) {
                problem(path + ".q", "no multiple of " + q + " lies in [" + lower + ", " + upper + "]");
                ok = false;
            }
        }
        Integer points = null;
        JsonNode pn = o.get("points");
        if (pn != null) {
            if (!pn.isIntegralNumber() || pn.asLong() < 1 || pn.asLong() > 1_000_000) {
                problem(path + ".points", "must be an integer in [1, 1000000] (grid points across the range), got " + plain(pn));
                ok = false;
            } else {
                points = pn.asInt();
            }
        }
        if (!ok) return null;
        return kind.equals("uniform") ? new Domain.Uniform(lower, upper, q, points) : new Domain.LogUniform(lower, upper, q, points);
    }

    private Condition condition(JsonNode node, String path, String child, Map<String, Parameter> byName) {
        if (!node.isObject() || node.size() != 1) {
            problem(path, "must name one parameter and its values, e.g. when: {updater: [nesterovs, sgd]}");
            return null;
        }
        Map.Entry<String, JsonNode> e = node.properties().iterator().next();
        String parentName = e.getKey();
        String parentPath = path + "." + parentName;
        Parameter parent = byName.get(parentName);
        if (parent == null || parentName.equals(child)) {
            problem(parentPath, (parentName.equals(child) ? "a parameter cannot depend on itself" : "no parameter '" + parentName + "' in space"
                    + suggestion(parentName, byName.keySet())));
            return null;
        }
        if (!parent.domain().discrete()) {
            problem(parentPath, parentName + " is " + parent.domain().describe() + "; a condition needs a parameter with a list of values (choice, range or a fixed value)");
            return null;
        }
        List<Object> values = new ArrayList<>();
        JsonNode vs = e.getValue();
        List<JsonNode> items = new ArrayList<>();
        if (vs.isArray()) vs.forEach(items::add);
        else items.add(vs);
        if (items.isEmpty()) {
            problem(parentPath, "list at least one value of " + parentName);
            return null;
        }
        for (JsonNode item : items) {
            Object v = scalar(item, parentPath);
            if (v == null) return null;
            Object typed = v;
            ValueType t = parent.domain().type();
            if (t == ValueType.DOUBLE && v instanceof Number n) typed = n.doubleValue();
            else if (t == ValueType.STRING) typed = String.valueOf(v);
            if (parent.domain().indexOf(typed) < 0) {
                problem(parentPath, parentName + " never takes the value " + v + "; it is " + parent.domain().describe());
                return null;
            }
            values.add(typed);
        }
        return new Condition(parentName, new LinkedHashSet<>(values));
    }

    private void checkCycles(Map<String, Parameter> byName) {
        for (Parameter p : byName.values()) {
            Set<String> chain = new LinkedHashSet<>();
            for (Parameter a = p; a != null && a.conditional(); a = byName.get(a.when().parent())) {
                if (!chain.add(a.name())) {
                    problem("space." + p.name() + ".when", "conditions form a cycle: " + String.join(" -> ", chain) + " -> " + a.name());
                    cyclic = true;
                    return;
                }
            }
        }
    }

    // ---- data, objective, search, output --------------------------------------------------------

    private DataSpec data(JsonNode node, Trainer trainer) {
        if (trainer == null) return null;
        if (!trainer.needsData()) {
            if (node != null) problem("data", "trainer " + trainer.name() + " reads no data; remove data:");
            return null;
        }
        if (node == null) {
            problem("data", "trainer " + trainer.name() + " needs data: add data: {source: NAME}; sources: " + DataSources.all().keySet());
            return null;
        }
        Obj o = object(node, "data");
        if (o == null) return null;
        String sourceName = text(o, "source", true);
        if (sourceName == null) return null;
        if (!DataSources.all().containsKey(sourceName)) {
            problem("data.source", "no data source named '" + sourceName + "'" + suggestion(sourceName, DataSources.all().keySet())
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
            Double v = number(f);
            if (v == null || !(v > 0 && v < 1)) problem("data.validationFraction", "must be a number in (0, 1), got " + plain(f));
            else fraction = v;
        }
        long splitSeed = DataSpec.DEFAULT_SPLIT_SEED;
        JsonNode s = o.get("splitSeed");
        if (s != null) {
            if (!s.isIntegralNumber()) problem("data.splitSeed", "must be an integer, got " + plain(s));
            else splitSeed = s.asLong();
        }
        double testFraction = 0;
        JsonNode tf = o.get("testFraction");
        if (tf != null) {
            Double v = number(tf);
            if (v == null || !(v >= 0 && v < 1)) problem("data.testFraction", "must be a number in [0, 1), got " + plain(tf));
            else testFraction = v;
        }
        int folds = 0;
        JsonNode k = o.get("folds");
        if (k != null) {
            if (!k.isIntegralNumber() || k.asLong() < 2 || k.asLong() > 1000) problem("data.folds", "must be an integer from 2 to 1000 (k of k-fold cross-validation), got " + plain(k));
            else if (f != null) problem("data.validationFraction", "does not apply with folds: each fold validates on 1/" + k.asLong() + " of the rows; remove one of the two");
            else folds = k.asInt();
        }
        if (folds == 0 && fraction + testFraction >= 1) {
            problem("data", "validationFraction + testFraction must be below 1 to leave training rows, got " + (fraction + testFraction));
        }
        int before = problems.size();
        Map<String, Object> options = new LinkedHashMap<>();
        for (Knob knob : ds.knobs()) {
            JsonNode n = o.get(knob.name());
            Object v = n == null ? knob.defaultValue() : dataOption(n, knob, sourceName);
            if (v == null) {
                if (n == null) problem("data." + knob.name(), "data source " + sourceName + " needs it: " + knob.description());
                continue;
            }
            options.put(knob.name(), v);
        }
        if (problems.size() > before) return null;
        // the source makes its options location-independent and checks what is cheap to check (a header) on this machine
        try {
            options = ds.resolve(options);
            ds.check(options);
        } catch (Exception e) {
            problem("data", e.getMessage());
            return null;
        }
        return new DataSpec(sourceName, options, fraction, splitSeed, testFraction, folds);
    }

    /** A data source option checked against its knob: its type, its allowed values, a list where the knob takes one. */
    private Object dataOption(JsonNode n, Knob knob, String sourceName) {
        String path = "data." + knob.name();
        if (knob.list()) {
            List<Object> values = new ArrayList<>();
            if (!n.isArray()) {
                problem(path, "must be a list, e.g. " + knob.name() + ": [a, b]; " + knob.description());
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
        Object v = scalar(n, path);
        if (v == null) return null;
        Object typed = switch (knob.type()) {
            case STRING -> v instanceof String ? v : null;
            case LONG -> v instanceof Long ? v : null;
            case DOUBLE -> v instanceof Number num ? (Object) num.doubleValue() : null;
            case BOOLEAN -> v instanceof Boolean ? v : null;
        };
        if (typed == null) {
            problem(path, "must be " + switch (knob.type()) {
                case STRING -> "text";
                case LONG -> "an integer";
                case DOUBLE -> "a number";
                case BOOLEAN -> "true or false";
            } + ", got " + plain(n) + "; " + knob.description());
            return null;
        }
        if (!knob.allowed().isEmpty() && !knob.allowed().contains(typed)) {
            problem(path, "cannot be '" + typed + "'" + suggestion(String.valueOf(typed), knob.allowed().stream().map(String::valueOf).toList())
                    + "; allowed: " + knob.allowed());
            return null;
        }
        return typed;
    }

    /** objective: or objectives:, with the optional scalarization: and constraints: that go with them. */
    private Goals goals(Obj root, Trainer trainer) {
        JsonNode single = root.get("objective"), several = root.get("objectives");
        List<Objective> objectives = new ArrayList<>();
        int before = problems.size();
        if (single != null && several != null) {
            problem("objectives", "give objective: (one) or objectives: (a list), not both");
        } else if (single != null) {
            Objective o = objective(single, "objective", trainer);
            if (o != null) objectives.add(o);
        } else if (several != null) {
            if (!several.isArray() || several.isEmpty()) {
                problem("objectives", "must be a non-empty list, e.g. [{metric: accuracy, direction: maximize}, {metric: param_count, direction: minimize}]");
            } else {
                Set<String> seen = new LinkedHashSet<>();
                for (int i = 0; i < several.size(); i++) {
                    Objective o = objective(several.get(i), "objectives[" + i + "]", trainer);
                    if (o == null) continue;
                    if (!seen.add(o.metric())) problem("objectives[" + i + "].metric", "'" + o.metric() + "' is already an objective; list each metric once");
                    else objectives.add(o);
                }
            }
        } else {
            problem("objective", "missing: add objective: {metric: NAME, direction: maximize|minimize}, or objectives: [...] for several"
                    + (trainer == null ? "" : "; " + trainer.name() + " reports " + trainer.metrics()));
        }
        Scalarization scalarization = scalarization(root.get("scalarization"), objectives.size(), problems.size() > before);
        List<Constraint> constraints = constraints(root.get("constraints"), trainer);
        if (problems.size() > before || objectives.isEmpty()) return null;
        return new Goals(objectives, scalarization, constraints);
    }

    private Scalarization scalarization(JsonNode node, int objectives, boolean objectivesBroken) {
        if (node == null) return null;
        Obj o = object(node, "scalarization");
        if (o == null) return null;
        o.rejectUnknown(List.of("method", "weights", "references"));
        String method = text(o, "method", true);
        Scalarization.Method m = null;
        if (method != null) {
            for (Scalarization.Method each : Scalarization.Method.values()) if (each.label().equals(method)) m = each;
            if (m == null) problem("scalarization.method", "must be weightedSum or chebyshev, got '" + method + "'"
                    + suggestion(method, List.of("weightedSum", "chebyshev")));
        }
        if (objectivesBroken) return null;
        if (objectives < 2) {
            problem("scalarization", "combines several objectives, but the spec has " + objectives + ": list them under objectives: or remove scalarization");
            return null;
        }
        List<Double> weights = numbers(o.get("weights"), "scalarization.weights", objectives, null);
        List<Double> references = numbers(o.get("references"), "scalarization.references", objectives, 0.0);
        if (weights != null) {
            for (int i = 0; i < weights.size(); i++) {
                if (weights.get(i) < 0) problem("scalarization.weights[" + i + "]", "must be >= 0, got " + weights.get(i));
            }
            if (weights.stream().allMatch(w -> w == 0)) problem("scalarization.weights", "at least one weight must be above 0");
        }
        return m == null || weights == null || references == null ? null : new Scalarization(m, weights, references);
    }

    /** A list of one number per objective; {@code fill} stands in for a missing list (null: the list is required). */
    private List<Double> numbers(JsonNode node, String path, int size, Double fill) {
        if (node == null) {
            if (fill != null) return java.util.Collections.nCopies(size, fill);
            problem(path, "missing: give one number per objective, in the order of objectives:, e.g. [0.5, 0.5]");
            return null;
        }
        if (!node.isArray() || node.size() != size) {
            problem(path, "must be a list of " + size + " numbers, one per objective in the order of objectives:, got " + plain(node)
                    + (node.isArray() ? " of " + node.size() : ""));
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Double v = number(node.get(i));
            if (v == null) {
                problem(path + "[" + i + "]", "must be a number, got " + plain(node.get(i)));
                return null;
            }
            out.add(v);
        }
        return out;
    }

    private static final Pattern CONSTRAINT = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(<=|>=|<|>)\\s*([-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?)\\s*");

    /** constraints: a list of "QUANTITY OP NUMBER", the quantity a metric the trainer reports or train_seconds. */
    private List<Constraint> constraints(JsonNode node, Trainer trainer) {
        List<Constraint> out = new ArrayList<>();
        if (node == null) return out;
        if (!node.isArray()) {
            problem("constraints", "must be a list of bounds, e.g. [\"param_count <= 1_000_000\", \"train_seconds <= 300\"]");
            return out;
        }
        List<String> known = new ArrayList<>(trainer == null ? List.of() : trainer.metrics());
        known.add(Constraint.TRAIN_SECONDS);
        for (int i = 0; i < node.size(); i++) {
            String path = "constraints[" + i + "]";
            JsonNode n = node.get(i);
            java.util.regex.Matcher m = n.isTextual() ? CONSTRAINT.matcher(n.asText()) : null;
            if (m == null || !m.matches()) {
                problem(path, "must be text like \"param_count <= 1_000_000\" (a quantity, one of <= < >= >, a number), got " + plain(n));
                continue;
            }
            String quantity = m.group(1);
            if (trainer != null && !known.contains(quantity)) {
                String loose = loose(quantity);
                String match = known.stream().filter(k -> loose(k).equals(loose)).findFirst()
                        .orElse(loose.equals("params") && known.contains("param_count") ? "param_count" : null);
                if (match != null) {
                    quantity = match; // memoryMb is memory_mb, trainSeconds train_seconds, params param_count
                } else {
                    problem(path, "'" + quantity + "' is not a quantity a trial reports" + suggestion(quantity, known) + "; trainer "
                            + trainer.name() + " reports " + trainer.metrics() + ", and every trial has train_seconds");
                    continue;
                }
            }
            out.add(new Constraint(quantity, Constraint.Comparison.of(m.group(2)), Double.parseDouble(m.group(3).replace("_", ""))));
        }
        return out;
    }

    private static String loose(String name) {
        return name.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    private Objective objective(JsonNode node, String path, Trainer trainer) {
        Obj o = object(node, path);
        if (o == null) return null;
        o.rejectUnknown(List.of("metric", "direction"));
        String metric = text(o, "metric", true);
        if (metric != null && trainer != null && !trainer.metrics().contains(metric)) {
            problem(path + ".metric", "trainer " + trainer.name() + " does not report '" + metric + "'"
                    + suggestion(metric, trainer.metrics()) + "; it reports " + trainer.metrics());
        }
        String dir = text(o, "direction", true);
        Direction direction = null;
        if (dir != null) {
            if (dir.equals("maximize")) direction = Direction.MAXIMIZE;
            else if (dir.equals("minimize")) direction = Direction.MINIMIZE;
            else problem(path + ".direction", "must be maximize or minimize, got '" + dir + "'");
        }
        return metric == null || direction == null ? null : new Objective(metric, direction);
    }

    private SearchSettings searchSettings(JsonNode node) {
        if (node == null) {
            problem("search", "missing: add search: {trials: N} (auto picks gp or tpe), search: {strategy: grid} or search: {strategy: random, trials: N, seed: S}");
            return null;
        }
        Obj o = object(node, "search");
        if (o == null) return null;
        int before = problems.size();
        // no strategy named: auto picks gp or tpe from the space and the budget
        String strategy = o.get("strategy") == null ? AutoSearch.NAME : text(o, "strategy", true);
        List<String> known = new ArrayList<>(List.of("strategy", "trials", "seed", WarmStart.START_WITH, WarmStart.FROM_SWEEP));
        if (strategy != null && !Strategies.all().containsKey(strategy)) {
            problem("search.strategy", "no strategy named '" + strategy + "'" + suggestion(strategy, Strategies.all().keySet())
                    + "; strategies: " + Strategies.all().keySet());
            strategy = null;
        } else if (strategy != null) {
            known.addAll(Strategies.get(strategy).options());
        }
        o.rejectUnknown(known, strategy == null ? "" : " for strategy " + strategy);
        Map<String, Object> options = new LinkedHashMap<>();
        for (String option : known.subList(3, known.size())) { // warm-start keys are checked with the space, see warmStart
            JsonNode v = o.get(option);
            if (v != null) options.put(option, JSON.convertValue(v, Object.class));
        }
        Long trials = null;
        JsonNode t = o.get("trials");
        if (t != null) {
            if (!t.isIntegralNumber()) problem("search.trials", "must be an integer, got " + plain(t));
            else trials = t.asLong();
        }
        long seed = SearchSettings.DEFAULT_SEED;
        JsonNode s = o.get("seed");
        if (s != null) {
            if (!s.isIntegralNumber()) problem("search.seed", "must be an integer, got " + plain(s));
            else seed = s.asLong();
        }
        // with a problem of its own the block is not also checked by the strategy (an unreadable trials is not a missing one)
        return strategy == null || problems.size() > before ? null : new SearchSettings(strategy, trials, seed, options);
    }

    /**
     * Checks {@code startWith} (every config against the space, typed as the space's parameters) and
     * {@code warmStartFrom: {sweep, top}}, and that the warm-start trials leave the strategy a trial.
     */
    private SearchSettings warmStart(SearchSettings search, SearchSpace space) {
        int before = problems.size();
        Object given = search.option(WarmStart.START_WITH);
        List<Map<String, Object>> typed = new ArrayList<>();
        if (given != null) {
            if (!(given instanceof List<?> list) || list.isEmpty()) {
                problem("search.startWith", "must be a list of configs, e.g. [{learningRate: 0.01, layers: 2}], got " + given);
            } else {
                for (int i = 0; i < list.size(); i++) {
                    String path = "search.startWith[" + i + "]";
                    if (!(list.get(i) instanceof Map<?, ?> m) || m.keySet().stream().anyMatch(k -> !(k instanceof String))) {
                        problem(path, "must be a mapping of parameter names to values, got " + list.get(i));
                        continue;
                    }
                    try {
                        @SuppressWarnings("unchecked")
                        Map<String, ?> config = (Map<String, ?>) m;
                        typed.add(space.config(config).values());
                    } catch (SearchSpace.ConfigException e) {
                        problem(path + "." + e.parameter(), e.problem());
                    }
                }
            }
        }
        Object from = search.option(WarmStart.FROM_SWEEP);
        int top = 0;
        if (from != null) {
            if (!(from instanceof Map<?, ?> m)) {
                problem("search.warmStartFrom", "must be a mapping like {sweep: NAME, top: 5}, got " + from);
            } else {
                for (Object k : m.keySet()) {
                    if (!List.of("sweep", "top").contains(k)) {
                        problem("search.warmStartFrom." + k, "unknown key '" + k + "'; allowed: [sweep, top]");
                    }
                }
                if (!(m.get("sweep") instanceof String name) || !NAME.matcher(name).matches()) {
                    problem("search.warmStartFrom.sweep", "the name of an earlier sweep under the same output root, got " + m.get("sweep"));
                }
                Object t = m.get("top");
                if (t != null && (!(t instanceof Integer || t instanceof Long) || ((Number) t).longValue() < 1 || ((Number) t).longValue() > 10_000)) {
                    problem("search.warmStartFrom.top", "must be a whole number from 1 to 10000 (default " + WarmStart.DEFAULT_TOP + "), got " + t);
                }
                top = t instanceof Number n ? n.intValue() : WarmStart.DEFAULT_TOP;
            }
        }
        if (search.trials() != null && typed.size() + top > 0 && typed.size() + top >= search.trials()) {
            problem("search.trials", search.trials() + " trials leave no room for the strategy after " + (typed.size() + top)
                    + " warm-start configs (startWith + warmStartFrom.top, which count against trials): raise trials");
        }
        if (problems.size() > before || given == null) return search;
        Map<String, Object> options = new LinkedHashMap<>(search.options());
        options.put(WarmStart.START_WITH, typed);
        return new SearchSettings(search.strategy(), search.trials(), search.seed(), options);
    }

    private Resources resources(JsonNode node) {
        if (node == null) return Resources.DEFAULT;
        Obj o = object(node, "resources");
        if (o == null) return Resources.DEFAULT;
        o.rejectUnknown(List.of("cpus", "gpus"));
        int cpus = 1;
        JsonNode c = o.get("cpus");
        if (c != null) {
            if (!c.isIntegralNumber() || c.asLong() < 1 || c.asLong() > 1024) {
                problem("resources.cpus", "must be a whole number of cores per trial, 1 or more, got " + plain(c));
            } else {
                cpus = c.asInt();
            }
        }
        double gpus = 0;
        JsonNode g = o.get("gpus");
        if (g != null) {
            Double v = number(g);
            if (v == null || v < 0 || (v > 1 && v != Math.rint(v))) {
                problem("resources.gpus", "must be 0 or more GPUs per trial (a fraction below 1 shares a GPU, above 1 whole), got " + plain(g));
            } else {
                gpus = v;
            }
        }
        return new Resources(cpus, gpus);
    }

    /**
     * Keeps a URI with a scheme as it is (without a trailing slash); makes a plain path an absolute
     * file: URI, so every executor writes to the same place whatever its working directory.
     */
    public static String absoluteOutput(String output) {
        String uri = output.matches("[A-Za-z][A-Za-z0-9+.-]*:.*") ? output : Path.of(output).toAbsolutePath().normalize().toUri().toString();
        return uri.replaceAll("/+$", "");
    }

    private static String hash(JsonNode root) {
        ObjectNode copy = root.deepCopy();
        copy.remove("output");
        copy.remove("description");
        copy.remove("resources"); // how many cores a trial gets does not change what it computes
        return TrialId.sha256Hex(canonical(copy)).substring(0, 16);
    }

    /** The search-relevant keys of the spec as canonical JSON (keys sorted), see {@link SweepSpec#content()}. */
    private static String content(JsonNode root) {
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

    // ---- stop and budget ------------------------------------------------------------------------

    private SweepLimits limits(JsonNode stopNode, JsonNode budgetNode) {
        Double objective = null;
        Obj stop = object(stopNode, "stop");
        if (stop != null) {
            stop.rejectUnknown(List.of("objective"));
            JsonNode o = stop.get("objective");
            if (o != null) {
                objective = number(o);
                if (objective == null) problem("stop.objective", "must be a number (stop once a trial's objective is at least this good), got " + plain(o));
            }
        }
        Double wallClock = null, trialTimeout = null;
        Long maxFailed = null;
        Obj budget = object(budgetNode, "budget");
        if (budget != null) {
            budget.rejectUnknown(List.of("wallClock", "trialTimeout", "maxFailedTrials"));
            wallClock = duration(budget.get("wallClock"), "budget.wallClock");
            trialTimeout = duration(budget.get("trialTimeout"), "budget.trialTimeout");
            JsonNode m = budget.get("maxFailedTrials");
            if (m != null) {
                if (!m.isIntegralNumber() || m.asLong() < 0) problem("budget.maxFailedTrials", "must be an integer >= 0, got " + plain(m));
                else maxFailed = m.asLong();
            }
        }
        return new SweepLimits(objective, wallClock, maxFailed, trialTimeout);
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)");

    /** Seconds from a number of seconds or text such as 500ms, 90s, 10m, 1.5h, 2d; null when absent or invalid (reported). */
    private Double duration(JsonNode n, String path) {
        if (n == null) return null;
        Double seconds = null;
        if (n.isNumber()) {
            seconds = n.asDouble();
        } else if (n.isTextual()) {
            java.util.regex.Matcher m = DURATION.matcher(n.asText().trim());
            if (m.matches()) {
                double v = Double.parseDouble(m.group(1));
                seconds = switch (m.group(2)) {
                    case "ms" -> v / 1000;
                    case "s" -> v;
                    case "m", "min" -> v * 60;
                    case "h" -> v * 3600;
                    default -> v * 86400;
                };
            }
        }
        if (seconds == null || !(seconds > 0) || !Double.isFinite(seconds)) {
            problem(path, "must be a positive duration: seconds (e.g. 90) or text such as 500ms, 90s, 10m, 1.5h, 2d; got " + plain(n));
            return null;
        }
        return seconds;
    }

    // ---- tree helpers ---------------------------------------------------------------------------

    private void problem(String path, String message) {
        problems.add((path.isEmpty() ? "(top level)" : path) + ": " + message);
    }

    /** A mapping node that remembers which keys were read, so the rest can be reported as unknown. */
    private final class Obj {
        final ObjectNode node;
        final String path;
        final Set<String> seen = new LinkedHashSet<>();

        Obj(ObjectNode node, String path) {
            this.node = node;
            this.path = path;
        }

        JsonNode get(String key) {
            seen.add(key);
            JsonNode n = node.get(key);
            return n == null || n.isNull() ? null : n;
        }

        void rejectUnknown(Collection<String> known) {
            rejectUnknown(known, "");
        }

        void rejectUnknown(Collection<String> known, String context) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!known.contains(k)) {
                    problem(child(k), "unknown key '" + k + "'" + context + suggestion(k, known) + "; allowed: " + known);
                }
            }
        }

        String child(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    private Obj object(JsonNode node, String path) {
        if (node == null || node.isNull()) return null;
        if (!node.isObject()) {
            problem(path, "must be a mapping of keys to values, got " + plain(node));
            return null;
        }
        return new Obj((ObjectNode) node, path);
    }

    private String text(Obj o, String key, boolean required) {
        JsonNode n = o.get(key);
        String path = o.child(key);
        if (n == null) {
            if (required) problem(path, "missing");
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            problem(path, "must be text, got " + plain(n));
            return null;
        }
        return n.asText();
    }

    private Object scalar(JsonNode n, String path) {
        if (n == null || n.isNull()) {
            problem(path, "missing a value");
            return null;
        }
        if (n.isIntegralNumber()) {
            if (!n.canConvertToLong()) {
                problem(path, "integer out of range: " + n);
                return null;
            }
            return n.asLong();
        }
        if (n.isNumber()) {
            double d = n.asDouble();
            if (!Double.isFinite(d)) {
                problem(path, "must be a finite number, got " + n);
                return null;
            }
            return d;
        }
        if (n.isBoolean()) return n.asBoolean();
        if (n.isTextual()) {
            Double d = numericText(n.asText());
            return d != null ? (Object) d : n.asText();
        }
        problem(path, "must be a single value (text, number or true/false), got " + plain(n));
        return null;
    }

    /** A real number from a number node, or from YAML text such as {@code 1e-4} that YAML 1.1 leaves as a string. */
    private static Double number(JsonNode n) {
        if (n == null) return null;
        if (n.isNumber()) return Double.isFinite(n.asDouble()) ? n.asDouble() : null;
        if (n.isTextual()) return numericText(n.asText());
        return null;
    }

    private static final Pattern EXPONENT_NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)[eE][-+]?\\d+");

    private static Double numericText(String s) {
        if (!EXPONENT_NUMBER.matcher(s.trim()).matches()) return null;
        double d = Double.parseDouble(s.trim());
        return Double.isFinite(d) ? d : null;
    }

    private static String plain(JsonNode n) {
        if (n == null) return "nothing";
        if (n.isTextual()) return "'" + n.asText() + "'";
        if (n.isObject()) return "a mapping";
        if (n.isArray()) return "a list";
        return n.toString();
    }

    private static List<String> allowedWith(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    /** "; did you mean 'x'?" for the nearest known name within a small edit distance, else "". */
    static String suggestion(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = editDistance(given.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, given.length() / 3) ? "; did you mean '" + best + "'?" : "";
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

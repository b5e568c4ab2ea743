package org.sparksweep.spec;

import org.sparksweep.engine.SweepRunner;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;

import org.sparksweep.plugin.Knob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparksweep.space.Condition;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;

/**
 * The spec is the user's only interface: it must read what it documents, and every mistake must come
 * back at once with the field that holds it and a hint at the fix, never as a silent default or a
 * crash halfway through a sweep.
 */
class SpecReaderTest {

    // ---- reading valid specs ----------------------------------------------------------------------

    static final String YAML = """
            name: equivalence
            description: every kind of domain
            data: {source: iris, validationFraction: 0.25, splitSeed: 7}
            model:
              trainer: dl4j-mlp
              epochs: 5
              l2: 0.001
            objective: {metric: log_loss, direction: minimize}
            search: {strategy: grid, seed: 3}
            space:
              layers: 2
              width: {range: [8, 32], step: 8}
              activation: [relu, tanh]
              updater: {choice: [adam, nesterovs]}
              momentum: {uniform: [0.5, 0.9], q: 0.1, points: 3, when: {updater: nesterovs}}
              learningRate: {logUniform: [0.001, 0.1], points: 3}
            output: /tmp/sparksweep-spec-test
            """;

    static final String JSON = """
            {
              "name": "equivalence",
              "description": "every kind of domain",
              "data": {"source": "iris", "validationFraction": 0.25, "splitSeed": 7},
              "model": {"trainer": "dl4j-mlp", "epochs": 5, "l2": 0.001},
              "objective": {"metric": "log_loss", "direction": "minimize"},
              "search": {"strategy": "grid", "seed": 3},
              "space": {
                "layers": 2,
                "width": {"range": [8, 32], "step": 8},
                "activation": ["relu", "tanh"],
                "updater": {"choice": ["adam", "nesterovs"]},
                "momentum": {"uniform": [0.5, 0.9], "q": 0.1, "points": 3, "when": {"updater": "nesterovs"}},
                "learningRate": {"logUniform": [0.001, 0.1], "points": 3}
              },
              "output": "/tmp/sparksweep-spec-test"
            }
            """;

    @Test
    void yamlAndJsonReadTheSame() throws SpecException {
        SweepSpec yaml = SpecReader.parse(YAML, "spec.yaml", false);
        SweepSpec json = SpecReader.parse(JSON, "spec.json", true);

        assertEquals("spec.yaml", yaml.source());
        assertEquals("equivalence", yaml.name());
        assertEquals(yaml.name(), json.name());
        assertEquals(yaml.data(), json.data());
        assertEquals(yaml.model(), json.model());
        assertEquals(yaml.objective(), json.objective());
        assertEquals(yaml.search(), json.search());
        assertEquals(yaml.space().parameters(), json.space().parameters());
        assertEquals(yaml.space().gridSize(), json.space().gridSize());
        assertEquals(yaml.output(), json.output());
        assertEquals(yaml.specHash(), json.specHash());
        assertEquals(16, yaml.specHash().length());
    }

    @Test
    void readsEveryKindOfDomain() throws SpecException {
        SweepSpec spec = SpecReader.parse(YAML, "spec.yaml", false);

        assertEquals(List.of(
                new Parameter("layers", new Domain.Fixed(2L), null),
                new Parameter("width", new Domain.IntRange(8, 32, 8), null),
                new Parameter("activation", new Domain.Choice(List.of("relu", "tanh")), null),
                new Parameter("updater", new Domain.Choice(List.of("adam", "nesterovs")), null),
                new Parameter("momentum", new Domain.Uniform(0.5, 0.9, 0.1, 3), new Condition("updater", Set.of("nesterovs"))),
                new Parameter("learningRate", new Domain.LogUniform(0.001, 0.1, null, 3), null)),
                spec.space().parameters());

        Domain width = spec.space().parameter("width").domain();
        assertEquals(List.of(8L, 16L, 24L, 32L), grid(width));
        assertEquals(List.of(0.5, 0.7, 0.9), grid(spec.space().parameter("momentum").domain()));
        List<Object> rates = grid(spec.space().parameter("learningRate").domain());
        assertEquals(3, rates.size());
        assertEquals(0.001, (Double) rates.get(0), 1e-12);
        assertEquals(0.01, (Double) rates.get(1), 1e-12);
        assertEquals(0.1, (Double) rates.get(2), 1e-12);
        // 1 layer count x 4 widths x 2 activations x (adam + nesterovs x 3 momenta) x 3 rates
        assertEquals(96, spec.space().gridSize().getAsLong());

        assertEquals(new Objective("log_loss", Direction.MINIMIZE), spec.objective());
        assertEquals("grid", spec.search().strategy());
        assertNull(spec.search().trials());
        assertEquals(3, spec.search().seed());
        assertEquals("iris", spec.data().source());
        assertEquals(0.25, spec.data().validationFraction());
        assertEquals(7, spec.data().splitSeed());
        assertEquals("file:///tmp/sparksweep-spec-test", spec.output());
    }

    @Test
    void modelSettingsAreTypedAndCompletedWithDefaults() throws SpecException {
        SweepSpec spec = SpecReader.parse(YAML, "spec.yaml", false);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("weightInit", "xavier");
        expected.put("l2", 0.001);
        expected.put("dropout", 0.0);
        expected.put("batchSize", 16L);
        expected.put("epochs", 5L);
        // searched knobs keep their defaults too: a conditional one reads its default while inactive
        expected.put("layers", 2L);
        expected.put("width", 32L);
        expected.put("activation", "relu");
        expected.put("updater", "adam");
        expected.put("learningRate", 0.01);
        expected.put("momentum", 0.9);
        expected.put("shape", "fixed");
        expected.put("batchNorm", false);
        expected.put("lrSchedule", "none");
        expected.put("lrDecay", 0.9);
        expected.put("lrStepEpochs", 10L);
        expected.put("lrPower", 1.0);
        expected.put("l1", 0.0);
        expected.put("inputNoise", 0.0);
        expected.put("patience", 0L);
        expected.put("scoreEvery", 0L);
        assertEquals("dl4j-mlp", spec.model().trainer());
        assertEquals(expected, spec.model().settings());
    }

    @Test
    void anIntegerRangeIsAcceptedForARealKnob() throws SpecException {
        SweepSpec spec = SpecReader.parse("""
                name: int-range
                model: {trainer: function, function: sphere}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {range: [-2, 2], step: 2}
                """, "spec.yaml", false);
        assertEquals(3, spec.space().gridSize().getAsLong());
        assertEquals(-2L, spec.space().gridConfig(0).get("x1"));
        assertEquals(2L, spec.space().gridConfig(2).get("x1"));
    }

    @Test
    void appliesDefaults() throws SpecException {
        SweepSpec spec = SpecReader.parse("""
                name: defaults
                data: {source: iris}
                model: {trainer: dl4j-mlp}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: random, trials: 5}
                """, "spec.yaml", false);

        assertTrue(spec.output().startsWith("file:/"), spec.output());
        assertEquals(Path.of("sweeps").toAbsolutePath().normalize(), Path.of(URI.create(spec.output())));
        assertEquals(0L, spec.search().seed());
        assertEquals(5L, spec.search().trials());
        assertEquals(0.3, spec.data().validationFraction());
        assertEquals(42L, spec.data().splitSeed());
        assertEquals(Map.of(), spec.data().options());
        assertEquals(List.of(), spec.space().parameters());
        assertEquals(1, spec.space().gridSize().getAsLong());
        assertEquals(30L, spec.model().settings().get("epochs"));
        assertEquals("relu", spec.model().settings().get("activation"));
        assertEquals(0.01, spec.model().settings().get("learningRate"));
    }

    @Test
    void plainListIsAChoiceAndPlainValueIsFixed() throws SpecException {
        SweepSpec shorthand = dl4jSpace("activation: [relu, tanh]", "layers: 3");
        SweepSpec spelledOut = dl4jSpace("activation: {choice: [relu, tanh]}", "layers: {value: 3}");

        assertEquals(new Domain.Choice(List.of("relu", "tanh")), shorthand.space().parameter("activation").domain());
        assertEquals(new Domain.Fixed(3L), shorthand.space().parameter("layers").domain());
        assertEquals(shorthand.space().parameters(), spelledOut.space().parameters());
    }

    @Test
    void integersForRealKnobsBecomeDoubles() throws SpecException {
        SweepSpec spec = SpecReader.parse("""
                name: ints
                data: {source: iris}
                model: {trainer: dl4j-mlp, learningRate: 1, l2: 0}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: grid}
                space:
                  momentum: [0, 1]
                  dropout: {value: 0}
                  layers: {choice: [1, 2], when: {momentum: 1}}
                """, "spec.yaml", false);

        Object rate = spec.model().settings().get("learningRate");
        assertInstanceOf(Double.class, rate);
        assertEquals(1.0, rate);
        assertEquals(0.0, spec.model().settings().get("l2"));
        assertEquals(new Domain.Choice(List.of(0.0, 1.0)), spec.space().parameter("momentum").domain());
        assertInstanceOf(Double.class, grid(spec.space().parameter("momentum").domain()).get(0));
        assertEquals(new Domain.Fixed(0.0), spec.space().parameter("dropout").domain());
        assertEquals(new Condition("momentum", Set.of(1.0)), spec.space().parameter("layers").when());
        assertEquals(3, spec.space().gridSize().getAsLong());
    }

    // YAML 1.1 resolvers leave 1e-4 as text (their floats need a dot); whichever way the parser reads it, it is a number
    @ParameterizedTest(name = "quoted {0}")
    @ValueSource(booleans = {false, true})
    void exponentNotationIsANumberInYaml(boolean quoted) throws SpecException {
        SweepSpec spec = SpecReader.parse("""
                name: exponents
                data: {source: iris}
                model: {trainer: dl4j-mlp, learningRate: %s}
                objective: {metric: accuracy, direction: maximize}
                search: {strategy: grid}
                space:
                  l2: {logUniform: [%s, %s], points: 2}
                  dropout: [0, %s]
                  momentum: {uniform: [0.5, 0.9], q: %s}
                """.formatted(Stream.of("1e-4", "1e-6", "1E-2", "5e-1", "1e-1").map(n -> quoted ? "'" + n + "'" : n).toArray()),
                "spec.yaml", false);

        assertEquals(1e-4, spec.model().settings().get("learningRate"));
        assertEquals(new Domain.LogUniform(1e-6, 1e-2, null, 2), spec.space().parameter("l2").domain());
        assertEquals(new Domain.Choice(List.of(0.0, 0.5)), spec.space().parameter("dropout").domain());
        assertEquals(new Domain.Uniform(0.5, 0.9, 0.1, null), spec.space().parameter("momentum").domain());
    }

    @Test
    void specHashIgnoresOutputAndDescriptionOnly() throws SpecException {
        String hash = SpecReader.parse(YAML, "a.yaml", false).specHash();

        String relabelled = YAML.replace("description: every kind of domain", "description: something else")
                .replace("output: /tmp/sparksweep-spec-test", "output: hdfs://namenode/sweeps");
        assertEquals(hash, SpecReader.parse(relabelled, "b.yaml", false).specHash());
        assertEquals(hash, SpecReader.parse(YAML.replace("description: every kind of domain\n", ""), "c.yaml", false).specHash());

        assertNotEquals(hash, SpecReader.parse(YAML.replace("step: 8", "step: 12"), "d.yaml", false).specHash());
        assertNotEquals(hash, SpecReader.parse(YAML.replace("points: 3}\n", "points: 4}\n"), "e.yaml", false).specHash());
        assertNotEquals(hash, SpecReader.parse(YAML.replace("epochs: 5", "epochs: 6"), "f.yaml", false).specHash());
        assertNotEquals(hash, SpecReader.parse(YAML.replace("seed: 3", "seed: 4"), "g.yaml", false).specHash());
    }

    @Test
    void outputKeepsUrisAndMakesPathsAbsolute() throws SpecException {
        assertEquals("hdfs://namenode/sweeps", readFunction("output: hdfs://namenode/sweeps").output());
        assertEquals("s3a://bucket/sweeps", readFunction("output: s3a://bucket/sweeps").output());
        assertEquals(Path.of("runs/today").toAbsolutePath().normalize(), Path.of(URI.create(readFunction("output: runs/today").output())));
    }

    @Test
    void functionTrainerNeedsNoData() throws SpecException {
        SweepSpec spec = readFunction();
        assertNull(spec.data());
        assertEquals("sphere", spec.model().settings().get("function"));
        assertEquals(new Domain.Uniform(-5.0, 5.0, null, null), spec.space().parameter("x1").domain());
        assertTrue(spec.space().gridSize().isEmpty());
    }

    // ---- bad input --------------------------------------------------------------------------------

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                bad("unknown key in model suggests the knob",
                        dl4j().put("model", "{trainer: dl4j-mlp, learningrate: 0.1}"),
                        "model.learningrate", "unknown key 'learningrate' for trainer dl4j-mlp; did you mean 'learningRate'?"),
                bad("unknown key in a domain",
                        dl4j().space("width: {range: [8, 32], stpe: 8}"),
                        "space.width.stpe", "unknown key 'stpe'; did you mean 'step'?"),
                bad("unknown key in objective",
                        dl4j().put("objective", "{metric: accuracy, direction: maximize, goal: 0.9}"),
                        "objective.goal", "unknown key 'goal'"),
                bad("unknown key in search",
                        dl4j().put("search", "{strategy: random, trails: 5}"),
                        "search.trails", "unknown key 'trails' for strategy random; did you mean 'trials'?"),
                bad("unknown key in data",
                        dl4j().put("data", "{source: iris, validation: 0.2}"),
                        "data.validation", "unknown key 'validation' for data source iris"),
                bad("data option of the wrong type",
                        dl4j().put("data", "{source: csv, path: src/main/resources/datasets/diabetes.csv, label: 3}"),
                        "data.label", "must be text, got 3"),
                bad("categorical columns not a list",
                        dl4j().put("data", "{source: csv, path: src/main/resources/datasets/diabetes.csv, label: progression, categorical: sex}"),
                        "data.categorical", "must be a list"),
                bad("unknown task",
                        dl4j().put("data", "{source: csv, path: src/main/resources/datasets/diabetes.csv, label: progression, task: regresion}"),
                        "data.task", "cannot be 'regresion'; did you mean 'regression'?"),
                bad("csv without a path",
                        dl4j().put("data", "{source: csv, label: progression}"),
                        "data.path", "data source csv needs it"),
                bad("label column not in the file, refused when the spec is read",
                        dl4j().put("data", "{source: csv, path: src/main/resources/datasets/diabetes.csv, label: progresion}"),
                        "data", "no label column 'progresion'; the columns are [age, sex, bmi, bp, s1, s2, s3, s4, s5, s6, progression]"),
                bad("data file that does not exist",
                        dl4j().put("data", "{source: csv, path: no/such/file.csv, label: y}"),
                        "data", "no/such/file.csv does not exist: check data.path"),
                bad("folds with a validation fraction",
                        dl4j().put("data", "{source: iris, folds: 5, validationFraction: 0.2}"),
                        "data.validationFraction", "does not apply with folds"),
                bad("one fold",
                        dl4j().put("data", "{source: iris, folds: 1}"),
                        "data.folds", "must be an integer from 2 to 1000"),
                bad("test and validation leave no training rows",
                        dl4j().put("data", "{source: iris, testFraction: 0.8}"),
                        "data", "validationFraction + testFraction must be below 1"),
                bad("unknown trainer",
                        function().put("model", "{trainer: functoin, function: sphere}"),
                        "model.trainer", "no trainer named 'functoin'; did you mean 'function'?"),
                bad("unknown data source",
                        dl4j().put("data", "{source: irsi}"),
                        "data.source", "no data source named 'irsi'; did you mean 'iris'?"),
                bad("unknown strategy",
                        dl4j().put("search", "{strategy: gird}"),
                        "search.strategy", "no strategy named 'gird'; did you mean 'grid'?"),
                bad("trainer missing",
                        function().put("model", "{function: sphere}"),
                        "model.trainer", "missing"),
                bad("model without a value",
                        function().put("model", ""),
                        "model", "missing: add model: {trainer: NAME, ...}"),
                bad("model not a mapping",
                        function().put("model", "function"),
                        "model", "must be a mapping of keys to values, got 'function'"),
                bad("logUniform from 0",
                        dl4j().space("learningRate: {logUniform: [0, 0.1]}"),
                        "space.learningRate", "logUniform lower bound must be > 0, got 0"),
                bad("uniform lower equals upper",
                        dl4j().space("dropout: {uniform: [0.2, 0.2]}"),
                        "space.dropout.uniform", "lower bound must be < upper bound, got [0.2, 0.2]"),
                bad("uniform lower above upper",
                        dl4j().space("dropout: {uniform: [0.5, 0.1]}"),
                        "space.dropout.uniform", "lower bound must be < upper bound, got [0.5, 0.1]"),
                bad("uniform bounds not numbers",
                        dl4j().space("dropout: {uniform: [low, 0.5]}"),
                        "space.dropout.uniform", "must be [lower, upper] with numeric bounds"),
                bad("range with a real bound",
                        dl4j().space("width: {range: [8, 32.5]}"),
                        "space.width.range", "must be [lower, upper] with integer bounds"),
                bad("range with one bound",
                        dl4j().space("width: {range: [8]}"),
                        "space.width.range", "must be [lower, upper] with integer bounds"),
                bad("range lower above upper",
                        dl4j().space("width: {range: [32, 8]}"),
                        "space.width.range", "lower bound must be <= upper bound, got [32, 8]"),
                bad("range step 0",
                        dl4j().space("width: {range: [8, 32], step: 0}"),
                        "space.width.step", "must be an integer >= 1, got 0"),
                bad("range step negative",
                        dl4j().space("width: {range: [8, 32], step: -8}"),
                        "space.width.step", "must be an integer >= 1, got -8"),
                bad("q with no multiple in range",
                        dl4j().space("dropout: {uniform: [0.1, 0.2], q: 0.5}"),
                        "space.dropout.q", "no multiple of 0.5 lies in [0.1, 0.2]"),
                bad("q not positive",
                        dl4j().space("dropout: {uniform: [0.1, 0.2], q: 0}"),
                        "space.dropout.q", "must be a number > 0"),
                bad("points 0",
                        dl4j().space("learningRate: {logUniform: [0.001, 0.1], points: 0}"),
                        "space.learningRate.points", "must be an integer in [1, 1000000]"),
                bad("points not an integer",
                        dl4j().space("learningRate: {logUniform: [0.001, 0.1], points: 2.5}"),
                        "space.learningRate.points", "got 2.5"),
                bad("empty choice",
                        dl4j().space("activation: {choice: []}"),
                        "space.activation.choice", "must be a non-empty list of values"),
                bad("empty plain list",
                        dl4j().space("activation: []"),
                        "space.activation", "must be a non-empty list of values"),
                bad("duplicate choice values",
                        dl4j().space("activation: {choice: [relu, tanh, relu]}"),
                        "space.activation.choice", "lists a value twice: [relu, tanh, relu]"),
                bad("duplicate after widening to reals",
                        dl4j().space("momentum: [1, 1.0]"),
                        "space.momentum", "lists a value twice: [1.0, 1.0]"),
                bad("two kinds in one domain",
                        dl4j().space("width: {choice: [8, 16], range: [8, 16]}"),
                        "space.width", "give only one of [choice, range]"),
                bad("uniform for an integer knob",
                        dl4j().space("layers: {uniform: [1, 3]}"),
                        "space.layers", "dl4j-mlp's layers is an integer; use an integer, range or a choice of integers; got uniform(1.0, 3.0)"),
                bad("number for a text knob",
                        dl4j().space("activation: 3"),
                        "space.activation", "dl4j-mlp's activation is text, one of [relu, tanh"),
                bad("real for an integer knob in model",
                        dl4j().put("model", "{trainer: dl4j-mlp, epochs: 2.5}"),
                        "model.epochs", "dl4j-mlp's epochs is an integer"),
                bad("choice value not allowed",
                        dl4j().space("activation: [relu, relux]"),
                        "space.activation", "dl4j-mlp's activation cannot be 'relux'; did you mean 'relu'?; allowed: [relu, tanh"),
                bad("model value not allowed",
                        dl4j().put("model", "{trainer: dl4j-mlp, updater: adamw}"),
                        "model.updater", "dl4j-mlp's updater cannot be 'adamw'; did you mean 'adam'?"),
                bad("fixed and searched",
                        dl4j().put("model", "{trainer: dl4j-mlp, width: 16}").space("width: [8, 16]"),
                        "model.width", "is also searched under space.width; keep one of the two"),
                bad("space key the trainer does not have",
                        dl4j().space("widht: [8, 16]"),
                        "space.widht", "trainer dl4j-mlp has no setting 'widht'; did you mean 'width'?"),
                bad("objective metric not reported",
                        dl4j().put("objective", "{metric: acuracy, direction: maximize}"),
                        "objective.metric", "trainer dl4j-mlp does not report 'acuracy'; did you mean 'accuracy'?; it reports [accuracy"),
                bad("objective direction",
                        dl4j().put("objective", "{metric: accuracy, direction: max}"),
                        "objective.direction", "must be maximize or minimize, got 'max'"),
                bad("grid over logUniform without points",
                        dl4j().put("search", "{strategy: grid}").space("learningRate: {logUniform: [0.001, 0.1]}"),
                        "space.learningRate", "grid needs explicit values for a continuous range: add points: N, or use choice"),
                bad("grid over uniform without points",
                        dl4j().put("search", "{strategy: grid}").space("dropout: {uniform: [0.0, 0.5]}"),
                        "space.dropout", "add points: N (or q: STEP)"),
                bad("grid with trials",
                        dl4j().put("search", "{strategy: grid, trials: 10}"),
                        "search.trials", "grid runs every grid point; remove trials"),
                bad("random without trials",
                        dl4j().put("search", "{strategy: random}"),
                        "search.trials", "random search needs the number of samples: add trials: N"),
                bad("random with 0 trials",
                        dl4j().put("search", "{strategy: random, trials: 0}"),
                        "search.trials", "must be >= 1, got 0"),
                bad("trials not an integer",
                        dl4j().put("search", "{strategy: random, trials: many}"),
                        "search.trials", "must be an integer, got 'many'"),
                bad("when names an unknown parameter",
                        dl4j().space("updater: [adam, nesterovs]", "momentum: {choice: [0.9, 0.99], when: {updatr: nesterovs}}"),
                        "space.momentum.when.updatr", "no parameter 'updatr' in space; did you mean 'updater'?"),
                bad("when names a trainer knob that is not searched",
                        dl4j().space("momentum: {choice: [0.9, 0.99], when: {updater: nesterovs}}"),
                        "space.momentum.when.updater", "no parameter 'updater' in space"),
                bad("when on a continuous parent",
                        dl4j().space("learningRate: {uniform: [0.001, 0.1]}", "momentum: {choice: [0.9, 0.99], when: {learningRate: 0.01}}"),
                        "space.momentum.when.learningRate", "a condition needs a parameter with a list of values"),
                bad("when value the parent never takes",
                        dl4j().space("updater: [adam, nesterovs]", "momentum: {choice: [0.9, 0.99], when: {updater: sgd}}"),
                        "space.momentum.when.updater", "updater never takes the value sgd; it is choice [adam, nesterovs]"),
                bad("when on itself",
                        dl4j().space("layers: {choice: [1, 2], when: {layers: 1}}"),
                        "space.layers.when.layers", "a parameter cannot depend on itself"),
                bad("when with two parents",
                        dl4j().space("updater: [adam, sgd]", "layers: [1, 2]", "width: {choice: [8, 16], when: {updater: sgd, layers: 2}}"),
                        "space.width.when", "must name one parameter and its values"),
                bad("conditions in a cycle",
                        dl4j().space("layers: {choice: [1, 2], when: {width: 8}}", "width: {choice: [8, 16], when: {layers: 1}}"),
                        "space.layers.when", "conditions form a cycle: layers -> width -> layers"),
                bad("required knob searched only under a condition",
                        function().put("model", "{trainer: function}")
                                .space("dimensions: {choice: [1, 2]}", "function: {choice: [sphere, ackley], when: {dimensions: 2}}"),
                        "space.function.when", "trainer function needs function in every trial and it has no default"),
                bad("range too wide to index",
                        dl4j().space("width: {range: [-9223372036854775807, 9223372036854775807]}"),
                        "space.width.range", "spans more integers than a grid can index"),
                bad("data for the function trainer",
                        function().put("data", "{source: iris}"),
                        "data", "trainer function reads no data; remove data:"),
                bad("no data for dl4j-mlp",
                        dl4j().remove("data"),
                        "data", "trainer dl4j-mlp needs data: add data: {source: NAME}; sources: [breast_cancer, csv, diabetes, digits, iris, libsvm, parquet]"),
                bad("split seed not an integer",
                        dl4j().put("data", "{source: iris, splitSeed: 1.5}"),
                        "data.splitSeed", "must be an integer, got 1.5"),
                bad("function trainer without its function",
                        function().put("model", "{trainer: function}"),
                        "model.function", "trainer function needs a value (which test function, one of [branin, hartmann6, rosenbrock, ackley, levy, styblinski_tang, rastrigin, sphere, zdt1, zdt2])"),
                bad("function trainer with an unknown function",
                        function().put("model", "{trainer: function, function: sphre}"),
                        "model.function", "function's function cannot be 'sphre'; did you mean 'sphere'?"),
                bad("space not a mapping",
                        dl4j().put("space", "[layers, width]"),
                        "space", "must be a mapping of keys to values, got a list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void reportsTheFieldAndTheFix(String title, String yaml, String path, String message) {
        List<String> problems = problems(yaml);
        assertHasProblem(problems, path, message);
        assertEquals(1, problems.size(), "one mistake, one problem: " + problems);
    }

    @Test
    void csvDataOptionsAreTypedListsKeptAndThePathMadeAbsolute() throws Exception {
        SweepSpec spec = SpecReader.parse(dl4j().put("data", "{source: csv, path: src/main/resources/datasets/diabetes.csv, "
                + "label: progression, categorical: [sex], shape: [1, 11], task: regression, folds: 4, testFraction: 0.1, splitSeed: 3}").yaml(),
                "test", false);
        Map<String, Object> o = spec.data().options();
        assertEquals(java.nio.file.Path.of("src/main/resources/datasets/diabetes.csv").toAbsolutePath().toUri().toString(), o.get("path"));
        assertEquals(List.of("sex"), o.get("categorical"));
        assertEquals(List.of(1L, 11L), o.get("shape"));
        assertEquals("regression", o.get("task"));
        assertEquals(",", o.get("delimiter"), "defaults fill in");
        assertEquals(4, spec.data().folds());
        assertEquals(0.1, spec.data().testFraction());
        assertEquals(3L, spec.data().splitSeed());
    }

    @Test
    void unknownTopLevelKeySuggestsTheKnownOne() {
        List<String> problems = problems(function().remove("search").put("serach", "{strategy: random, trials: 3}").yaml());
        assertHasProblem(problems, "serach", "unknown key 'serach'; did you mean 'search'?; allowed: [name, description, data, model, objective, search, space, output, resources, stop, budget, objectives, scalarization, constraints]");
        assertHasProblem(problems, "search", "missing: add search:");
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void domainWithoutAKindNamesTheKindsAndTheStrayKeys() {
        List<String> problems = problems(dl4j().space("width: {lower: 8, upper: 32}").yaml());
        assertEquals(List.of(
                "space.width: give exactly one of [value, choice, range, uniform, logUniform] (or a plain value to fix it)",
                "space.width.lower: unknown key 'lower'; allowed: [value, choice, range, uniform, logUniform, step, q, points, when]",
                "space.width.upper: unknown key 'upper'; allowed: [value, choice, range, uniform, logUniform, step, q, points, when]"),
                problems);
    }

    @Test
    void specMustBeAMapping() {
        assertEquals(List.of("(top level): must be a mapping of keys to values, got a list"), problems("- name: x\n- model: y\n"));
    }

    @Test
    void unknownKeyFarFromAnyKnownOneGetsNoSuggestion() {
        List<String> problems = problems(function().put("owner", "someone").yaml());
        assertEquals(List.of("owner: unknown key 'owner'; allowed: [name, description, data, model, objective, search, space, output, resources, stop, budget, objectives, scalarization, constraints]"), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "model", "objective", "search"})
    void requiredSectionMissing(String key) {
        List<String> problems = problems(function().remove(key).yaml());
        assertHasProblem(problems, key, "missing");
        assertEquals(1, problems.size(), problems.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'my sweep'", "'a/b'", "'../up'", "'-dash'", "'.hidden'", "'naïve'", "''"})
    void rejectsNamesThatCannotBeADirectory(String name) {
        List<String> problems = problems(function().put("name", name).yaml());
        assertEquals(1, problems.size(), problems.toString());
        String expected = name.equals("''") ? "must be text, got ''"
                : "must be 1-128 letters, digits, '.', '_' or '-' starting with a letter or digit (it names a directory), got " + name;
        assertHasProblem(problems, "name", expected);
    }

    @Test
    void acceptsNamesUpTo128Characters() throws SpecException {
        String longest = "a".repeat(128);
        assertEquals(longest, SpecReader.parse(function().put("name", longest).yaml(), "s.yaml", false).name());
        assertEquals("v1.2_run-3", SpecReader.parse(function().put("name", "v1.2_run-3").yaml(), "s.yaml", false).name());
        assertHasProblem(problems(function().put("name", "a".repeat(129)).yaml()), "name", "must be 1-128 letters");
    }

    @Test
    void logUniformFromZeroHasTheExactMessage() {
        assertEquals(List.of("space.learningRate: logUniform lower bound must be > 0, got 0"),
                problems(dl4j().space("learningRate: {logUniform: [0, 0.1], points: 3}").yaml()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "1.5", "-0.1", "'half'"})
    void validationFractionMustBeInsideZeroOne(String fraction) {
        List<String> problems = problems(dl4j().put("data", "{source: iris, validationFraction: " + fraction + "}").yaml());
        assertEquals(1, problems.size(), problems.toString());
        assertHasProblem(problems, "data.validationFraction", "must be a number in (0, 1), got ");
    }

    @Test
    void malformedYamlNamesTheLine() {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
                name: broken
                model: {trainer: function, function: sphere
                objective: {metric: value, direction: minimize}
                """, "broken.yaml", false));
        assertEquals(1, e.problems().size(), e.problems().toString());
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith("line 3, column "), problem);
        assertTrue(problem.contains("not valid YAML"), problem);
        assertTrue(e.getMessage().startsWith("invalid sweep spec broken.yaml (1 problem)\n  broken.yaml: line 3, column "), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLine() {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("{\"name\": \"x\",\n \"model\": }", "broken.json", true));
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith("line 2, column "), problem);
        assertTrue(problem.contains("not valid JSON"), problem);
    }

    @Test
    void duplicateKeysAreRejected() {
        List<String> yaml = problems("""
                name: first
                model: {trainer: function, function: sphere}
                objective: {metric: value, direction: minimize}
                search: {strategy: random, trials: 1}
                name: second
                """);
        assertEquals(1, yaml.size(), yaml.toString());
        assertTrue(yaml.get(0).startsWith("line 5, column "), yaml.get(0));
        assertTrue(yaml.get(0).contains("Duplicate field 'name'"), yaml.get(0));

        List<String> nested = problems(function().put("model", "{trainer: function, function: sphere, function: ackley}").yaml());
        assertTrue(nested.get(0).contains("Duplicate field 'function'"), nested.toString());

        SpecException json = assertThrows(SpecException.class,
                () -> SpecReader.parse("{\"name\": \"a\", \"name\": \"b\"}", "dup.json", true));
        assertTrue(json.problems().get(0).contains("Duplicate field 'name'"), json.problems().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "# nothing here\n", "---\n", "null\n"})
    void emptySpecIsAProblemNotANullSpec(String text) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(text, "empty.yaml", false));
        assertEquals(List.of("(top level): the spec is empty: it needs at least name, model, objective and search"), e.problems());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
                name: many problems
                data: {source: iris, validationFraction: 2}
                model: {trainer: dl4j-mlp, learningrate: 0.1, activation: relux}
                objective: {metric: accuracy, direction: up}
                search: {strategy: grid, trials: 10}
                space:
                  learningRate: {logUniform: [0, 0.1], points: 3}
                  width: {range: [8, 32], step: 0}
                  dropout: {uniform: [0.0, 0.5]}
                  momentum: {choice: [0.9], when: {updater: nesterovs}}
                """, "many.yaml", false));

        List<String> problems = e.problems();
        assertHasProblem(problems, "name", "got 'many problems'");
        assertHasProblem(problems, "data.validationFraction", "must be a number in (0, 1), got 2");
        assertHasProblem(problems, "model.learningrate", "did you mean 'learningRate'?");
        assertHasProblem(problems, "model.activation", "cannot be 'relux'");
        assertHasProblem(problems, "objective.direction", "got 'up'");
        assertHasProblem(problems, "search.trials", "grid runs every grid point");
        assertHasProblem(problems, "space.learningRate", "logUniform lower bound must be > 0, got 0");
        assertHasProblem(problems, "space.width.step", "got 0");
        assertHasProblem(problems, "space.dropout", "grid needs explicit values");
        assertHasProblem(problems, "space.momentum.when.updater", "no parameter 'updater' in space");
        assertEquals(10, problems.size(), problems.toString());

        assertTrue(e.getMessage().startsWith("invalid sweep spec many.yaml (10 problems)\n"), e.getMessage());
        for (String p : problems) assertTrue(e.getMessage().contains("\n  many.yaml: " + p), p);
    }

    @Test
    void searchProblemsAreReportedAlongsideOthers() {
        List<String> problems = problems(function().put("model", "{trainer: function}").put("search", "{strategy: random}").yaml());
        assertHasProblem(problems, "model.function", "needs a value");
        assertHasProblem(problems, "search.trials", "add trials: N");
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void readsAFileAndNamesItInTheMessage(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("sweep.yaml"), YAML);
        Path json = Files.writeString(dir.resolve("SWEEP.JSON"), JSON);
        assertEquals(SpecReader.read(yaml).specHash(), SpecReader.read(json).specHash());
        assertEquals(yaml.toString(), SpecReader.read(yaml).source());

        Path missing = dir.resolve("absent.yaml");
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(missing));
        assertTrue(e.getMessage().startsWith("invalid sweep spec " + missing + " (1 problem)\n  " + missing + ": cannot read the file"),
                e.getMessage());
    }

    @Test
    void aStrategysOwnOptionsAreReadAndCheckedByTheStrategy() throws Exception {
        SweepSpec spec = readFunction("search: {strategy: tpe, trials: 40, seed: 2, startupTrials: 8}");
        assertEquals(Map.of("startupTrials", 8), spec.search().options());
        assertEquals(40, SweepRunner.newStrategy(spec).plannedTrials().getAsLong());
        assertTrue(SweepRunner.newStrategy(spec).adaptive());

        assertHasProblem(problems(function().put("search", "{strategy: tpe, trials: 40, startupTrials: 0}").yaml()),
                "search.startupTrials", "must be a whole number from 1 to 100000, got 0");
        assertHasProblem(problems(function().put("search", "{strategy: tpe, trials: 40, startupTrails: 5}").yaml()),
                "search.startupTrails", "unknown key 'startupTrails' for strategy tpe; did you mean 'startupTrials'?");
        assertHasProblem(problems(function().put("search", "{strategy: random, trials: 40, startupTrials: 5}").yaml()),
                "search.startupTrials", "unknown key 'startupTrials' for strategy random; allowed: [strategy, trials, seed, startWith, warmStartFrom]");
        assertHasProblem(problems(function().put("search", "{strategy: tpe}").yaml()), "search.trials", "tpe needs the number of trials");
    }

    @Test
    void startWithConfigsAreCheckedAgainstTheSpaceAndTyped() throws Exception {
        String[] space = {"updater: [adam, nesterovs]", "momentum: {uniform: [0.5, 0.95], when: {updater: nesterovs}}", "layers: {range: [1, 3]}"};
        String ok = dl4j().put("search", """
                {strategy: random, trials: 10, startWith: [{updater: adam, layers: 2}, {updater: nesterovs, momentum: 0.9, layers: 3.0}]}""")
                .space(space).yaml();
        SweepSpec spec = SpecReader.parse(ok, "warm.yaml", false);
        List<org.sparksweep.space.TrialConfig> warm = org.sparksweep.search.WarmStart.startWith(spec.search(), spec.space());
        assertEquals(2, warm.size());
        assertEquals(3L, warm.get(1).get("layers"), "3.0 read as the integer parameter's 3");
        assertEquals(10, SweepRunner.newStrategy(spec).plannedTrials().getAsLong(), "warm-start trials count against trials");

        String bad = dl4j().put("search", """
                {strategy: random, trials: 3, startWith: [{updater: adam, momentum: 0.9, layers: 2}, {updater: nesterovs, layers: 2},
                 {updater: sgd, layers: 1}, {updater: adam, layers: 7}, {updater: adam, layres: 1}], warmStartFrom: {sweep: "a b", tops: 2}}""")
                .space(space).yaml();
        List<String> problems = problems(bad);
        assertHasProblem(problems, "search.startWith[0].momentum", "is inactive here (it applies only when updater in [nesterovs]): leave it out");
        assertHasProblem(problems, "search.startWith[1].momentum", "missing: give a value (uniform");
        assertHasProblem(problems, "search.startWith[2].updater", "sgd is not in its domain choice [adam, nesterovs]");
        assertHasProblem(problems, "search.startWith[3].layers", "7 is not in its domain");
        assertHasProblem(problems, "search.startWith[4].layres", "is not a parameter of this space [updater, momentum, layers]");
        assertHasProblem(problems, "search.warmStartFrom.tops", "unknown key 'tops'; allowed: [sweep, top]");
        assertHasProblem(problems, "search.warmStartFrom.sweep", "the name of an earlier sweep under the same output root, got a b");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static List<Object> grid(Domain d) {
        return LongStream.range(0, d.gridSize()).mapToObj(d::gridValue).toList();
    }

    private static SweepSpec readFunction(String... extra) throws SpecException {
        Spec s = function().space("x1: {uniform: [-5.0, 5.0]}");
        for (String line : extra) {
            int colon = line.indexOf(':');
            s.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return SpecReader.parse(s.yaml(), "function.yaml", false);
    }

    private static SweepSpec dl4jSpace(String... space) throws SpecException {
        return SpecReader.parse(dl4j().space(space).yaml(), "dl4j.yaml", false);
    }

    private static List<String> problems(String yaml) {
        try {
            SweepSpec spec = SpecReader.parse(yaml, "bad.yaml", false);
            return fail("expected problems, read " + spec + " from\n" + yaml);
        } catch (SpecException e) {
            return e.problems();
        }
    }

    private static void assertHasProblem(List<String> problems, String path, String message) {
        String prefix = path + ": ";
        for (String p : problems) {
            if (p.startsWith(prefix) && p.substring(prefix.length()).contains(message)) return;
        }
        fail("no problem '" + prefix + "..." + message + "...' among " + problems);
    }

    private static Arguments bad(String title, Spec spec, String path, String message) {
        return Arguments.of(title, spec.yaml(), path, message);
    }

    /** A valid dl4j-mlp spec to spoil one section at a time. */
    private static Spec dl4j() {
        return new Spec()
                .put("name", "bad")
                .put("data", "{source: iris}")
                .put("model", "{trainer: dl4j-mlp}")
                .put("objective", "{metric: accuracy, direction: maximize}")
                .put("search", "{strategy: random, trials: 4}");
    }

    /** A valid function-trainer spec (no data) to spoil one section at a time. */
    private static Spec function() {
        return new Spec()
                .put("name", "bad")
                .put("model", "{trainer: function, function: sphere}")
                .put("objective", "{metric: value, direction: minimize}")
                .put("search", "{strategy: random, trials: 4}");
    }

    /** Top-level sections as YAML text, in insertion order. */
    private static final class Spec {
        private final Map<String, String> sections = new LinkedHashMap<>();

        Spec put(String key, String value) {
            sections.put(key, value);
            return this;
        }

        Spec remove(String key) {
            sections.remove(key);
            return this;
        }

        Spec space(String... entries) {
            return put("space", "\n  " + String.join("\n  ", entries));
        }

        String yaml() {
            StringBuilder sb = new StringBuilder();
            sections.forEach((k, v) -> sb.append(k).append(':').append(v.isEmpty() ? "" : " ").append(v).append('\n'));
            return sb.toString();
        }
    }
}

package org.sparksweep.space;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The grid must enumerate every distinct config exactly once, which is easy to get subtly wrong
 * once conditional parameters nest, so small spaces are checked against a brute-force enumeration
 * written independently here, and large ones against mixed-radix digits computed by hand. Random
 * sampling is checked for determinism, domain bounds, conditions and rough uniformity.
 */
class SearchSpaceTest {

    /** A parameter together with the values the brute force loops over, written out independently of the domain. */
    private record P(Parameter parameter, List<Object> values) {}

    private static P param(String name, Domain domain, List<?> values) {
        return new P(new Parameter(name, domain, null), List.copyOf(values));
    }

    private static P param(String name, Domain domain, List<?> values, String parent, Object... on) {
        return new P(new Parameter(name, domain, new Condition(parent, Set.of(on))), List.copyOf(values));
    }

    private static Domain choice(Object... values) {
        return new Domain.Choice(List.of(values));
    }

    private static List<Long> longs(long from, long to, long step) {
        return LongStream.iterate(from, v -> v <= to, v -> v + step).boxed().toList();
    }

    private static SearchSpace space(List<P> ps) {
        return new SearchSpace(ps.stream().map(P::parameter).toList());
    }

    private static SearchSpace space(Parameter... ps) {
        return new SearchSpace(List.of(ps));
    }

    // ---- brute force ------------------------------------------------------------------------------

    /** Every combination of every parameter's values, then inactive parameters dropped; duplicates collapse in the set. */
    private static Set<Map<String, Object>> bruteForce(List<P> ps) {
        Map<String, P> byName = new HashMap<>();
        for (P p : ps) byName.put(p.parameter().name(), p);
        Set<Map<String, Object>> out = new HashSet<>();
        enumerate(ps, 0, new HashMap<>(), byName, out);
        return out;
    }

    private static void enumerate(List<P> ps, int i, Map<String, Object> full, Map<String, P> byName, Set<Map<String, Object>> out) {
        if (i == ps.size()) {
            Map<String, Object> active = new HashMap<>();
            for (String name : full.keySet()) {
                if (isActive(name, full, byName)) active.put(name, full.get(name));
            }
            out.add(active);
            return;
        }
        P p = ps.get(i);
        for (Object v : p.values()) {
            full.put(p.parameter().name(), v);
            enumerate(ps, i + 1, full, byName, out);
        }
        full.remove(p.parameter().name());
    }

    private static boolean isActive(String name, Map<String, Object> full, Map<String, P> byName) {
        Condition c = byName.get(name).parameter().when();
        if (c == null) return true;
        return isActive(c.parent(), full, byName) && c.values().contains(full.get(c.parent()));
    }

    private static void assertGridMatchesBruteForce(List<P> ps) {
        SearchSpace space = space(ps);
        Set<Map<String, Object>> expected = bruteForce(ps);
        long size = space.gridSize().orElseThrow();
        assertEquals(expected.size(), size, "grid size");
        List<String> declared = ps.stream().map(p -> p.parameter().name()).toList();
        Set<Map<String, Object>> decoded = new HashSet<>();
        for (long i = 0; i < size; i++) {
            TrialConfig c = space.gridConfig(i);
            List<String> keys = new ArrayList<>(c.values().keySet());
            assertEquals(declared.stream().filter(keys::contains).toList(), keys, "keys in declaration order at " + i);
            assertTrue(decoded.add(new HashMap<>(c.values())), "index " + i + " repeats " + c);
        }
        assertEquals(expected, decoded);
    }

    // ---- grid: exhaustive ---------------------------------------------------------------------------

    @Test
    void gridWithoutConditionsIsTheCartesianProduct() {
        assertGridMatchesBruteForce(List.of(
                param("a", choice("x", "y", "z"), List.of("x", "y", "z")),
                param("b", new Domain.IntRange(1, 8, 3), List.of(1L, 4L, 7L)),
                param("c", new Domain.Fixed(true), List.of(true)),
                param("d", choice(0.5, 1.5), List.of(0.5, 1.5))));
    }

    @Test
    void gridWithOneConditionalChild() {
        List<P> ps = List.of(
                param("optimizer", choice("sgd", "adam", "nesterovs"), List.of("sgd", "adam", "nesterovs")),
                param("lr", choice(0.1, 0.01), List.of(0.1, 0.01)),
                param("momentum", choice(0.9, 0.99), List.of(0.9, 0.99), "optimizer", "nesterovs"));
        assertGridMatchesBruteForce(ps);
        // (sgd, adam) x lr + nesterovs x lr x momentum = 4 + 4
        assertEquals(8, space(ps).gridSize().orElseThrow());
    }

    @Test
    void gridWithTwoChildrenOnDifferentValuesOfOneParent() {
        List<P> ps = List.of(
                param("optimizer", choice("sgd", "adam", "nesterovs", "rmsprop"), List.of("sgd", "adam", "nesterovs", "rmsprop")),
                param("momentum", choice(0.5, 0.9), List.of(0.5, 0.9), "optimizer", "nesterovs"),
                param("rho", choice(0.9, 0.95, 0.99), List.of(0.9, 0.95, 0.99), "optimizer", "rmsprop"));
        assertGridMatchesBruteForce(ps);
        assertEquals(1 + 1 + 2 + 3, space(ps).gridSize().orElseThrow());
    }

    @Test
    void gridWithChildActiveUnderSeveralParentValues() {
        List<P> ps = List.of(
                param("activation", choice("relu", "tanh", "leakyrelu", "elu"), List.of("relu", "tanh", "leakyrelu", "elu")),
                param("alpha", choice(0.01, 0.1, 0.3), List.of(0.01, 0.1, 0.3), "activation", "leakyrelu", "elu"),
                param("layers", new Domain.IntRange(1, 3, 1), List.of(1L, 2L, 3L)));
        assertGridMatchesBruteForce(ps);
        assertEquals((2 + 3 + 3) * 3, space(ps).gridSize().orElseThrow());
    }

    @Test
    void gridWithGrandchildren() {
        List<P> ps = List.of(
                param("model", choice("linear", "mlp", "tree"), List.of("linear", "mlp", "tree")),
                param("hidden", new Domain.IntRange(16, 64, 16), List.of(16L, 32L, 48L, 64L), "model", "mlp"),
                param("dropout", choice(0.0, 0.5), List.of(0.0, 0.5), "hidden", 48L, 64L),
                param("activation", choice("relu", "tanh"), List.of("relu", "tanh"), "model", "mlp"),
                param("depth", new Domain.IntRange(1, 4, 1), List.of(1L, 2L, 3L, 4L), "model", "tree"),
                param("seed", new Domain.Fixed(7L), List.of(7L)));
        assertGridMatchesBruteForce(ps);
        // linear + mlp x (hidden 16, 32, 48 x 2, 64 x 2) x activation + tree x depth
        assertEquals(1 + (1 + 1 + 2 + 2) * 2 + 4, space(ps).gridSize().orElseThrow());
    }

    @Test
    void gridWithChildrenDeclaredBeforeTheirParents() {
        List<P> ps = List.of(
                param("dropout", choice(0.0, 0.5), List.of(0.0, 0.5), "hidden", 48L, 64L),
                param("hidden", new Domain.IntRange(16, 64, 16), List.of(16L, 32L, 48L, 64L), "model", "mlp"),
                param("lr", choice(0.1, 0.01), List.of(0.1, 0.01)),
                param("model", choice("linear", "mlp"), List.of("linear", "mlp")));
        assertGridMatchesBruteForce(ps);
        assertEquals(2 * (1 + 6), space(ps).gridSize().orElseThrow());
    }

    @Test
    void gridWithLargeIntRangeParentWhereOneValueActivatesAChild() {
        assertGridMatchesBruteForce(List.of(
                param("batch", choice(32L, 64L), List.of(32L, 64L)),
                param("epochs", new Domain.IntRange(1, 1000, 1), longs(1, 1000, 1)),
                param("warmup", choice(10L, 100L, 1000L), List.of(10L, 100L, 1000L), "epochs", 500L)));
        assertGridMatchesBruteForce(List.of(
                param("epochs", new Domain.IntRange(5, 5000, 5), longs(5, 5000, 5)),
                param("warmup", choice(10L, 100L), List.of(10L, 100L), "epochs", 5L, 5000L),
                param("decay", choice(true, false), List.of(true, false), "epochs", 5000L)));
    }

    @Test
    void gridWithFixedDomains() {
        List<P> ps = List.of(
                param("optimizer", new Domain.Fixed("adam"), List.of("adam")),
                param("beta1", choice(0.9, 0.99), List.of(0.9, 0.99), "optimizer", "adam"),
                param("layers", new Domain.Fixed(3L), List.of(3L)));
        assertGridMatchesBruteForce(ps);
        assertEquals(2, space(ps).gridSize().orElseThrow());
        assertEquals(Map.of("optimizer", "adam", "beta1", 0.99, "layers", 3L), space(ps).gridConfig(1).values());
    }

    @Test
    void gridOverUniformWithPoints() {
        assertGridMatchesBruteForce(List.of(
                param("a", new Domain.Uniform(0, 1, null, 5), List.of(0.0, 0.25, 0.5, 0.75, 1.0)),
                // 0, 1/3, 2/3, 1 rounded to tenths
                param("b", new Domain.Uniform(0, 1, 0.1, 4), List.of(0.0, 0.3, 0.7, 1.0)),
                param("c", new Domain.Uniform(2, 4, null, 1), List.of(3.0))));
    }

    @Test
    void gridOverUniformWithQuantumHasExactMultiples() {
        List<Object> tenths = List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
        List<P> ps = List.of(
                param("a", new Domain.Uniform(0, 1, 0.1, null), tenths),
                param("b", new Domain.Uniform(-0.3, 0.25, 0.05, null),
                        List.of(-0.3, -0.25, -0.2, -0.15, -0.1, -0.05, 0.0, 0.05, 0.1, 0.15, 0.2, 0.25)),
                // lower bound that is not itself a multiple
                param("c", new Domain.Uniform(0.1, 1.0, 0.25, null), List.of(0.25, 0.5, 0.75, 1.0)));
        assertGridMatchesBruteForce(ps);

        SearchSpace s = space(List.of(ps.get(0)));
        for (int k = 0; k < tenths.size(); k++) {
            Object v = s.gridConfig(k).get("a");
            assertEquals(tenths.get(k), v);
            assertEquals(k == 10 ? "1.0" : "0." + k, String.valueOf(v));
        }
        assertEquals("{\"a\":0.3}", s.gridConfig(3).canonicalJson());
    }

    @Test
    void gridOverLogUniformWithPointsIsGeometric() {
        SearchSpace s = space(new Parameter("lr", new Domain.LogUniform(1e-4, 1e-1, null, 4), null));
        assertEquals(4, s.gridSize().orElseThrow());
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) v[k] = (Double) s.gridConfig(k).get("lr");
        assertEquals(1e-4, v[0], 0.0);
        assertEquals(1e-1, v[3], 0.0);
        assertEquals(1e-3, v[1], 1e-15);
        assertEquals(1e-2, v[2], 1e-14);
        for (int k = 1; k < 4; k++) assertEquals(10.0, v[k] / v[k - 1], 1e-9);

        SearchSpace powers = space(new Parameter("w", new Domain.LogUniform(1, 16, null, 5), null));
        for (int k = 0; k < 5; k++) assertEquals(Math.pow(2, k), (Double) powers.gridConfig(k).get("w"), 1e-12);
    }

    // ---- grid: order, size, errors ------------------------------------------------------------------

    @Test
    void firstDeclaredParameterVariesSlowest() {
        SearchSpace s = space(
                new Parameter("a", choice("x", "y"), null),
                new Parameter("b", new Domain.IntRange(1, 3, 1), null));
        List<String> order = new ArrayList<>();
        for (long i = 0; i < 6; i++) order.add(s.gridConfig(i).get("a") + "" + s.gridConfig(i).get("b"));
        assertEquals(List.of("x1", "x2", "x3", "y1", "y2", "y3"), order);

        SearchSpace conditional = space(
                new Parameter("opt", choice("sgd", "nesterovs", "adam"), null),
                new Parameter("momentum", choice(0.5, 0.9), new Condition("opt", Set.of("nesterovs"))),
                new Parameter("lr", choice(0.1, 0.01), null));
        List<Map<String, Object>> configs = new ArrayList<>();
        for (long i = 0; i < conditional.gridSize().orElseThrow(); i++) configs.add(conditional.gridConfig(i).values());
        assertEquals(List.of(
                Map.of("opt", "sgd", "lr", 0.1),
                Map.of("opt", "sgd", "lr", 0.01),
                Map.of("opt", "nesterovs", "momentum", 0.5, "lr", 0.1),
                Map.of("opt", "nesterovs", "momentum", 0.5, "lr", 0.01),
                Map.of("opt", "nesterovs", "momentum", 0.9, "lr", 0.1),
                Map.of("opt", "nesterovs", "momentum", 0.9, "lr", 0.01),
                Map.of("opt", "adam", "lr", 0.1),
                Map.of("opt", "adam", "lr", 0.01)), configs);
    }

    @Test
    void billionPointGridDecodesByMixedRadix() {
        List<Object> optimizers = List.of("sgd", "adam", "nesterovs", "rmsprop");
        SearchSpace s = space(
                new Parameter("optimizer", new Domain.Choice(optimizers), null),
                new Parameter("epochs", new Domain.IntRange(1, 1000, 1), null),
                new Parameter("hidden", new Domain.IntRange(0, 4990, 10), null),
                new Parameter("dropout", new Domain.Uniform(0, 1, 0.001, null), null),
                new Parameter("seed", new Domain.Fixed(42L), null),
                new Parameter("bias", choice(true, false), null));
        long[] radix = {4, 1000, 500, 1001, 1, 2};
        long size = 1;
        for (long r : radix) size *= r;
        assertEquals(4_004_000_000L, size);
        assertEquals(size, s.gridSize().orElseThrow());

        SplittableRandom random = new SplittableRandom(1);
        List<Long> indices = new ArrayList<>(List.of(0L, 1L, size - 2, size - 1, size / 2));
        for (int i = 0; i < 5000; i++) indices.add(random.nextLong(size));
        for (long index : indices) {
            long[] d = new long[radix.length];
            long rest = index;
            for (int j = radix.length - 1; j >= 0; j--) {
                d[j] = rest % radix[j];
                rest /= radix[j];
            }
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("optimizer", optimizers.get((int) d[0]));
            expected.put("epochs", 1 + d[1]);
            expected.put("hidden", 10 * d[2]);
            expected.put("dropout", d[3] / 1000.0);
            expected.put("seed", 42L);
            expected.put("bias", d[5] == 0);
            assertEquals(expected, s.gridConfig(index).values(), "index " + index);
        }
        assertEquals(Map.of("optimizer", "sgd", "epochs", 1L, "hidden", 0L, "dropout", 0.0, "seed", 42L, "bias", true),
                s.gridConfig(0).values());
        assertEquals(Map.of("optimizer", "rmsprop", "epochs", 1000L, "hidden", 4990L, "dropout", 1.0, "seed", 42L, "bias", false),
                s.gridConfig(size - 1).values());
    }

    @Test
    void billionValueParentWithOneConditionedValueDecodesByHand() {
        long special = 123_456_789L;
        SearchSpace s = space(
                new Parameter("n", new Domain.IntRange(0, 999_999_999, 1), null),
                new Parameter("child", choice("a", "b", "c", "d", "e"), new Condition("n", Set.of(special))));
        long size = 1_000_000_000L + 4;
        assertEquals(size, s.gridSize().orElseThrow());

        SplittableRandom random = new SplittableRandom(2);
        List<Long> indices = new ArrayList<>(List.of(0L, special - 1, special, special + 4, special + 5, size - 1));
        for (int i = 0; i < 5000; i++) indices.add(random.nextLong(size));
        for (int i = 0; i < 100; i++) indices.add(special - 50 + i);
        for (long index : indices) {
            Map<String, Object> expected;
            if (index < special) expected = Map.of("n", index);
            else if (index < special + 5) expected = Map.of("n", special, "child", List.of("a", "b", "c", "d", "e").get((int) (index - special)));
            else expected = Map.of("n", index - 4);
            assertEquals(expected, s.gridConfig(index).values(), "index " + index);
        }
    }

    @Test
    void gridAsLargeAsALongDecodesItsLastIndex() {
        SearchSpace s = space(new Parameter("n", new Domain.IntRange(0, Long.MAX_VALUE - 1, 1), null));
        assertEquals(Long.MAX_VALUE, s.gridSize().orElseThrow());
        assertEquals(Long.MAX_VALUE - 1, s.gridConfig(Long.MAX_VALUE - 1).get("n"));
    }

    @Test
    void indexOutsideTheGridThrows() {
        SearchSpace s = space(new Parameter("a", choice("x", "y", "z"), null));
        assertThrows(IndexOutOfBoundsException.class, () -> s.gridConfig(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> s.gridConfig(3));
        assertThrows(IndexOutOfBoundsException.class, () -> s.gridConfig(Long.MAX_VALUE));
    }

    @Test
    void spaceWithContinuousParameterHasNoGrid() {
        SearchSpace s = space(
                new Parameter("a", choice("x", "y"), null),
                new Parameter("lr", new Domain.LogUniform(1e-4, 1e-1, null, null), null));
        assertTrue(s.gridSize().isEmpty());
        assertThrows(IllegalStateException.class, () -> s.gridConfig(0));
        assertTrue(space(new Parameter("u", new Domain.Uniform(0, 1, null, null), null)).gridSize().isEmpty());
        assertTrue(space(new Parameter("l", new Domain.LogUniform(1, 10, 1.0, null), null)).gridSize().isEmpty());
    }

    @Test
    void gridLargerThanALongIsRejected() {
        List<Parameter> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) seven.add(new Parameter("p" + i, new Domain.IntRange(0, 999, 1), null));
        assertThrows(IllegalArgumentException.class, () -> new SearchSpace(seven));

        assertThrows(IllegalArgumentException.class, () -> space(
                new Parameter("n", new Domain.IntRange(0, (1L << 62) - 1, 1), null),
                new Parameter("b", choice(true, false), null)));
        assertEquals(1L << 62, space(
                new Parameter("n", new Domain.IntRange(0, (1L << 62) - 1, 1), null),
                new Parameter("f", new Domain.Fixed(true), null)).gridSize().orElseThrow());

        // overflow inside the subtree of one parent value
        assertThrows(IllegalArgumentException.class, () -> space(
                new Parameter("kind", choice("a", "b"), null),
                new Parameter("x", new Domain.IntRange(0, 3_000_000_000L, 1), new Condition("kind", Set.of("a"))),
                new Parameter("y", new Domain.IntRange(0, 4_000_000_000L, 1), new Condition("kind", Set.of("a")))));
        // overflow across the blocks of several parent values, each of which fits
        assertThrows(IllegalArgumentException.class, () -> space(
                new Parameter("kind", choice("a", "b", "c"), null),
                new Parameter("x", new Domain.IntRange(0, 4_000_000_000_000_000_000L, 1), new Condition("kind", Set.of("a", "b", "c")))));
    }

    @Test
    void conditionCycleIsRejected() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThrows(IllegalArgumentException.class, () -> space(
                    new Parameter("a", choice("x", "y"), new Condition("b", Set.of("x"))),
                    new Parameter("b", choice("x", "y"), new Condition("a", Set.of("x")))));
            // the cycle does not pass through the first parameter checked
            assertThrows(IllegalArgumentException.class, () -> space(
                    new Parameter("c", choice("x", "y"), new Condition("a", Set.of("x"))),
                    new Parameter("a", choice("x", "y"), new Condition("b", Set.of("x"))),
                    new Parameter("b", choice("x", "y"), new Condition("a", Set.of("x")))));
        });
    }

    @Test
    void invalidConditionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> space(
                new Parameter("a", choice("x", "y"), new Condition("nope", Set.of("x")))));
        assertThrows(IllegalArgumentException.class, () -> space(
                new Parameter("a", choice("x", "y"), null),
                new Parameter("b", choice(1L, 2L), new Condition("a", Set.of("z")))));
        assertThrows(IllegalArgumentException.class, () -> space(
                new Parameter("u", new Domain.Uniform(0, 1, 0.5, null), null),
                new Parameter("b", choice(1L, 2L), new Condition("u", Set.of(0.5)))));
        assertThrows(IllegalArgumentException.class, () -> space(
                new Parameter("a", choice("x"), null),
                new Parameter("a", choice("y"), null)));
    }

    // ---- random sampling ----------------------------------------------------------------------------

    private static SearchSpace samplingSpace() {
        return space(
                new Parameter("optimizer", choice("sgd", "adam", "nesterovs", "rmsprop"), null),
                new Parameter("lr", new Domain.LogUniform(1e-4, 1e-1, null, null), null),
                new Parameter("dropout", new Domain.Uniform(0.1, 0.5, null, null), null),
                new Parameter("l2", new Domain.Uniform(0, 1, 0.05, null), null),
                new Parameter("batch", new Domain.LogUniform(8, 1000, 5.0, null), null),
                new Parameter("layers", new Domain.IntRange(2, 20, 3), null),
                new Parameter("momentum", choice(0.5, 0.9), new Condition("optimizer", Set.of("nesterovs"))),
                new Parameter("nesterovsBoost", new Domain.Fixed(true), new Condition("momentum", Set.of(0.9))),
                new Parameter("rho", new Domain.Uniform(0.8, 0.99, null, null), new Condition("optimizer", Set.of("rmsprop", "adam"))));
    }

    @Test
    void samplingIsDeterministicAndIndependentOfOrder() {
        SearchSpace s = samplingSpace();
        List<TrialConfig> forward = new ArrayList<>();
        for (long i = 0; i <= 5; i++) forward.add(s.sample(42, i));
        assertEquals(forward.get(5), samplingSpace().sample(42, 5));
        List<TrialConfig> backward = new ArrayList<>();
        for (long i = 5; i >= 0; i--) backward.add(0, samplingSpace().sample(42, i));
        assertEquals(forward, backward);
        assertEquals(s.sample(42, 3), s.sample(42, 3));
        assertEquals(s.sample(7, 1L << 40), samplingSpace().sample(7, 1L << 40));
    }

    @Test
    void differentSeedsAndIndicesGiveDifferentSamples() {
        SearchSpace s = samplingSpace();
        for (long i = 0; i < 200; i++) {
            assertNotEquals(s.sample(1, i).get("dropout"), s.sample(2, i).get("dropout"), "index " + i);
            assertNotEquals(s.sample(1, i).get("lr"), s.sample(1, i + 1).get("lr"), "index " + i);
        }
    }

    @Test
    void addingAParameterKeepsTheOthersValues() {
        SearchSpace small = space(
                new Parameter("x", new Domain.Uniform(0, 1, null, null), null),
                new Parameter("y", choice("a", "b", "c"), null));
        SearchSpace larger = space(
                new Parameter("w", new Domain.IntRange(0, 9, 1), null),
                new Parameter("x", new Domain.Uniform(0, 1, null, null), null),
                new Parameter("y", choice("a", "b", "c"), null));
        for (long i = 0; i < 100; i++) {
            assertEquals(small.sample(3, i).get("x"), larger.sample(3, i).get("x"));
            assertEquals(small.sample(3, i).get("y"), larger.sample(3, i).get("y"));
        }
    }

    @Test
    void samplesLieInTheirDomainsAndRespectConditions() {
        SearchSpace s = samplingSpace();
        int n = 40_000;
        Map<Object, Integer> optimizers = new HashMap<>();
        Set<Object> layers = new HashSet<>();
        Set<Object> l2 = new HashSet<>();
        int withMomentum = 0, withBoost = 0, withRho = 0;
        double dropoutSum = 0;
        double[] lr = new double[n];
        for (int i = 0; i < n; i++) {
            TrialConfig c = s.sample(2024, i);
            String opt = (String) c.get("optimizer");
            optimizers.merge(opt, 1, Integer::sum);

            lr[i] = (Double) c.get("lr");
            assertTrue(lr[i] >= 1e-4 && lr[i] <= 1e-1, "lr " + lr[i]);

            double dropout = (Double) c.get("dropout");
            assertTrue(dropout >= 0.1 && dropout <= 0.5, "dropout " + dropout);
            dropoutSum += dropout;

            double q = (Double) c.get("l2");
            assertTrue(q >= 0 && q <= 1, "l2 " + q);
            assertEquals(Math.round(q / 0.05) * 5 / 100.0, q, 0.0, "l2 not an exact multiple of 0.05: " + q);
            l2.add(q);

            double batch = (Double) c.get("batch");
            assertTrue(batch >= 10 && batch <= 1000, "batch " + batch);
            assertEquals(Math.rint(batch / 5) * 5, batch, 0.0, "batch " + batch);

            long layer = (Long) c.get("layers");
            assertTrue(layer >= 2 && layer <= 20 && (layer - 2) % 3 == 0, "layers " + layer);
            layers.add(layer);

            assertEquals(opt.equals("nesterovs"), c.has("momentum"), c.toString());
            assertEquals(c.has("momentum") && c.get("momentum").equals(0.9), c.has("nesterovsBoost"), c.toString());
            assertEquals(opt.equals("rmsprop") || opt.equals("adam"), c.has("rho"), c.toString());
            if (c.has("rho")) {
                double rho = (Double) c.get("rho");
                assertTrue(rho >= 0.8 && rho <= 0.99, "rho " + rho);
                withRho++;
            }
            if (c.has("momentum")) withMomentum++;
            if (c.has("nesterovsBoost")) withBoost++;
        }
        for (Object opt : List.of("sgd", "adam", "nesterovs", "rmsprop")) {
            int count = optimizers.getOrDefault(opt, 0);
            assertTrue(Math.abs(count - n / 4.0) <= 0.05 * n / 4.0, opt + " drawn " + count + " times of " + n);
        }
        assertEquals(Set.of(2L, 5L, 8L, 11L, 14L, 17L, 20L), layers);
        assertEquals(21, l2.size());
        assertTrue(withMomentum > 0 && withMomentum < n);
        assertTrue(withBoost > 0 && withBoost < withMomentum);
        assertEquals(n / 2.0, withRho, 0.05 * n / 2);
        assertEquals(0.3, dropoutSum / n, 0.005);

        Arrays.sort(lr);
        double median = lr[n / 2];
        // geometric mean of 1e-4 and 1e-1 is 10^-2.5
        assertEquals(-2.5, Math.log10(median), 0.05);
        assertAll(() -> assertTrue(lr[0] < 2e-4), () -> assertTrue(lr[n - 1] > 0.05));
        assertFalse(Double.isNaN(median));
    }
}

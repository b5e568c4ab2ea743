package org.sparksweep.space;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The hyperparameters of a sweep and the two ways trials are drawn from them, both pure functions
 * of an index so that no one ever has to hold the space itself:
 * <ul>
 *   <li>{@link #gridConfig(long)} decodes a grid index in mixed radix. Conditional parameters form
 *   a tree under their parent; a parent's value occupies as many consecutive indices as there are
 *   combinations of the children active under it, so the grid enumerates every distinct config
 *   exactly once and nothing else.</li>
 *   <li>{@link #sample(long, long)} draws config i from a counter-based generator: each parameter's
 *   value depends only on (seed, i, parameter name).</li>
 * </ul>
 * Parameters are decoded in declaration order, first one outermost (it varies slowest).
 */
public final class SearchSpace implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Parameter> parameters;
    private final List<Parameter> topological;
    private final List<Node> roots;
    private final long gridSize;
    private final Map<String, Integer> dimensionOf;

    /**
     * @param parameters in declaration order; conditions must name a discrete parameter of this space,
     *                   with values it can take, and must not form a cycle (the spec reader checks this
     *                   with field paths; this constructor re-checks and throws IllegalArgumentException)
     */
    public SearchSpace(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            if (byName.put(p.name(), p) != null) throw new IllegalArgumentException("duplicate parameter " + p.name());
        }
        for (Parameter p : parameters) {
            if (!p.conditional()) continue;
            Parameter parent = byName.get(p.when().parent());
            if (parent == null) throw new IllegalArgumentException(p.name() + ": condition names unknown parameter " + p.when().parent());
            if (!parent.domain().discrete()) throw new IllegalArgumentException(p.name() + ": condition parent " + parent.name() + " is not discrete");
            for (Object v : p.when().values()) {
                if (parent.domain().indexOf(v) < 0) throw new IllegalArgumentException(p.name() + ": " + parent.name() + " never takes " + v);
            }
            java.util.Set<String> chain = new java.util.HashSet<>(List.of(p.name()));
            for (Parameter a = parent; a != null; a = a.conditional() ? byName.get(a.when().parent()) : null) {
                if (!chain.add(a.name())) throw new IllegalArgumentException(p.name() + ": conditions form a cycle");
            }
        }
        this.topological = topologicalOrder(this.parameters, byName);
        Map<String, Integer> dims = new HashMap<>();
        for (int i = 0; i < this.parameters.size(); i++) dims.put(this.parameters.get(i).name(), i);
        this.dimensionOf = Map.copyOf(dims);
        boolean griddable = this.parameters.stream().allMatch(p -> p.domain().griddable());
        if (griddable) {
            Map<String, List<Parameter>> children = new HashMap<>();
            for (Parameter p : this.parameters) {
                if (p.conditional()) children.computeIfAbsent(p.when().parent(), k -> new ArrayList<>()).add(p);
            }
            this.roots = this.parameters.stream().filter(p -> !p.conditional()).map(p -> Node.of(p, children)).toList();
            this.gridSize = product(roots);
        } else {
            this.roots = List.of();
            this.gridSize = -1;
        }
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The parameters ordered so that every conditional one comes after the parameter it depends on. */
    public List<Parameter> parentsFirst() {
        return topological;
    }

    public Parameter parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** Number of distinct grid configs, or empty when a parameter cannot be enumerated. */
    public OptionalLong gridSize() {
        return gridSize < 0 ? OptionalLong.empty() : OptionalLong.of(gridSize);
    }

    /** The config at a grid index, 0 &lt;= index &lt; gridSize(). */
    public TrialConfig gridConfig(long index) {
        if (gridSize < 0) throw new IllegalStateException("this space has parameters that cannot be enumerated as a grid");
        if (index < 0 || index >= gridSize) throw new IndexOutOfBoundsException("grid index " + index + " outside [0, " + gridSize + ")");
        Map<String, Object> values = new HashMap<>();
        decodeProduct(roots, index, values);
        return inDeclarationOrder(values);
    }

    /** The i-th random config for a seed; independent of every other index. */
    public TrialConfig sample(long seed, long index) {
        return sample(index, (i, dimension, name) -> CounterRandom.uniform(seed, i, name));
    }

    /**
     * The config at point {@code index} of a sequence in the unit hypercube with one dimension per
     * parameter (its position in declaration order); an inactive conditional parameter's coordinate
     * is not used.
     */
    public TrialConfig sample(long index, UnitCoordinates coordinates) {
        Map<String, Object> values = new HashMap<>();
        for (Parameter p : topological) {
            if (p.conditional() && !p.when().holdsFor(values.get(p.when().parent()))) continue;
            values.put(p.name(), p.domain().sample(coordinates.coordinate(index, dimensionOf.get(p.name()), p.name())));
        }
        return inDeclarationOrder(values);
    }

    /**
     * A config given by a user (a spec's {@code search.startWith}, an earlier sweep's trial) checked
     * against this space: every active parameter needs a value in its domain, an inactive conditional
     * one must be absent, and no other names are allowed. Integers are accepted for real parameters.
     *
     * @throws ConfigException naming the offending parameter and what to do
     */
    public TrialConfig config(Map<String, ?> given) {
        for (String name : given.keySet()) {
            if (parameter(name) == null) {
                throw new ConfigException(name, "is not a parameter of this space " + parameters.stream().map(Parameter::name).toList());
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Parameter p : topological) {
            Object v = given.get(p.name());
            boolean active = !p.conditional() || p.when().holdsFor(values.get(p.when().parent()));
            if (!active) {
                if (v != null) {
                    throw new ConfigException(p.name(), "is inactive here (it applies only " + p.when().describe() + "): leave it out");
                }
                continue;
            }
            if (v == null) throw new ConfigException(p.name(), "missing: give a value (" + p.domain().describe() + ")");
            Object typed = typed(p, v);
            if (typed == null || !p.domain().contains(typed)) {
                throw new ConfigException(p.name(), v + " is not in its domain " + p.domain().describe());
            }
            values.put(p.name(), typed);
        }
        return inDeclarationOrder(values);
    }

    private static Object typed(Parameter p, Object v) {
        ValueType want = p.domain().type(), got = ValueType.of(v);
        if (want == got) return want.coerce(v);
        if (want == ValueType.DOUBLE && got == ValueType.LONG) return ((Number) v).doubleValue();
        if (want == ValueType.LONG && got == ValueType.DOUBLE && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())) {
            return ((Number) v).longValue();
        }
        return null;
    }

    /** A given config that does not fit the space; {@link #parameter()} names the parameter at fault. */
    public static final class ConfigException extends IllegalArgumentException {
        private final String parameter;

        ConfigException(String parameter, String message) {
            super(parameter + ": " + message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }

        /** The message without the parameter's name in front. */
        public String problem() {
            return getMessage().substring(parameter.length() + 2);
        }
    }

    /** A sequence of points in [0, 1)^d, as a pure function of (point index, dimension). */
    @FunctionalInterface
    public interface UnitCoordinates extends Serializable {
        double coordinate(long index, int dimension, String parameter);
    }

    private TrialConfig inDeclarationOrder(Map<String, Object> values) {
        LinkedHashMap<String, Object> ordered = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            Object v = values.get(p.name());
            if (v != null) ordered.put(p.name(), v);
        }
        return new TrialConfig(ordered);
    }

    private static void decodeProduct(List<Node> nodes, long index, Map<String, Object> out) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            n.decode(index % n.count, out);
            index /= n.count;
        }
    }

    private static long product(List<Node> nodes) {
        long total = 1;
        for (Node n : nodes) total = multiply(total, n.count);
        return total;
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the grid has more than " + Long.MAX_VALUE + " points");
        }
    }

    private static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the grid has more than " + Long.MAX_VALUE + " points");
        }
    }

    private static List<Parameter> topologicalOrder(List<Parameter> params, Map<String, Parameter> byName) {
        List<Parameter> order = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        while (order.size() < params.size()) {
            for (Parameter p : params) {
                if (placed.contains(p.name())) continue;
                if (!p.conditional() || placed.contains(p.when().parent())) {
                    order.add(p);
                    placed.add(p.name());
                }
            }
        }
        return List.copyOf(order);
    }

    /** One line per parameter, for {@code sparksweep validate}. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (Parameter p : parameters) {
            String size = p.domain().griddable() ? p.domain().gridSize() + " grid points" : "continuous";
            lines.add(p.name() + ": " + p.domain().describe() + " [" + p.domain().type().label() + ", " + size + "]"
                    + (p.conditional() ? " " + p.when().describe() : ""));
        }
        return lines;
    }

    /**
     * A parameter with the conditional parameters below it. Values of the parameter under which
     * some child is active ("special" values) own a block of several consecutive indices; every
     * other value owns exactly one. Lookups are a binary search over the special values only, so a
     * parent with a million values and one conditioned value costs no more than a small one.
     */
    private static final class Node implements Serializable {
        private static final long serialVersionUID = 1L;
        final Parameter parameter;
        final long[] specialIndex;
        final long[] specialStart;
        final long[] specialWeight;
        final List<List<Node>> specialActive;
        final long count;

        private Node(Parameter parameter, long[] specialIndex, long[] specialStart, long[] specialWeight,
                     List<List<Node>> specialActive, long count) {
            this.parameter = parameter;
            this.specialIndex = specialIndex;
            this.specialStart = specialStart;
            this.specialWeight = specialWeight;
            this.specialActive = specialActive;
            this.count = count;
        }

        static Node of(Parameter p, Map<String, List<Parameter>> childrenOf) {
            List<Node> children = childrenOf.getOrDefault(p.name(), List.of()).stream().map(c -> of(c, childrenOf)).toList();
            Domain d = p.domain();
            java.util.TreeMap<Long, List<Node>> special = new java.util.TreeMap<>();
            for (Node c : children) {
                for (Object v : c.parameter.when().values()) {
                    special.computeIfAbsent(d.indexOf(v), k -> new ArrayList<>());
                }
            }
            int m = special.size();
            long[] idx = new long[m], start = new long[m], weight = new long[m];
            List<List<Node>> active = new ArrayList<>(m);
            long extra = 0;
            int i = 0;
            for (long j : special.keySet()) {
                Object value = d.gridValue(j);
                List<Node> on = children.stream().filter(c -> c.parameter.when().holdsFor(value)).toList();
                idx[i] = j;
                start[i] = j + extra;
                weight[i] = product(on);
                extra = add(extra, weight[i] - 1);
                active.add(on);
                i++;
            }
            return new Node(p, idx, start, weight, active, add(d.gridSize(), extra));
        }

        void decode(long k, Map<String, Object> out) {
            int i = Arrays.binarySearch(specialStart, k);
            if (i < 0) i = -i - 2; // last special block starting at or before k
            long j;
            if (i >= 0 && k < specialStart[i] + specialWeight[i]) {
                j = specialIndex[i];
                out.put(parameter.name(), parameter.domain().gridValue(j));
                decodeProduct(specialActive.get(i), k - specialStart[i], out);
                return;
            }
            long extra = i >= 0 ? specialStart[i] + specialWeight[i] - specialIndex[i] - 1 : 0;
            j = k - extra;
            out.put(parameter.name(), parameter.domain().gridValue(j));
        }
    }
}

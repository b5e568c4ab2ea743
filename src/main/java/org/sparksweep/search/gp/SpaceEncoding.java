package org.sparksweep.search.gp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.space.ValueType;

/**
 * A search space as points of the unit cube, one dimension per parameter that can vary:
 * <ul>
 *   <li>numeric ranges (uniform, log-uniform, integer, quantised) sit where {@link Domain#unit}
 *   puts them, so log scales are searched in log space and each integer or quantisation step owns
 *   an equal cell whose centre stands for it;</li>
 *   <li>a choice of numbers is ordinal: its values sorted, each owning an equal cell, so the model can
 *   learn that 64 lies between 32 and 128;</li>
 *   <li>any other choice (names, booleans) is categorical: the dimension holds the value's position,
 *   and the kernel compares positions only for equality;</li>
 *   <li>a conditional parameter that is inactive in a config takes a fixed place (the middle of an
 *   ordered dimension, a category of its own), so configs of one branch match on it; the parent's
 *   value already separates the branches.</li>
 * </ul>
 * Decoding goes parents first, so a point always decodes to a config the space allows; encoding a
 * decoded point gives the cell centre that the model is told about (snapping).
 */
final class SpaceEncoding {
    static final double INACTIVE = 0.5, INACTIVE_CATEGORY = -1;
    private static final int ENUMERABLE = 16;

    private enum Kind { RANGE, ORDINAL, CATEGORICAL }

    private record Dimension(Parameter parameter, Kind kind, List<Object> values) {}

    private final SearchSpace space;
    private final List<Dimension> dimensions = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean[] categorical;

    SpaceEncoding(SearchSpace space) {
        this.space = space;
        for (Parameter p : space.parameters()) {
            Domain d = p.domain();
            if (d instanceof Domain.Fixed) continue;
            index.put(p.name(), dimensions.size());
            if (d.ordered()) {
                dimensions.add(new Dimension(p, Kind.RANGE, List.of()));
            } else {
                List<Object> values = ((Domain.Choice) d).values();
                ValueType type = d.type();
                if ((type == ValueType.LONG || type == ValueType.DOUBLE) && values.size() > 2) {
                    List<Object> sorted = new ArrayList<>(values);
                    sorted.sort(Comparator.comparingDouble(v -> ((Number) v).doubleValue()));
                    dimensions.add(new Dimension(p, Kind.ORDINAL, List.copyOf(sorted)));
                } else {
                    dimensions.add(new Dimension(p, Kind.CATEGORICAL, values));
                }
            }
        }
        categorical = new boolean[dimensions.size()];
        for (int j = 0; j < categorical.length; j++) categorical[j] = dimensions.get(j).kind() == Kind.CATEGORICAL;
    }

    int dimensions() {
        return dimensions.size();
    }

    boolean[] categorical() {
        return categorical.clone();
    }

    double[] encode(TrialConfig config) {
        double[] u = new double[dimensions.size()];
        for (int j = 0; j < u.length; j++) {
            Dimension dim = dimensions.get(j);
            String name = dim.parameter().name();
            if (!config.has(name)) {
                u[j] = dim.kind() == Kind.CATEGORICAL ? INACTIVE_CATEGORY : INACTIVE;
                continue;
            }
            Object v = config.get(name);
            u[j] = switch (dim.kind()) {
                case RANGE -> dim.parameter().domain().unit(v);
                case ORDINAL -> (dim.values().indexOf(v) + 0.5) / dim.values().size();
                case CATEGORICAL -> dim.values().indexOf(v);
            };
        }
        return u;
    }

    /** The config a point stands for: every active parameter's value, parents first. */
    TrialConfig decode(double[] u) {
        Map<String, Object> values = new HashMap<>();
        for (Parameter p : space.parentsFirst()) {
            if (p.conditional() && !p.when().holdsFor(values.get(p.when().parent()))) continue;
            if (p.domain() instanceof Domain.Fixed f) {
                values.put(p.name(), f.value());
                continue;
            }
            int j = index.get(p.name());
            Dimension dim = dimensions.get(j);
            values.put(p.name(), switch (dim.kind()) {
                case RANGE -> p.domain().sample(clampUnit(u[j]));
                case ORDINAL -> dim.values().get(Math.min(dim.values().size() - 1, (int) (clampUnit(u[j]) * dim.values().size())));
                case CATEGORICAL -> dim.values().get((int) Math.max(0, Math.min(dim.values().size() - 1, Math.round(u[j]))));
            });
        }
        LinkedHashMap<String, Object> ordered = new LinkedHashMap<>();
        for (Parameter p : space.parameters()) if (values.containsKey(p.name())) ordered.put(p.name(), values.get(p.name()));
        return new TrialConfig(ordered);
    }

    /** The encoding of the config a point decodes to: cell centres, inactive dimensions in their fixed place. */
    double[] snap(double[] u) {
        return encode(decode(u));
    }

    /**
     * The dimensions gradient search may move from u: the ordered ones active in the config u decodes
     * to. Categorical dimensions are enumerated instead, and inactive ones must stay in their fixed place.
     */
    boolean[] movable(double[] u) {
        TrialConfig config = decode(u);
        boolean[] m = new boolean[dimensions.size()];
        for (int j = 0; j < m.length; j++) m[j] = !categorical[j] && config.has(dimensions.get(j).parameter().name());
        return m;
    }

    /**
     * The encoded values dimension j can take when there are few enough to try each (a choice, a
     * short integer range); null for a dimension searched by gradient only.
     */
    double[] levels(int j) {
        Dimension dim = dimensions.get(j);
        return switch (dim.kind()) {
            case CATEGORICAL -> {
                double[] l = new double[dim.values().size()];
                for (int k = 0; k < l.length; k++) l[k] = k;
                yield l;
            }
            case ORDINAL -> cellCentres(dim.values().size());
            case RANGE -> dim.parameter().domain() instanceof Domain.IntRange r && r.gridSize() <= ENUMERABLE
                    ? cellCentres((int) r.gridSize()) : null;
        };
    }

    private static double[] cellCentres(int k) {
        double[] l = new double[k];
        for (int i = 0; i < k; i++) l[i] = (i + 0.5) / k;
        return l;
    }

    private static double clampUnit(double u) {
        return Math.max(0, Math.min(Math.nextDown(1.0), u));
    }
}

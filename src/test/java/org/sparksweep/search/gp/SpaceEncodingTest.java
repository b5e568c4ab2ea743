package org.sparksweep.search.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sparksweep.space.Condition;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;

class SpaceEncodingTest {
    static final SearchSpace SPACE = new SearchSpace(List.of(
            new Parameter("updater", new Domain.Choice(List.of("adam", "sgd", "nesterovs")), null),
            new Parameter("momentum", new Domain.Uniform(0.5, 0.99, null, null), new Condition("updater", Set.of("nesterovs"))),
            new Parameter("lr", new Domain.LogUniform(1e-5, 1, null, null), null),
            new Parameter("layers", new Domain.IntRange(1, 8, 1), null),
            new Parameter("width", new Domain.Uniform(8, 256, 8.0, null), null),
            new Parameter("batch", new Domain.Choice(List.of(128L, 16L, 64L, 32L)), null),
            new Parameter("seed", new Domain.Fixed(7L), null)));

    @Test
    void everyDomainKindRoundTripsThroughItsCell() {
        SpaceEncoding e = new SpaceEncoding(SPACE);
        assertEquals(6, e.dimensions(), "a fixed value is not a dimension");
        assertArrayEquals(new boolean[] {true, false, false, false, false, false}, e.categorical(), "only the named choice is categorical");
        for (long i = 0; i < 200; i++) {
            TrialConfig c = SPACE.sample(3, i);
            double[] u = e.encode(c);
            TrialConfig back = e.decode(u);
            for (String name : c.values().keySet()) {
                Object want = c.get(name), got = back.get(name);
                if (want instanceof Double w) assertEquals(w, (Double) got, 1e-12 * Math.abs(w), name + " in " + c);
                else assertEquals(want, got, name + " in " + c);
            }
            assertEquals(c.values().keySet(), back.values().keySet(), "decode(encode(c)) has the same active parameters");
            assertArrayEquals(u, e.snap(u), 1e-12, "an encoded config is already snapped");
        }
    }

    @Test
    void logScalesIntegersAndNumericChoicesAreOrdered() {
        SpaceEncoding e = new SpaceEncoding(SPACE);
        TrialConfig c = new TrialConfig(java.util.Map.of("updater", "adam", "lr", 1e-3, "layers", 1L, "width", 64.0, "batch", 32L, "seed", 7L));
        double[] u = e.encode(c);
        assertEquals(0.4, u[2], 1e-12, "1e-3 is 40% of the way from 1e-5 to 1 in log space");
        assertEquals(1 / 16.0, u[3], 1e-12, "layers 1 is the centre of the first of 8 cells");
        assertEquals(0.375, u[5], 1e-12, "32 is the second of the sorted values 16 < 32 < 64 < 128");
        double[] moved = u.clone();
        moved[3] = 0.2; // inside the second cell
        assertEquals(2L, e.decode(moved).get("layers"));
        assertEquals(3 / 16.0, e.snap(moved)[3], 1e-12, "snapped to the cell's centre");
    }

    @Test
    void inactiveConditionalParametersTakeAFixedPlaceAndAreNotMovable() {
        SpaceEncoding e = new SpaceEncoding(SPACE);
        TrialConfig adam = new TrialConfig(java.util.Map.of("updater", "adam", "lr", 1e-3, "layers", 1L, "width", 64.0, "batch", 32L, "seed", 7L));
        double[] u = e.encode(adam);
        assertEquals(SpaceEncoding.INACTIVE, u[1]);
        assertFalse(e.movable(u)[1], "momentum is inactive under adam");
        u[0] = 2; // nesterovs
        double[] snapped = e.snap(u);
        assertTrue(e.decode(snapped).has("momentum"), "switching the parent activates the child");
        assertTrue(e.movable(snapped)[1]);
        assertEquals(4, e.levels(5).length, "a numeric choice is tried value by value");
        assertEquals(8, e.levels(3).length, "so is a short integer range");
        assertEquals(null, e.levels(2), "a real range is searched by gradient");
    }
}

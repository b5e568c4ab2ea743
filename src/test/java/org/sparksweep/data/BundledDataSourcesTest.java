package org.sparksweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data sets shipped in the jar load by name, with the shapes, classes and encodings the README promises. */
class BundledDataSourcesTest {

    private static long count(Examples d, int cls) {
        return Arrays.stream(d.targets()).filter(t -> t == cls).count();
    }

    @Test
    void digitsAreTenClassesOfOneChannelEightByEightImages() throws Exception {
        Examples d = DataSources.get("digits").load(Map.of("shape", List.of(1L, 8L, 8L)));
        assertEquals(1797, d.rows());
        assertEquals(10, d.classes());
        assertArrayEquals(new int[] {1, 8, 8}, d.shape());
        assertEquals(0.0, d.features()[0][0]);
        assertEquals(5.0, d.features()[0][2], "row-major pixels p00, p01, p02 ...");
        assertArrayEquals(new int[] {8, 8}, DataSources.get("digits").load(Map.of("shape", List.of(8L, 8L))).shape());
    }

    @Test
    void diabetesIsRegressionWithSexOneHot() throws Exception {
        Examples d = DataSources.get("diabetes").load(Map.of());
        assertEquals(442, d.rows());
        assertEquals(0, d.classes());
        assertEquals(List.of("age", "sex=1", "sex=2", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"), List.of(d.featureNames()));
        assertArrayEquals(new double[] {59, 0, 1, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87}, d.features()[0]);
        assertEquals(151.0, d.targets()[0]);
    }

    @Test
    void breastCancerIsBinaryWithNamedClasses() throws Exception {
        Examples d = DataSources.get("breast_cancer").load(Map.of());
        assertEquals(569, d.rows());
        assertEquals(30, d.columns());
        assertArrayEquals(new String[] {"benign", "malignant"}, d.classNames());
        assertEquals(357, count(d, 0));
        assertEquals(212, count(d, 1));
    }
}

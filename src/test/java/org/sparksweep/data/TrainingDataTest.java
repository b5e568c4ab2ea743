package org.sparksweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every trial of a sweep must see the same split for the same seed, and the validation rows must be
 * scaled with statistics of the training rows only; otherwise validation scores leak and trials
 * are not comparable. Targets hold each row's original position so the split can be traced back.
 */
class TrainingDataTest {

    /** Row i: features (i, i^2, 5), target i; the squared column makes train and full-data statistics differ. */
    private static Examples rows(int n) {
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i, (double) i * i, 5};
            y[i] = i;
        }
        return new Examples("t", new String[] {"id", "square", "constant"}, x, y, 0);
    }

    private static int[] ids(Examples d) {
        return Arrays.stream(d.targets()).mapToInt(t -> (int) t).toArray();
    }

    @Test
    void splitSizesFollowTheFraction() {
        TrainingData d = TrainingData.split(rows(150), 0.3, 1);
        assertEquals(45, d.validation().rows());
        assertEquals(105, d.train().rows());
        assertEquals(1, TrainingData.split(rows(10), 0.1, 1).validation().rows());
        assertThrows(IllegalArgumentException.class, () -> TrainingData.split(rows(150), 0.001, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainingData.split(rows(150), 0.999, 1));
    }

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        TrainingData a = TrainingData.split(rows(150), 0.3, 7);
        TrainingData b = TrainingData.split(rows(150), 0.3, 7);
        TrainingData c = TrainingData.split(rows(150), 0.3, 8);
        assertArrayEquals(ids(a.validation()), ids(b.validation()));
        assertArrayEquals(ids(a.train()), ids(b.train()));
        assertArrayEquals(a.validation().features(), b.validation().features());
        assertFalse(Arrays.equals(ids(a.validation()), ids(c.validation())));
        int[] sortedA = ids(a.validation()), sortedC = ids(c.validation());
        Arrays.sort(sortedA);
        Arrays.sort(sortedC);
        assertFalse(Arrays.equals(sortedA, sortedC), "different seeds held out the same rows");
    }

    @Test
    void splitIsAPermutationOfTheInput() {
        Examples all = rows(150);
        TrainingData d = TrainingData.split(all, 0.3, 3);
        int[] together = new int[150];
        System.arraycopy(ids(d.validation()), 0, together, 0, 45);
        System.arraycopy(ids(d.train()), 0, together, 45, 105);
        Arrays.sort(together);
        for (int i = 0; i < 150; i++) assertEquals(i, together[i]);
        assertFalse(Arrays.equals(ids(d.validation()), Arrays.copyOf(together, 45)), "rows were not shuffled");
        assertArrayEquals(rows(150).features(), all.features(), "the input was modified");
    }

    @Test
    void trainingColumnsAreStandardisedAndValidationUsesTrainingStatistics() {
        Examples all = rows(150);
        TrainingData d = TrainingData.split(all, 0.3, 11);
        int columns = all.columns();

        double[] mean = new double[columns], std = new double[columns];
        int[] trainIds = ids(d.train());
        for (int id : trainIds) for (int j = 0; j < columns; j++) mean[j] += all.features()[id][j];
        for (int j = 0; j < columns; j++) mean[j] /= trainIds.length;
        for (int id : trainIds) for (int j = 0; j < columns; j++) std[j] += Math.pow(all.features()[id][j] - mean[j], 2);
        for (int j = 0; j < columns; j++) std[j] = Math.sqrt(std[j] / trainIds.length);

        for (int j = 0; j < 2; j++) {
            double m = 0, s = 0;
            for (double[] row : d.train().features()) m += row[j];
            m /= d.train().rows();
            for (double[] row : d.train().features()) s += (row[j] - m) * (row[j] - m);
            assertEquals(0.0, m, 1e-12, "train mean of column " + j);
            assertEquals(1.0, Math.sqrt(s / d.train().rows()), 1e-12, "train std of column " + j);
        }

        double allMean = 0, allSq = 0;
        for (double[] row : all.features()) allMean += row[1];
        allMean /= 150;
        for (double[] row : all.features()) allSq += (row[1] - allMean) * (row[1] - allMean);
        double allStd = Math.sqrt(allSq / 150);

        int[] validationIds = ids(d.validation());
        for (int i = 0; i < validationIds.length; i++) {
            double[] original = all.features()[validationIds[i]];
            double[] scaled = d.validation().features()[i];
            for (int j = 0; j < 2; j++) assertEquals((original[j] - mean[j]) / std[j], scaled[j], 1e-12);
            assertTrue(Math.abs((original[1] - allMean) / allStd - scaled[1]) > 1e-6, "scaled with full-data statistics");
        }
        for (int i = 0; i < trainIds.length; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals((all.features()[trainIds[i]][j] - mean[j]) / std[j], d.train().features()[i][j], 1e-12);
            }
        }
    }

    @Test
    void validationRowScaledByTheOtherTwoRows() {
        // x = 0, 2, 4 with one row held out; training mean and (population) std of the other two:
        //   hold out 0: train {2, 4}, mean 3, std 1 -> (0 - 3) / 1 = -3
        //   hold out 2: train {0, 4}, mean 2, std 2 -> (2 - 2) / 2 = 0
        //   hold out 4: train {0, 2}, mean 1, std 1 -> (4 - 1) / 1 = 3
        // Full-data statistics (mean 2, std 1.633) would give -1.2247, 0 and 1.2247 instead.
        Map<Double, Double> expected = Map.of(0.0, -3.0, 2.0, 0.0, 4.0, 3.0);
        Examples three = new Examples("t", new String[] {"x"}, new double[][] {{0}, {2}, {4}}, new double[] {0, 2, 4}, 0);
        Set<Double> heldOut = new HashSet<>();
        Map<Double, Integer> seen = new HashMap<>();
        for (long seed = 0; seed < 20; seed++) {
            TrainingData d = TrainingData.split(three, 1.0 / 3, seed);
            assertEquals(1, d.validation().rows());
            double original = d.validation().targets()[0];
            heldOut.add(original);
            seen.merge(original, 1, Integer::sum);
            assertEquals(expected.get(original), d.validation().features()[0][0], 1e-12, "seed " + seed);
            assertEquals(-1.0, Math.min(d.train().features()[0][0], d.train().features()[1][0]), 1e-12);
            assertEquals(1.0, Math.max(d.train().features()[0][0], d.train().features()[1][0]), 1e-12);
        }
        assertTrue(heldOut.size() >= 2, "every seed held out the same row: " + seen);
    }

    @Test
    void constantColumnBecomesZeroNotNaN() {
        TrainingData d = TrainingData.split(rows(150), 0.3, 5);
        for (double[] row : d.train().features()) assertEquals(0.0, row[2], 0.0);
        for (double[] row : d.validation().features()) assertEquals(0.0, row[2], 0.0);
    }

    /** Labels 0..classes-1 in turn, features (i, i^2, label). */
    private static Examples classified(int n, int classes) {
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            x[i] = new double[] {i, (double) i * i, y[i]};
        }
        return new Examples("c", new String[] {"id", "square", "label_copy"}, x, y, classes);
    }

    /** Asserts the part is scaled with the statistics of the given training rows only. */
    private static void scaledWithTrainingStatistics(Examples all, int[] trainIds, int[] partIds, Examples part) {
        for (int j = 0; j < 2; j++) {
            double mean = 0, sq = 0;
            for (int id : trainIds) mean += all.features()[id][j];
            mean /= trainIds.length;
            for (int id : trainIds) sq += Math.pow(all.features()[id][j] - mean, 2);
            double std = Math.sqrt(sq / trainIds.length);
            for (int i = 0; i < partIds.length; i++) {
                assertEquals((all.features()[partIds[i]][j] - mean) / std, part.features()[i][j], 1e-9, "column " + j + " row " + partIds[i]);
            }
        }
    }

    @Test
    void testRowsAreDisjointAndScaledWithTrainingStatisticsOnly() {
        Examples all = rows(100);
        TrainingData d = TrainingData.split(all, 0.2, 0.1, 9);
        assertEquals(20, d.validation().rows());
        assertEquals(10, d.test().rows());
        assertEquals(70, d.train().rows());
        Set<Integer> seen = new HashSet<>();
        for (Examples part : new Examples[] {d.train(), d.validation(), d.test()}) for (int id : ids(part)) assertTrue(seen.add(id), "row " + id + " twice");
        assertEquals(100, seen.size());
        scaledWithTrainingStatistics(all, ids(d.train()), ids(d.test()), d.test());
        scaledWithTrainingStatistics(all, ids(d.train()), ids(d.validation()), d.validation());
        assertEquals(null, TrainingData.split(all, 0.2, 7).test(), "no test split unless asked for");
    }

    @Test
    void classificationSplitsAreStratified() {
        // 90 rows, classes 0, 1, 2 with 30 each: validation 0.2 -> 6 of each, test 0.1 -> 3 of each
        Examples all = classified(90, 3);
        TrainingData d = TrainingData.split(all, 0.2, 0.1, 4);
        for (int c = 0; c < 3; c++) {
            int cls = c;
            assertEquals(6, java.util.Arrays.stream(d.validation().targets()).filter(t -> t == cls).count(), "validation, class " + c);
            assertEquals(3, java.util.Arrays.stream(d.test().targets()).filter(t -> t == cls).count(), "test, class " + c);
            assertEquals(21, java.util.Arrays.stream(d.train().targets()).filter(t -> t == cls).count(), "train, class " + c);
        }
        // the label copy, scaled by one increasing map, must order the rows as their labels do
        for (int i = 0; i < d.validation().rows(); i++) {
            for (int j = 0; j < d.validation().rows(); j++) {
                double a = d.validation().targets()[i], b = d.validation().targets()[j];
                double fa = d.validation().features()[i][2], fb = d.validation().features()[j][2];
                assertEquals(Double.compare(a, b), Double.compare(fa, fb), "labels follow their rows");
            }
        }
        // a class of one example stays in training instead of leaving training without it
        double[][] x = new double[11][];
        double[] y = new double[11];
        for (int i = 0; i < 11; i++) {
            x[i] = new double[] {i};
            y[i] = i == 10 ? 1 : 0;
        }
        Examples rare = new Examples("rare", new String[] {"x"}, x, y, 2);
        for (long seed = 0; seed < 10; seed++) {
            TrainingData r = TrainingData.split(rare, 0.5, seed);
            assertEquals(1, java.util.Arrays.stream(r.train().targets()).filter(t -> t == 1).count(), "seed " + seed);
        }
    }

    @Test
    void foldsPartitionTheRowsAndEachIsScaledWithTheOtherFoldsOnly() {
        Examples all = rows(30);
        List<TrainingData> folds = TrainingData.folds(all, 3, 0, 5);
        assertEquals(3, folds.size());
        Set<Integer> validated = new HashSet<>();
        for (TrainingData f : folds) {
            assertEquals(10, f.validation().rows());
            assertEquals(20, f.train().rows());
            Set<Integer> train = new HashSet<>();
            for (int id : ids(f.train())) train.add(id);
            for (int id : ids(f.validation())) {
                assertFalse(train.contains(id), "row " + id + " is trained and validated on in one fold");
                assertTrue(validated.add(id), "row " + id + " validated in two folds");
            }
            scaledWithTrainingStatistics(all, ids(f.train()), ids(f.validation()), f.validation());
        }
        assertEquals(30, validated.size(), "every row is validated once");

        List<TrainingData> withTest = TrainingData.folds(all, 3, 0.2, 5);
        int[] test = ids(withTest.get(0).test());
        assertEquals(6, test.length);
        for (TrainingData f : withTest) {
            assertArrayEquals(test, ids(f.test()), "the same test rows for every fold");
            for (int id : test) {
                for (int v : ids(f.validation())) assertFalse(v == id);
                for (int t : ids(f.train())) assertFalse(t == id);
            }
            scaledWithTrainingStatistics(all, ids(f.train()), test, f.test());
        }
        Examples c = classified(30, 3);
        for (TrainingData f : TrainingData.folds(c, 5, 0, 2)) {
            for (int k = 0; k < 3; k++) {
                int cls = k;
                assertEquals(2, java.util.Arrays.stream(f.validation().targets()).filter(t -> t == cls).count(), "folds are stratified");
            }
        }
    }

    @Test
    void aClassWithNoTrainingExamplesIsAnErrorNamingIt() {
        double[][] x = new double[9][];
        double[] y = new double[9];
        for (int i = 0; i < 9; i++) {
            x[i] = new double[] {i};
            y[i] = i == 8 ? 1 : 0;
        }
        Examples rare = new Examples("rare", new String[] {"x"}, x, y, 2, new int[] {1}, new String[] {"common", "unicorn"});
        DataException e = assertThrows(DataException.class, () -> TrainingData.folds(rare, 3, 0, 1));
        assertTrue(e.getMessage().contains("class 'unicorn' has no examples in the training part of fold"), e.getMessage());
        assertTrue(e.getMessage().contains("fewer folds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainingData.folds(rows(4), 5, 0, 1));
    }
}

package org.sparksweep.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference values computed with mpmath at 50 digits. */
class NormalMathTest {

    @ParameterizedTest
    @CsvSource({
            "-37, 5.7255712225245768227e-300", "-20, 2.7536241186062336951e-89", "-8, 6.2209605742717841235e-16",
            "-3.5, 0.00023262907903552503635", "-3, 0.0013498980316300945267", "-2.9, 0.001865813300384038479",
            "-1, 0.15865525393145705141", "0, 0.5", "0.5, 0.69146246127401310364", "2, 0.9772498680518207928",
            "3, 0.99865010196836990547", "6, 0.99999999901341235496"})
    void cdfIsAccurateIntoTheFarTail(double z, double expected) {
        assertEquals(expected, NormalMath.cdf(z), 1e-12 * expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 1.0", "0.3, 0.67137324054087258381", "1, 0.15729920705028513066", "2.1, 0.0029794666563329842857",
            "2.3, 0.0011431765973566524759", "3, 0.000022090496998585441373", "5, 1.5374597944280348502e-12",
            "10, 2.088487583762544757e-45", "-1, 1.8427007929497148693"})
    void erfcIsAccurateOnBothSidesOfTheSeriesLimit(double x, double expected) {
        assertEquals(expected, NormalMath.erfc(x), 1e-12 * expected);
    }

    /** log h(z) and its slope Phi/h, where h(z) = phi(z) + z Phi(z) is expected improvement per unit of sd. */
    @ParameterizedTest
    @CsvSource({
            "5, 1.6094379231264313851, 0.19999994053122004649", "1, 0.080026218849306940029, 0.77663872520173925975",
            "0, -0.91893853320467274178, 1.2533141373155002512", "-0.5, -1.6205162643873199193, 1.5598731483480796712",
            "-1, -2.4851210257126413368, 1.9042712333296918229", "-3.9, -11.410393270072435348, 4.3409311612440071568",
            "-4, -11.849061577550663111, 4.4324837418731182906", "-4.1, -12.296899546413044796, 4.5243221854833483434",
            "-6, -22.578879392169797367, 6.309840773209831577", "-10, -55.553122036122355927, 10.194383033412553306",
            "-30, -457.72465376059800405, 30.066446154162418902", "-100, -5010.1295788002497923, 100.01999400419586505",
            "-1000, -500014.73445209115845, 1000.001999994000042"})
    void logExpectedImprovementKeepsFullPrecisionWhereExpectedImprovementUnderflows(double z, double logH, double slope) {
        assertEquals(logH, LogExpectedImprovement.logH(z), 1e-10 * Math.max(1, Math.abs(logH)));
        assertEquals(slope, LogExpectedImprovement.dLogH(z), 1e-9 * slope);
    }
}

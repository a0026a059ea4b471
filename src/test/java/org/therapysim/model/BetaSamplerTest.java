package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The trait sampler's Beta draws: from the right distribution, and, since they follow the same
 * published algorithm as Commons Math's sampler, draw for draw the same values from the same
 * uniforms (up to the last bits of a logarithm).
 */
class BetaSamplerTest {
    private static final int DRAWS = 50_000;

    /** Shapes of both of Cheng's algorithms (BB: both above 1; BC: either at most 1), each way round. */
    @ParameterizedTest
    @CsvSource({"2.5, 6.0", "6.0, 2.5", "3.0, 3.0", "0.4, 2.0", "2.0, 0.4", "0.5, 0.5", "1.0, 7.0", "0.9, 30.0"})
    void drawsFollowTheBetaDistributionAndMatchTheLibrarysSampler(final double p, final double q) {
        final BetaSampler sampler = new BetaSampler(p, q);
        final RandomGenerator ours = RandomStreams.generator(42);
        final BetaDistribution library = new BetaDistribution(new RandomAdapter(RandomStreams.generator(42)), p, q);
        final double[] draws = new double[DRAWS];
        double largestDifference = 0;
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = sampler.sample(ours);
            largestDifference = Math.max(largestDifference, Math.abs(draws[i] - library.sample()));
        }
        assertTrue(largestDifference < 1e-15, "largest difference from the library's draw: " + largestDifference);
        final double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new BetaDistribution(p, q), draws);
        assertTrue(pValue > 1e-3, "Kolmogorov-Smirnov p = " + pValue);
        double mean = 0;
        for (final double d : draws) {
            mean += d / DRAWS;
        }
        final double sd = Math.sqrt(p * q / ((p + q) * (p + q) * (p + q + 1)));
        assertEquals(p / (p + q), mean, 4 * sd / Math.sqrt(DRAWS), "mean");
    }

    @Test
    void shapesMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new BetaSampler(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BetaSampler(1, Double.NaN));
    }
}

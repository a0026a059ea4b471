package org.therapysim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.therapysim.scenario.UncertainParameter.Family;

/**
 * Each family by moments and by bounds, against closed forms: the method-of-moments parameters
 * (Briggs, Claxton and Sculpher 2006), quantile functions or distribution functions that can be
 * written down (normal, lognormal, exponential, Erlang, beta with whole-number shapes, uniform), and
 * the mean and standard deviation of the fitted distribution, integrated over its quantile function.
 */
class UncertainParameterByHandTest {
    private static final double NA = Double.NaN;
    /** z(0.975) of the standard normal, from tables: 1.959964. */
    private static final double Z = 1.959963984540054;
    /** Phi(1) of the standard normal, from tables: 0.8413447. */
    private static final double PHI_1 = 0.8413447460685429;
    private static final double[] PROBABILITIES = {0.025, 0.25, 0.5, 0.75, 0.975};

    private static UncertainParameter moments(final Family family, final double mean, final double sd) {
        return new UncertainParameter("x.y", family, mean, sd, NA, NA);
    }

    private static UncertainParameter bounds(final Family family, final double low, final double high) {
        return new UncertainParameter("x.y", family, NA, NA, low, high);
    }

    /**
     * Mean and standard deviation of the distribution: {@code E[X^j] = integral of Q(Phi(z))^j phi(z) dz}
     * (the quantile function at the standard normal's probabilities), by the trapezoid rule over z in
     * [-6, 6] in steps of 0.01 (bounded work; the mass beyond is 2e-9 and the tails of skewed families
     * are resolved, as they are not by equal steps in p).
     */
    private static double[] meanAndSd(final UncertainParameter q) {
        final int steps = 1200;
        final double h = 12.0 / steps;
        double m1 = 0;
        double m2 = 0;
        for (int i = 0; i <= steps; i++) {
            final double z = -6 + i * h;
            final double weight = (i == 0 || i == steps ? 0.5 : 1.0) * h * Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            final double x = q.quantile(0.5 * Erf.erfc(-z / Math.sqrt(2)));
            m1 += weight * x;
            m2 += weight * x * x;
        }
        return new double[] {m1, Math.sqrt(m2 - m1 * m1)};
    }

    private static void assertMeanAndSd(final UncertainParameter q, final double mean, final double sd,
            final double relative) {
        final double[] ms = meanAndSd(q);
        assertEquals(mean, ms[0], relative * Math.abs(mean), q + ": mean");
        assertEquals(sd, ms[1], relative * sd, q + ": sd");
    }

    private static void assertRefused(final String key, final Family family, final double mean, final double sd,
            final double low, final double high) {
        final InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new UncertainParameter("x.y", family, mean, sd, low, high));
        assertTrue(e.getMessage().startsWith(key + " = "), e.getMessage());
    }

    // ---- by mean and sd

    @Test
    void normalByMomentsIsMeanPlusZTimesSd() {
        final UncertainParameter q = moments(Family.NORMAL, 10, 2);
        assertEquals(10 - 2 * Z, q.quantile(0.025), 1e-9);
        assertEquals(10, q.quantile(0.5), 1e-9);
        assertEquals(12, q.quantile(PHI_1), 1e-9, "one sd above the mean");
        assertEquals(10 + 2 * Z, q.quantile(0.975), 1e-9);
        assertMeanAndSd(q, 10, 2, 1e-5);
        // A normal may have a negative mean.
        assertEquals(-5, moments(Family.NORMAL, -5, 1).quantile(0.5), 1e-9);
    }

    @Test
    void lognormalByMomentsFollowsTheMethodOfMoments() {
        // mean 100, sd 30: sigma^2 = ln(1 + 900 / 10000) = ln 1.09 = 0.0861777; mu = ln 100 - sigma^2 / 2
        // = 4.6051702 - 0.0430888 = 4.5620813; median exp(mu) = 100 / sqrt(1.09) = 95.782629.
        final UncertainParameter q = moments(Family.LOGNORMAL, 100, 30);
        final double sigma2 = Math.log(1.09);
        final double mu = Math.log(100) - sigma2 / 2;
        assertEquals(95.782629, q.quantile(0.5), 1e-5);
        // Back from two quantiles: mu = ln Q(0.5), sigma = (ln Q(0.975) - mu) / z.
        assertEquals(mu, Math.log(q.quantile(0.5)), 1e-9);
        assertEquals(Math.sqrt(sigma2), (Math.log(q.quantile(0.975)) - mu) / Z, 1e-9);
        assertEquals(Math.exp(mu - Z * Math.sqrt(sigma2)), q.quantile(0.025), 1e-7);
        assertMeanAndSd(q, 100, 30, 1e-5);
    }

    @Test
    void gammaByMomentsWithEqualMeanAndSdIsExponential() {
        // mean = sd = 3: shape 9 / 9 = 1, scale 9 / 3 = 3: Q(p) = -3 ln(1 - p).
        final UncertainParameter q = moments(Family.GAMMA, 3, 3);
        for (final double p : PROBABILITIES) {
            assertEquals(-3 * Math.log(1 - p), q.quantile(p), 1e-7, "p " + p);
        }
        assertEquals(3 * Math.log(2), q.quantile(0.5), 1e-7, "median 3 ln 2 = 2.0794415");
        assertMeanAndSd(q, 3, 3, 1e-5);
    }

    @Test
    void gammaByMomentsHasShapeMeanSquaredOverVariance() {
        // mean 2, sd 1: shape 4 / 1 = 4, scale 1 / 2 = 0.5, an Erlang distribution:
        // F(x) = 1 - exp(-y) (1 + y + y^2 / 2 + y^3 / 6), y = x / 0.5.
        final UncertainParameter q = moments(Family.GAMMA, 2, 1);
        for (final double p : PROBABILITIES) {
            final double y = q.quantile(p) / 0.5;
            assertEquals(p, 1 - Math.exp(-y) * (1 + y + y * y / 2 + y * y * y / 6), 1e-9, "p " + p);
        }
        assertMeanAndSd(q, 2, 1, 1e-5);
    }

    @Test
    void betaByMomentsHasShapesFromTheMethodOfMoments() {
        // mean 0.4, sd 0.2: k = 0.4 x 0.6 / 0.04 - 1 = 5; a = 0.4 x 5 = 2, b = 0.6 x 5 = 3.
        // F(x) of Beta(2, 3) = sum over j = 2..4 of C(4, j) x^j (1 - x)^(4 - j).
        final UncertainParameter q = moments(Family.BETA, 0.4, 0.2);
        for (final double p : PROBABILITIES) {
            final double x = q.quantile(p);
            final double f = 6 * x * x * (1 - x) * (1 - x) + 4 * x * x * x * (1 - x) + x * x * x * x;
            assertEquals(p, f, 1e-9, "p " + p);
        }
        assertMeanAndSd(q, 0.4, 0.2, 1e-5);
        // mean 1/3, sd^2 = 1/18: k = (2/9) x 18 - 1 = 3; a = 1, b = 2: Q(p) = 1 - sqrt(1 - p).
        final UncertainParameter oneTwo = moments(Family.BETA, 1.0 / 3, Math.sqrt(1.0 / 18));
        for (final double p : PROBABILITIES) {
            assertEquals(1 - Math.sqrt(1 - p), oneTwo.quantile(p), 1e-9, "p " + p);
        }
    }

    // ---- by low and high (2.5th and 97.5th percentiles; a uniform's range)

    @Test
    void uniformByBoundsIsItsRange() {
        final UncertainParameter q = bounds(Family.UNIFORM, 2, 4);
        // Q(p) = 2 + 2p.
        assertEquals(2.05, q.quantile(0.025), 1e-12);
        assertEquals(3, q.quantile(0.5), 1e-12);
        assertEquals(3.95, q.quantile(0.975), 1e-12);
        // Mean 3, sd = range / sqrt(12) = 0.5773503.
        assertMeanAndSd(q, 3, 2 / Math.sqrt(12), 1e-6);
        assertEquals(-1.5, bounds(Family.UNIFORM, -2, -1).quantile(0.5), 1e-12, "negative bounds are fine");
    }

    @Test
    void normalByBoundsIsCentredWithSdFromTheWidth() {
        // mean (6 + 14) / 2 = 10, sd (14 - 6) / (2 x 1.959964) = 2.0408539.
        final UncertainParameter q = bounds(Family.NORMAL, 6, 14);
        final double sd = 8 / (2 * Z);
        assertEquals(2.0408539, sd, 1e-7);
        assertEquals(6, q.quantile(0.025), 1e-9);
        assertEquals(10, q.quantile(0.5), 1e-9);
        assertEquals(10 + sd, q.quantile(PHI_1), 1e-9);
        assertEquals(14, q.quantile(0.975), 1e-9);
        assertMeanAndSd(q, 10, sd, 1e-5);
        assertEquals(-1, bounds(Family.NORMAL, -3, 1).quantile(0.5), 1e-9, "negative bounds are fine");
    }

    @Test
    void lognormalByBoundsIsNormalOnTheLogScale() {
        // mu = (ln 2 + ln 50) / 2 = ln 10: median 10; sigma = ln 25 / (2 x 1.959964) = 0.8211569.
        final UncertainParameter q = bounds(Family.LOGNORMAL, 2, 50);
        final double sigma = Math.log(25) / (2 * Z);
        assertEquals(0.8211569, sigma, 1e-7);
        assertEquals(2, q.quantile(0.025), 1e-7);
        assertEquals(10, q.quantile(0.5), 1e-7);
        assertEquals(50, q.quantile(0.975), 1e-6);
        // Mean exp(mu + sigma^2 / 2) = 10 exp(0.3371495) = 14.0096; sd = mean sqrt(exp(sigma^2) - 1) =
        // 14.0096 x sqrt(0.9626831) = 13.7454.
        final double mean = 10 * Math.exp(sigma * sigma / 2);
        assertMeanAndSd(q, mean, mean * Math.sqrt(Math.exp(sigma * sigma) - 1), 1e-5);
    }

    @Test
    void gammaByBoundsRecoversTheExponentialWithThosePercentiles() {
        // The exponential with mean 1 (gamma shape 1, scale 1) has 2.5th percentile -ln 0.975 =
        // 0.0253178 and 97.5th percentile -ln 0.025 = 3.6888795; its median is ln 2 = 0.6931472.
        final double low = -Math.log(0.975);
        final double high = -Math.log(0.025);
        final UncertainParameter q = bounds(Family.GAMMA, low, high);
        assertEquals(low, q.quantile(0.025), 1e-4 * (high - low));
        assertEquals(high, q.quantile(0.975), 1e-4 * (high - low));
        assertEquals(Math.log(2), q.quantile(0.5), 1e-3);
        assertMeanAndSd(q, 1, 1, 1e-3);
    }

    @Test
    void betaByBoundsRecoversTheBetaWithThosePercentiles() {
        // Beta(1, 2): Q(p) = 1 - sqrt(1 - p): 2.5th percentile 1 - sqrt(0.975) = 0.0125791, 97.5th
        // 1 - sqrt(0.025) = 0.8418861, median 1 - sqrt(0.5) = 0.2928932; mean 1/3, sd sqrt(1/18).
        final double low = 1 - Math.sqrt(0.975);
        final double high = 1 - Math.sqrt(0.025);
        final UncertainParameter q = bounds(Family.BETA, low, high);
        assertEquals(low, q.quantile(0.025), 1e-4 * (high - low));
        assertEquals(high, q.quantile(0.975), 1e-4 * (high - low));
        assertEquals(1 - Math.sqrt(0.5), q.quantile(0.5), 1e-3);
        assertMeanAndSd(q, 1.0 / 3, Math.sqrt(1.0 / 18), 1e-3);
    }

    // ---- refusals

    @Test
    void eitherMomentsOrBoundsMustBeGivenNotBothNorNeither() {
        assertRefused("distribution", Family.NORMAL, 1, 0.1, 0, 2);
        assertRefused("distribution", Family.NORMAL, 1, NA, NA, 2);
        assertRefused("distribution", Family.NORMAL, NA, NA, NA, NA);
        assertRefused("distribution", null, 1, 0.1, NA, NA);
        assertRefused("key", Family.NORMAL, 1, 0.1, NA, NA, " ");
        // Half of a pair is not enough.
        assertRefused("sd", Family.NORMAL, 1, NA, NA, NA);
        assertRefused("mean", Family.NORMAL, NA, 0.1, NA, NA);
        assertRefused("high", Family.NORMAL, NA, NA, 1, NA);
        assertRefused("low", Family.NORMAL, NA, NA, NA, 1);
    }

    private static void assertRefused(final String key, final Family family, final double mean, final double sd,
            final double low, final double high, final String parameterKey) {
        final InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new UncertainParameter(parameterKey, family, mean, sd, low, high));
        assertTrue(e.getMessage().startsWith(key + " = "), e.getMessage());
    }

    @Test
    void momentsOutsideAFamilysRangeAreRefused() {
        assertRefused("sd", Family.NORMAL, 1, 0, NA, NA);
        assertRefused("sd", Family.NORMAL, 1, -0.1, NA, NA);
        assertRefused("mean", Family.NORMAL, Double.POSITIVE_INFINITY, 0.1, NA, NA);
        assertRefused("mean", Family.UNIFORM, 1, 0.1, NA, NA);
        assertRefused("mean", Family.GAMMA, 0, 1, NA, NA);
        assertRefused("mean", Family.GAMMA, -2, 1, NA, NA);
        assertRefused("mean", Family.LOGNORMAL, 0, 1, NA, NA);
        assertRefused("mean", Family.LOGNORMAL, -2, 1, NA, NA);
        // Beta: 0 < mean < 1 and sd^2 < mean (1 - mean); at the edge (0.5, sd 0.5: 0.25 = 0.25) refused.
        assertRefused("sd", Family.BETA, 0, 0.1, NA, NA);
        assertRefused("sd", Family.BETA, 1, 0.1, NA, NA);
        assertRefused("sd", Family.BETA, 1.2, 0.1, NA, NA);
        assertRefused("sd", Family.BETA, 0.5, 0.5, NA, NA);
        // Just inside: 0.49^2 = 0.2401 < 0.25, k = 0.25 / 0.2401 - 1 = 0.0412: a U-shaped beta, median 0.5.
        assertEquals(0.5, moments(Family.BETA, 0.5, 0.49).quantile(0.5), 1e-9);
        // The smallest positive mean is accepted for gamma and lognormal.
        assertTrue(moments(Family.GAMMA, 0.01, 0.01).quantile(0.5) > 0);
        assertTrue(moments(Family.LOGNORMAL, 0.01, 0.01).quantile(0.5) > 0);
    }

    @Test
    void boundsOutsideAFamilysRangeAreRefused() {
        assertRefused("high", Family.NORMAL, NA, NA, 3, 3);
        assertRefused("high", Family.NORMAL, NA, NA, 3, 2);
        assertRefused("high", Family.UNIFORM, NA, NA, 3, 2);
        assertRefused("low", Family.NORMAL, NA, NA, Double.NEGATIVE_INFINITY, 2);
        assertRefused("high", Family.NORMAL, NA, NA, 1, Double.POSITIVE_INFINITY);
        for (final Family positive : new Family[] {Family.GAMMA, Family.LOGNORMAL, Family.BETA}) {
            assertRefused("low", positive, NA, NA, 0, 0.5);
            assertRefused("low", positive, NA, NA, -0.1, 0.5);
        }
        assertRefused("high", Family.BETA, NA, NA, 0.5, 1);
        assertRefused("high", Family.BETA, NA, NA, 0.5, 1.2);
    }

    @Test
    void boundsWhosePercentilesCannotBeComputedAreRefusedWithTheRule() {
        // Percentiles 1e-200 and 1e300 (a gamma with a vanishing shape) and 1e-300 and 1e-299 (a beta
        // pressed against 0): the distribution library cannot compute the percentiles of the
        // candidates; the pair is refused with the rule, not with the library's failure.
        final InvalidValueException gamma = assertThrows(InvalidValueException.class,
                () -> bounds(Family.GAMMA, 1e-200, 1e300));
        assertTrue(gamma.getMessage().contains("no gamma has 2.5th and 97.5th percentiles"), gamma.getMessage());
        final InvalidValueException beta = assertThrows(InvalidValueException.class,
                () -> bounds(Family.BETA, 1e-300, 1e-299));
        assertTrue(beta.getMessage().contains("no beta has 2.5th and 97.5th percentiles"), beta.getMessage());
    }

    // ---- what the parameter says about itself

    @Test
    void theParameterDescribesItselfAndComparesByValue() {
        final UncertainParameter byMoments = new UncertainParameter("plan.copay", Family.GAMMA, 0.8, 0.2, NA, NA);
        assertEquals("plan.copay", byMoments.key());
        assertEquals(Family.GAMMA, byMoments.distribution());
        assertEquals(0.8, byMoments.mean(), 0.0);
        assertEquals(0.2, byMoments.sd(), 0.0);
        assertTrue(Double.isNaN(byMoments.low()));
        assertTrue(Double.isNaN(byMoments.high()));
        assertEquals("gamma(mean 0.8, sd 0.2)", byMoments.describe());
        assertEquals("plan.copay ~ gamma(mean 0.8, sd 0.2)", byMoments.toString());
        final UncertainParameter byBounds = new UncertainParameter("a.b", Family.UNIFORM, NA, NA, 0.55, 0.65);
        assertEquals(0.55, byBounds.low(), 0.0);
        assertEquals(0.65, byBounds.high(), 0.0);
        assertTrue(Double.isNaN(byBounds.mean()));
        assertTrue(Double.isNaN(byBounds.sd()));
        assertEquals("uniform(0.55 to 0.65)", byBounds.describe());

        final UncertainParameter same = new UncertainParameter("plan.copay", Family.GAMMA, 0.8, 0.2, NA, NA);
        assertEquals(byMoments, same);
        assertEquals(byMoments.hashCode(), same.hashCode());
        // The hash depends on the values (Objects.hash of key, family and the four numbers).
        assertNotEquals(byMoments.hashCode(), byBounds.hashCode());
        assertNotEquals(byMoments, new UncertainParameter("plan.other", Family.GAMMA, 0.8, 0.2, NA, NA));
        assertNotEquals(byMoments, new UncertainParameter("plan.copay", Family.LOGNORMAL, 0.8, 0.2, NA, NA));
        assertNotEquals(byMoments, new UncertainParameter("plan.copay", Family.GAMMA, 0.9, 0.2, NA, NA));
        assertNotEquals(byMoments, new UncertainParameter("plan.copay", Family.GAMMA, 0.8, 0.3, NA, NA));
        assertNotEquals(byBounds, new UncertainParameter("a.b", Family.UNIFORM, NA, NA, 0.5, 0.65));
        assertNotEquals(byBounds, new UncertainParameter("a.b", Family.UNIFORM, NA, NA, 0.55, 0.7));
        assertNotEquals(byMoments, "plan.copay");
    }

    @Test
    void familiesAreNamedInAnyCase() {
        assertEquals(Family.LOGNORMAL, Family.of(" LogNormal "));
        assertEquals(Family.BETA, Family.of("beta"));
        assertThrows(IllegalArgumentException.class, () -> Family.of("weibull"));
    }
}

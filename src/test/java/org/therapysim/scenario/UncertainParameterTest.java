package org.therapysim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Distributions of uncertain inputs, by moments and by bounds. */
class UncertainParameterTest {
    private static final double NA = Double.NaN;

    private static UncertainParameter p(final UncertainParameter.Family family, final double mean, final double sd,
            final double low, final double high) {
        return new UncertainParameter("k", family, mean, sd, low, high);
    }

    @Test
    void momentsGiveTheMeanAndSd() {
        // Beta(mean 0.29, sd 0.05): a = 0.29 k, b = 0.71 k, k = 0.29 x 0.71 / 0.0025 - 1 = 81.36.
        final UncertainParameter beta = p(UncertainParameter.Family.BETA, 0.29, 0.05, NA, NA);
        assertEquals(0.29, beta.quantile(0.5), 0.005, "median near the mean for a near-symmetric beta");
        final UncertainParameter normal = p(UncertainParameter.Family.NORMAL, 10, 2, NA, NA);
        assertEquals(10 + 1.959963984540054 * 2, normal.quantile(0.975), 1e-9);
        final UncertainParameter lognormal = p(UncertainParameter.Family.LOGNORMAL, 100, 30, NA, NA);
        final double s2 = Math.log1p(0.09);
        assertEquals(Math.exp(Math.log(100) - s2 / 2), lognormal.quantile(0.5), 1e-6, "median exp(mu)");
    }

    @Test
    void boundsAreThe2point5thAnd97point5thPercentiles() {
        for (final UncertainParameter.Family family : new UncertainParameter.Family[] {
            UncertainParameter.Family.NORMAL, UncertainParameter.Family.LOGNORMAL, UncertainParameter.Family.GAMMA,
            UncertainParameter.Family.BETA}) {
            final UncertainParameter q = p(family, NA, NA, 0.15, 0.45);
            assertEquals(0.15, q.quantile(0.025), 1e-4, family + " low");
            assertEquals(0.45, q.quantile(0.975), 1e-4, family + " high");
        }
        final UncertainParameter uniform = p(UncertainParameter.Family.UNIFORM, NA, NA, 2, 4);
        assertEquals(2.05, uniform.quantile(0.025), 1e-12, "a uniform's bounds are its range");
        // A skewed gamma: costs from 2,000 to 20,000.
        final UncertainParameter cost = p(UncertainParameter.Family.GAMMA, NA, NA, 2000, 20000);
        assertEquals(2000, cost.quantile(0.025), 0.5);
        assertEquals(20000, cost.quantile(0.975), 2);
    }

    @Test
    void impossibleDistributionsAreRefusedWithTheirRule() {
        final InvalidValueException beta = assertThrows(InvalidValueException.class,
                () -> p(UncertainParameter.Family.BETA, NA, NA, 0.5, 1.2));
        assertTrue(beta.getMessage().contains("below 1"), beta.getMessage());
        assertThrows(InvalidValueException.class, () -> p(UncertainParameter.Family.BETA, 0.5, 0.6, NA, NA));
        assertThrows(InvalidValueException.class, () -> p(UncertainParameter.Family.GAMMA, NA, NA, -1, 3));
        assertThrows(InvalidValueException.class, () -> p(UncertainParameter.Family.UNIFORM, 1, 0.1, NA, NA));
        assertThrows(InvalidValueException.class, () -> p(UncertainParameter.Family.NORMAL, 1, 0.1, 0, 2));
        assertThrows(InvalidValueException.class, () -> p(UncertainParameter.Family.NORMAL, NA, NA, 3, 2));
    }
}

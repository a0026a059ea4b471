package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Student-t intervals over replications against hand arithmetic: {@code mean +- t(0.975, n - 1) x
 * sd / sqrt(n)}, with the sample standard deviation (divisor n - 1) and the two-sided 97.5th
 * percentiles of Student's t from tables: 12.7062047 (1 df), 4.3026527 (2 df), 3.1824463 (3 df),
 * 2.7764451 (4 df), 2.0452296 (29 df).
 */
class MetricSummaryTest {
    private static final double T1 = 12.7062047361747;
    private static final double T2 = 4.30265272974946;
    private static final double T4 = 2.77644510519779;
    private static final double T29 = 2.04522964213270;

    private static void assertSummary(final MetricSummary s, final double mean, final double sd, final double half,
            final long n) {
        assertEquals(mean, s.mean(), 1e-12, "mean");
        assertEquals(sd, s.sd(), 1e-12, "sd");
        assertEquals(mean - half, s.ciLow(), 1e-6, "lower limit");
        assertEquals(mean + half, s.ciHigh(), 1e-6, "upper limit");
        assertEquals(n, s.n(), "n");
    }

    private static void assertUndefined(final double value, final String what) {
        assertTrue(Double.isNaN(value), what + ": " + value);
    }

    @Test
    void theLevelIsNinetyFivePercent() {
        assertEquals(0.95, MetricSummary.LEVEL, 0.0);
    }

    @Test
    void fiveReplicationsUseTheTQuantileForFourDegreesOfFreedom() {
        // 1..5: mean 3; squared deviations 4 + 1 + 0 + 1 + 4 = 10; sd = sqrt(10 / 4) = 1.5811388.
        // Half-width 2.7764451 x 1.5811388 / sqrt(5) = 2.7764451 x 0.7071068 = 1.9632432.
        final MetricSummary s = MetricSummary.of(new double[] {5, 1, 4, 2, 3});
        assertSummary(s, 3, Math.sqrt(2.5), T4 * Math.sqrt(0.5), 5);
        assertEquals(1.0367568, s.ciLow(), 1e-6);
        assertEquals(4.9632432, s.ciHigh(), 1e-6);
    }

    @Test
    void twoReplicationsUseTheTQuantileForOneDegreeOfFreedom() {
        // 1 and 3: mean 2, sd = sqrt((1 + 1) / 1) = sqrt(2); half-width 12.7062047 x sqrt(2) / sqrt(2).
        assertSummary(MetricSummary.of(new double[] {1, 3}), 2, Math.sqrt(2), T1, 2);
    }

    @Test
    void threeReplicationsUseTheTQuantileForTwoDegreesOfFreedom() {
        // 2, 4, 9: mean 5; squared deviations 9 + 1 + 16 = 26; sd = sqrt(13); half-width
        // 4.3026527 x sqrt(13 / 3) = 4.3026527 x 2.0816660 = 8.9566859.
        final MetricSummary s = MetricSummary.of(new double[] {2, 4, 9});
        assertSummary(s, 5, Math.sqrt(13), T2 * Math.sqrt(13.0 / 3), 3);
        assertEquals(5 - 8.9566859, s.ciLow(), 1e-6);
    }

    @Test
    void thirtyReplicationsUseTheTQuantileForTwentyNineDegreesOfFreedom() {
        // 0, 1, 0, 1, ...: mean 0.5; squared deviations 30 x 0.25 = 7.5; sd = sqrt(7.5 / 29).
        final double[] values = new double[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2;
        }
        final double sd = Math.sqrt(7.5 / 29);
        assertSummary(MetricSummary.of(values), 0.5, sd, T29 * sd / Math.sqrt(30), 30);
    }

    @Test
    void equalValuesGiveAZeroWidthInterval() {
        assertSummary(MetricSummary.of(new double[] {4, 4, 4}), 4, 0, 0, 3);
    }

    @Test
    void oneValueHasAMeanButNoSpreadAndNoValueHasNothing() {
        final MetricSummary one = MetricSummary.of(new double[] {7.5});
        assertEquals(7.5, one.mean(), 0.0);
        assertEquals(1, one.n());
        assertUndefined(one.sd(), "sd of one");
        assertUndefined(one.ciLow(), "lower limit of one");
        assertUndefined(one.ciHigh(), "upper limit of one");
        for (final MetricSummary none : new MetricSummary[] {MetricSummary.of(new double[0]),
            MetricSummary.of(new double[] {Double.NaN, Double.NaN})}) {
            assertEquals(0, none.n());
            assertUndefined(none.mean(), "mean of none");
            assertUndefined(none.sd(), "sd of none");
            assertUndefined(none.ciLow(), "lower limit of none");
            assertUndefined(none.ciHigh(), "upper limit of none");
        }
    }

    @Test
    void undefinedAndInfiniteValuesAreLeftOut() {
        // Left: 1 and 3, as in the two-replication case.
        assertSummary(MetricSummary.of(new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY}), 2, Math.sqrt(2), T1, 2);
        final MetricSummary one = MetricSummary.of(new double[] {Double.NaN, 6});
        assertEquals(6, one.mean(), 0.0);
        assertEquals(1, one.n());
        assertUndefined(one.sd(), "sd of one finite value");
    }

    @Test
    void pairedDifferencesAreSummarisedReplicationByReplication() {
        // Arm 10, 12, 15 against 9, 10, 11: differences 1, 2, 4; mean 7/3; squared deviations
        // 16/9 + 1/9 + 25/9 = 42/9; sd = sqrt(42/18) = sqrt(7/3). The unpaired spread of the arm alone
        // (sd 2.52) would be wider.
        final MetricSummary d = MetricSummary.paired(new double[] {10, 12, 15}, new double[] {9, 10, 11});
        assertSummary(d, 7.0 / 3, Math.sqrt(7.0 / 3), T2 * Math.sqrt(7.0 / 3) / Math.sqrt(3), 3);
        // A replication undefined in either arm drops out of the pairs.
        final MetricSummary two = MetricSummary.paired(new double[] {10, Double.NaN, 15}, new double[] {9, 10, 11});
        // Differences 1 and 4: mean 2.5, sd = sqrt(2 x 1.5^2 / 1) = 2.1213203.
        assertSummary(two, 2.5, Math.sqrt(4.5), T1 * Math.sqrt(4.5) / Math.sqrt(2), 2);
        // Identical arms: zero difference with a zero-width interval.
        assertSummary(MetricSummary.paired(new double[] {3, 5}, new double[] {3, 5}), 0, 0, 0, 2);
        // A single pair: a mean, no interval.
        final MetricSummary single = MetricSummary.paired(new double[] {8}, new double[] {5});
        assertEquals(3, single.mean(), 0.0);
        assertEquals(1, single.n());
        assertUndefined(single.ciLow(), "interval of one pair");
        // The difference is arm minus reference, not the other way round.
        assertEquals(-3, MetricSummary.paired(new double[] {5}, new double[] {8}).mean(), 0.0);
    }

    @Test
    void aShareKeepsItsIntervalInsideZeroToOne() {
        // 0.63 and 1.00: mean 0.815, sd = sqrt(2 x 0.185^2) = 0.2616295; half-width 12.7062047 x
        // 0.2616295 / sqrt(2) = 12.7062047 x 0.185 = 2.3506479. The t interval [-1.5356, 3.1656] is cut
        // to [0, 1]; the mean and sd are untouched.
        final MetricSummary s = MetricSummary.of(new double[] {0.63, 1.0}, 0, 1);
        assertEquals(0.815, s.mean(), 1e-12);
        assertEquals(Math.sqrt(2) * 0.185, s.sd(), 1e-12);
        assertEquals(0, s.ciLow(), 0.0);
        assertEquals(1, s.ciHigh(), 0.0);
        // 0.90, 0.96, 0.99, 1.00, 1.00: mean 0.97; squared deviations 0.0049 + 0.0001 + 0.0004 + 0.0009
        // + 0.0009 = 0.0072; sd = sqrt(0.0018) = 0.0424264; half-width 2.7764451 x 0.0424264 / sqrt(5) =
        // 0.0526797: [0.9173203, 1.0226797], the upper end cut to 1.
        final MetricSummary high = MetricSummary.of(new double[] {0.90, 0.96, 0.99, 1.0, 1.0}, 0, 1);
        assertEquals(0.97 - 0.0526797, high.ciLow(), 1e-6);
        assertEquals(1, high.ciHigh(), 0.0);
        // An interval already inside the range is not changed.
        assertSummary(MetricSummary.of(new double[] {0.2, 0.3, 0.4, 0.5, 0.6}, 0, 1), 0.4,
                Math.sqrt(0.025), T4 * Math.sqrt(0.025) / Math.sqrt(5), 5);
    }

    @Test
    void aDifferenceOfSharesKeepsItsIntervalInsideMinusOneToOne() {
        // Differences 0.9 - 0.0 = 0.9 and 0.5 - 0.1 = 0.4: mean 0.65, sd = sqrt(2 x 0.25^2) = 0.3535534;
        // half-width 12.7062047 x 0.25 = 3.1765512: [-2.5265512, 3.8265512] cut to [-1, 1].
        final MetricSummary d = MetricSummary.paired(new double[] {0.9, 0.5}, new double[] {0.0, 0.1}, 0, 1);
        assertEquals(0.65, d.mean(), 1e-12);
        assertEquals(-1, d.ciLow(), 0.0);
        assertEquals(1, d.ciHigh(), 0.0);
    }

    @Test
    void everyShareMetricIsSummarisedInsideZeroToOne() {
        for (final Metric m : Metric.values()) {
            if (m.isShare() && m != Metric.THERAPIST_VARIANCE_SHARE) {
                assertEquals(0, m.lowest(), 0.0, m.id());
                assertEquals(1, m.highest(), 0.0, m.id());
            }
        }
        // ICC(1) is negative when therapists differ less than chance would make them.
        assertEquals(Double.NEGATIVE_INFINITY, Metric.THERAPIST_VARIANCE_SHARE.lowest(), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, Metric.MEAN_WEEKS_WAITING.highest(), 0.0);
        // A difference of two shares lies in [-1, 1]; a d and a slope have no bound either way.
        assertEquals(-1, Metric.GOOD_ENOUGH_GAP.lowest(), 0.0);
        assertEquals(1, Metric.GOOD_ENOUGH_GAP.highest(), 0.0);
        for (final Metric m : List.of(Metric.RUPTURE_REPAIR_D, Metric.ALLIANCE_SLOPE_BETWEEN,
                Metric.ALLIANCE_SLOPE_WITHIN, Metric.ALLIANCE_SLOPE_GAP)) {
            assertEquals(Double.NEGATIVE_INFINITY, m.lowest(), 0.0, m.id());
            assertEquals(Double.POSITIVE_INFINITY, m.highest(), 0.0, m.id());
        }
    }

    @Test
    void aSummaryScalesAsItsValuesWould() {
        // Values 1, 2, 3 times 1,000: mean 2,000, sd 1,000, the interval's ends times 1,000.
        final MetricSummary s = MetricSummary.of(new double[] {1, 2, 3});
        final MetricSummary k = s.scaled(1000);
        assertEquals(2000, k.mean(), 1e-9);
        assertEquals(1000, k.sd(), 1e-9);
        assertEquals(1000 * s.ciLow(), k.ciLow(), 1e-9);
        assertEquals(1000 * s.ciHigh(), k.ciHigh(), 1e-9);
        assertEquals(3, k.n());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.scaled(-1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.scaled(Double.NaN));
    }
}

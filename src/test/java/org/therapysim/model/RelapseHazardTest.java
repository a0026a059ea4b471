package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.RelapseSpec;

/**
 * Time to relapse, against docs/MODEL.md ("After the episode"): geometric with weekly hazard
 * {@code h = 1 - (1 - risk)^(1/52)} after a planned ending and {@code multiplier x h} after any
 * other. The draw {@code u} is inverted: the relapse falls in week {@code k} (at least 1) exactly
 * when {@code 1 - (1 - h)^(k-1) < u <= 1 - (1 - h)^k}.
 */
class RelapseHazardTest {
    private static final double TINY = 1e-9;

    private static double cdf(final double h, final int k) {
        return 1 - Math.pow(1 - h, k);
    }

    @Test
    void afterAPlannedEndingTheOneYearRiskIsThePublishedOne() {
        final RelapseHazard relapse = new RelapseHazard(TestScenarios.defaults().dynamics().relapse());
        // Defaults: 29% within a year; h = 1 - 0.71^(1/52) = 0.006565..., so that 1 - (1 - h)^52 = 0.29.
        final double h = 1 - Math.pow(0.71, 1.0 / 52.0);
        assertEquals(0.29, cdf(h, 52), 1e-12);
        // A draw just below 0.29 relapses within the year (week 52), just above it in week 53.
        assertEquals(52, relapse.weeksToRelapse(true, 0.29 - TINY));
        assertEquals(53, relapse.weeksToRelapse(true, 0.29 + TINY));
        // The first week: u <= h.
        assertEquals(1, relapse.weeksToRelapse(true, h - TINY));
        assertEquals(2, relapse.weeksToRelapse(true, h + TINY));
        assertEquals(1, relapse.weeksToRelapse(true, 0.0), "at least one week");
        assertEquals(10, relapse.weeksToRelapse(true, cdf(h, 10) - TINY));
        assertEquals(11, relapse.weeksToRelapse(true, cdf(h, 10) + TINY));
    }

    @Test
    void afterAnyOtherEndingTheHazardIsMultiplied() {
        final RelapseHazard relapse = new RelapseHazard(TestScenarios.defaults().dynamics().relapse());
        // Multiplier 1.5: hazard 1.5 x 0.0065648 = 0.0098472, one-year risk 1 - (1 - 0.0098472)^52
        // = 1 - exp(52 x -0.0098960) = 1 - 0.59774 = 0.40226.
        final double h = 1.5 * (1 - Math.pow(0.71, 1.0 / 52.0));
        assertEquals(0.40226, cdf(h, 52), 1e-5);
        assertEquals(52, relapse.weeksToRelapse(false, cdf(h, 52) - TINY));
        assertEquals(53, relapse.weeksToRelapse(false, cdf(h, 52) + TINY));
        assertEquals(1, relapse.weeksToRelapse(false, h - TINY));
        assertEquals(2, relapse.weeksToRelapse(false, h + TINY));
        // The draw 0.29, week 52 after a planned ending, is week 35 after a premature one:
        // 1 - (1 - h)^34 = 0.2857 < 0.29 <= 1 - (1 - h)^35 = 0.2927.
        assertTrue(cdf(h, 34) < 0.29 && 0.29 <= cdf(h, 35));
        assertEquals(35, relapse.weeksToRelapse(false, 0.29));
    }

    @Test
    void noRiskMeansNeverAndAZeroMultiplierMeansNeverAfterAPrematureEnding() {
        final RelapseHazard none = new RelapseHazard(new RelapseSpec(0.0, 1.5));
        assertEquals(Integer.MAX_VALUE, none.weeksToRelapse(true, 0.5));
        assertEquals(Integer.MAX_VALUE, none.weeksToRelapse(false, 0.999));
        final RelapseHazard plannedOnly = new RelapseHazard(new RelapseSpec(0.29, 0.0));
        assertEquals(Integer.MAX_VALUE, plannedOnly.weeksToRelapse(false, 0.999));
        assertEquals(52, plannedOnly.weeksToRelapse(true, 0.29 - TINY));
    }

    @Test
    void aHazardSoSmallThatTheWaitExceedsAnIntegerIsNever() {
        // Risk 1e-12 a year: h = 1.9e-14 a week, and a median wait of ln 2 / h = 3.6e13 weeks.
        final RelapseHazard rare = new RelapseHazard(new RelapseSpec(1e-12, 1.0));
        assertEquals(Integer.MAX_VALUE, rare.weeksToRelapse(true, 0.5));
    }

    @Test
    void theMultipliedHazardStaysBelowOne() {
        // Risk 0.999: h = 1 - 0.001^(1/52) = 0.1244; x 20 = 2.49 is not a probability, so it stops
        // at 0.999. Then week k holds when 1 - 0.001^(k-1) < u <= 1 - 0.001^k:
        // u = 0.9995 lies between 0.999 and 0.999999: week 2.
        final RelapseHazard relapse = new RelapseHazard(new RelapseSpec(0.999, 20.0));
        assertEquals(1, relapse.weeksToRelapse(false, 0.998));
        assertEquals(2, relapse.weeksToRelapse(false, 0.9995));
        assertEquals(3, relapse.weeksToRelapse(false, 0.9999995));
        // The planned hazard is not affected: 1 - (1 - 0.1244)^k reaches 0.5 in week 6
        // (1 - 0.8756^5 = 0.485, 1 - 0.8756^6 = 0.549).
        assertEquals(6, relapse.weeksToRelapse(true, 0.5));
    }
}

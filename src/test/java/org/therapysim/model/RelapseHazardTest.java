package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.InvalidValueException;
import org.therapysim.scenario.RelapseSpec;

/**
 * Time to relapse, against docs/MODEL.md ("After the episode"): geometric with weekly hazard
 * {@code h = 1 - (1 - risk)^(1/52)} after a planned ending without residual symptoms, times the
 * premature-ending multiplier after any other ending, times the residual hazard ratio when the end
 * score is at or above the residual share of caseness, at most 0.999. The draw {@code u} is
 * inverted: the relapse falls in week {@code k} (at least 1) exactly when
 * {@code 1 - (1 - h)^(k-1) < u <= 1 - (1 - h)^k}.
 */
class RelapseHazardTest {
    private static final double TINY = 1e-9;
    /** Defaults: 29% a year; h = 1 - 0.71^(1/52) = 0.0065647. */
    private static final double H = 1 - Math.pow(0.71, 1.0 / 52.0);

    private static double cdf(final double h, final int k) {
        return 1 - Math.pow(1 - h, k);
    }

    private static RelapseHazard defaults() {
        return new RelapseHazard(TestScenarios.defaults().dynamics().relapse());
    }

    @Test
    void afterAPlannedEndingWithoutResidualSymptomsTheOneYearRiskIsThePublishedOne() {
        final RelapseHazard relapse = defaults();
        // h = 1 - 0.71^(1/52) = 0.006565..., so that 1 - (1 - h)^52 = 0.29.
        assertEquals(0.29, cdf(H, 52), 1e-12);
        // A draw just below 0.29 relapses within the year (week 52), just above it in week 53.
        assertEquals(52, relapse.weeksToRelapse(true, false, 0.29 - TINY));
        assertEquals(53, relapse.weeksToRelapse(true, false, 0.29 + TINY));
        // The first week: u <= h.
        assertEquals(1, relapse.weeksToRelapse(true, false, H - TINY));
        assertEquals(2, relapse.weeksToRelapse(true, false, H + TINY));
        assertEquals(1, relapse.weeksToRelapse(true, false, 0.0), "at least one week");
        assertEquals(10, relapse.weeksToRelapse(true, false, cdf(H, 10) - TINY));
        assertEquals(11, relapse.weeksToRelapse(true, false, cdf(H, 10) + TINY));
    }

    @Test
    void afterAnyOtherEndingTheHazardIsMultiplied() {
        final RelapseHazard relapse = defaults();
        // Multiplier 1.5: hazard 1.5 x 0.0065648 = 0.0098472, one-year risk 1 - (1 - 0.0098472)^52
        // = 1 - exp(52 x -0.0098960) = 1 - 0.59774 = 0.40226.
        final double h = 1.5 * H;
        assertEquals(0.40226, cdf(h, 52), 1e-5);
        assertEquals(52, relapse.weeksToRelapse(false, false, cdf(h, 52) - TINY));
        assertEquals(53, relapse.weeksToRelapse(false, false, cdf(h, 52) + TINY));
        assertEquals(1, relapse.weeksToRelapse(false, false, h - TINY));
        assertEquals(2, relapse.weeksToRelapse(false, false, h + TINY));
        // The draw 0.29, week 52 after a planned ending, is week 35 after a premature one:
        // 1 - (1 - h)^34 = 0.2857 < 0.29 <= 1 - (1 - h)^35 = 0.2927.
        assertTrue(cdf(h, 34) < 0.29 && 0.29 <= cdf(h, 35));
        assertEquals(35, relapse.weeksToRelapse(false, false, 0.29));
    }

    @Test
    void residualSymptomsMultiplyTheHazardByTheHazardRatio() {
        final RelapseHazard relapse = defaults();
        // Hazard ratio 1.90 (Ali et al. 2017): after a planned ending 1.9 x 0.0065647 = 0.012473 a
        // week, a one-year risk of 1 - (1 - 0.012473)^52 = 0.4793.
        final double planned = 1.9 * H;
        assertEquals(0.4793, cdf(planned, 52), 1e-4);
        assertEquals(52, relapse.weeksToRelapse(true, true, cdf(planned, 52) - TINY));
        assertEquals(53, relapse.weeksToRelapse(true, true, cdf(planned, 52) + TINY));
        assertEquals(1, relapse.weeksToRelapse(true, true, planned - TINY));
        assertEquals(2, relapse.weeksToRelapse(true, true, planned + TINY));
        // The draw 0.29 (week 52 without residual symptoms) falls in week 28 with them:
        // 1 - (1 - 0.012473)^27 = 0.2874 < 0.29 <= 1 - (1 - 0.012473)^28 = 0.2963.
        assertTrue(cdf(planned, 27) < 0.29 && 0.29 <= cdf(planned, 28));
        assertEquals(28, relapse.weeksToRelapse(true, true, 0.29));
        // Both multipliers after a premature ending: 1.5 x 1.9 = 2.85, h = 0.018709 a week, a
        // one-year risk of 1 - (1 - 0.018709)^52 = 0.6255; the draw 0.29 falls in week 19
        // (1 - 0.981291^18 = 0.2882 < 0.29 <= 1 - 0.981291^19 = 0.3015).
        final double premature = 1.5 * 1.9 * H;
        assertEquals(0.6255, cdf(premature, 52), 1e-4);
        assertTrue(cdf(premature, 18) < 0.29 && 0.29 <= cdf(premature, 19));
        assertEquals(19, relapse.weeksToRelapse(false, true, 0.29));
        assertEquals(52, relapse.weeksToRelapse(false, true, cdf(premature, 52) - TINY));
        assertEquals(53, relapse.weeksToRelapse(false, true, cdf(premature, 52) + TINY));
    }

    @Test
    void theResidualThresholdIsAShareOfCasenessOnEitherMeasure() {
        final RelapseHazard relapse = defaults();
        // Share 0.5: PHQ-9 (caseness 10) from 5 on, Ali et al.'s 5-9; GAD-7 (caseness 8) from 4 on.
        assertTrue(relapse.residual(5, 10));
        assertTrue(relapse.residual(9, 10));
        assertFalse(relapse.residual(4, 10));
        assertFalse(relapse.residual(0, 10));
        assertTrue(relapse.residual(4, 8));
        assertTrue(relapse.residual(7, 8));
        assertFalse(relapse.residual(3, 8));
        // Share 0.55: 5.5 points on the PHQ-9, so 6 is the lowest residual score; 4.4 on the GAD-7: 5.
        final RelapseHazard higher = new RelapseHazard(new RelapseSpec(0.29, 1.5, 1.9, 0.55));
        assertTrue(higher.residual(6, 10));
        assertFalse(higher.residual(5, 10));
        assertTrue(higher.residual(5, 8));
        assertFalse(higher.residual(4, 8));
        // Share 0: every score counts as residual; share 1: no score below caseness does.
        assertTrue(new RelapseHazard(new RelapseSpec(0.29, 1.5, 1.9, 0.0)).residual(0, 10));
        assertFalse(new RelapseHazard(new RelapseSpec(0.29, 1.5, 1.9, 1.0)).residual(9, 10));
    }

    @Test
    void aHazardRatioOfOneLeavesResidualSymptomsWithoutEffectAndZeroMeansNever() {
        final RelapseHazard one = new RelapseHazard(new RelapseSpec(0.29, 1.5, 1.0, 0.5));
        for (final double u : new double[] {0.0, H + TINY, 0.29, 0.6, 0.999}) {
            assertEquals(one.weeksToRelapse(true, false, u), one.weeksToRelapse(true, true, u));
            assertEquals(one.weeksToRelapse(false, false, u), one.weeksToRelapse(false, true, u));
        }
        final RelapseHazard zero = new RelapseHazard(new RelapseSpec(0.29, 1.5, 0.0, 0.5));
        assertEquals(Integer.MAX_VALUE, zero.weeksToRelapse(true, true, 0.999));
        assertEquals(Integer.MAX_VALUE, zero.weeksToRelapse(false, true, 0.999));
        assertEquals(52, zero.weeksToRelapse(true, false, 0.29 - TINY), "without residual symptoms unchanged");
    }

    @Test
    void noRiskMeansNeverAndAZeroMultiplierMeansNeverAfterAPrematureEnding() {
        final RelapseHazard none = new RelapseHazard(new RelapseSpec(0.0, 1.5, 1.9, 0.5));
        assertEquals(Integer.MAX_VALUE, none.weeksToRelapse(true, false, 0.5));
        assertEquals(Integer.MAX_VALUE, none.weeksToRelapse(false, true, 0.999));
        final RelapseHazard plannedOnly = new RelapseHazard(new RelapseSpec(0.29, 0.0, 1.9, 0.5));
        assertEquals(Integer.MAX_VALUE, plannedOnly.weeksToRelapse(false, false, 0.999));
        assertEquals(Integer.MAX_VALUE, plannedOnly.weeksToRelapse(false, true, 0.999));
        assertEquals(52, plannedOnly.weeksToRelapse(true, false, 0.29 - TINY));
    }

    @Test
    void aHazardSoSmallThatTheWaitExceedsAnIntegerIsNever() {
        // Risk 1e-12 a year: h = 1.9e-14 a week, and a median wait of ln 2 / h = 3.6e13 weeks.
        final RelapseHazard rare = new RelapseHazard(new RelapseSpec(1e-12, 1.0, 1.0, 0.5));
        assertEquals(Integer.MAX_VALUE, rare.weeksToRelapse(true, false, 0.5));
    }

    @Test
    void theMultipliedHazardStaysBelowOne() {
        // Risk 0.999: h = 1 - 0.001^(1/52) = 0.1244; x 20 = 2.49 is not a probability, so it stops
        // at 0.999. Then week k holds when 1 - 0.001^(k-1) < u <= 1 - 0.001^k:
        // u = 0.9995 lies between 0.999 and 0.999999: week 2.
        final RelapseHazard relapse = new RelapseHazard(new RelapseSpec(0.999, 20.0, 20.0, 0.5));
        assertEquals(1, relapse.weeksToRelapse(false, false, 0.998));
        assertEquals(2, relapse.weeksToRelapse(false, false, 0.9995));
        assertEquals(3, relapse.weeksToRelapse(false, false, 0.9999995));
        // Residual symptoms after a planned ending: 0.1244 x 20 also stops at 0.999; with both
        // multipliers, 0.1244 x 400 as well.
        assertEquals(2, relapse.weeksToRelapse(true, true, 0.9995));
        assertEquals(2, relapse.weeksToRelapse(false, true, 0.9995));
        // The planned hazard without residual symptoms is not affected: 1 - (1 - 0.1244)^k reaches
        // 0.5 in week 6 (1 - 0.8756^5 = 0.485, 1 - 0.8756^6 = 0.549).
        assertEquals(6, relapse.weeksToRelapse(true, false, 0.5));
    }

    @Test
    void valuesOutsideTheirRangeAreRejectedWithTheKeyNamed() {
        final InvalidValueException ratio = assertThrows(InvalidValueException.class,
                () -> new RelapseSpec(0.29, 1.5, -0.1, 0.5));
        assertTrue(ratio.getMessage().contains("residualHazardRatio"), ratio.getMessage());
        final InvalidValueException share = assertThrows(InvalidValueException.class,
                () -> new RelapseSpec(0.29, 1.5, 1.9, 1.5));
        assertTrue(share.getMessage().contains("residualShareOfCaseness"), share.getMessage());
    }
}

package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.therapysim.scenario.Evaluation;

/**
 * The edges of a patient's evaluation horizon ({@code [arrival, arrival + 52)} here) and each cost
 * of a week, worked by hand: the last week inside counts, the first week after does not.
 */
class HealthAccountHorizonTest {
    private static final double EPS = 1e-9;

    private static HealthAccount account(final int arrival, final double rate, final double wage) {
        return HealthAccountTest.account(arrival, rate, wage);
    }

    private static double[] totals(final HealthAccount account) {
        return HealthAccountTest.totals(account);
    }

    @Test
    void theHorizonEndsFiftyTwoWeeksAfterArrival() {
        assertEquals(62, account(10, 0.0, 0).endWeek());
        assertEquals(52, account(0, 0.0, 0).endWeek());
    }

    @Test
    void theLastWeekOfTheHorizonCountsAndTheNextDoesNot() {
        final HealthAccount a = account(10, 0.0, 0);
        // Week 61 at score 10 (utility 0.8), the 51 weeks before it filled at the same score
        // (no natural improvement): 52 weeks of 0.8 / 52 = 0.8 QALYs.
        a.week(61, 10.0, 0.0);
        assertEquals(0.8, totals(a)[EconomicTotals.QALYS], EPS);
        a.week(62, 0.0, 0.0);
        assertEquals(0.8, totals(a)[EconomicTotals.QALYS], EPS, "week 62 lies after the horizon");
        a.session(61, 70, 30);
        a.session(62, 1000, 1000);
        a.admin(61, 11);
        a.admin(62, 1000);
        a.recovery(62);
        assertEquals(0, totals(a)[EconomicTotals.RECOVERIES], 0.0, "a recovery after the horizon");
        a.recovery(61);
        final double[] t = totals(a);
        assertEquals(70, t[EconomicTotals.PLAN], EPS);
        assertEquals(30, t[EconomicTotals.OUT_OF_POCKET], EPS);
        assertEquals(11, t[EconomicTotals.ADMIN], EPS);
        assertEquals(1, t[EconomicTotals.RECOVERIES], 0.0);
    }

    @Test
    void aWeekLaterThanTheNextFillsTheGapWithTheUntreatedCourseFromThatWeeksScore() {
        final HealthAccount a = account(0, 0.0, 0);
        // Weeks 0, 1, 2 filled from score 20 at 10% a week: 20, 18, 16.2; then week 3 at 20.
        a.week(3, 20.0, 0.1);
        final double medical = 11_300 / 52.0 * (20 + 18 + 16.2 + 20) / 27;
        assertEquals(medical, totals(a)[EconomicTotals.MEDICAL], EPS);
        // Utilities: 20 -> 0.55; 18 -> 0.7 - 0.03 x 3 = 0.61; 16.2 -> 0.7 - 0.03 x 1.2 = 0.664.
        assertEquals((0.55 + 0.61 + 0.664 + 0.55) / 52, totals(a)[EconomicTotals.QALYS], EPS);
        // Asking for week 3 again adds nothing; week 4 adds one week.
        a.week(3, 20.0, 0.1);
        assertEquals(medical, totals(a)[EconomicTotals.MEDICAL], EPS);
        a.week(4, 27.0, 0.1);
        assertEquals(medical + 11_300 / 52.0, totals(a)[EconomicTotals.MEDICAL], EPS);
    }

    @Test
    void paymentsAreDiscountedByTheirWeekAfterArrival() {
        final HealthAccount a = account(20, 0.03, 0);
        // 26 weeks after arrival: 1.03^(-26/52) = 1 / sqrt(1.03).
        a.session(46, 100, 40);
        a.admin(46, 10);
        final double d = 1 / Math.sqrt(1.03);
        assertEquals(100 * d, totals(a)[EconomicTotals.PLAN], EPS);
        assertEquals(40 * d, totals(a)[EconomicTotals.OUT_OF_POCKET], EPS);
        assertEquals(10 * d, totals(a)[EconomicTotals.ADMIN], EPS);
        final double[] f = HealthAccount.factors(new Evaluation(52, 0.03, 100_000, 200_000));
        assertEquals(52, f.length);
        assertEquals(1.0, f[0], 0.0);
        assertEquals(d, f[26], EPS);
        assertEquals(Math.pow(1.03, -51 / 52.0), f[51], EPS);
    }

    @Test
    void productivityLossIsTheWagesShareAtTheScoreAndNeverMoreThanTheWage() {
        final HealthAccount a = account(0, 0.0, 1000);
        // 1.65% a point: 10 points -> 16.5% of 1000.
        assertEquals(165, a.productivityLoss(10), EPS);
        assertEquals(1000 * 0.0165 * 27, a.productivityLoss(27), EPS);
        // Beyond 1 / 0.0165 = 60.6 points the whole wage is lost, not more.
        assertEquals(1000, a.productivityLoss(80), EPS);
        assertEquals(0, account(0, 0.0, 0).productivityLoss(20), 0.0, "no wage, no loss");
        // Other medical cost: 11,300 a year at the maximum, in proportion to the score.
        assertEquals(11_300 / 52.0 * 9 / 27, a.medicalCost(9), EPS);
        assertEquals(0, a.medicalCost(0), 0.0);
    }

    @Test
    void productivityLossAndMedicalCostAccrueEveryWeekDiscounted() {
        final HealthAccount a = account(0, 0.03, 1000);
        // 27 weeks at score 10: 165 of lost output and 11,300 / 52 x 10 / 27 of medical cost a
        // week, week t counting 1.03^(-t/52).
        a.untreatedUntil(27, 10.0, 0.0);
        double weights = 0;
        for (int t = 0; t < 27; t++) {
            weights += Math.pow(1.03, -t / 52.0);
        }
        assertEquals(165 * weights, totals(a)[EconomicTotals.PRODUCTIVITY], EPS);
        assertEquals(11_300 / 52.0 * 10 / 27 * weights, totals(a)[EconomicTotals.MEDICAL], EPS);
    }

    @Test
    void totalsAreAddedToWhatIsAlreadyInTheSum() {
        final HealthAccount a = account(0, 0.0, 0);
        a.session(0, 60, 20);
        final double[] sum = new double[EconomicTotals.FIELDS];
        Arrays.fill(sum, 5.0);
        a.addTo(sum);
        a.addTo(sum);
        assertEquals(5 + 2 * 60, sum[EconomicTotals.PLAN], EPS);
        assertEquals(5 + 2 * 20, sum[EconomicTotals.OUT_OF_POCKET], EPS);
        assertEquals(5.0, sum[EconomicTotals.ADMIN], 0.0);
    }

    @Test
    void theCacheWordReadsTheWeekCounterAndTheQalys() {
        final HealthAccount a = account(10, 0.0, 0);
        assertEquals(10, a.touch(), "next week 10, no QALYs yet");
        // A year at score 0 (utility 1): 1 QALY, next week 62.
        a.untreatedUntil(62, 0.0, 0.0);
        assertEquals(63, a.touch());
    }
}

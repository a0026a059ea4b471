package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.CostSettings;
import org.therapysim.scenario.Evaluation;
import org.therapysim.scenario.Measure;
import org.therapysim.scenario.Scenario;

/** One patient's account over the evaluation horizon, worked by hand. */
class HealthAccountTest {
    private static final Scenario DEFAULTS = TestScenarios.defaults();
    private static final Measure PHQ9 = DEFAULTS.measures().get("PHQ-9");

    /** An account over a 52-week horizon with PHQ-9 and its default utilities (shared with other tests). */
    static HealthAccount account(final int arrival, final double discount, final double wage) {
        return account(arrival, discount, wage, new CostSettings("USD", 2020, 11_300, 0, 0, 0));
    }

    /** As above, with the given cost settings. */
    static HealthAccount account(final int arrival, final double discount, final double wage,
            final CostSettings costs) {
        final Evaluation evaluation = new Evaluation(52, discount, 100_000, 200_000);
        return new HealthAccount(arrival, new HealthAccount.Terms(evaluation, PHQ9, new UtilityCurve(PHQ9.utility()),
                HealthAccount.factors(evaluation), costs), wage);
    }

    /** @return the account's totals (see {@link EconomicTotals}) */
    static double[] totals(final HealthAccount account) {
        final double[] sum = new double[EconomicTotals.FIELDS];
        account.addTo(sum);
        return sum;
    }

    @Test
    void aYearAtOneScoreUndiscountedIsTheUtilityOfThatScore() {
        final HealthAccount a = account(10, 0.0, 1000);
        a.untreatedUntil(10 + 52, 10.0, 0.0);
        final double[] t = totals(a);
        // PHQ-9 10 lies on a knot: utility 0.8; a year of it is 0.8 QALYs.
        assertEquals(0.8, t[EconomicTotals.QALYS], 1e-12);
        assertEquals(52 * 1000 * 0.0165 * 10, t[EconomicTotals.PRODUCTIVITY], 1e-9);
        assertEquals(11_300 * 10.0 / 27, t[EconomicTotals.MEDICAL], 1e-9);
    }

    @Test
    void discountingAndTheUntreatedCourseFollowTheirFormulas() {
        final HealthAccount a = account(0, 0.03, 0);
        a.untreatedUntil(52, 20.0, 0.004);
        double qalys = 0;
        double s = 20.0;
        for (int t = 0; t < 52; t++) {
            // Between the knots (15, 0.7) and (20, 0.55) all year (20 x 0.996^51 = 16.3): 0.03 a point.
            qalys += Math.pow(1.03, -t / 52.0) * (0.55 + 0.03 * (20 - s)) / 52;
            s *= 0.996;
        }
        assertEquals(qalys, totals(a)[EconomicTotals.QALYS], 1e-12);
    }

    @Test
    void onlyWhatFallsInsideTheHorizonCounts() {
        final HealthAccount a = account(5, 0.03, 0);
        a.session(5, 60, 20);
        a.session(5 + 52, 60, 20);
        a.admin(30, 11);
        a.recovery(56);
        a.recovery(57);
        final double[] t = totals(a);
        assertEquals(60, t[EconomicTotals.PLAN], 1e-12, "the first week is not discounted");
        assertEquals(20, t[EconomicTotals.OUT_OF_POCKET], 1e-12);
        assertEquals(11 * Math.pow(1.03, -25 / 52.0), t[EconomicTotals.ADMIN], 1e-12);
        assertEquals(1, t[EconomicTotals.RECOVERIES], 0.0);
        // Weeks lived are counted once however often they are asked for.
        a.week(5, 10.0, 0.0);
        a.week(5, 10.0, 0.0);
        a.untreatedUntil(200, 10.0, 0.0);
        final double[] after = totals(a);
        double expected = 0;
        for (int k = 0; k < 52; k++) {
            expected += Math.pow(1.03, -k / 52.0) * 0.8 / 52;
        }
        assertEquals(expected, after[EconomicTotals.QALYS] - t[EconomicTotals.QALYS], 1e-12);
    }

    @Test
    void theUtilityCurveJoinsItsKnotsWithStraightLines() {
        final UtilityCurve curve = new UtilityCurve(PHQ9.utility());
        assertEquals(1.0, curve.at(0), 0.0);
        assertEquals(0.95, curve.at(2.5), 1e-12);
        assertEquals(0.8, curve.at(10), 1e-12);
        assertEquals(0.625, curve.at(17.5), 1e-12);
        assertEquals(0.55 - 0.55 * 3.5 / 7, curve.at(23.5), 1e-12);
        assertEquals(0.0, curve.at(27), 1e-12);
        assertEquals(1.0, curve.at(-0.4), 0.0, "scores below the range take the first utility");
        assertEquals(0.0, curve.at(27.3), 0.0, "and above it the last");
    }

    @Test
    void thePlanPaysItsShareOfOtherMedicalCosts() {
        // A week at PHQ-9 13.5 (half the range), no discounting: 11,300 / 52 x 0.5 = 108.6538...,
        // of which the plan pays 40%.
        final HealthAccount a = account(0, 0.0, 0, new CostSettings("USD", 2020, 11_300, 0.4, 0, 0));
        a.week(0, 13.5, 0.0);
        final double[] t = totals(a);
        assertEquals(11_300 / 52.0 * 0.5, t[EconomicTotals.MEDICAL], 1e-9);
        assertEquals(0.4 * 11_300 / 52.0 * 0.5, t[EconomicTotals.PLAN_MEDICAL], 1e-9);
    }

    @Test
    void eachSessionCostsThePatientTimeDiscountedLikeThePayments() {
        // 1.5 hours at $20 = $30 a session; sessions in weeks 0 and 52 (the second after the
        // 52-week horizon, so not counted), and in week 26 at 3%: 30 x 1.03^(-0.5).
        final HealthAccount a = account(0, 0.03, 0, new CostSettings("USD", 2020, 0, 0, 1.5, 20));
        a.session(0, 60, 20);
        a.session(26, 60, 20);
        a.session(52, 60, 20);
        final double[] t = totals(a);
        assertEquals(30 + 30 * Math.pow(1.03, -0.5), t[EconomicTotals.TIME], 1e-9);
        assertEquals(20 + 20 * Math.pow(1.03, -0.5), t[EconomicTotals.OUT_OF_POCKET], 1e-9);
    }
}

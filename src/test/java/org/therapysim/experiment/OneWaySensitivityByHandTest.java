package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.model.EndReason;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.UncertainParameter;

/** The outcome a tornado diagram shows, from arms written by hand. */
class OneWaySensitivityByHandTest {
    private static final double EPS = 1e-9;

    private static ArmResult arm(final int index, final Scenario scenario, final double payer, final double employer,
            final double qalys, final double recovery) {
        return arm(index, scenario, payer, employer, new double[] {qalys}, recovery);
    }

    /** One replication per QALY value, the other metrics the same in each. */
    private static ArmResult arm(final int index, final Scenario scenario, final double payer, final double employer,
            final double[] qalys, final double recovery) {
        final List<ReplicationSummary> replications = new ArrayList<>();
        for (int r = 0; r < qalys.length; r++) {
            final Map<Metric, Double> m = new EnumMap<>(Metric.class);
            m.put(Metric.COST_PAYER, payer);
            m.put(Metric.COST_EMPLOYER, employer);
            m.put(Metric.COST_SOCIETAL, employer + 100);
            m.put(Metric.QALYS_PER_PATIENT, qalys[r]);
            m.put(Metric.RECOVERY_RATE, recovery);
            replications.add(new ReplicationSummary(index, r, 1 + r, m, new double[SessionCurves.MAX_SESSION],
                    new double[SessionCurves.MAX_SESSION], new EnumMap<>(EndReason.class), 0));
        }
        return new ArmResult(index, scenario, replications);
    }

    private static ExperimentResult result() {
        final Scenario base = TestScenarios.cohort(100, 10);
        // The outcome is the last arm's against the first; the middle one must not count.
        return new ExperimentResult(null, List.of(
                arm(0, base.withName("reference"), 100, 200, 0.50, 0.40),
                arm(1, base.withName("middle"), 1_000, 5_000, 0.10, 0.10),
                arm(2, base.withName("last"), 150, 260, 0.70, 0.55)), List.of(1));
    }

    /** Two replications: the reference's QALYs 0.5 in both, the arm's as given. */
    private static ExperimentResult twoReplications(final double first, final double second) {
        final Scenario base = TestScenarios.cohort(100, 10);
        return new ExperimentResult(null, List.of(
                arm(0, base.withName("reference"), 100, 200, new double[] {0.50, 0.50}, 0.40),
                arm(1, base.withName("arm"), 150, 260, new double[] {first, second}, 0.55)), List.of(1, 2));
    }

    @Test
    void netBenefitAndIcerAreTheLastArmsAgainstTheReference() {
        final ExperimentResult r = result();
        // Payer: dCost = 150 - 100 = 50, dQALYs = 0.7 - 0.5 = 0.2; NMB at 1,000 = 200 - 50 = 150.
        assertEquals(150, OneWaySensitivity.outcome(r, OneWaySensitivity.Outcome.NMB, Perspective.PAYER, 1000), EPS);
        // Employer: dCost = 260 - 200 = 60; NMB 200 - 60 = 140.
        assertEquals(140, OneWaySensitivity.outcome(r, OneWaySensitivity.Outcome.NMB, Perspective.EMPLOYER, 1000),
                EPS);
        // One replication gives no interval, so no QALY difference is detected and the ICER is undefined.
        assertTrue(Double.isNaN(OneWaySensitivity.outcome(r, OneWaySensitivity.Outcome.ICER, Perspective.PAYER,
                1000)));
        // Two replications, QALY differences 0.19 and 0.21: mean 0.2, sd 0.01414, se 0.01, t(0.975, 1) 12.706,
        // interval 0.2 +- 0.127 = [0.073, 0.327], clear of zero. Payer ICER 50 / 0.2, employer 60 / 0.2.
        final ExperimentResult clear = twoReplications(0.69, 0.71);
        assertEquals(250, OneWaySensitivity.outcome(clear, OneWaySensitivity.Outcome.ICER, Perspective.PAYER, 1000),
                EPS);
        assertEquals(300, OneWaySensitivity.outcome(clear, OneWaySensitivity.Outcome.ICER, Perspective.EMPLOYER,
                1000), EPS);
        // Recovery is the last arm's own rate, not a difference.
        assertEquals(0.55, OneWaySensitivity.outcome(r, OneWaySensitivity.Outcome.RECOVERY, Perspective.PAYER, 1000),
                EPS);
    }

    @Test
    void anIcerWithoutADetectableQalyDifferenceIsUndefined() {
        // QALY differences 0.0 and 0.4: the same mean 0.2 (the ratio would be 250), but sd 0.2828, se 0.2,
        // interval 0.2 +- 12.706 x 0.2 = [-2.34, 2.74], which includes zero.
        final ExperimentResult noisy = twoReplications(0.50, 0.90);
        assertTrue(Double.isNaN(OneWaySensitivity.outcome(noisy, OneWaySensitivity.Outcome.ICER, Perspective.PAYER,
                1000)));
        // The net monetary benefit stays defined: 1,000 x 0.2 - 50.
        assertEquals(150, OneWaySensitivity.outcome(noisy, OneWaySensitivity.Outcome.NMB, Perspective.PAYER, 1000),
                EPS);
    }

    @Test
    void anUndefinedEndIsLeftOutOfTheBarsLength() {
        // Base 250. Low end undefined, high end 400: the bar runs from 250 to 400, 150 long.
        final OneWaySensitivity.Bar half = new OneWaySensitivity.Bar(null, 0, 1, Double.NaN, 400);
        assertTrue(half.partial());
        assertEquals(150, half.extent(250), EPS);
        // Both ends undefined: no bar.
        assertEquals(0, new OneWaySensitivity.Bar(null, 0, 1, Double.NaN, Double.NaN).extent(250), EPS);
        // Both defined: the width between the two ends, as the swing.
        final OneWaySensitivity.Bar whole = new OneWaySensitivity.Bar(null, 0, 1, 200, 300);
        assertFalse(whole.partial());
        assertEquals(100, whole.extent(250), EPS);
    }

    @Test
    void aUniformIsVariedAtItsPercentilesNotItsBounds() {
        // uniform(0.5, 0.7): 0.5 + 0.025 x 0.2 = 0.505 and 0.5 + 0.975 x 0.2 = 0.695, as a normal or a beta is
        // varied at its 2.5th and 97.5th percentiles, so that every bar covers 95% of its input's uncertainty.
        final UncertainParameter uniform = new UncertainParameter("patients.employmentRate",
                UncertainParameter.Family.UNIFORM, Double.NaN, Double.NaN, 0.5, 0.7);
        assertEquals(0.505, uniform.quantile(OneWaySensitivity.LOW), EPS);
        assertEquals(0.695, uniform.quantile(OneWaySensitivity.HIGH), EPS);
        // normal(mean 10, sd 2): 10 -+ 1.959964 x 2.
        final UncertainParameter normal = new UncertainParameter("x", UncertainParameter.Family.NORMAL, 10, 2,
                Double.NaN, Double.NaN);
        assertEquals(10 - 1.959963985 * 2, normal.quantile(OneWaySensitivity.LOW), 1e-8);
        assertEquals(10 + 1.959963985 * 2, normal.quantile(OneWaySensitivity.HIGH), 1e-8);
    }

    @Test
    void aBarsSwingIsItsWidthWhicheverEndIsHigher() {
        assertEquals(30, new OneWaySensitivity.Bar(null, 0, 1, 10, 40).swing(), EPS);
        assertEquals(30, new OneWaySensitivity.Bar(null, 0, 1, 40, 10).swing(), EPS);
    }
}

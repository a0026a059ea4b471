package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Scenario;

/** The economic comparison is built from the arms' own statistics, paired on common random numbers. */
class CostEffectivenessTest {
    private static final double WTP = 100_000;

    @Test
    void incrementsIcersNmbAndBudgetImpactFollowFromTheArmsStatistics() {
        final Scenario free = TestScenarios.cohort(1500, 40, "plan.copay=0");
        final Scenario copay = TestScenarios.cohort(1500, 40, "plan.copay=60");
        final ExperimentResult r = TestScenarios.compare(4, free, copay.withName("copay 60"));
        final List<CostEffectiveness.Row> rows = CostEffectiveness.of(r, Perspective.PAYER, WTP);
        final CostEffectiveness.Row reference = rows.get(0);
        final CostEffectiveness.Row arm = rows.get(1);
        assertNull(reference.incrementalCost());
        assertEquals(0.0, reference.budgetImpactPerYear());

        final double dCost = arm.cost().mean() - reference.cost().mean();
        final double dQalys = arm.qalys().mean() - reference.qalys().mean();
        final double dRecoveries = arm.recoveries().mean() - reference.recoveries().mean();
        // A paired mean difference equals the difference of the means.
        assertEquals(dCost, arm.incrementalCost().mean(), 1e-9);
        assertEquals(dQalys, arm.incrementalQalys().mean(), 1e-12);
        assertEquals(dRecoveries, arm.incrementalRecoveries().mean(), 1e-12);
        assertTrue(arm.incrementalCost().ciHigh() < 0, "a $60 copay lowers plan cost: " + arm.incrementalCost());
        assertTrue(arm.incrementalRecoveries().ciHigh() < 0, "and recoveries: " + arm.incrementalRecoveries());
        assertTrue(arm.incrementalQalys().ciHigh() < 0, "and QALYs: " + arm.incrementalQalys());
        assertEquals(dCost / dQalys, arm.icerPerQaly(), 1e-6 * Math.abs(arm.icerPerQaly()));
        assertEquals(dCost / dRecoveries, arm.icerPerRecovery(), 1e-6 * Math.abs(arm.icerPerRecovery()));
        assertEquals(WTP * dQalys - dCost, arm.incrementalNetMonetaryBenefit().mean(), 1e-6);
        assertEquals(WTP * reference.qalys().mean() - reference.cost().mean(), reference.netMonetaryBenefit().mean(),
                1e-6);
        final double dPmpm = r.arms().get(1).summary(Metric.PLAN_COST_PMPM).mean()
                - r.reference().summary(Metric.PLAN_COST_PMPM).mean();
        assertEquals(dPmpm, arm.budgetImpactPmpm(), 1e-9);
        assertEquals(12.0 * 1500 * dPmpm, arm.budgetImpactPerYear(), 1e-6, "cohort members x 12 months");
        // Both lie on the frontier: the cheaper one first, the other compared with it at the same ICER.
        assertEquals(IncrementalAnalysis.Status.FRONTIER, reference.analysis().status());
        assertEquals("copay 60", reference.analysis().comparator().name());
        assertEquals(arm.icerPerQaly(), reference.analysis().icer(), 1e-6 * Math.abs(arm.icerPerQaly()));
    }

    @Test
    void netBenefitOverTheRangeOfWillingnessToPayChangesSignAtTheIcer() {
        final Scenario free = TestScenarios.cohort(1500, 40, "plan.copay=0");
        final Scenario copay = TestScenarios.cohort(1500, 40, "plan.copay=60");
        final ExperimentResult r = TestScenarios.compare(4, copay.withName("copay 60"), free);
        final CostEffectiveness.Row arm = CostEffectiveness.of(r, Perspective.PAYER, WTP).get(1);
        final double icer = arm.icerPerQaly();
        assertTrue(icer > 0, "free care costs more and gives more: " + icer);
        final double[] wtps = {0, icer / 2, icer * 2};
        final List<MetricSummary> curve = CostEffectiveness.netBenefitByWillingnessToPay(r, Perspective.PAYER, wtps)
                .get(0);
        for (int w = 0; w < wtps.length; w++) {
            assertEquals(wtps[w] * arm.incrementalQalys().mean() - arm.incrementalCost().mean(), curve.get(w).mean(),
                    1e-6, "at " + wtps[w]);
        }
        assertTrue(curve.get(0).mean() < 0 && curve.get(1).mean() < 0, "below the ICER the dearer arm loses");
        assertTrue(curve.get(2).mean() > 0, "above it, it wins");
    }

    @Test
    void widerPerspectivesAddTheirComponentsToThePayersCost() {
        final Scenario s = TestScenarios.cohort(600, 30);
        final ExperimentResult r = TestScenarios.compare(2, s, s.withName("same"));
        final ArmResult arm = r.reference();
        final double sessionsAndAdmin = arm.summary(Metric.PLAN_SESSIONS_PER_PATIENT).mean()
                + arm.summary(Metric.ADMIN_PER_PATIENT).mean();
        final double payer = sessionsAndAdmin + arm.summary(Metric.PLAN_MEDICAL_PER_PATIENT).mean();
        final double employer = payer + arm.summary(Metric.PRODUCTIVITY_PER_PATIENT).mean();
        final double healthcare = sessionsAndAdmin + arm.summary(Metric.OUT_OF_POCKET_PER_PATIENT).mean()
                + arm.summary(Metric.MEDICAL_PER_PATIENT).mean();
        final double societal = healthcare + arm.summary(Metric.PRODUCTIVITY_PER_PATIENT).mean()
                + arm.summary(Metric.TIME_PER_PATIENT).mean();
        assertEquals(payer, arm.summary(Metric.COST_PAYER).mean(), 1e-6);
        assertEquals(employer, arm.summary(Metric.COST_EMPLOYER).mean(), 1e-6);
        assertEquals(healthcare, arm.summary(Metric.COST_HEALTHCARE).mean(), 1e-6);
        assertEquals(societal, arm.summary(Metric.COST_SOCIETAL).mean(), 1e-6);
        assertTrue(arm.summary(Metric.TIME_PER_PATIENT).mean() > 0, "patients give time to sessions");
        assertTrue(societal > employer && societal > healthcare && employer > payer && payer > 0,
                payer + " " + employer + " " + healthcare + " " + societal);
        // Identical arms: every increment is exactly zero.
        for (final CostEffectiveness.Row row : CostEffectiveness.of(r, WTP)) {
            if (row.incrementalCost() != null) {
                assertEquals(0.0, row.incrementalCost().mean(), 0.0);
                assertEquals(0.0, row.incrementalQalys().mean(), 0.0);
            }
        }
    }
}

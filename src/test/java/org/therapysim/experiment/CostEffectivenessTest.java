package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Scenario;

/** The payer's comparison is built from the arms' own statistics, paired on common random numbers. */
class CostEffectivenessTest {
    @Test
    void incrementsIcerAndBudgetImpactFollowFromTheArmsStatistics() {
        final Scenario free = TestScenarios.cohort(1500, 40, "plan.copay=0");
        final Scenario copay = TestScenarios.cohort(1500, 40, "plan.copay=60");
        final ExperimentResult r = TestScenarios.compare(4, free, copay.withName("copay 60"));
        final List<CostEffectiveness.Row> rows = CostEffectiveness.of(r);
        final CostEffectiveness.Row reference = rows.get(0);
        final CostEffectiveness.Row arm = rows.get(1);
        assertNull(reference.incrementalCost());
        assertEquals(0.0, reference.budgetImpactPerYear());

        final double dCost = arm.cost().mean() - reference.cost().mean();
        final double dEffect = arm.effect().mean() - reference.effect().mean();
        // A paired mean difference equals the difference of the means.
        assertEquals(dCost, arm.incrementalCost().mean(), 1e-9);
        assertEquals(dEffect, arm.incrementalEffect().mean(), 1e-9);
        assertTrue(arm.incrementalCost().ciHigh() < 0, "a $60 copay lowers plan cost: " + arm.incrementalCost());
        assertTrue(arm.incrementalEffect().ciHigh() < 0, "and recoveries: " + arm.incrementalEffect());
        // Cost per member-year over recoveries per member-year: cost per recovery.
        assertEquals(12_000 * dCost / dEffect, arm.icerVsReference(), 1e-6);
        assertEquals(12.0 * 1500 * dCost, arm.budgetImpactPerYear(), 1e-6, "cohort members x 12 months");
        // Both lie on the frontier: the cheaper one first, the other compared with it at the same ICER.
        assertEquals(IncrementalAnalysis.Status.FRONTIER, reference.analysis().status());
        assertEquals("copay 60", reference.analysis().comparator().name());
        assertEquals(arm.icerVsReference(), reference.analysis().icer(), 1e-6);
    }
}

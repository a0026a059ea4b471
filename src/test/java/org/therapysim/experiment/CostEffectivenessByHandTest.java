package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.model.EndReason;
import org.therapysim.scenario.Scenario;

/**
 * The economic comparison on three arms of three replications whose per-replication values are
 * written by hand (a cohort of 500, so a year of budget impact is 12 x 500 x the change per member
 * per month). Student's t for 2 degrees of freedom, from tables: 4.3026527.
 *
 * <pre>
 * replication           1      2      3
 * reference  payer    100    110    120   employer 200 210 230   societal 300 320 340
 *            QALYs    0.5    0.75   1.0   recoveries 0.25 0.5 0.25   plan pmpm 1.0 1.5 2.0
 * more       payer    150    150    180   employer 260 250 290   societal 400 400 400
 *            QALYs    0.625  0.875  1.25  recoveries 0.5 0.75 0.75   plan pmpm 1.5 1.5 3.0
 * worse      payer    130    140    150   employer 230 240 260   societal 330 350 370
 *            QALYs    0.25   0.5    0.75  recoveries 0.25 0.5 0.25   plan pmpm 1.0 1.5 2.0
 * </pre>
 *
 * The health care sector's cost is the societal cost less 100 in every replication.
 */
class CostEffectivenessByHandTest {
    private static final double T2 = 4.30265272974946;
    private static final double WTP = 1000;
    private static final int COHORT = 500;
    private static ExperimentResult result;

    @BeforeAll
    static void arms() {
        final Scenario base = TestScenarios.cohort(COHORT, 30);
        result = new ExperimentResult(null, List.of(
                arm(0, base.withName("reference"), new double[] {100, 110, 120}, new double[] {200, 210, 230},
                        new double[] {300, 320, 340}, new double[] {0.5, 0.75, 1.0}, new double[] {0.25, 0.5, 0.25},
                        new double[] {1.0, 1.5, 2.0}),
                arm(1, base.withName("more"), new double[] {150, 150, 180}, new double[] {260, 250, 290},
                        new double[] {400, 400, 400}, new double[] {0.625, 0.875, 1.25},
                        new double[] {0.5, 0.75, 0.75}, new double[] {1.5, 1.5, 3.0}),
                arm(2, base.withName("worse"), new double[] {130, 140, 150}, new double[] {230, 240, 260},
                        new double[] {330, 350, 370}, new double[] {0.25, 0.5, 0.75}, new double[] {0.25, 0.5, 0.25},
                        new double[] {1.0, 1.5, 2.0})), List.of(1, 2, 3));
    }

    static ArmResult arm(final int index, final Scenario scenario, final double[] payer,
            final double[] employer, final double[] societal, final double[] qalys, final double[] recoveries,
            final double[] pmpm) {
        final List<ReplicationSummary> replications = new ArrayList<>();
        final Map<EndReason, Integer> reasons = new EnumMap<>(EndReason.class);
        for (int r = 0; r < payer.length; r++) {
            final Map<Metric, Double> m = new EnumMap<>(Metric.class);
            m.put(Metric.COST_PAYER, payer[r]);
            m.put(Metric.COST_EMPLOYER, employer[r]);
            m.put(Metric.COST_HEALTHCARE, societal[r] - 100);
            m.put(Metric.COST_SOCIETAL, societal[r]);
            m.put(Metric.QALYS_PER_PATIENT, qalys[r]);
            m.put(Metric.RECOVERIES_PER_PATIENT, recoveries[r]);
            m.put(Metric.PLAN_COST_PMPM, pmpm[r]);
            replications.add(new ReplicationSummary(index, r, r + 1, m, new double[SessionCurves.MAX_SESSION],
                    new double[SessionCurves.MAX_SESSION], reasons, 0));
        }
        return new ArmResult(index, scenario, replications);
    }

    private static void assertSummary(final MetricSummary s, final double mean, final double sd) {
        assertEquals(mean, s.mean(), 1e-9, "mean");
        assertEquals(sd, s.sd(), 1e-9, "sd");
        final double half = T2 * sd / Math.sqrt(3);
        assertEquals(mean - half, s.ciLow(), 1e-6, "lower limit");
        assertEquals(mean + half, s.ciHigh(), 1e-6, "upper limit");
        assertEquals(3, s.n());
    }

    @Test
    void theReferenceRowHasItsOwnSummariesAndNoIncrements() {
        final CostEffectiveness.Row ref = CostEffectiveness.of(result, Perspective.PAYER, WTP).get(0);
        assertEquals("reference", ref.arm());
        assertSame(Perspective.PAYER, ref.perspective());
        // Cost 100, 110, 120: mean 110, sd 10. QALYs 0.5, 0.75, 1: mean 0.75, sd 0.25.
        assertSummary(ref.cost(), 110, 10);
        assertSummary(ref.qalys(), 0.75, 0.25);
        // Recoveries 0.25, 0.5, 0.25: mean 1/3, sd = sqrt((1/144 + 4/144 + 1/144) / 2) = sqrt(1/48).
        assertSummary(ref.recoveries(), 1.0 / 3, Math.sqrt(1.0 / 48));
        assertNull(ref.incrementalCost());
        assertNull(ref.incrementalQalys());
        assertNull(ref.incrementalRecoveries());
        assertNull(ref.incrementalNetMonetaryBenefit());
        assertTrue(Double.isNaN(ref.icerPerQaly()));
        assertTrue(Double.isNaN(ref.icerPerRecovery()));
        assertEquals(0.0, ref.budgetImpactPmpm(), 0.0);
        assertEquals(0.0, ref.budgetImpactPerYear(), 0.0);
        // NMB = 1000 x QALYs - cost: 400, 640, 880: mean 640, sd 240.
        assertSummary(ref.netMonetaryBenefit(), 640, 240);
    }

    @Test
    void aTradeOffArmHasPairedIncrementsIcersAndNetBenefit() {
        final CostEffectiveness.Row more = CostEffectiveness.of(result, Perspective.PAYER, WTP).get(1);
        assertEquals("more", more.arm());
        // Paired cost 50, 40, 60: mean 50, sd 10 (unpaired, the arms' own sds would be 17.3 and 10).
        assertSummary(more.incrementalCost(), 50, 10);
        // Paired QALYs 0.125, 0.125, 0.25: mean 1/6, sd = sqrt((1/576 + 1/576 + 4/576) / 2) = sqrt(1/192).
        assertSummary(more.incrementalQalys(), 1.0 / 6, Math.sqrt(1.0 / 192));
        // Paired recoveries 0.25, 0.25, 0.5: mean 1/3, sd sqrt(1/48).
        assertSummary(more.incrementalRecoveries(), 1.0 / 3, Math.sqrt(1.0 / 48));
        // ICERs: 50 / (1/6) = 300 per QALY; 50 / (1/3) = 150 per recovery.
        assertEquals(300, more.icerPerQaly(), 1e-9);
        assertEquals(150, more.icerPerRecovery(), 1e-9);
        // NMB 1000 x 0.625 - 150 = 475, 725, 1070: mean 2270/3. Paired increment 75, 85, 190:
        // mean 350/3 (= 1000 x 1/6 - 50); deviations x 3: -125, -95, 220, squared 15625 + 9025 + 48400 =
        // 73050, so the squared deviations sum to 73050 / 9 and sd = sqrt(73050 / 18) = 63.705.
        assertEquals(2270.0 / 3, more.netMonetaryBenefit().mean(), 1e-9);
        assertSummary(more.incrementalNetMonetaryBenefit(), 350.0 / 3, Math.sqrt(73050.0 / 18));
        // Budget impact: plan pmpm differences 0.5, 0, 1: mean 0.5; a year: 12 x 500 x 0.5 = 3000.
        assertEquals(0.5, more.budgetImpactPmpm(), 1e-12);
        assertEquals(3000, more.budgetImpactPerYear(), 1e-9);
    }

    @Test
    void aDominatedArmHasANegativeRatioAndTheIncrementalAnalysisSaysSo() {
        final List<CostEffectiveness.Row> rows = CostEffectiveness.of(result, Perspective.PAYER, WTP);
        final CostEffectiveness.Row worse = rows.get(2);
        // Cost +30 each time (sd 0), QALYs -0.25 each time: ratio 30 / -0.25 = -120.
        assertSummary(worse.incrementalCost(), 30, 0);
        assertSummary(worse.incrementalQalys(), -0.25, 0);
        assertEquals(-120, worse.icerPerQaly(), 1e-9);
        // Same recoveries: the ratio per recovery is 30 / 0.
        assertEquals(Double.POSITIVE_INFINITY, worse.icerPerRecovery());
        assertEquals(0.0, worse.budgetImpactPmpm(), 1e-12);
        // Incremental analysis on mean cost and QALYs: reference (110, 0.75), more (160, 0.9167),
        // worse (140, 0.5). Worse is dominated by the reference; more is on the frontier against it at
        // 50 / (1/6) = 300 per QALY.
        assertEquals(IncrementalAnalysis.Status.FRONTIER, rows.get(0).analysis().status());
        assertNull(rows.get(0).analysis().comparator());
        assertEquals(IncrementalAnalysis.Status.FRONTIER, rows.get(1).analysis().status());
        assertEquals("reference", rows.get(1).analysis().comparator().name());
        assertEquals(300, rows.get(1).analysis().icer(), 1e-9);
        assertEquals(IncrementalAnalysis.Status.DOMINATED, worse.analysis().status());
        assertEquals("reference", worse.analysis().comparator().name());
        assertEquals("worse", worse.analysis().strategy().name());
    }

    @Test
    void eachPerspectiveUsesItsOwnCost() {
        final List<CostEffectiveness.Row> all = CostEffectiveness.of(result, WTP);
        assertEquals(12, all.size());
        final Perspective[] order = {Perspective.PAYER, Perspective.PAYER, Perspective.PAYER, Perspective.EMPLOYER,
            Perspective.EMPLOYER, Perspective.EMPLOYER, Perspective.HEALTHCARE, Perspective.HEALTHCARE,
            Perspective.HEALTHCARE, Perspective.SOCIETAL, Perspective.SOCIETAL, Perspective.SOCIETAL};
        final String[] arms = {"reference", "more", "worse"};
        for (int i = 0; i < all.size(); i++) {
            assertSame(order[i], all.get(i).perspective());
            assertEquals(arms[i % 3], all.get(i).arm());
        }
        // Employer: reference 200, 210, 230 (mean 640/3); more 260, 250, 290: paired 60, 40, 60, mean
        // 160/3; ICER (160/3) / (1/6) = 320.
        assertEquals(640.0 / 3, all.get(3).cost().mean(), 1e-9);
        assertEquals(160.0 / 3, all.get(4).incrementalCost().mean(), 1e-9);
        assertEquals(320, all.get(4).icerPerQaly(), 1e-9);
        // Health care sector: reference 200, 220, 240 (mean 220).
        assertEquals(220, all.get(6).cost().mean(), 1e-9);
        // Societal: more 400 each time against 300, 320, 340: paired 100, 80, 60, mean 80, sd 20.
        assertSummary(all.get(10).incrementalCost(), 80, 20);
        assertEquals(480, all.get(10).icerPerQaly(), 1e-9);
        // The budget impact is the plan's whatever the perspective.
        assertEquals(3000, all.get(10).budgetImpactPerYear(), 1e-9);
        // NMB in the societal perspective: reference 1000 x QALYs - 300, 320, 340 = 200, 430, 660.
        assertEquals(430, all.get(9).netMonetaryBenefit().mean(), 1e-9);
    }

    @Test
    void incrementalNetBenefitOverWillingnessToPayIsPairedAndCrossesZeroAtTheIcer() {
        final double[] wtps = {0, 300, 1200};
        final List<List<MetricSummary>> curves = CostEffectiveness.netBenefitByWillingnessToPay(result,
                Perspective.PAYER, wtps);
        assertEquals(2, curves.size(), "one curve per arm after the reference");
        final List<MetricSummary> more = curves.get(0);
        // At 0: minus the paired cost: -50, -40, -60: mean -50, sd 10.
        assertSummary(more.get(0), -50, 10);
        // At the ICER, 300: 300 x (0.125, 0.125, 0.25) - (50, 40, 60) = -12.5, -2.5, 15: mean 0.
        assertEquals(0, more.get(1).mean(), 1e-9);
        // At 1200: 150 - 50, 150 - 40, 300 - 60 = 100, 110, 240: mean 150.
        assertEquals(150, more.get(2).mean(), 1e-9);
        // Worse: 1200 x -0.25 - 30 = -330 in every replication.
        assertSummary(curves.get(1).get(2), -330, 0);
    }
}

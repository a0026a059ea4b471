package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.TestScenarios;
import org.therapysim.output.CostEffectivenessTable;
import org.therapysim.scenario.Scenario;

/**
 * When a cost per unit of effect is a detected difference, on arms of three replications written by
 * hand (Student's t for 2 degrees of freedom: 4.3027, so an interval is the mean +- 2.484 sd). A
 * ratio is reported only when the paired interval of the cost or of the effect, against the
 * comparator of that ratio, excludes zero.
 *
 * <pre>
 * replication           1      2      3
 * reference  payer    100    110    120   QALYs 0.5   0.75  1.0   recoveries 0.25 0.5  0.25
 * noise      payer     99    110    122   QALYs 0.51  0.74  1.02  recoveries 0.5  0.75 0.5
 * cost only  payer    150    150    180   QALYs 0.51  0.74  1.02  recoveries 0.25 0.5  0.25
 * QALYs only payer     99    110    122   QALYs 0.6   0.85  1.1   recoveries 0.25 0.5  0.25
 * </pre>
 *
 * Paired cost -1, 0, 2: mean 1/3, sd sqrt(42/18) = 1.53, interval [-3.46, 4.13]. Paired cost 50,
 * 40, 60: mean 50, sd 10, interval [25.2, 74.8]. Paired QALYs 0.01, -0.01, 0.02: mean 1/150, sd
 * sqrt(21/90000) = 0.0153, interval [-0.031, 0.045]. Paired QALYs 0.1, 0.1, 0.1: interval [0.1, 0.1].
 */
class CostEffectivenessDetectionByHandTest {
    private static final double WTP = 1000;
    private static final double[] REF_COST = {100, 110, 120};
    private static final double[] REF_QALYS = {0.5, 0.75, 1.0};
    private static final double[] REF_RECOVERIES = {0.25, 0.5, 0.25};
    private static final double[] NOISY_COST = {99, 110, 122};
    private static final double[] NOISY_QALYS = {0.51, 0.74, 1.02};
    private static final double[] ZEROS = {0, 0, 0};

    private static ArmResult arm(final int index, final String name, final double[] cost, final double[] qalys,
            final double[] recoveries) {
        final Scenario base = TestScenarios.cohort(500, 30).withName(name);
        return CostEffectivenessByHandTest.arm(index, base, cost, cost, cost, qalys, recoveries, ZEROS);
    }

    private static ExperimentResult againstTheReference() {
        return new ExperimentResult(null, List.of(arm(0, "reference", REF_COST, REF_QALYS, REF_RECOVERIES),
                arm(1, "noise", NOISY_COST, NOISY_QALYS, new double[] {0.5, 0.75, 0.5}),
                arm(2, "cost only", new double[] {150, 150, 180}, NOISY_QALYS, REF_RECOVERIES),
                arm(3, "QALYs only", NOISY_COST, new double[] {0.6, 0.85, 1.1}, REF_RECOVERIES)),
                List.of(1, 2, 3));
    }

    @Test
    void bothIntervalsIncludingZeroIsNoDetectableDifference() {
        final CostEffectiveness.Row noise = CostEffectiveness.of(againstTheReference(), Perspective.PAYER, WTP)
                .get(1);
        // Cost [-3.46, 4.13] and QALYs [-0.031, 0.045] both include zero: a trade-off on the means
        // ((1/3) / (1/150) = 50 per QALY), but not one the replications can tell from noise.
        assertTrue(noise.incrementalCost().ciLow() < 0 && noise.incrementalCost().ciHigh() > 0);
        assertTrue(noise.incrementalQalys().ciLow() < 0 && noise.incrementalQalys().ciHigh() > 0);
        assertEquals(50, noise.icerPerQaly(), 1e-9);
        assertFalse(noise.qalyDifferenceDetected());
        // Recoveries 0.25, 0.25, 0.25 more in every replication (sd 0): that difference is
        // detected, so the cost per recovery ((1/3) / 0.25 = 4/3) is one.
        assertTrue(noise.recoveryDifferenceDetected());
        assertEquals(4.0 / 3, noise.icerPerRecovery(), 1e-9);
    }

    @Test
    void aDetectedDifferenceInCostAloneOrInEffectAloneKeepsTheRatio() {
        final List<CostEffectiveness.Row> rows = CostEffectiveness.of(againstTheReference(), Perspective.PAYER, WTP);
        // Cost [25.2, 74.8] excludes zero, QALYs [-0.031, 0.045] include it: the arm surely costs
        // more, for a health gain too small to see; 50 / (1/150) = 7500 per QALY is reported, its
        // intervals beside it telling how unsure the denominator is.
        final CostEffectiveness.Row costOnly = rows.get(2);
        assertTrue(costOnly.incrementalCost().ciLow() > 0);
        assertTrue(costOnly.incrementalQalys().ciLow() < 0 && costOnly.incrementalQalys().ciHigh() > 0);
        assertTrue(costOnly.qalyDifferenceDetected());
        assertEquals(7500, costOnly.icerPerQaly(), 1e-6);
        // The reverse: paired QALYs 0.1, 0.1, 0.1 (sd 0, interval [0.1, 0.1]) against a cost
        // interval that includes zero: (1/3) / 0.1 = 10/3 per QALY is reported.
        final CostEffectiveness.Row qalysOnly = rows.get(3);
        assertTrue(qalysOnly.incrementalCost().ciLow() < 0 && qalysOnly.incrementalCost().ciHigh() > 0);
        assertEquals(0.1, qalysOnly.incrementalQalys().ciLow(), 1e-9);
        assertTrue(qalysOnly.qalyDifferenceDetected());
        assertEquals(10.0 / 3, qalysOnly.icerPerQaly(), 1e-6);
    }

    @Test
    void theReferenceHasNothingToDetect() {
        final CostEffectiveness.Row ref = CostEffectiveness.of(againstTheReference(), Perspective.PAYER, WTP).get(0);
        assertFalse(ref.qalyDifferenceDetected());
        assertFalse(ref.recoveryDifferenceDetected());
        assertFalse(ref.frontierDifferenceDetected());
        assertNull(ref.frontierCost());
    }

    @Test
    void withoutAnIntervalNoDifferenceIsDetected() {
        assertFalse(CostEffectiveness.differenceDetected(MetricSummary.of(new double[] {5}),
                MetricSummary.of(new double[] {0.1})), "one replication has no interval");
        assertFalse(CostEffectiveness.differenceDetected(null, null), "no comparator");
    }

    /**
     * Frontier arms compared with the previous frontier arm, not the reference.
     *
     * <pre>
     * replication           1      2      3
     * reference  payer    100    110    120   QALYs 0.5   0.75  1.0
     * more       payer    150    150    180   QALYs 0.625 0.875 1.25
     * a bit more payer    152    150    184   QALYs 0.627 0.874 1.252
     * twin       as the reference
     * </pre>
     *
     * Means: reference (110, 0.75), more (160, 0.9167), a bit more (162, 0.9177). Along the
     * frontier, reference to more costs 50 / (1/6) = 300 per QALY and more to a bit more 2 / 0.001 =
     * 2000, rising, so all three are on it; the twin is dominated by the reference (tie rule).
     */
    private static ExperimentResult alongTheFrontier() {
        return new ExperimentResult(null, List.of(arm(0, "reference", REF_COST, REF_QALYS, REF_RECOVERIES),
                arm(1, "more", new double[] {150, 150, 180}, new double[] {0.625, 0.875, 1.25}, REF_RECOVERIES),
                arm(2, "a bit more", new double[] {152, 150, 184}, new double[] {0.627, 0.874, 1.252},
                        REF_RECOVERIES),
                arm(3, "twin", REF_COST, REF_QALYS, REF_RECOVERIES)), List.of(1, 2, 3));
    }

    @Test
    void theFrontierRatioIsJudgedAgainstThePreviousFrontierArm() {
        final List<CostEffectiveness.Row> rows = CostEffectiveness.of(alongTheFrontier(), Perspective.PAYER, WTP);
        final CostEffectiveness.Row more = rows.get(1);
        final CostEffectiveness.Row aBitMore = rows.get(2);
        assertEquals("reference", more.analysis().comparator().name());
        assertEquals("more", aBitMore.analysis().comparator().name());
        // More against the reference: the frontier differences are the differences from the
        // reference, cost 50, 40, 60 (interval [25.2, 74.8]): detected.
        assertEquals(50, more.frontierCost().mean(), 1e-9);
        assertEquals(more.incrementalCost(), more.frontierCost());
        assertTrue(more.frontierDifferenceDetected());
        // A bit more against more, replication by replication: cost 2, 0, 4 (mean 2, sd 2, interval
        // [-2.97, 6.97]); QALYs 0.002, -0.001, 0.002 (mean 0.001, sd 0.00173, interval [-0.0033,
        // 0.0053]). Both include zero: its 2000 per QALY is noise.
        assertEquals(2, aBitMore.frontierCost().mean(), 1e-9);
        assertEquals(2, aBitMore.frontierCost().sd(), 1e-9);
        assertEquals(0.001, aBitMore.frontierQalys().mean(), 1e-9);
        assertEquals(Math.sqrt(3e-6), aBitMore.frontierQalys().sd(), 1e-9);
        assertEquals(2000, aBitMore.analysis().icer(), 1e-6);
        assertFalse(aBitMore.frontierDifferenceDetected());
        // Against the reference, though, it clearly costs more (52, 40, 64) and gives more.
        assertTrue(aBitMore.qalyDifferenceDetected());
    }

    @Test
    void dominatedArmsAndTiesHaveNoFrontierComparison() {
        final List<CostEffectiveness.Row> rows = CostEffectiveness.of(alongTheFrontier(), Perspective.PAYER, WTP);
        final CostEffectiveness.Row twin = rows.get(3);
        assertEquals(IncrementalAnalysis.Status.DOMINATED, twin.analysis().status());
        assertEquals("reference", twin.analysis().comparator().name());
        assertNull(twin.frontierCost());
        assertNull(twin.frontierQalys());
        assertFalse(twin.frontierDifferenceDetected());
        // Identical in every replication: differences 0 with interval [0, 0], nothing detected.
        assertFalse(twin.qalyDifferenceDetected());
        assertNull(rows.get(0).frontierCost(), "the least costly frontier arm has no comparator");
    }

    @Test
    void theTableLeavesANoiseRatioBlankAndSaysWhy(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("cost_effectiveness.csv");
        final ExperimentResult result = alongTheFrontier();
        CostEffectivenessTable.write(result, file);
        final Map<String, CSVRecord> payer = new HashMap<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (final CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(in)) {
                if (r.get("perspective").equals("payer")) {
                    payer.put(r.get("arm"), r);
                }
            }
        }
        final CSVRecord ref = payer.get("reference");
        assertEquals("", ref.get("difference_detected_vs_reference"));
        assertEquals("", ref.get("difference_detected_on_frontier"));
        final CSVRecord more = payer.get("more");
        assertEquals("true", more.get("difference_detected_on_frontier"));
        assertEquals(300, Double.parseDouble(more.get("cost_per_qaly_on_frontier")), 1e-6);
        final CSVRecord aBitMore = payer.get("a bit more");
        assertEquals("more", aBitMore.get("frontier_comparator"));
        assertEquals(2, Double.parseDouble(aBitMore.get("frontier_incremental_cost")), 1e-9);
        assertTrue(Double.parseDouble(aBitMore.get("frontier_incremental_cost_ci_low")) < 0);
        assertEquals("false", aBitMore.get("difference_detected_on_frontier"));
        assertEquals("", aBitMore.get("cost_per_qaly_on_frontier"), "noise is no ICER");
        assertEquals("true", aBitMore.get("difference_detected_vs_reference"));
        assertFalse(aBitMore.get("cost_per_qaly_vs_reference").isEmpty());
        final CSVRecord twin = payer.get("twin");
        assertEquals("dominated", twin.get("status"));
        assertEquals("false", twin.get("difference_detected_vs_reference"));
        assertEquals("", twin.get("frontier_incremental_cost"));
        assertEquals("", twin.get("difference_detected_on_frontier"));
    }
}

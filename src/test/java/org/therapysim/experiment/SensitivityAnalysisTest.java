package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.model.RandomStreams;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import org.therapysim.scenario.UncertainParameter;

/** Probabilistic and one-way sensitivity analyses on a small two-arm study. */
class SensitivityAnalysisTest {
    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final double NA = Double.NaN;

    private static Study study() {
        final Scenario free = TestScenarios.cohort(400, 30, "plan.copay=0");
        final Scenario copay = TestScenarios.cohort(400, 30, "plan.copay=60").withName("copay 60");
        return new Study("psa test", "test", List.of(free, copay), 2, 5, List.of(
                new UncertainParameter("dynamics.symptoms.improvementRate", UncertainParameter.Family.GAMMA, 0.16,
                        0.03, NA, NA),
                new UncertainParameter("costs.medicalCostPerYearAtMax", UncertainParameter.Family.UNIFORM, NA, NA,
                        5000, 15000)));
    }

    @Test
    void drawsAreReproducibleOnAnyThreadCountAndReachEveryArm() {
        final ProbabilisticAnalysis.Result one = ProbabilisticAnalysis.run(study(), LOADER, 4, 1, 1,
                ProgressListener.NONE);
        final ProbabilisticAnalysis.Result two = ProbabilisticAnalysis.run(study(), LOADER, 4, 1, 2,
                ProgressListener.NONE);
        for (int d = 0; d < 4; d++) {
            final ProbabilisticAnalysis.Draw a = one.draws().get(d);
            final ProbabilisticAnalysis.Draw b = two.draws().get(d);
            assertArrayEquals(a.values(), b.values());
            assertArrayEquals(a.qalys(), b.qalys());
            assertArrayEquals(a.costs()[1], b.costs()[1]);
            final double medical = a.values()[1];
            assertTrue(medical >= 5000 && medical <= 15000, "uniform bounds: " + medical);
        }
        assertNotEquals(one.draws().get(0).values()[0], one.draws().get(1).values()[0], "draws differ");
        assertNotEquals(one.draws().get(0).qalys()[0], one.draws().get(1).qalys()[0]);
        // Each draw's value reaches the arms: the arm run alone with the drawn values gives the same QALYs.
        final ProbabilisticAnalysis.Draw first = one.draws().get(0);
        final Study drawn = ProbabilisticAnalysis.withValues(study(), LOADER, first.values(), "check")
                .withRun(1, first.seed());
        final ExperimentResult alone = new Experiment(drawn, false, 1).run(null, ProgressListener.NONE);
        assertEquals(first.qalys()[1], alone.arms().get(1).summary(Metric.QALYS_PER_PATIENT).mean(), 0.0);
    }

    @Test
    void drawsRunTogetherGiveWhatEachDrawGivesAlone() {
        // 12 draws x 2 arms x 2 replications: more than run ahead at once on one or two threads.
        final ProbabilisticAnalysis.Result one = ProbabilisticAnalysis.run(study(), LOADER, 12, 2, 1,
                ProgressListener.NONE);
        final ProbabilisticAnalysis.Result two = ProbabilisticAnalysis.run(study(), LOADER, 12, 2, 2,
                ProgressListener.NONE);
        for (int d = 0; d < 12; d++) {
            final ProbabilisticAnalysis.Draw draw = one.draws().get(d);
            assertEquals(RandomStreams.drawSeed(study().seed(), d), draw.seed());
            final ExperimentResult alone = new Experiment(ProbabilisticAnalysis.withValues(study(), LOADER,
                    draw.values(), "draw " + (d + 1)).withRun(2, draw.seed()), false, 1).run(null, ProgressListener.NONE);
            for (int a = 0; a < 2; a++) {
                final ArmResult arm = alone.arms().get(a);
                assertEquals(arm.summary(Metric.QALYS_PER_PATIENT).mean(), draw.qalys()[a], 0.0);
                assertEquals(arm.summary(Metric.RECOVERIES_PER_PATIENT).mean(), draw.recoveries()[a], 0.0);
                assertEquals(arm.summary(Metric.COST_PAYER).mean(), draw.costs()[a][Perspective.PAYER.ordinal()], 0.0);
            }
            assertArrayEquals(draw.qalys(), two.draws().get(d).qalys());
            assertArrayEquals(draw.costs()[1], two.draws().get(d).costs()[1]);
        }
    }

    @Test
    void acceptabilitySumsToOneAndEvpiFollowsItsDefinition() {
        final ProbabilisticAnalysis.Result r = ProbabilisticAnalysis.run(study(), LOADER, 5, 1, 2,
                ProgressListener.NONE);
        final double[] wtps = {0, 20_000, 100_000, 1_000_000};
        final double[][] p = r.acceptability(Perspective.PAYER, wtps);
        for (int w = 0; w < wtps.length; w++) {
            assertEquals(1.0, p[0][w] + p[1][w], 1e-12);
        }
        // At zero willingness to pay the cheaper arm (the $60 copay) wins every draw.
        assertEquals(1.0, p[1][0], 1e-12);
        final double[][] costs = r.costs(Perspective.PAYER);
        final double[][] qalys = r.qalys();
        final double wtp = 100_000;
        double meanBest = 0;
        final double[] mean = new double[2];
        for (int d = 0; d < 5; d++) {
            final double a = wtp * qalys[d][0] - costs[d][0];
            final double b = wtp * qalys[d][1] - costs[d][1];
            meanBest += Math.max(a, b) / 5;
            mean[0] += a / 5;
            mean[1] += b / 5;
        }
        assertEquals(meanBest - Math.max(mean[0], mean[1]), r.evpi(Perspective.PAYER, wtp), 1e-9);
        assertTrue(r.evpi(Perspective.PAYER, wtp) >= 0);
    }

    @Test
    void tornadoBarsShowOnlyWhatMovesTheOutcome() {
        final OneWaySensitivity.Result r = OneWaySensitivity.run(study(), LOADER, 1, OneWaySensitivity.Outcome.NMB,
                Perspective.PAYER, 100_000, 2, ProgressListener.NONE);
        assertEquals(2, r.bars().size());
        // Widest first: the improvement rate moves QALYs; other medical costs are not the payer's.
        assertEquals("dynamics.symptoms.improvementRate", r.bars().get(0).parameter().key());
        assertTrue(r.bars().get(0).swing() > 0);
        final OneWaySensitivity.Bar medical = r.bars().get(1);
        assertEquals(0.0, medical.swing(), 0.0);
        // Same seeds, no effect: every replication's difference is 0, and the bar is within noise.
        assertEquals(0.0, medical.differenceError().ciLow(), 0.0);
        assertEquals(0.0, medical.differenceError().ciHigh(), 0.0);
        assertFalse(medical.detected());
        // The improvement rate's bar: high less low, replication by replication, from the two runs
        // made here by hand, with a t interval on n - 1 degrees of freedom.
        final OneWaySensitivity.Bar rate = r.bars().get(0);
        final double[][] inb = new double[2][];
        int k = 0;
        for (final double value : new double[] {rate.lowValue(), rate.highValue()}) {
            final Study varied = study().withArms(study().arms().stream()
                    .map(s -> LOADER.vary(s, rate.parameter().key(), value, "by hand")).toList());
            final ExperimentResult run = new Experiment(varied, false, 1).run(null, ProgressListener.NONE);
            final double[] c = run.arms().get(1).values(Metric.COST_PAYER);
            final double[] q = run.arms().get(1).values(Metric.QALYS_PER_PATIENT);
            final double[] c0 = run.arms().get(0).values(Metric.COST_PAYER);
            final double[] q0 = run.arms().get(0).values(Metric.QALYS_PER_PATIENT);
            inb[k] = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                inb[k][i] = 100_000 * (q[i] - q0[i]) - (c[i] - c0[i]);
            }
            k++;
        }
        final double d0 = inb[1][0] - inb[0][0];
        final double d1 = inb[1][1] - inb[0][1];
        final double mean = (d0 + d1) / 2;
        final double sd = Math.abs(d0 - d1) / Math.sqrt(2);
        final double half = 12.706204736174707 * sd / Math.sqrt(2);
        assertEquals(mean, rate.differenceError().mean(), 1e-9 * Math.abs(mean));
        assertEquals(mean - half, rate.differenceError().ciLow(), 1e-6 * half);
        assertEquals(mean + half, rate.differenceError().ciHigh(), 1e-6 * half);
        assertEquals(rate.atHigh() - rate.atLow(), mean, 1e-6 * Math.abs(mean));
        assertEquals(r.base(), medical.atLow(), 0.0);
        assertEquals(5250, medical.lowValue(), 1e-9, "2.5th percentile of uniform(5000, 15000)");
        // In the societal perspective the same parameter moves the outcome.
        final OneWaySensitivity.Result societal = OneWaySensitivity.run(study(), LOADER, 1,
                OneWaySensitivity.Outcome.NMB, Perspective.SOCIETAL, 100_000, 2, ProgressListener.NONE);
        final OneWaySensitivity.Bar medicalSocietal = societal.bars().stream()
                .filter(b -> b.parameter().key().startsWith("costs.")).findFirst().orElseThrow();
        assertTrue(medicalSocietal.swing() > 0, "societal swing " + medicalSocietal.swing());
    }
}

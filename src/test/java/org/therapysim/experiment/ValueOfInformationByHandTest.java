package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Study;
import org.therapysim.scenario.UncertainParameter;

/**
 * The noise decomposition and the regression-based value of information of a PSA, on draws written
 * by hand whose answers are known.
 */
class ValueOfInformationByHandTest {
    private static final double NA = Double.NaN;
    private static final double WTP = 100_000;
    private static final int DRAWS = 40;

    /** theta1 on a grid from -5 to 5; theta2 +1 or -1, each theta1 value once with each. */
    static double[] values(final int d) {
        return new double[] {-5 + 10.0 * (d / 2) / (DRAWS / 2 - 1), d % 2 == 0 ? 1 : -1};
    }

    /**
     * Three arms. A: cost 100, 1.0 QALYs in every replication. B and C alike: cost 150, QALYs
     * 1.0 + 0.001 theta1 on average, the two replications of a draw that far above and below it
     * by {@code noise(d)} QALYs. So B's incremental net benefit is 100 theta1 - 50 in the draw's
     * mean, and C ties with B in every draw.
     */
    static ProbabilisticAnalysis.Result result(final int replications) {
        final Study study = new Study("voi", "voi", List.of(TestScenarios.defaults("name=A"),
                TestScenarios.defaults("name=B"), TestScenarios.defaults("name=C")), 1, 7, List.of(
                        new UncertainParameter("dynamics.a", UncertainParameter.Family.UNIFORM, NA, NA, -5, 5),
                        new UncertainParameter("costs.b", UncertainParameter.Family.UNIFORM, NA, NA, -1, 1)));
        final List<ProbabilisticAnalysis.Draw> draws = new ArrayList<>();
        for (int d = 0; d < DRAWS; d++) {
            final double[] v = values(d);
            final double q = 1.0 + 0.001 * v[0];
            final double[][][] repCosts = new double[3][3][replications];
            final double[][] repQalys = new double[3][replications];
            for (int r = 0; r < replications; r++) {
                final double sign = r % 2 == 0 ? 1 : -1;
                for (int p = 0; p < 3; p++) {
                    repCosts[0][p][r] = 100;
                    repCosts[1][p][r] = 150;
                    repCosts[2][p][r] = 150;
                }
                repQalys[0][r] = 1.0;
                repQalys[1][r] = q + sign * noise(d);
                repQalys[2][r] = q + sign * noise(d);
            }
            draws.add(new ProbabilisticAnalysis.Draw(d, d, v, new double[][] {{100, 100, 100}, {150, 150, 150},
                {150, 150, 150}}, new double[] {1.0, q, q}, new double[3], repCosts, repQalys));
        }
        return new ProbabilisticAnalysis.Result(study, replications, draws);
    }

    static double noise(final int d) {
        return 0.0005 * (1 + d % 3);
    }

    @Test
    void noiseIsTheMeanWithinDrawVarianceOverReplications() {
        final ProbabilisticAnalysis.Result r = result(2);
        // Within a draw B's two incremental net benefits are m +/- 100,000 x noise(d): sample variance
        // 2 (100,000 noise(d))^2, over 2 replications (100,000 noise(d))^2 = 2,500, 10,000 or 22,500.
        double noise = 0;
        final double[] inb = new double[DRAWS];
        double mean = 0;
        for (int d = 0; d < DRAWS; d++) {
            noise += Math.pow(WTP * noise(d), 2) / DRAWS;
            inb[d] = 100 * values(d)[0] - 50;
            mean += inb[d] / DRAWS;
        }
        double total = 0;
        for (final double v : inb) {
            total += (v - mean) * (v - mean) / (DRAWS - 1);
        }
        final SimulationNoise.Share share = SimulationNoise.of(r, Perspective.PAYER, WTP, 1, 0);
        assertEquals(total, share.total(), 1e-6);
        assertEquals(noise, share.noise(), 1e-6);
        assertEquals(noise / total, share.share(), 1e-12);
        // The reference alone never varies: no noise, no spread, no share.
        assertEquals(0.0, SimulationNoise.of(r, Perspective.PAYER, WTP, 0, -1).noise(), 0.0);
        assertTrue(Double.isNaN(SimulationNoise.of(r, Perspective.PAYER, WTP, 0, -1).share()));
        // Over B and C together (identical): twice B's variances, so B's share.
        final SimulationNoise.Share both = SimulationNoise.pooled(r, Perspective.PAYER, WTP);
        assertEquals(2 * total, both.total(), 1e-6);
        assertEquals(2 * noise, both.noise(), 1e-6);
        // One replication per draw cannot estimate the noise.
        assertTrue(Double.isNaN(SimulationNoise.of(result(1), Perspective.PAYER, WTP, 1, 0).noise()));
    }

    @Test
    void anOutcomeTheInputsExplainExactlyKeepsItsEvpiAndAnInputThatExplainsNothingHasNone() {
        final ProbabilisticAnalysis.Result r = result(2);
        // The draws' means have no noise: the regression on theta1 is exact, so the corrected EVPI is
        // the EVPI of the draws. B's INB 100 theta1 - 50 > 0 for theta1 > 0.5: mean over draws of
        // max(0, INB) less max(0, mean INB) = mean max(0, INB) - 0 (the grid's mean INB is -50).
        double expected = 0;
        for (int d = 0; d < DRAWS; d++) {
            expected += Math.max(0, 100 * values(d)[0] - 50) / DRAWS;
        }
        assertEquals(expected, r.evpi(Perspective.PAYER, WTP), 1e-9);
        final ValueOfInformation.Estimate all = r.corrected(Perspective.PAYER).evppi(new double[] {WTP})[0];
        assertEquals(expected, all.value(), 1e-6);
        assertEquals(0.0, all.standardError(), 1e-6, "an exact fit has no coefficient uncertainty");
        final ValueOfInformation.Estimate theta1 = ValueOfInformation.fit(r, Perspective.PAYER, List.of(0), WTP, 1)
                .evppi(new double[] {WTP})[0];
        assertEquals(expected, theta1.value(), 1e-6);
        // theta2 takes +1 and -1 with every theta1 value once each: the INB's mean is the same at both.
        final ValueOfInformation.Estimate theta2 = ValueOfInformation.fit(r, Perspective.PAYER, List.of(1), WTP, 2)
                .evppi(new double[] {WTP})[0];
        assertEquals(0.0, theta2.value(), 1e-6);
    }

    @Test
    void tiedArmsShareTheCorrectedAcceptability() {
        final ValueOfInformation fit = result(2).corrected(Perspective.PAYER);
        final double[][] p = fit.acceptability(new double[] {WTP});
        // B's INB 100 theta1 - 50 is positive for theta1 = -5 + 10 k / 19 > 0.5, k = 11..19: 9 grid
        // values, 18 of 40 draws, where B and C tie and share them; A is best in the other 22.
        assertEquals(22.0 / 40, p[0][0], 1e-12);
        assertEquals(9.0 / 40, p[1][0], 1e-12);
        assertEquals(9.0 / 40, p[2][0], 1e-12);
    }

    @Test
    void setsAreEachInputEachGroupAndAll() {
        final List<UncertainParameter> parameters = List.of(
                new UncertainParameter("dynamics.a", UncertainParameter.Family.UNIFORM, NA, NA, 0, 1),
                new UncertainParameter("costs.b", UncertainParameter.Family.UNIFORM, NA, NA, 0, 1),
                new UncertainParameter("dynamics.c", UncertainParameter.Family.UNIFORM, NA, NA, 0, 1));
        final List<ValueOfInformation.Inputs> sets = ValueOfInformation.sets(parameters);
        assertEquals(List.of("dynamics.a", "costs.b", "dynamics.c", "dynamics.*", "all inputs"),
                sets.stream().map(ValueOfInformation.Inputs::name).toList());
        assertEquals(List.of(0, 2), sets.get(3).indexes());
        assertEquals(List.of(0, 1, 2), sets.get(4).indexes());
    }
}

package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import org.therapysim.scenario.UncertainParameter;

/**
 * A PSA whose only uncertain input cannot move payer costs or QALYs: every difference between its
 * draws is the simulation's noise, so its value of information, once the noise is regressed away,
 * must be about zero. Judged against the estimate's own standard error, so left out of the mutation
 * run with the other whole-model tests judged by a band.
 */
class NoiseOnlyPsaTest {
    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final double NA = Double.NaN;

    @Test
    void aPsaOfAnInputThatCannotMoveCostsOrQalysHasNoValueOfInformationOnceNoiseIsRemoved() {
        // Two close designs, and an employment rate that cannot move payer costs or QALYs: every
        // difference between draws is the simulation's noise.
        final Scenario twenty = TestScenarios.cohort(400, 30, "plan.copay=20");
        final Scenario more = TestScenarios.cohort(400, 30, "plan.copay=25").withName("copay 25");
        final Study noiseOnly = new Study("noise only", "test", List.of(twenty, more), 2, 5, List.of(
                new UncertainParameter("patients.employmentRate", UncertainParameter.Family.UNIFORM, NA, NA,
                        0.6029, 0.6031)));
        final ProbabilisticAnalysis.Result r = ProbabilisticAnalysis.run(noiseOnly, LOADER, 16, 3, 2,
                ProgressListener.NONE);
        // At the ratio of the mean increments the arms tie on average, and the noise puts a different
        // arm first in some draws, which the uncorrected EVPI counts as value.
        double dCost = 0;
        double dQalys = 0;
        for (int d = 0; d < 16; d++) {
            dCost += r.costs(Perspective.PAYER)[d][1] - r.costs(Perspective.PAYER)[d][0];
            dQalys += r.qalys()[d][1] - r.qalys()[d][0];
        }
        final double[] wtp = {dCost / dQalys};
        assertTrue(wtp[0] > 0 && Double.isFinite(wtp[0]), "a trade-off: " + dCost + " for " + dQalys);
        final double raw = r.evpi(Perspective.PAYER, wtp[0]);
        assertTrue(raw > 0, "noise alone gives an EVPI of the draws as run: " + raw);
        final ValueOfInformation.Estimate corrected = r.corrected(Perspective.PAYER).evppi(wtp)[0];
        assertTrue(corrected.value() <= 2 * corrected.standardError() + 1e-9,
                "about zero within its error: " + corrected + " against " + raw + " uncorrected");
        assertTrue(SimulationNoise.of(r, Perspective.PAYER, wtp[0], 1, 0).share() > 0.5,
                "the spread of the incremental net benefit is noise");
    }
}

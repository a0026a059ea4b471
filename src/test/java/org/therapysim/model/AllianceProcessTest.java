package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.AllianceDynamics;
import org.therapysim.scenario.RuptureDynamics;

/**
 * The alliance's ceilings and the working alliance, against docs/MODEL.md ("Alliance"):
 * {@code c = logistic(logit(capacity) + skill + w x progress)} for the alliance the patient feels,
 * {@code logistic(p logit(capacity) + (1 - p) logit(mean capacity) + skill)} for the one that
 * drives change, and {@code w = min(1, a / c) x working ceiling}.
 */
class AllianceProcessTest {
    private static final double EPS = 1e-12;

    private static double logit(final double p) {
        return Math.log(p / (1 - p));
    }

    private static double logistic(final double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private static AllianceProcess process(final double improvementWeight, final double patientShare) {
        return new AllianceProcess(new AllianceDynamics(0.6, 0.35, 0.05, 0.6, 0.05, improvementWeight, patientShare),
                TestScenarios.defaults().dynamics().ruptures());
    }

    @Test
    void theFeltCeilingRisesWithProgressByItsWeight() {
        final AllianceProcess p = process(0.5, 0.0);
        // No progress: logistic(logit(0.7) + 0.4), the ceiling of capacity and skill alone.
        assertEquals(AllianceProcess.ceiling(0.7, 0.4), p.ceiling(0.7, 0.4, 0.0), EPS);
        assertEquals(logistic(logit(0.7) + 0.4), p.ceiling(0.7, 0.4, 0.0), EPS);
        // 40% of the score lost: + 0.5 x 0.4 = 0.2 on the logit; worse than at the start lowers it.
        assertEquals(logistic(logit(0.7) + 0.4 + 0.2), p.ceiling(0.7, 0.4, 0.4), EPS);
        assertEquals(logistic(logit(0.7) + 0.4 - 0.1), p.ceiling(0.7, 0.4, -0.2), EPS);
        // Weight 0: progress does not count.
        assertEquals(logistic(logit(0.7) + 0.4), process(0.0, 0.0).ceiling(0.7, 0.4, 0.9), EPS);
    }

    @Test
    void theWorkingCeilingTakesThePatientsShareOfTheirOwnCapacity() {
        // p = 0: the therapist with a patient of mean capacity 0.7, whatever the patient's own.
        assertEquals(logistic(logit(0.7) + 0.4), process(0.5, 0.0).workingCeiling(0.9, 0.7, 0.4), EPS);
        assertEquals(logistic(logit(0.7) + 0.4), process(0.5, 0.0).workingCeiling(0.3, 0.7, 0.4), EPS);
        // p = 1: the patient's own capacity, as in the felt ceiling without progress.
        assertEquals(logistic(logit(0.9) + 0.4), process(0.5, 1.0).workingCeiling(0.9, 0.7, 0.4), EPS);
        // p = 0.25: a quarter of the way from the mean's logit to the patient's.
        assertEquals(logistic(0.25 * logit(0.9) + 0.75 * logit(0.7) + 0.4),
                process(0.5, 0.25).workingCeiling(0.9, 0.7, 0.4), EPS);
    }

    @Test
    void theWorkingAllianceIsTheRealizedShareOfTheFeltCeilingTimesTheWorkingCeiling() {
        // Half of a felt ceiling of 0.8 realized, working ceiling 0.6: 0.3.
        assertEquals(0.3, AllianceProcess.working(0.4, 0.8, 0.6), EPS);
        // Above the ceiling (a repair can lift the alliance past it): the share is capped at 1.
        assertEquals(0.6, AllianceProcess.working(0.9, 0.8, 0.6), EPS);
        assertEquals(0.0, AllianceProcess.working(0.5, 0.0, 0.6), EPS);
    }

    @Test
    void withTheWholeCapacityAndNoProgressWeightTheWorkingAllianceIsTheFeltOne() {
        final AllianceProcess p = process(0.0, 1.0);
        final double ceiling = p.ceiling(0.8, -0.3, 0.5);
        final double working = p.workingCeiling(0.8, 0.7, -0.3);
        assertEquals(ceiling, working, EPS);
        assertEquals(0.55, AllianceProcess.working(0.55, ceiling, working), EPS);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        final AllianceDynamics d = TestScenarios.defaults().dynamics().alliance();
        assertEquals(0.5, d.improvementWeight(), 0.0);
        assertEquals(0.0, d.patientShareOfEffect(), 0.0);
        final RuptureDynamics r = TestScenarios.defaults().dynamics().ruptures();
        assertEquals(0.1, r.repairGain(), 0.0);
    }
}

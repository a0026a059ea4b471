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

    /**
     * Ruptures and repair with sizes of their own: base 0.04, resistance weight 0.5, error
     * multiplier 3, weak-alliance weight 2, repair resistance weight 0.5, feedback boost 0.125,
     * repair gain 0.25, unrepaired loss 0.2 for 3 sessions, repair progress weight 0.5; missed-session decay 0.05, softening
     * 0.1 above an alliance of 0.6.
     */
    private static AllianceProcess ruptures() {
        return new AllianceProcess(new AllianceDynamics(0.6, 0.35, 0.05, 0.6, 0.1, 0.0, 0.0),
                new RuptureDynamics(0.04, 0.5, 3.0, 2.0, 0.5, 0.125, 0.25, 0.2, 3, 0.5));
    }

    @Test
    void aRuptureIsLikelierWithResistanceAnErrorAndAWeakAlliance() {
        final AllianceProcess p = ruptures();
        // 0.04 x (1 + 0.5 x 0.4) x 1 x (1 + 2 x (1 - 0.75)) = 0.04 x 1.2 x 1.5 = 0.072.
        assertEquals(0.072, p.ruptureProbability(0.4, false, 0.75), EPS);
        // The error triples it: 0.216.
        assertEquals(0.216, p.ruptureProbability(0.4, true, 0.75), EPS);
        // No resistance, full alliance: the base alone.
        assertEquals(0.04, p.ruptureProbability(0.0, false, 1.0), EPS);
        // Never above 1: 0.04 x 1.5 x 3 x 3 = 0.54; with base 0.5 it would be 6.75.
        assertEquals(0.54, p.ruptureProbability(1.0, true, 0.0), EPS);
        final AllianceProcess certain = new AllianceProcess(new AllianceDynamics(0.6, 0.35, 0.05, 0.6, 0.1, 0.0, 0.0),
                new RuptureDynamics(0.5, 0.5, 3.0, 2.0, 0.5, 0.125, 0.25, 0.2, 3, 0.5));
        assertEquals(1.0, certain.ruptureProbability(1.0, true, 0.0), EPS);
    }

    @Test
    void repairTakesSkillLessResistancePlusFeedbackWithinZeroAndOne() {
        final AllianceProcess p = ruptures();
        // No progress yet: 0.6 x (1 - 0.5 x 0.4) = 0.48; with feedback + 0.125 = 0.605.
        assertEquals(0.48, p.repairProbability(0.6, 0.4, false, 0.0), EPS);
        assertEquals(0.605, p.repairProbability(0.6, 0.4, true, 0.0), EPS);
        // Bounded: 0.95 + 0.125 > 1, and then progress cannot move it.
        assertEquals(1.0, p.repairProbability(0.95, 0.0, true, 0.0), EPS);
        assertEquals(1.0, p.repairProbability(0.95, 0.0, true, -1.0), EPS);
        assertEquals(0.0, p.repairProbability(0.0, 1.0, false, 0.8), EPS);
    }

    @Test
    void aCourseGoingWellRepairsMoreOftenAndOneGoingBadlyLessOften() {
        final AllianceProcess p = ruptures();
        // Half the assessment score lost: logit(0.48) + 0.5 x 0.5 = -0.0800 + 0.25 = 0.1700,
        // logistic 0.54240.
        final double logit = Math.log(0.48 / 0.52);
        assertEquals(1 / (1 + Math.exp(-(logit + 0.25))), p.repairProbability(0.6, 0.4, false, 0.5), EPS);
        assertEquals(0.5424, p.repairProbability(0.6, 0.4, false, 0.5), 1e-4);
        // A fifth worse than at assessment: logit(0.48) - 0.1, logistic 0.45511.
        assertEquals(1 / (1 + Math.exp(-(logit - 0.1))), p.repairProbability(0.6, 0.4, false, -0.2), EPS);
        assertEquals(0.4551, p.repairProbability(0.6, 0.4, false, -0.2), 1e-4);
        // Weight 0: the repair probability does not follow progress.
        final AllianceProcess still = new AllianceProcess(new AllianceDynamics(0.6, 0.35, 0.05, 0.6, 0.1, 0.0, 0.0),
                new RuptureDynamics(0.04, 0.5, 3.0, 2.0, 0.5, 0.125, 0.25, 0.2, 3, 0.0));
        assertEquals(0.48, still.repairProbability(0.6, 0.4, false, 0.5), EPS);
    }

    @Test
    void aRepairClosesPartOfTheGapAndAnUnrepairedRuptureTakesAShare() {
        final AllianceProcess p = ruptures();
        // 0.6 + 0.25 x 0.4 = 0.7; 0.6 x (1 - 0.2) = 0.48; the effect lasts 3 sessions.
        assertEquals(0.7, p.repaired(0.6), EPS);
        assertEquals(0.48, p.unrepaired(0.6), EPS);
        assertEquals(3, p.unrepairedEffectSessions());
        // A missed session: 0.6 x 0.95.
        assertEquals(0.57, p.afterMissedSession(0.6), EPS);
    }

    @Test
    void resistanceSoftensOnlyAboveTheAllianceThreshold() {
        final AllianceProcess p = ruptures();
        // 0.5 - 0.1 x (0.8 - 0.6) = 0.48; at 0.6 exactly and below, unchanged; never below 0.
        assertEquals(0.48, p.softenedResistance(0.5, 0.8), EPS);
        assertEquals(0.5, p.softenedResistance(0.5, 0.6), EPS);
        assertEquals(0.5, p.softenedResistance(0.5, 0.3), EPS);
        assertEquals(0.0, p.softenedResistance(0.01, 1.0), EPS);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        final AllianceDynamics d = TestScenarios.defaults().dynamics().alliance();
        assertEquals(0.5, d.improvementWeight(), 0.0);
        assertEquals(0.0, d.patientShareOfEffect(), 0.0);
        final RuptureDynamics r = TestScenarios.defaults().dynamics().ruptures();
        assertEquals(0.1, r.repairGain(), 0.0);
        // Repair follows progress with the weight the alliance's ceiling follows it with.
        assertEquals(d.improvementWeight(), r.repairProgressWeight(), 0.0);
    }
}

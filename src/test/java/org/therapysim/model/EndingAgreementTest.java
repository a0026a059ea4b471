package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.therapysim.scenario.EndingRules;

/**
 * Endings by agreement, against docs/MODEL.md ("Endings"). With at least 3 sessions, a planned
 * ending has probability 0.8 at or below the goal score G, {@code 0.1 x min(1, n / 8) x (B - s) /
 * (B - G)} for a score s between G and the baseline B after session n, and 0 without improvement; from session max(3, 8) = 8 on, a
 * patient not reliably improved ends as not helped with probability 0.15.
 */
class EndingAgreementTest {
    private static final double EPS = 1e-12;
    private static final EndingAgreement RULES = new EndingAgreement(new EndingRules(3, 0.8, 0.1, 8, 0.15));

    @Test
    void theGoalIsTheLevelAndAReliableChangeForAPatientAtCaseness() {
        // PHQ-9: max 27, caseness 10, reliable change 6. Level 0.3 -> 8.1. Baseline 20: min(8.1, 14) = 8.1.
        assertEquals(8.1, EndingAgreement.goalScore(20, 27, 10, 6, 0.3), EPS);
        // Baseline 12: min(8.1, 12 - 6) = 6 (the level alone would not be a reliable change).
        assertEquals(6.0, EndingAgreement.goalScore(12, 27, 10, 6, 0.3), EPS);
        // Baseline exactly at caseness counts as a case: min(8.1, 10 - 6) = 4, not 10 x 0.81.
        assertEquals(4.0, EndingAgreement.goalScore(10, 27, 10, 6, 0.3), EPS);
        // A level above caseness, 0.5 -> 13.5: baseline 22 is content at min(13.5, 16) = 13.5, still a case.
        assertEquals(13.5, EndingAgreement.goalScore(22, 27, 10, 6, 0.5), EPS);
        // Below caseness, baseline 9: the share a patient at 10 would lose to reach 8.1, 9 x 0.81.
        assertEquals(9 * 0.81, EndingAgreement.goalScore(9, 27, 10, 6, 0.3), 1e-9);
        // ... and no more than the baseline when the level is above the cut-off.
        assertEquals(9.0, EndingAgreement.goalScore(9, 27, 10, 6, 0.5), EPS);
    }

    @Test
    void noPlannedEndingBeforeTheMinimumSessions() {
        // Baseline 20, goal 8, score 5: at the goal, but session 2 < 3.
        assertEquals(0.0, RULES.plannedProbability(2, 5, 20, 8.0), EPS);
        assertEquals(0.8, RULES.plannedProbability(3, 5, 20, 8.0), EPS);
    }

    @Test
    void atOrBelowTheGoalTheAgreementProbability() {
        assertEquals(0.8, RULES.plannedProbability(3, 8, 20, 8.0), EPS);
        assertEquals(0.8, RULES.plannedProbability(10, 0, 20, 8.0), EPS);
    }

    @Test
    void shortOfTheGoalInProportionToTheWayComeAndToTheTrialSoFar() {
        // Baseline 20, goal 8, trial max(3, 8) = 8. At session 8: score 14 is (20 - 14) / (20 - 8)
        // = 0.5 of the way: 0.1 x 1 x 0.5; at session 4, half the trial: 0.1 x 0.5 x 0.5.
        assertEquals(0.05, RULES.plannedProbability(8, 14, 20, 8.0), EPS);
        assertEquals(0.025, RULES.plannedProbability(4, 14, 20, 8.0), EPS);
        assertEquals(0.05, RULES.plannedProbability(30, 14, 20, 8.0), EPS);
        // Score 9 at session 8: 11 / 12 of the way.
        assertEquals(0.1 * 11 / 12, RULES.plannedProbability(8, 9, 20, 8.0), EPS);
        // Goal 7.2 (below caseness), score 8 from 9 at session 3: 3 / 8 x 1 / 1.8.
        assertEquals(0.1 * 3 / 8 / 1.8, RULES.plannedProbability(3, 8, 9, 7.2), EPS);
    }

    @Test
    void noPlannedEndingWithoutImprovement() {
        assertEquals(0.0, RULES.plannedProbability(5, 20, 20, 8.0), EPS);
        assertEquals(0.0, RULES.plannedProbability(5, 23, 20, 8.0), EPS);
        // A goal at or above the baseline (a level share of 1 below caseness) still needs improvement.
        assertEquals(0.0, RULES.plannedProbability(5, 6, 6, 6.0), EPS);
        assertEquals(0.8, RULES.plannedProbability(5, 5, 6, 6.0), EPS);
    }

    @Test
    void certainAgreementAtTheGoalAndNoneShortOfIt() {
        final EndingAgreement strict = new EndingAgreement(new EndingRules(2, 1.0, 0.0, 8, 0.0));
        assertEquals(1.0, strict.plannedProbability(2, 8, 20, 8.0), EPS);
        assertEquals(0.0, strict.plannedProbability(2, 9, 20, 8.0), EPS);
        assertEquals(0.0, strict.notHelpedProbability(40, false), EPS);
    }

    @Test
    void notHelpedOnlyAfterTheTrialAndOnlyWithoutReliableImprovement() {
        assertEquals(0.0, RULES.notHelpedProbability(7, false), EPS);
        assertEquals(0.15, RULES.notHelpedProbability(8, false), EPS);
        assertEquals(0.15, RULES.notHelpedProbability(30, false), EPS);
        assertEquals(0.0, RULES.notHelpedProbability(8, true), EPS);
    }

    @Test
    void theTrialIsAtLeastTheMinimumSessions() {
        final EndingAgreement late = new EndingAgreement(new EndingRules(10, 0.8, 0.1, 8, 0.15));
        assertEquals(0.0, late.notHelpedProbability(9, false), EPS);
        assertEquals(0.15, late.notHelpedProbability(10, false), EPS);
    }
}

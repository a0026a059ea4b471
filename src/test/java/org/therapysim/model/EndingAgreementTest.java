package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.therapysim.scenario.EndingRules;

/**
 * Endings by agreement, against docs/MODEL.md ("Endings"). With at least 3 sessions, a planned
 * ending has probability 0.8 at or past the good-enough share g, {@code 0.1 x x / g} for an
 * improvement x between 0 and g, and 0 without improvement; from session max(3, 8) = 8 on, a
 * patient not reliably improved ends as not helped with probability 0.15.
 */
class EndingAgreementTest {
    private static final double EPS = 1e-12;
    private static final EndingAgreement RULES = new EndingAgreement(new EndingRules(3, 0.8, 0.1, 8, 0.15));

    @Test
    void noPlannedEndingBeforeTheMinimumSessions() {
        assertEquals(0.0, RULES.plannedProbability(2, 0.9, 0.5), EPS);
        assertEquals(0.8, RULES.plannedProbability(3, 0.9, 0.5), EPS);
    }

    @Test
    void atOrPastTheGoodEnoughLevelTheAgreementIsLikely() {
        assertEquals(0.8, RULES.plannedProbability(3, 0.5, 0.5), EPS);
        assertEquals(0.8, RULES.plannedProbability(10, 0.7, 0.5), EPS);
    }

    @Test
    void belowTheLevelTheAgreementRisesWithProgress() {
        // 0.1 x 0.25 / 0.5 = 0.05; 0.1 x 0.1 / 0.5 = 0.02.
        assertEquals(0.05, RULES.plannedProbability(3, 0.25, 0.5), EPS);
        assertEquals(0.02, RULES.plannedProbability(3, 0.1, 0.5), EPS);
    }

    @Test
    void withoutImprovementThereIsNoPlannedEnding() {
        assertEquals(0.0, RULES.plannedProbability(5, 0.0, 0.5), EPS);
        assertEquals(0.0, RULES.plannedProbability(5, -0.3, 0.5), EPS);
    }

    @Test
    void aGoodEnoughLevelOfZeroIsReachedAtOnce() {
        assertEquals(0.8, RULES.plannedProbability(3, 0.0, 0.0), EPS);
    }

    @Test
    void theOldRuleIsTheCaseOfCertainAgreementAtTheLevelAndNoneBelow() {
        final EndingAgreement old = new EndingAgreement(new EndingRules(2, 1.0, 0.0, 8, 0.0));
        assertEquals(1.0, old.plannedProbability(2, 0.47, 0.47), EPS);
        assertEquals(0.0, old.plannedProbability(2, 0.46, 0.47), EPS);
        assertEquals(0.0, old.notHelpedProbability(40, false), EPS);
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

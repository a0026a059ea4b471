package org.therapysim.model;

import org.therapysim.scenario.EndingRules;

/**
 * Endings by agreement between patient and therapist, after an attended session from
 * {@code minSessions} on. A planned ending reflects progress towards the patient's good-enough
 * level g (Barkham et al. 2006; Stiles, Barkham and Wheeler 2015): with improvement x (share of
 * the assessment score lost), its probability is {@code agreementAtGoal} when {@code x >= g},
 * {@code agreementBelowGoal x x / g} when {@code 0 < x < g}, and 0 when the patient has not
 * improved. A mutual "not helped" ending follows lasting non-progress: from session
 * {@code max(minSessions, trialSessions)} on, a patient who is not reliably improved ends with
 * probability {@code notHelpedPerSession}.
 */
final class EndingAgreement {
    private final EndingRules rules;

    EndingAgreement(final EndingRules rules) {
        this.rules = rules;
    }

    /**
     * @param sessions sessions attended in the episode, this one included
     * @param improvement share of the assessment score lost so far
     * @param goodEnough the patient's good-enough share
     * @return the probability of a planned ending after this session
     */
    double plannedProbability(final int sessions, final double improvement, final double goodEnough) {
        if (sessions < rules.minSessions()) {
            return 0.0;
        }
        if (improvement >= goodEnough) {
            return rules.agreementAtGoal();
        }
        if (improvement <= 0.0) {
            return 0.0;
        }
        return rules.agreementBelowGoal() * improvement / goodEnough;
    }

    /**
     * @param sessions sessions attended in the episode, this one included
     * @param reliablyImproved whether the current score is reliably below the assessment score
     * @return the probability of a mutual ending because the patient is not helped
     */
    double notHelpedProbability(final int sessions, final boolean reliablyImproved) {
        if (reliablyImproved || sessions < Math.max(rules.minSessions(), rules.trialSessions())) {
            return 0.0;
        }
        return rules.notHelpedPerSession();
    }
}

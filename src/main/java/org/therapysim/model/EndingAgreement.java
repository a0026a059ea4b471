package org.therapysim.model;

import org.therapysim.scenario.EndingRules;

/**
 * Endings by agreement between patient and therapist, after an attended session from
 * {@code minSessions} on. A planned ending reflects progress towards the patient's good-enough
 * level (Barkham et al. 2006; Stiles, Barkham and Wheeler 2015): patients end when they have
 * reached a level of functioning that is good enough for them, so that fast and slow responders
 * end at much the same level, after few or many sessions. The level is a score, {@code L = l x max}
 * with l the patient's level share of the measure's range; it may lie above the caseness cut-off C
 * (some patients are content while still above it). With assessment score B and reliable-change
 * threshold RC, the goal is {@code G = min(L, B - RC)} for a patient at caseness at assessment (at
 * their level and reliably better), and {@code G = B x min(1, L / C)} for one below it (the share of
 * the score a patient at C would lose to reach L). With current score s after session n, a planned ending has
 * probability {@code agreementAtGoal} when {@code s <= G}, {@code agreementBelowGoal x min(1, n / T)
 * x (B - s) / (B - G)} when {@code G < s < B}, and 0 when the patient has not improved; T is the
 * trial, {@code max(minSessions, trialSessions)}: settling for partial progress becomes acceptable
 * as the course reaches the length of a reasonable trial, not in its first sessions. A mutual "not helped" ending
 * follows lasting non-progress: from session {@code max(minSessions, trialSessions)} on, a patient
 * who is not reliably improved ends with probability {@code notHelpedPerSession}.
 */
final class EndingAgreement {
    private final EndingRules rules;

    EndingAgreement(final EndingRules rules) {
        this.rules = rules;
    }

    /**
     * @param baseline the assessment score
     * @param max the measure's highest score
     * @param caseness the measure's caseness cut-off
     * @param reliableChange the measure's reliable-change threshold
     * @param level the patient's good-enough level, as a share of the measure's range
     * @return the score at or below which the patient is content to end
     */
    static double goalScore(final int baseline, final int max, final int caseness, final int reliableChange,
            final double level) {
        final double score = level * max;
        if (baseline >= caseness) {
            return Math.min(score, baseline - reliableChange);
        }
        return baseline * Math.min(1.0, score / caseness);
    }

    /**
     * @param sessions sessions attended in the episode, this one included
     * @param score the current (observed) score
     * @param baseline the assessment score
     * @param goal the patient's goal score ({@link #goalScore})
     * @return the probability of a planned ending after this session
     */
    double plannedProbability(final int sessions, final int score, final int baseline, final double goal) {
        if (sessions < rules.minSessions() || score >= baseline) {
            return 0.0;
        }
        if (score <= goal) {
            return rules.agreementAtGoal();
        }
        final double settling = Math.min(1.0, sessions / (double) Math.max(rules.minSessions(), rules.trialSessions()));
        return rules.agreementBelowGoal() * settling * (baseline - score) / (baseline - goal);
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

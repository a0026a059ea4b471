package org.therapysim.model;

import org.therapysim.scenario.ReturnToCareSpec;

/**
 * Return to care after an episode that ended at or above caseness: in the k-th week after the
 * ending the patient seeks care again with probability
 * {@code h_k = min(0.999, h0 x m(reason) x (s_k / caseness)^p)}, where {@code h0} gives the
 * one-year probability of returning at a score held at caseness after an ending by the patient or
 * by agreement ({@code 1 - (1 - h0)^52}), {@code m} is 1 after a dropout, a "not helped" or a
 * planned ending, the plan-ending multiplier after the cap or a denied review and the not-started
 * multiplier after declining, giving up before booking or giving up on the waiting list, and
 * {@code s_k = s (1 - natural)^(k - 1)} is the expected untreated course from the score at the
 * ending. The hazard thus falls as the untreated course brings the score down.
 */
final class ReturnToCare {
    /** The weekly hazard stays below certainty, so that a return is a draw, not a rule. */
    private static final double MAX_HAZARD = 0.999;
    private final double baseHazard;
    private final double severityPower;
    private final double planEndMultiplier;
    private final double notStartedMultiplier;

    ReturnToCare(final ReturnToCareSpec spec) {
        this.baseHazard = 1 - Math.pow(1 - spec.oneYearProbability(), 1.0 / 52.0);
        this.severityPower = spec.severityPower();
        this.planEndMultiplier = spec.planEndMultiplier();
        this.notStartedMultiplier = spec.notStartedMultiplier();
    }

    /** @return the hazard multiplier of an ending: 1 by the patient or by agreement, else the plan's or not started */
    double multiplier(final EndReason reason) {
        return switch (reason) {
            case PLANNED, NOT_HELPED, DROPOUT -> 1.0;
            case CAP_REACHED, REVIEW_DENIED -> planEndMultiplier;
            case DECLINED, NOT_BOOKED, GAVE_UP_WAITING -> notStartedMultiplier;
            case HORIZON -> 0.0;
        };
    }

    /**
     * @param reason how the episode ended
     * @param score the (continuous) score in the week
     * @param caseness the measure's caseness cut-off
     * @return the probability of seeking care again in a week at {@code score}
     */
    double hazard(final EndReason reason, final double score, final int caseness) {
        return capped(baseHazard * multiplier(reason), Math.pow(score / caseness, severityPower));
    }

    /** @return the weekly hazard of an ending's base hazard at a severity factor, below certainty */
    private static double capped(final double base, final double severity) {
        return Math.min(MAX_HAZARD, base * severity);
    }

    /**
     * Inverts the draw {@code u}: the return falls in week k exactly when
     * {@code F(k-1) < u <= F(k)}, with {@code F(k) = 1 - prod_{j <= k} (1 - h_j)}.
     *
     * @param reason how the episode ended
     * @param score the score at the ending
     * @param caseness the measure's caseness cut-off
     * @param naturalImprovement the condition's weekly natural improvement (the untreated course)
     * @param u a uniform draw in [0, 1)
     * @param maxWeeks the last week after the ending that matters (the horizon)
     * @return weeks from the ending to the return (at least 1), or {@link Integer#MAX_VALUE} when
     *     it falls after {@code maxWeeks} or never
     */
    int weeksToReturn(final EndReason reason, final double score, final int caseness, final double naturalImprovement,
            final double u, final int maxWeeks) {
        if (baseHazard <= 0 || multiplier(reason) <= 0) {
            return Integer.MAX_VALUE;
        }
        // The untreated course is geometric, s_k = s_1 (1 - r)^(k - 1), so the severity factor
        // (s_k / C)^p is too: one power before the loop and a product per week, not a power a week.
        final double base = baseHazard * multiplier(reason);
        final double decay = Math.pow(1 - naturalImprovement, severityPower);
        double severity = Math.pow(score / caseness, severityPower);
        double survival = 1.0;
        for (int k = 1; k <= maxWeeks; k++) {
            final double h = capped(base, severity);
            survival *= 1 - h;
            if (h > 0 && 1 - survival >= u) {
                return k;
            }
            severity *= decay;
        }
        return Integer.MAX_VALUE;
    }
}

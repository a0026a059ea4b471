package org.therapysim.model;

import org.therapysim.scenario.SymptomDynamics;

/**
 * Symptom change. In a session the expected change is proportional to the distance from the floor
 * (0), scaled by the alliance (common factors; Wampold and Imel 2015), by a small specific effect
 * of the orientation and by outcome feedback, and slowed by resistance:
 * {@code delta = rate * a * (1 + specific) * (1 + feedback) * (1 - rho R) * score}. Normal noise
 * allows deterioration. Proportional change gives a negatively accelerated dose-effect curve
 * (Howard et al. 1986). Without a session the score follows the untreated course.
 */
final class SymptomCourse {
    private final SymptomDynamics dynamics;
    /** The standard deviation of a week with a session, worked out once rather than every session. */
    private final double sessionWeekSd;

    SymptomCourse(final SymptomDynamics dynamics) {
        this.dynamics = dynamics;
        this.sessionWeekSd = dynamics.sessionWeekSd();
    }

    /** @return a week with a session's noise, in points, for the standard normal draw {@code z} */
    double sessionNoise(final double z) {
        return sessionWeekSd * z;
    }

    double afterSession(final double score, final double alliance, final double resistance, final double specificEffect,
            final boolean feedback, final double noise, final int max) {
        final double rate = dynamics.improvementRate() * alliance * (1 + specificEffect)
                * (feedback ? 1 + dynamics.feedbackGain() : 1.0) * (1 - dynamics.resistanceSlowing() * resistance);
        return bound(score - rate * score + sessionNoise(noise), max);
    }

    double untreated(final double score, final double naturalImprovement, final double noise, final int max) {
        return bound(score - naturalImprovement * score + dynamics.naturalNoiseSd() * noise, max);
    }

    private static double bound(final double score, final int max) {
        return Math.min(max, Math.max(0.0, score));
    }
}

package org.therapysim.scenario;

/**
 * Session-by-session symptom change.
 *
 * @param improvementRate share of the current score lost in a session at full alliance and no resistance
 * @param resistanceSlowing relative slowing per unit of resistance
 * @param noiseSd standard deviation of a session's own variability (points), which allows deterioration; in a
 *     week with a session it adds to the week's fluctuation
 * @param naturalNoiseSd standard deviation of the week-to-week fluctuation of symptoms outside therapy (points),
 *     in every week of an episode, with or without a session
 * @param feedbackGain relative increase of the improvement rate with a therapist who uses outcome feedback
 */
public record SymptomDynamics(double improvementRate, double resistanceSlowing, double noiseSd,
        double naturalNoiseSd, double feedbackGain) {
    public SymptomDynamics {
        Check.probability("improvementRate", improvementRate);
        Check.probability("resistanceSlowing", resistanceSlowing);
        Check.range("noiseSd", noiseSd, 0.0, 20.0);
        Check.range("naturalNoiseSd", naturalNoiseSd, 0.0, 20.0);
        Check.range("feedbackGain", feedbackGain, 0.0, 1.0);
    }

    /**
     * @return the standard deviation of a week's change in a week with a session: the session's own
     *         variability and the week's fluctuation outside therapy, independent, so their variances add
     */
    public double sessionWeekSd() {
        return Math.hypot(noiseSd, naturalNoiseSd);
    }
}

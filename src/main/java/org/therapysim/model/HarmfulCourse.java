package org.therapysim.model;

import org.therapysim.scenario.DeteriorationDynamics;

/**
 * Deterioration in treatment. In each attended session a course that is not yet harmful turns
 * harmful with probability {@code min(1, risk x (ruptureMultiplier if an unrepaired rupture is
 * recent))}, where {@code risk} is the therapist's own trait (therapists differ in how often
 * their patients deteriorate: Saxon et al. 2017). From then until the episode ends each session
 * moves the score up, {@code s <- s + worseningRate x (max - s) + noise}, instead of down, and
 * wears the alliance down, {@code a <- a x (1 - allianceErosion)}.
 */
final class HarmfulCourse {
    private final DeteriorationDynamics spec;

    HarmfulCourse(final DeteriorationDynamics spec) {
        this.spec = spec;
    }

    /**
     * @param therapistRisk the therapist's per-session risk that a course turns harmful
     * @param unrepairedRupture whether an unrepaired rupture is recent (within its effect)
     * @return the probability that the course turns harmful in this session
     */
    double onsetProbability(final double therapistRisk, final boolean unrepairedRupture) {
        return Math.min(1.0, therapistRisk * (unrepairedRupture ? spec.ruptureMultiplier() : 1.0));
    }

    /**
     * @param score the score before the session
     * @param noise the session's noise, in points
     * @param max the measure's maximum
     * @return the score after a session of a harmful course, bounded to [0, max]
     */
    double worsened(final double score, final double noise, final int max) {
        return Math.min(max, Math.max(0.0, score + spec.worseningRate() * (max - score) + noise));
    }

    /** @return the alliance after a session of a harmful course */
    double erodedAlliance(final double alliance) {
        return alliance * (1 - spec.allianceErosion());
    }
}

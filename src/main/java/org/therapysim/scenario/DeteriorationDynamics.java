package org.therapysim.scenario;

/**
 * Harmful courses: in a session the course may turn harmful, with a probability that is the
 * therapist's own (workforce.harmfulCourseRisk) and higher after an unrepaired rupture; from then
 * on the patient's sessions push the score up instead of down, and wear the alliance down, until
 * the episode ends.
 *
 * @param ruptureMultiplier multiplier on the therapist's risk in a session within the effect of an
 *     unrepaired rupture (1: no extra risk)
 * @param worseningRate share of the distance to the measure's maximum added to the score in each
 *     session of a harmful course
 * @param allianceErosion share of the alliance lost in each session of a harmful course (a patient
 *     who is getting worse rates the relationship lower)
 */
public record DeteriorationDynamics(double ruptureMultiplier, double worseningRate, double allianceErosion) {
    public DeteriorationDynamics {
        Check.range("ruptureMultiplier", ruptureMultiplier, 0.0, 100.0);
        Check.probability("worseningRate", worseningRate);
        Check.probability("allianceErosion", allianceErosion);
    }
}

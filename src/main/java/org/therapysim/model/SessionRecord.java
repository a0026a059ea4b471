package org.therapysim.model;

/**
 * One attended session: the row of the session table.
 *
 * @param patientId patient
 * @param episode episode number of the patient (1 = first)
 * @param sessionNumber sessions attended in the episode, this one included
 * @param week simulation week
 * @param therapistId therapist
 * @param score questionnaire score after the session (whole points)
 * @param alliance alliance after the session, on [0, 1]
 * @param rupture whether a rupture occurred
 * @param repaired whether that rupture was repaired
 */
public record SessionRecord(int patientId, int episode, int sessionNumber, int week, int therapistId, int score,
        double alliance, boolean rupture, boolean repaired) {
}

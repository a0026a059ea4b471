package org.therapysim.gui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.therapysim.model.Patient;

/**
 * What the classroom has seen of each patient: the score and alliance of every week spent with a
 * therapist, for the patient's inspector. Recorded by the GUI after each week; the model keeps no
 * history for it.
 */
final class PatientHistories {
    /** One observed week. */
    record Week(int week, double score, double alliance, int sessions) {
    }

    private final Map<Patient, List<Week>> weeks = new HashMap<>();

    /** Records the week for every patient now seeing a therapist. */
    synchronized void observe(final List<Patient> patients, final int week) {
        for (final Patient p : patients) {
            if (p.getTherapist() != null) {
                weeks.computeIfAbsent(p, k -> new ArrayList<>())
                        .add(new Week(week, p.getScore(), p.getAlliance(), p.getSessions()));
            }
        }
    }

    /** @return a copy of what was seen of a patient, oldest first */
    synchronized List<Week> of(final Patient patient) {
        return List.copyOf(weeks.getOrDefault(patient, List.of()));
    }

    /** Forgets everything (a new start). */
    synchronized void clear() {
        weeks.clear();
    }
}

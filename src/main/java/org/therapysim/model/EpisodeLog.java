package org.therapysim.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Accumulates what a replication produces (episodes, sessions if asked for, the weekly census),
 * then publishes it as an immutable {@link ReplicationResult} in a canonical order.
 */
final class EpisodeLog {
    private final boolean keepSessions;
    private final List<EpisodeRecord> episodes = new ArrayList<>();
    private final List<SessionRecord> sessions = new ArrayList<>();
    private final List<WeeklyCensus> census = new ArrayList<>();

    EpisodeLog(final boolean keepSessions) {
        this.keepSessions = keepSessions;
    }

    void episode(final EpisodeRecord record) {
        episodes.add(record);
    }

    void session(final Patient patient, final int week, final int score, final double alliance, final boolean rupture,
            final boolean repaired) {
        if (keepSessions) {
            sessions.add(new SessionRecord(patient.getId(), patient.getEpisode(), patient.getSessions(), week,
                    patient.getTherapist().getId(), score, alliance, rupture, repaired));
        }
    }

    List<EpisodeRecord> episodesSoFar() {
        return java.util.Collections.unmodifiableList(episodes);
    }

    void census(final WeeklyCensus week) {
        census.add(week);
    }

    /**
     * Orders episodes by patient id, then episode number, by a counting sort on the id: linear in
     * the number of episodes, and stable, and a patient's episodes end in the order of their
     * numbers.
     *
     * @return the episodes in that order (the list given stays in the order episodes ended)
     */
    private static List<EpisodeRecord> sortByPatient(final List<EpisodeRecord> episodes) {
        int maxId = -1;
        for (final EpisodeRecord e : episodes) {
            maxId = Math.max(maxId, e.patientId());
        }
        final int[] start = new int[maxId + 2];
        for (final EpisodeRecord e : episodes) {
            start[e.patientId() + 1]++;
        }
        for (int i = 1; i < start.length; i++) {
            start[i] += start[i - 1];
        }
        final EpisodeRecord[] sorted = new EpisodeRecord[episodes.size()];
        for (final EpisodeRecord e : episodes) {
            sorted[start[e.patientId()]++] = e;
        }
        return Arrays.asList(sorted);
    }

    ReplicationResult result(final int seed, final long patientWeeks, final int members, final double memberMonths,
            final int[] firstYearVisits, final EconomicTotals economics, final List<PatientEvaluation> evaluations) {
        final List<EpisodeRecord> sorted = sortByPatient(episodes);
        sessions.sort(Comparator.comparingInt(SessionRecord::patientId).thenComparingInt(SessionRecord::episode)
                .thenComparingInt(SessionRecord::sessionNumber));
        return new ReplicationResult(seed, sorted, sessions, census, patientWeeks, members, memberMonths,
                firstYearVisits, economics, evaluations);
    }
}

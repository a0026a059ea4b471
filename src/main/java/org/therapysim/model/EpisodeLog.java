package org.therapysim.model;

import java.util.ArrayList;
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

    ReplicationResult result(final int seed, final long patientWeeks, final int members, final double memberMonths,
            final int[] firstYearVisits, final EconomicTotals economics) {
        episodes.sort(Comparator.comparingInt(EpisodeRecord::patientId).thenComparingInt(EpisodeRecord::episode));
        sessions.sort(Comparator.comparingInt(SessionRecord::patientId).thenComparingInt(SessionRecord::episode)
                .thenComparingInt(SessionRecord::sessionNumber));
        return new ReplicationResult(seed, episodes, sessions, census, patientWeeks, members, memberMonths,
                firstYearVisits, economics);
    }
}

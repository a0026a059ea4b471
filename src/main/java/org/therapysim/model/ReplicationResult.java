package org.therapysim.model;

import java.util.List;

/**
 * Everything one replication produced, immutable.
 *
 * @param replicationSeed the seed it ran with
 * @param episodes every episode, in the order they ended (ties by patient and episode)
 * @param sessions every attended session (empty unless sessions were kept)
 * @param census the clinic's state week by week
 * @param patientWeeks patient-weeks simulated (one patient stepped for one week)
 * @param members covered members (denominator of per-member costs)
 * @param memberMonths member-months of the arrival period (denominator of per-member-per-month costs)
 * @param firstYearVisits for each patient who arrived, sessions attended in weeks 0-51 (all episodes)
 * @param economics outcomes and costs over the evaluation horizon, summed over patients
 * @param evaluations each patient's outcomes and costs over the horizon, in patient order (empty
 *     unless kept)
 */
public record ReplicationResult(int replicationSeed, List<EpisodeRecord> episodes, List<SessionRecord> sessions,
        List<WeeklyCensus> census, long patientWeeks, int members, double memberMonths, int[] firstYearVisits,
        EconomicTotals economics, List<PatientEvaluation> evaluations) {
    public ReplicationResult {
        episodes = List.copyOf(episodes);
        sessions = List.copyOf(sessions);
        census = List.copyOf(census);
        firstYearVisits = firstYearVisits.clone();
        evaluations = List.copyOf(evaluations);
    }

    /** A result without patients' evaluations. */
    public ReplicationResult(final int replicationSeed, final List<EpisodeRecord> episodes,
            final List<SessionRecord> sessions, final List<WeeklyCensus> census, final long patientWeeks,
            final int members, final double memberMonths, final int[] firstYearVisits, final EconomicTotals economics) {
        this(replicationSeed, episodes, sessions, census, patientWeeks, members, memberMonths, firstYearVisits,
                economics, List.of());
    }

    @Override
    public int[] firstYearVisits() {
        return firstYearVisits.clone();
    }
}

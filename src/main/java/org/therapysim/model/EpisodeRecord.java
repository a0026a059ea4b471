package org.therapysim.model;

/**
 * One episode of care as it ended: the row of the episode table. Boxed fields are null where the
 * value does not apply (never booked or never started treatment; recovery for a patient not at caseness at
 * assessment; relapse after an episode that did not end below caseness after a session; return to
 * care after an episode that did not end at or above caseness, or was censored at the horizon).
 *
 * <p>After the episode: {@code relapsed} and {@code returned} say whether the relapse or the return
 * to care began before the end of the simulation (the horizon), however much of it remained after
 * the ending; {@code weeksToRelapse} and {@code weeksToReturn} give the weeks from the ending to that
 * new episode (null when there was none before the horizon), and {@code weeksFollowedUp} the weeks
 * after the ending that lie before the horizon: a relapse or return at most that many weeks after
 * the ending is recorded, a later one is not. Together they let a rate count the events within a
 * fixed window after the ending, among endings followed up for the whole window.
 *
 * <p>Scores are whole questionnaire points. Reliable improvement: the score fell by at least the
 * measure's reliable-change threshold; recovery: at caseness at assessment and below it at the
 * last session; reliable recovery: both; deterioration: rose by at least the threshold (NHS
 * Digital IAPT definitions).
 */
public record EpisodeRecord(
        int patientId,
        int episode,
        String condition,
        Integer therapistId,
        String therapistOrientation,
        int arrivalWeek,
        Integer bookedWeek,
        Integer firstSessionWeek,
        int endWeek,
        int sessionsAttended,
        int sessionsPlanPaid,
        int sessionsSelfPaid,
        Integer sessionsToReliableImprovement,
        EndReason endReason,
        int baselineScore,
        Integer endScore,
        boolean casenessAtStart,
        Boolean reliableImprovement,
        Boolean recovered,
        Boolean reliableRecovery,
        Boolean deteriorated,
        Boolean relapsed,
        Boolean returned,
        Integer weeksToRelapse,
        Integer weeksToReturn,
        int weeksFollowedUp,
        Double allianceMean,
        Double allianceFinal,
        int ruptures,
        int repairs,
        int therapistSwitches,
        int noShows,
        int cancellations,
        int reviews,
        boolean outOfNetwork,
        double payerCost,
        double patientCost,
        double adminCost,
        double productivityLoss,
        double medicalCost) {

    /**
     * @param weeks the length of the window after the ending, in weeks
     * @return whether every week of the window lies before the horizon, so that a relapse or a return
     *     in any of them is recorded
     */
    public boolean followedUpFor(final int weeks) {
        return weeksFollowedUp >= weeks;
    }

    /** @return whether the patient attended at least one session */
    public boolean started() {
        return sessionsAttended > 0;
    }

    /** @return whether this is a finished course in the IAPT sense: ended (not censored) with 2 or more sessions */
    public boolean finishedCourse() {
        return sessionsAttended >= 2 && endReason != EndReason.HORIZON;
    }

    /**
     * @return whether this episode counts as a recovery in the population counts (recoveries per
     *     1,000 member-years, cost per recovery, recoveries per patient): treated (one session or
     *     more, so one-session episodes count), at caseness at assessment and ended below it. An
     *     episode censored at the horizon has not ended and is not counted, whatever its last score.
     *     Unlike the recovery rate, it is not restricted to finished courses (two or more sessions):
     *     a count of recoveries in a population counts every treated episode that ended recovered.
     */
    public boolean endedRecovered() {
        return Boolean.TRUE.equals(recovered) && endReason != EndReason.HORIZON;
    }

    /**
     * @return weeks from booking (joining the clinic's waiting list) to the first session, or null
     *     if there was none: the wait the clinic's queue (and a prior authorization) imposed
     */
    public Integer weeksWaiting() {
        return firstSessionWeek == null ? null : firstSessionWeek - bookedWeek;
    }

    /**
     * @return weeks from the start of the episode to booking the first appointment (hesitation), or
     *     null if the patient never booked
     */
    public Integer weeksHesitating() {
        return bookedWeek == null ? null : bookedWeek - arrivalWeek;
    }
}

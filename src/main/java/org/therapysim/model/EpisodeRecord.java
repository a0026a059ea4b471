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
 *
 * <p>A replication of a large cohort keeps a million or more of these until its tables are
 * written, so the record is stored compactly: counts, weeks and scores in 16 bits (a scenario
 * simulates at most 2,600 weeks, and a measure's scores go up to 1,000 at most), whether each boxed
 * value is present and each flag in the bits of one word, and no boxed values; the accessors box
 * on demand. Two records are equal when every component is.
 */
public final class EpisodeRecord {
    /** Bit of {@link #flags}: whether therapistId is present. */
    private static final int THERAPIST_ID = 0;
    /** Bit of {@link #flags}: whether bookedWeek is present. */
    private static final int BOOKED_WEEK = 1;
    /** Bit of {@link #flags}: whether firstSessionWeek is present. */
    private static final int FIRST_SESSION_WEEK = 2;
    /** Bit of {@link #flags}: whether sessionsToReliableImprovement is present. */
    private static final int SESSIONS_TO_RELIABLE_IMPROVEMENT = 3;
    /** Bit of {@link #flags}: whether endScore is present. */
    private static final int END_SCORE = 4;
    /** Bit of {@link #flags}: casenessAtStart. */
    private static final int CASENESS_AT_START = 5;
    /** Bits of {@link #flags}: whether reliableImprovement is present, and its value. */
    private static final int RELIABLE_IMPROVEMENT = 6;
    /** Bits of {@link #flags}: whether recovered is present, and its value. */
    private static final int RECOVERED = 8;
    /** Bits of {@link #flags}: whether reliableRecovery is present, and its value. */
    private static final int RELIABLE_RECOVERY = 10;
    /** Bits of {@link #flags}: whether deteriorated is present, and its value. */
    private static final int DETERIORATED = 12;
    /** Bits of {@link #flags}: whether relapsed is present, and its value. */
    private static final int RELAPSED = 14;
    /** Bits of {@link #flags}: whether returned is present, and its value. */
    private static final int RETURNED = 16;
    /** Bit of {@link #flags}: whether weeksToRelapse is present. */
    private static final int WEEKS_TO_RELAPSE = 18;
    /** Bit of {@link #flags}: whether weeksToReturn is present. */
    private static final int WEEKS_TO_RETURN = 19;
    /** Bit of {@link #flags}: whether allianceMean is present. */
    private static final int ALLIANCE_MEAN = 20;
    /** Bit of {@link #flags}: whether allianceFinal is present. */
    private static final int ALLIANCE_FINAL = 21;
    /** Bit of {@link #flags}: outOfNetwork. */
    private static final int OUT_OF_NETWORK = 22;

    /** Whether each boxed component is present, and the flags. */
    private final int flags;
    private final int patientId;
    private final short episode;
    private final String condition;
    private final int therapistId;
    private final String therapistOrientation;
    private final short arrivalWeek;
    private final short bookedWeek;
    private final short firstSessionWeek;
    private final short endWeek;
    private final short sessionsAttended;
    private final short sessionsPlanPaid;
    private final short sessionsSelfPaid;
    private final short sessionsToReliableImprovement;
    private final EndReason endReason;
    private final short baselineScore;
    private final short endScore;
    private final short weeksToRelapse;
    private final short weeksToReturn;
    private final short weeksFollowedUp;
    private final double allianceMean;
    private final double allianceFinal;
    private final short ruptures;
    private final short repairs;
    private final short therapistSwitches;
    private final short noShows;
    private final short cancellations;
    private final short reviews;
    private final double payerCost;
    private final double patientCost;
    private final double adminCost;
    private final double productivityLoss;
    private final double medicalCost;

    /** A record of these components; null where a boxed one does not apply (see above). */
    public EpisodeRecord(final int patientId, final int episode, final String condition, final Integer therapistId,
            final String therapistOrientation, final int arrivalWeek, final Integer bookedWeek,
            final Integer firstSessionWeek, final int endWeek, final int sessionsAttended, final int sessionsPlanPaid,
            final int sessionsSelfPaid, final Integer sessionsToReliableImprovement, final EndReason endReason,
            final int baselineScore, final Integer endScore, final boolean casenessAtStart,
            final Boolean reliableImprovement, final Boolean recovered, final Boolean reliableRecovery,
            final Boolean deteriorated, final Boolean relapsed, final Boolean returned, final Integer weeksToRelapse,
            final Integer weeksToReturn, final int weeksFollowedUp, final Double allianceMean,
            final Double allianceFinal, final int ruptures, final int repairs, final int therapistSwitches,
            final int noShows, final int cancellations, final int reviews, final boolean outOfNetwork,
            final double payerCost, final double patientCost, final double adminCost, final double productivityLoss,
            final double medicalCost) {
        int f = 0;
        this.patientId = patientId;
        this.episode = small("episode", episode);
        this.condition = condition;
        if (therapistId != null) {
            f |= 1 << THERAPIST_ID;
        }
        this.therapistId = therapistId == null ? 0 : therapistId;
        this.therapistOrientation = therapistOrientation;
        this.arrivalWeek = small("arrivalWeek", arrivalWeek);
        if (bookedWeek != null) {
            f |= 1 << BOOKED_WEEK;
        }
        this.bookedWeek = bookedWeek == null ? 0 : small("bookedWeek", bookedWeek);
        if (firstSessionWeek != null) {
            f |= 1 << FIRST_SESSION_WEEK;
        }
        this.firstSessionWeek = firstSessionWeek == null ? 0 : small("firstSessionWeek", firstSessionWeek);
        this.endWeek = small("endWeek", endWeek);
        this.sessionsAttended = small("sessionsAttended", sessionsAttended);
        this.sessionsPlanPaid = small("sessionsPlanPaid", sessionsPlanPaid);
        this.sessionsSelfPaid = small("sessionsSelfPaid", sessionsSelfPaid);
        if (sessionsToReliableImprovement != null) {
            f |= 1 << SESSIONS_TO_RELIABLE_IMPROVEMENT;
        }
        this.sessionsToReliableImprovement = sessionsToReliableImprovement == null ? 0 : small("sessionsToReliableImprovement", sessionsToReliableImprovement);
        this.endReason = endReason;
        this.baselineScore = small("baselineScore", baselineScore);
        if (endScore != null) {
            f |= 1 << END_SCORE;
        }
        this.endScore = endScore == null ? 0 : small("endScore", endScore);
        if (casenessAtStart) {
            f |= 1 << CASENESS_AT_START;
        }
        if (reliableImprovement != null) {
            f |= (reliableImprovement ? 3 : 1) << RELIABLE_IMPROVEMENT;
        }
        if (recovered != null) {
            f |= (recovered ? 3 : 1) << RECOVERED;
        }
        if (reliableRecovery != null) {
            f |= (reliableRecovery ? 3 : 1) << RELIABLE_RECOVERY;
        }
        if (deteriorated != null) {
            f |= (deteriorated ? 3 : 1) << DETERIORATED;
        }
        if (relapsed != null) {
            f |= (relapsed ? 3 : 1) << RELAPSED;
        }
        if (returned != null) {
            f |= (returned ? 3 : 1) << RETURNED;
        }
        if (weeksToRelapse != null) {
            f |= 1 << WEEKS_TO_RELAPSE;
        }
        this.weeksToRelapse = weeksToRelapse == null ? 0 : small("weeksToRelapse", weeksToRelapse);
        if (weeksToReturn != null) {
            f |= 1 << WEEKS_TO_RETURN;
        }
        this.weeksToReturn = weeksToReturn == null ? 0 : small("weeksToReturn", weeksToReturn);
        this.weeksFollowedUp = small("weeksFollowedUp", weeksFollowedUp);
        if (allianceMean != null) {
            f |= 1 << ALLIANCE_MEAN;
        }
        this.allianceMean = allianceMean == null ? 0.0 : allianceMean;
        if (allianceFinal != null) {
            f |= 1 << ALLIANCE_FINAL;
        }
        this.allianceFinal = allianceFinal == null ? 0.0 : allianceFinal;
        this.ruptures = small("ruptures", ruptures);
        this.repairs = small("repairs", repairs);
        this.therapistSwitches = small("therapistSwitches", therapistSwitches);
        this.noShows = small("noShows", noShows);
        this.cancellations = small("cancellations", cancellations);
        this.reviews = small("reviews", reviews);
        if (outOfNetwork) {
            f |= 1 << OUT_OF_NETWORK;
        }
        this.payerCost = payerCost;
        this.patientCost = patientCost;
        this.adminCost = adminCost;
        this.productivityLoss = productivityLoss;
        this.medicalCost = medicalCost;
        this.flags = f;
    }

    /** @return {@code value} in 16 bits, which every count and week of a simulation fits */
    private static short small(final String name, final int value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new IllegalArgumentException(name + " out of range for an episode record: " + value);
        }
        return (short) value;
    }

    private boolean has(final int bit) {
        return (flags & (1 << bit)) != 0;
    }

    private Boolean tri(final int bit) {
        return has(bit) ? Boolean.valueOf(has(bit + 1)) : null;
    }

    /** @return the patientId component */
    public int patientId() {
        return patientId;
    }

    /** @return the episode component */
    public int episode() {
        return episode;
    }

    /** @return the condition component */
    public String condition() {
        return condition;
    }

    /** @return the therapistId component */
    public Integer therapistId() {
        return has(THERAPIST_ID) ? Integer.valueOf(therapistId) : null;
    }

    /** @return the therapistOrientation component */
    public String therapistOrientation() {
        return therapistOrientation;
    }

    /** @return the arrivalWeek component */
    public int arrivalWeek() {
        return arrivalWeek;
    }

    /** @return the bookedWeek component */
    public Integer bookedWeek() {
        return has(BOOKED_WEEK) ? Integer.valueOf(bookedWeek) : null;
    }

    /** @return the firstSessionWeek component */
    public Integer firstSessionWeek() {
        return has(FIRST_SESSION_WEEK) ? Integer.valueOf(firstSessionWeek) : null;
    }

    /** @return the endWeek component */
    public int endWeek() {
        return endWeek;
    }

    /** @return the sessionsAttended component */
    public int sessionsAttended() {
        return sessionsAttended;
    }

    /** @return the sessionsPlanPaid component */
    public int sessionsPlanPaid() {
        return sessionsPlanPaid;
    }

    /** @return the sessionsSelfPaid component */
    public int sessionsSelfPaid() {
        return sessionsSelfPaid;
    }

    /** @return the sessionsToReliableImprovement component */
    public Integer sessionsToReliableImprovement() {
        return has(SESSIONS_TO_RELIABLE_IMPROVEMENT) ? Integer.valueOf(sessionsToReliableImprovement) : null;
    }

    /** @return the endReason component */
    public EndReason endReason() {
        return endReason;
    }

    /** @return the baselineScore component */
    public int baselineScore() {
        return baselineScore;
    }

    /** @return the endScore component */
    public Integer endScore() {
        return has(END_SCORE) ? Integer.valueOf(endScore) : null;
    }

    /** @return the casenessAtStart component */
    public boolean casenessAtStart() {
        return has(CASENESS_AT_START);
    }

    /** @return the reliableImprovement component */
    public Boolean reliableImprovement() {
        return tri(RELIABLE_IMPROVEMENT);
    }

    /** @return the recovered component */
    public Boolean recovered() {
        return tri(RECOVERED);
    }

    /** @return the reliableRecovery component */
    public Boolean reliableRecovery() {
        return tri(RELIABLE_RECOVERY);
    }

    /** @return the deteriorated component */
    public Boolean deteriorated() {
        return tri(DETERIORATED);
    }

    /** @return the relapsed component */
    public Boolean relapsed() {
        return tri(RELAPSED);
    }

    /** @return the returned component */
    public Boolean returned() {
        return tri(RETURNED);
    }

    /** @return the weeksToRelapse component */
    public Integer weeksToRelapse() {
        return has(WEEKS_TO_RELAPSE) ? Integer.valueOf(weeksToRelapse) : null;
    }

    /** @return the weeksToReturn component */
    public Integer weeksToReturn() {
        return has(WEEKS_TO_RETURN) ? Integer.valueOf(weeksToReturn) : null;
    }

    /** @return the weeksFollowedUp component */
    public int weeksFollowedUp() {
        return weeksFollowedUp;
    }

    /** @return the allianceMean component */
    public Double allianceMean() {
        return has(ALLIANCE_MEAN) ? Double.valueOf(allianceMean) : null;
    }

    /** @return the allianceFinal component */
    public Double allianceFinal() {
        return has(ALLIANCE_FINAL) ? Double.valueOf(allianceFinal) : null;
    }

    /** @return the ruptures component */
    public int ruptures() {
        return ruptures;
    }

    /** @return the repairs component */
    public int repairs() {
        return repairs;
    }

    /** @return the therapistSwitches component */
    public int therapistSwitches() {
        return therapistSwitches;
    }

    /** @return the noShows component */
    public int noShows() {
        return noShows;
    }

    /** @return the cancellations component */
    public int cancellations() {
        return cancellations;
    }

    /** @return the reviews component */
    public int reviews() {
        return reviews;
    }

    /** @return the outOfNetwork component */
    public boolean outOfNetwork() {
        return has(OUT_OF_NETWORK);
    }

    /** @return the payerCost component */
    public double payerCost() {
        return payerCost;
    }

    /** @return the patientCost component */
    public double patientCost() {
        return patientCost;
    }

    /** @return the adminCost component */
    public double adminCost() {
        return adminCost;
    }

    /** @return the productivityLoss component */
    public double productivityLoss() {
        return productivityLoss;
    }

    /** @return the medicalCost component */
    public double medicalCost() {
        return medicalCost;
    }

    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof EpisodeRecord o)) {
            return false;
        }
        return flags == o.flags &&
                patientId == o.patientId &&
                episode == o.episode &&
                java.util.Objects.equals(condition, o.condition) &&
                therapistId == o.therapistId &&
                java.util.Objects.equals(therapistOrientation, o.therapistOrientation) &&
                arrivalWeek == o.arrivalWeek &&
                bookedWeek == o.bookedWeek &&
                firstSessionWeek == o.firstSessionWeek &&
                endWeek == o.endWeek &&
                sessionsAttended == o.sessionsAttended &&
                sessionsPlanPaid == o.sessionsPlanPaid &&
                sessionsSelfPaid == o.sessionsSelfPaid &&
                sessionsToReliableImprovement == o.sessionsToReliableImprovement &&
                java.util.Objects.equals(endReason, o.endReason) &&
                baselineScore == o.baselineScore &&
                endScore == o.endScore &&
                weeksToRelapse == o.weeksToRelapse &&
                weeksToReturn == o.weeksToReturn &&
                weeksFollowedUp == o.weeksFollowedUp &&
                Double.compare(allianceMean, o.allianceMean) == 0 &&
                Double.compare(allianceFinal, o.allianceFinal) == 0 &&
                ruptures == o.ruptures &&
                repairs == o.repairs &&
                therapistSwitches == o.therapistSwitches &&
                noShows == o.noShows &&
                cancellations == o.cancellations &&
                reviews == o.reviews &&
                Double.compare(payerCost, o.payerCost) == 0 &&
                Double.compare(patientCost, o.patientCost) == 0 &&
                Double.compare(adminCost, o.adminCost) == 0 &&
                Double.compare(productivityLoss, o.productivityLoss) == 0 &&
                Double.compare(medicalCost, o.medicalCost) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(patientId(), episode(), condition(), therapistId(), therapistOrientation(), arrivalWeek(), bookedWeek(), firstSessionWeek(), endWeek(), sessionsAttended(), sessionsPlanPaid(), sessionsSelfPaid(), sessionsToReliableImprovement(), endReason(), baselineScore(), endScore(), casenessAtStart(), reliableImprovement(), recovered(), reliableRecovery(), deteriorated(), relapsed(), returned(), weeksToRelapse(), weeksToReturn(), weeksFollowedUp(), allianceMean(), allianceFinal(), ruptures(), repairs(), therapistSwitches(), noShows(), cancellations(), reviews(), outOfNetwork(), payerCost(), patientCost(), adminCost(), productivityLoss(), medicalCost());
    }

    @Override
    public String toString() {
        return "EpisodeRecord[patientId=" + patientId() + ", episode=" + episode() + ", condition=" + condition() + ", therapistId=" + therapistId() + ", therapistOrientation=" + therapistOrientation() + ", arrivalWeek=" + arrivalWeek() + ", bookedWeek=" + bookedWeek() + ", firstSessionWeek=" + firstSessionWeek() + ", endWeek=" + endWeek() + ", sessionsAttended=" + sessionsAttended() + ", sessionsPlanPaid=" + sessionsPlanPaid() + ", sessionsSelfPaid=" + sessionsSelfPaid() + ", sessionsToReliableImprovement=" + sessionsToReliableImprovement() + ", endReason=" + endReason() + ", baselineScore=" + baselineScore() + ", endScore=" + endScore() + ", casenessAtStart=" + casenessAtStart() + ", reliableImprovement=" + reliableImprovement() + ", recovered=" + recovered() + ", reliableRecovery=" + reliableRecovery() + ", deteriorated=" + deteriorated() + ", relapsed=" + relapsed() + ", returned=" + returned() + ", weeksToRelapse=" + weeksToRelapse() + ", weeksToReturn=" + weeksToReturn() + ", weeksFollowedUp=" + weeksFollowedUp() + ", allianceMean=" + allianceMean() + ", allianceFinal=" + allianceFinal() + ", ruptures=" + ruptures() + ", repairs=" + repairs() + ", therapistSwitches=" + therapistSwitches() + ", noShows=" + noShows() + ", cancellations=" + cancellations() + ", reviews=" + reviews() + ", outOfNetwork=" + outOfNetwork() + ", payerCost=" + payerCost() + ", patientCost=" + patientCost() + ", adminCost=" + adminCost() + ", productivityLoss=" + productivityLoss() + ", medicalCost=" + medicalCost() + "]";
    }

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
        return has(RECOVERED + 1) && endReason != EndReason.HORIZON;
    }

    /**
     * @return weeks from booking (joining the clinic's waiting list) to the first session, or null
     *     if there was none: the wait the clinic's queue (and a prior authorization) imposed
     */
    public Integer weeksWaiting() {
        return has(FIRST_SESSION_WEEK) ? Integer.valueOf(firstSessionWeek - bookedWeek()) : null;
    }

    /**
     * @return weeks from the start of the episode to booking the first appointment (hesitation), or
     *     null if the patient never booked
     */
    public Integer weeksHesitating() {
        return has(BOOKED_WEEK) ? Integer.valueOf(bookedWeek - arrivalWeek) : null;
    }
}

package org.therapysim.experiment;

import org.therapysim.model.EndReason;
import org.therapysim.model.EpisodeRecord;

/**
 * Builds an {@link EpisodeRecord} by hand for tests: every field starts at a neutral value (no
 * session, no cost, no outcome) and only the fields a test is about are set.
 */
final class Episode {
    private int patientId = 1;
    private Integer therapistId = 1;
    private String orientation = "cbt";
    private int arrivalWeek;
    private Integer bookedWeek;
    private Integer firstSessionWeek;
    private int sessions;
    private Integer improvedAt;
    private EndReason endReason = EndReason.PLANNED;
    private int baseline = 15;
    private Integer endScore;
    private boolean caseness = true;
    private Boolean reliableImprovement;
    private Boolean recovered;
    private Boolean reliableRecovery;
    private Boolean deteriorated;
    private Boolean relapsed;
    private Boolean returned;
    private Integer weeksToRelapse;
    private Integer weeksToReturn;
    /** A year after the ending before the horizon: enough for the relapse and return window. */
    private int weeksFollowedUp = 52;
    private Double alliance;
    private int ruptures;
    private int repairs;
    private int switches;
    private boolean outOfNetwork;
    private double payer;
    private double patient;
    private double admin;
    private double productivity;
    private double medical;

    private Episode() {
    }

    /** @return an episode with {@code sessions} sessions attended that ended for {@code reason} */
    static Episode ended(final EndReason reason, final int sessions) {
        final Episode e = new Episode();
        e.endReason = reason;
        e.sessions = sessions;
        if (sessions > 0) {
            e.bookedWeek = 0;
            e.firstSessionWeek = 0;
            e.alliance = 0.5;
            e.endScore = e.baseline;
        }
        return e;
    }

    Episode patient(final int id) {
        patientId = id;
        return this;
    }

    Episode therapist(final Integer id, final String orientationName) {
        therapistId = id;
        orientation = orientationName;
        return this;
    }

    /** Booked at arrival, first session in {@code firstSession}. */
    Episode waited(final int arrival, final int firstSession) {
        return waited(arrival, arrival, firstSession);
    }

    /** Arrived, booked the first appointment and (null: never) had the first session in these weeks. */
    Episode waited(final int arrival, final Integer booked, final Integer firstSession) {
        arrivalWeek = arrival;
        bookedWeek = booked;
        firstSessionWeek = firstSession;
        return this;
    }

    Episode improvedAt(final Integer session) {
        improvedAt = session;
        return this;
    }

    Episode scores(final int atAssessment, final Integer atEnd, final boolean atCaseness) {
        baseline = atAssessment;
        endScore = atEnd;
        caseness = atCaseness;
        return this;
    }

    Episode outcome(final Boolean improvement, final Boolean recovery, final Boolean reliable,
            final Boolean deterioration) {
        reliableImprovement = improvement;
        recovered = recovery;
        reliableRecovery = reliable;
        deteriorated = deterioration;
        return this;
    }

    /** No relapse before the horizon (false), or none asked (null); for a relapse, {@link #relapsedAfter}. */
    Episode relapsed(final Boolean value) {
        if (Boolean.TRUE.equals(value)) {
            throw new IllegalArgumentException("a relapse needs its week: relapsedAfter");
        }
        relapsed = value;
        weeksToRelapse = null;
        return this;
    }

    /** A relapse {@code weeks} after the ending, before the horizon. */
    Episode relapsedAfter(final int weeks) {
        relapsed = true;
        weeksToRelapse = weeks;
        return this;
    }

    /** No return before the horizon (false), or none asked (null); for a return, {@link #returnedAfter}. */
    Episode returned(final Boolean value) {
        if (Boolean.TRUE.equals(value)) {
            throw new IllegalArgumentException("a return needs its week: returnedAfter");
        }
        returned = value;
        weeksToReturn = null;
        return this;
    }

    /** A return to care {@code weeks} after the ending, before the horizon. */
    Episode returnedAfter(final int weeks) {
        returned = true;
        weeksToReturn = weeks;
        return this;
    }

    /** The ending lies {@code weeks} weeks before the last week of the horizon. */
    Episode followedUp(final int weeks) {
        weeksFollowedUp = weeks;
        return this;
    }

    Episode alliance(final Double mean) {
        alliance = mean;
        return this;
    }

    Episode ruptures(final int count, final int repaired) {
        ruptures = count;
        repairs = repaired;
        return this;
    }

    Episode switches(final int count) {
        switches = count;
        return this;
    }

    Episode outOfNetwork() {
        outOfNetwork = true;
        return this;
    }

    Episode costs(final double payerCost, final double patientCost, final double adminCost,
            final double productivityLoss, final double medicalCost) {
        payer = payerCost;
        patient = patientCost;
        admin = adminCost;
        productivity = productivityLoss;
        medical = medicalCost;
        return this;
    }

    EpisodeRecord build() {
        return new EpisodeRecord(patientId, 1, "depression", therapistId, orientation, arrivalWeek, bookedWeek,
                firstSessionWeek, arrivalWeek + 10, sessions, sessions, 0, improvedAt, endReason, baseline, endScore,
                caseness,
                reliableImprovement, recovered, reliableRecovery, deteriorated, relapsed, returned, weeksToRelapse,
                weeksToReturn, weeksFollowedUp, alliance, alliance,
                ruptures, repairs, switches, 0, 0, 0, outOfNetwork, payer, patient, admin, productivity, medical);
    }
}

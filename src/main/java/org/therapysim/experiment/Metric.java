package org.therapysim.experiment;

import java.util.Locale;

/**
 * The outcome measures reported for every arm, each computed once per replication and then
 * summarised across replications. Definitions follow NHS Digital's IAPT reports where they
 * exist: a finished course is an episode that ended (not censored) with two or more sessions.
 */
public enum Metric {
    /** Episodes (arrivals, relapses and returns to care) per replication. */
    EPISODES("episodes", "Episodes", "count"),
    /** Share of episodes with at least one session. */
    STARTED_RATE("started_rate", "Started treatment", "share of episodes"),
    /** Share of episodes whose patient did not start because of the price (Keeler et al. 1988). */
    DECLINED_RATE("declined_rate", "Did not start (price)", "share of episodes"),
    /**
     * Share of episodes whose patient decided to start but gave up the idea of care before booking
     * the first appointment (hesitation; Clement et al. 2015).
     */
    NOT_BOOKED_RATE("not_booked_rate", "Gave up before booking", "share of episodes"),
    /** Share of episodes that ended on the waiting list (after booking). */
    GAVE_UP_WAITING_RATE("gave_up_waiting_rate", "Gave up while waiting", "share of episodes"),
    /** Unilateral endings among started, ended episodes (Swift and Greenberg 2012). */
    DROPOUT_RATE("dropout_rate", "Dropout", "share of started episodes"),
    /** Share of dropouts after the first or second session (Olfson et al. 2009). */
    EARLY_DROPOUT_SHARE("early_dropout_share", "Dropouts after session 1 or 2", "share of dropouts"),
    /** Recovery among finished courses at caseness at assessment. */
    RECOVERY_RATE("recovery_rate", "Recovery", "share of finished courses at caseness"),
    /** Reliable improvement among finished courses. */
    RELIABLE_IMPROVEMENT_RATE("reliable_improvement_rate", "Reliable improvement", "share of finished courses"),
    /** Reliable recovery among finished courses at caseness at assessment. */
    RELIABLE_RECOVERY_RATE("reliable_recovery_rate", "Reliable recovery", "share of finished courses at caseness"),
    /** Reliable deterioration among finished courses. */
    DETERIORATION_RATE("deterioration_rate", "Deterioration", "share of finished courses"),
    /** Mean sessions attended in a finished course. */
    MEAN_SESSIONS("mean_sessions", "Sessions per finished course", "sessions"),
    /** Mean weeks from the start of the episode to booking the first appointment, among episodes that booked. */
    MEAN_WEEKS_HESITATING("mean_weeks_hesitating", "Weeks hesitating before booking", "weeks"),
    /**
     * Mean weeks from booking (joining the clinic's waiting list) to the first session, among
     * started episodes: the clinic's queue and any prior authorization, not the patient's hesitation.
     */
    MEAN_WEEKS_WAITING("mean_weeks_waiting", "Weeks waiting", "weeks"),
    /** Share of started episodes ended by agreement because the patient was not helped. */
    NOT_HELPED_RATE("not_helped_rate", "Ended as not helped", "share of started episodes"),
    /** Share of started episodes ended by the session cap. */
    CAP_REACHED_RATE("cap_reached_rate", "Ended at the cap", "share of started episodes"),
    /** Share of started episodes ended by a denied review. */
    REVIEW_DENIED_RATE("review_denied_rate", "Ended by a denied review", "share of started episodes"),
    /** Share of started episodes with a therapist switch. */
    SWITCH_RATE("switch_rate", "Switched therapist", "share of started episodes"),
    /** Share of started episodes seen out of network. */
    OUT_OF_NETWORK_RATE("out_of_network_rate", "Seen out of network", "share of started episodes"),
    /**
     * Relapse within {@link EpisodeMetrics#FOLLOW_UP_WEEKS} weeks of the ending, among episodes that
     * ended below caseness after a session at least that many weeks before the horizon.
     */
    RELAPSE_RATE("relapse_rate", "Relapse within " + EpisodeMetrics.FOLLOW_UP_WEEKS + " weeks",
            "share of episodes ended below caseness with " + EpisodeMetrics.FOLLOW_UP_WEEKS + " weeks of follow-up"),
    /**
     * Reliably recovered finished courses of four or more sessions that were reliably improved by
     * their third session: the early responders among the successes (Delgadillo et al. 2014).
     */
    EARLY_RESPONSE_SHARE("early_response_share", "Reliably recovered courses (4+ sessions) improved by session 3",
            "share of reliably recovered finished courses of 4 or more sessions"),
    /**
     * Return to care within {@link EpisodeMetrics#FOLLOW_UP_WEEKS} weeks of the ending, among episodes
     * that ended (not censored) at or above caseness at least that many weeks before the horizon.
     */
    RETURN_RATE("return_rate", "Returned to care within " + EpisodeMetrics.FOLLOW_UP_WEEKS + " weeks",
            "share of episodes ended at or above caseness with " + EpisodeMetrics.FOLLOW_UP_WEEKS
                    + " weeks of follow-up"),
    /** Kaplan-Meier estimate of the share reliably improved by session 8. */
    IMPROVED_BY_SESSION_8("improved_by_session_8", "Reliably improved by session 8", "share of started episodes"),
    /** Kaplan-Meier estimate of the share reliably improved by session 26. */
    IMPROVED_BY_SESSION_26("improved_by_session_26", "Reliably improved by session 26", "share of started episodes"),
    /** Pearson's r between mean alliance and improvement over finished courses (Flückiger et al. 2018). */
    ALLIANCE_OUTCOME_R("alliance_outcome_r", "Alliance-outcome correlation", "r"),
    /** Share of the variance of improvement between therapists, ICC(1) (Johns et al. 2019). */
    THERAPIST_VARIANCE_SHARE("therapist_variance_share", "Outcome variance due to therapists", "share of variance"),
    /** Mean absolute Cohen's d in improvement between pairs of orientations (Wampold et al. 1997). */
    ORIENTATION_MEAN_D("orientation_mean_d", "Mean absolute difference between orientations", "d"),
    /** Cohen's d in improvement, every rupture repaired against one unrepaired (Eubanks et al. 2018). */
    RUPTURE_REPAIR_D("rupture_repair_d", "Ruptures repaired against unrepaired", "d"),
    /** Slope of improvement on the therapist's mean alliance (Baldwin et al. 2007). */
    ALLIANCE_SLOPE_BETWEEN("alliance_slope_between", "Alliance slope between therapists",
            "improvement per unit of alliance"),
    /** Slope of improvement on the course's deviation from its therapist's mean alliance (Baldwin et al. 2007). */
    ALLIANCE_SLOPE_WITHIN("alliance_slope_within", "Alliance slope within therapists",
            "improvement per unit of alliance"),
    /** The slope between therapists less the slope within (Baldwin et al. 2007). */
    ALLIANCE_SLOPE_GAP("alliance_slope_gap", "Alliance slope between less within therapists",
            "improvement per unit of alliance"),
    /** Reliable recovery after 1-4 sessions less after 12 or more, planned endings (Barkham et al. 2006). */
    GOOD_ENOUGH_GAP("good_enough_gap", "Good-enough pattern: RCSI after 1-4 sessions minus after 12 or more",
            "difference of shares of planned endings at caseness"),
    /** Sessions in the first year per patient with more than one that year (Olfson and Marcus 2010). */
    VISITS_PER_USER_YEAR("visits_per_user_year", "Visits per user in the first year", "sessions"),
    /**
     * Share of users (more than one visit in weeks 0-51) with more than 20 visits that year (Olfson et
     * al. 2002 report the share of psychotherapy users above 20 visits a year).
     */
    HEAVY_USER_SHARE("heavy_user_share", "Users with more than 20 visits in the first year", "share of users"),
    /** Mean alliance over the sessions of started episodes. */
    ALLIANCE_MEAN("alliance_mean", "Mean alliance", "0-1"),
    /** Share of ruptures that were repaired. */
    REPAIR_RATE("repair_rate", "Ruptures repaired", "share of ruptures"),
    /** Plan payments per episode. */
    PAYER_COST_PER_EPISODE("payer_cost_per_episode", "Payer cost per episode", "currency"),
    /** Plan payments per covered member per month. */
    PAYER_COST_PMPM("payer_cost_pmpm", "Payer cost per member per month", "currency"),
    /** Plan payments for sessions and administration (reviews, authorizations) per member per month. */
    PLAN_COST_PMPM("plan_cost_pmpm", "Plan cost (sessions and administration) per member per month", "currency"),
    /**
     * Recoveries per 1,000 member-years: treated episodes (one session or more) at caseness at
     * assessment that ended, not censored, below it ({@link org.therapysim.model.EpisodeRecord#endedRecovered}).
     */
    RECOVERIES_PER_1000("recoveries_per_1000_member_years", "Recoveries per 1,000 member-years", "recoveries"),
    /** Payer and patient payments for sessions per covered member per month (RAND's spending). */
    SPENDING_PMPM("spending_pmpm", "Spending on sessions (payer and patient) per member per month", "currency"),
    /** Patient out-of-pocket payments per episode. */
    PATIENT_COST_PER_EPISODE("patient_cost_per_episode", "Patient out-of-pocket per episode", "currency"),
    /** Administrative cost (reviews, authorizations) per episode. */
    ADMIN_COST_PER_EPISODE("admin_cost_per_episode", "Administrative cost per episode", "currency"),
    /** Plan payments plus administration per recovery ({@link org.therapysim.model.EpisodeRecord#endedRecovered}). */
    COST_PER_RECOVERY("cost_per_recovery", "Payer and admin cost per recovery", "currency"),
    /** Productivity loss per episode (employed patients, assessment to end). */
    PRODUCTIVITY_LOSS_PER_EPISODE("productivity_loss_per_episode", "Productivity loss per episode", "currency"),
    /** Other medical cost per episode (assessment to end). */
    MEDICAL_COST_PER_EPISODE("medical_cost_per_episode", "Other medical cost per episode", "currency"),
    /** Quality-adjusted life years per patient over the evaluation horizon, discounted. */
    QALYS_PER_PATIENT("qalys_per_patient", "QALYs per patient", "QALYs"),
    /**
     * Recoveries ({@link org.therapysim.model.EpisodeRecord#endedRecovered}) ended within the evaluation horizon, per
     * patient (relapse episodes included).
     */
    RECOVERIES_PER_PATIENT("recoveries_per_patient", "Recoveries per patient", "recoveries"),
    /** Plan payments for sessions per patient over the horizon, discounted. */
    PLAN_SESSIONS_PER_PATIENT("plan_sessions_cost_per_patient", "Plan payments for sessions per patient", "currency"),
    /** Administrative cost per patient over the horizon, discounted. */
    ADMIN_PER_PATIENT("admin_cost_per_patient", "Administration (reviews, authorizations) per patient", "currency"),
    /** Productivity loss per patient over the horizon, discounted. */
    PRODUCTIVITY_PER_PATIENT("productivity_loss_per_patient", "Productivity loss per patient", "currency"),
    /** Patient out-of-pocket payments per patient over the horizon, discounted. */
    OUT_OF_POCKET_PER_PATIENT("out_of_pocket_per_patient", "Out-of-pocket payments per patient", "currency"),
    /** Other medical cost per patient over the horizon, discounted. */
    MEDICAL_PER_PATIENT("medical_cost_per_patient", "Other medical cost per patient", "currency"),
    /** The part of the other medical cost the plan pays, per patient over the horizon, discounted. */
    PLAN_MEDICAL_PER_PATIENT("plan_medical_cost_per_patient", "Other medical cost paid by the plan per patient",
            "currency"),
    /** Value of patients' time for sessions (travel included) per patient over the horizon, discounted. */
    TIME_PER_PATIENT("patient_time_cost_per_patient", "Patients' time for sessions per patient", "currency"),
    /** Payer perspective: plan payments for sessions, administration and the plan's share of other medical cost. */
    COST_PAYER("cost_per_patient_payer", "Cost per patient, payer perspective", "currency"),
    /** Employer perspective: the payer's cost and productivity loss per patient, discounted. */
    COST_EMPLOYER("cost_per_patient_employer", "Cost per patient, employer perspective", "currency"),
    /** Health care sector perspective: every medical cost, whoever pays it, per patient, discounted. */
    COST_HEALTHCARE("cost_per_patient_healthcare", "Cost per patient, health care sector perspective", "currency"),
    /** Societal perspective: the health care sector's cost, productivity loss and patients' time, per patient. */
    COST_SOCIETAL("cost_per_patient_societal", "Cost per patient, societal perspective", "currency");

    private final String id;
    private final String label;
    private final String unit;

    Metric(final String id, final String label, final String unit) {
        this.id = id;
        this.label = label;
        this.unit = unit;
    }

    /** @return the identifier used in tables */
    public String id() {
        return id;
    }

    /** @return a label for charts and reports */
    public String label() {
        return label;
    }

    /** @return the unit of the value */
    public String unit() {
        return unit;
    }

    /**
     * @return whether the metric is averaged only when every replication defines it: the points read
     *         off the dose-effect curve, undefined in a replication whose last episodes at risk ended
     *         unimproved before session k. Those replications are the ones with shorter courses, so a
     *         mean over the others would be biased, not merely less precise.
     */
    public boolean everyReplication() {
        return this == IMPROVED_BY_SESSION_8 || this == IMPROVED_BY_SESSION_26;
    }

    /** @return whether the value is a share (shown as a percentage) */
    public boolean isShare() {
        return unit.startsWith("share");
    }

    /**
     * @return the least value the metric can take in a replication: 0 for a share and for the mean
     *         alliance, -1 for a correlation and for a difference of two shares; ICC(1) has no lower
     *         bound (it is negative when therapists differ less than chance would make them), nor
     *         have a d or a slope
     */
    public double lowest() {
        if (this == THERAPIST_VARIANCE_SHARE) {
            return Double.NEGATIVE_INFINITY;
        }
        if (isShare() || this == ALLIANCE_MEAN) {
            return 0;
        }
        return this == ALLIANCE_OUTCOME_R || this == GOOD_ENOUGH_GAP ? -1 : Double.NEGATIVE_INFINITY;
    }

    /**
     * @return the greatest value the metric can take in a replication: 1 for shares, r, the alliance
     *         and a difference of two shares
     */
    public double highest() {
        return isShare() || this == ALLIANCE_MEAN || this == ALLIANCE_OUTCOME_R || this == GOOD_ENOUGH_GAP ? 1
                : Double.POSITIVE_INFINITY;
    }

    /** @return the metric with this identifier */
    public static Metric byId(final String id) {
        for (final Metric m : values()) {
            if (m.id.equals(id.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric " + id);
    }
}

package org.therapysim.experiment;

import java.util.EnumMap;
import java.util.Map;
import org.therapysim.model.EconomicTotals;
import org.therapysim.model.EndReason;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.ReplicationResult;

/**
 * Computes every {@link Metric} of one replication from its episodes. A share whose denominator
 * is empty is NaN (and left out of the summary across replications).
 */
public final class EpisodeMetrics {
    /** Early response: reliable improvement by this session (Delgadillo et al. 2014: sessions 1-3). */
    static final int EARLY_RESPONSE_SESSIONS = 3;
    /** Courses at least this long count for early response (Delgadillo et al. 2014: four or more sessions). */
    static final int EARLY_RESPONSE_MIN_COURSE = 4;
    /**
     * The window after an ending, in weeks, in which a relapse ({@link Metric#RELAPSE_RATE}) or a
     * return to care ({@link Metric#RETURN_RATE}) counts. An ending is in the denominator only if
     * the whole window lies before the horizon (its week plus the window at most the last week of
     * the simulation), so that every ending is followed up for the same time under every benefit
     * design: counting events over whatever remained of the horizon would credit a design whose
     * courses end earlier with more relapses and returns. Six months: Ali et al. (2017) found 79% of
     * the relapses within a year of low-intensity CBT in its first six months; it also leaves
     * endings up to week 77 of the shipped two-year horizon in the denominator, where a year would
     * leave only those of the arrival year.
     */
    public static final int FOLLOW_UP_WEEKS = 26;

    private EpisodeMetrics() {
    }

    /** @return the value of each metric in this replication */
    public static Map<Metric, Double> of(final ReplicationResult result) {
        return of(result, SessionCurves.doseEffect(result.episodes()));
    }

    /** @return the value of each metric, given the replication's dose-effect curve already computed */
    static Map<Metric, Double> of(final ReplicationResult result, final double[] doseEffect) {
        final Share started = new Share();
        final Share declined = new Share();
        final Share notBooked = new Share();
        final Share gaveUp = new Share();
        final Share dropout = new Share();
        final Share earlyDropout = new Share();
        final Share recovery = new Share();
        final Share reliableImprovement = new Share();
        final Share reliableRecovery = new Share();
        final Share earlyResponse = new Share();
        final Share deterioration = new Share();
        final Share notHelped = new Share();
        final Share capReached = new Share();
        final Share reviewDenied = new Share();
        final Share switched = new Share();
        final Share outOfNetwork = new Share();
        final Share relapse = new Share();
        final Share returned = new Share();
        final Share repairs = new Share();
        double finishedSessions = 0;
        int finished = 0;
        double weeksWaiting = 0;
        double weeksHesitating = 0;
        int booked = 0;
        double allianceSum = 0;
        double payer = 0;
        double patient = 0;
        double admin = 0;
        double productivity = 0;
        double medical = 0;
        int recoveries = 0;
        int startedCount = 0;
        final int episodes = result.episodes().size();

        for (final EpisodeRecord e : result.episodes()) {
            started.add(e.started());
            declined.add(e.endReason() == EndReason.DECLINED);
            notBooked.add(e.endReason() == EndReason.NOT_BOOKED);
            gaveUp.add(e.endReason() == EndReason.GAVE_UP_WAITING);
            payer += e.payerCost();
            patient += e.patientCost();
            admin += e.adminCost();
            productivity += e.productivityLoss();
            medical += e.medicalCost();
            if (e.endedRecovered()) {
                recoveries++;
            }
            if (e.relapsed() != null && e.followedUpFor(FOLLOW_UP_WEEKS)) {
                relapse.add(within(e.weeksToRelapse()));
            }
            if (e.returned() != null && e.followedUpFor(FOLLOW_UP_WEEKS)) {
                returned.add(within(e.weeksToReturn()));
            }
            repairs.add(e.repairs(), e.ruptures());
            if (e.bookedWeek() != null) {
                booked++;
                weeksHesitating += e.weeksHesitating();
            }
            if (!e.started()) {
                continue;
            }
            startedCount++;
            weeksWaiting += e.weeksWaiting();
            allianceSum += e.allianceMean();
            switched.add(e.therapistSwitches() > 0);
            outOfNetwork.add(e.outOfNetwork());
            if (e.endReason() != EndReason.HORIZON) {
                dropout.add(e.endReason() == EndReason.DROPOUT);
                notHelped.add(e.endReason() == EndReason.NOT_HELPED);
                capReached.add(e.endReason() == EndReason.CAP_REACHED);
                reviewDenied.add(e.endReason() == EndReason.REVIEW_DENIED);
            }
            if (e.endReason() == EndReason.DROPOUT) {
                earlyDropout.add(e.sessionsAttended() <= 2);
            }
            if (e.finishedCourse()) {
                finished++;
                finishedSessions += e.sessionsAttended();
                reliableImprovement.add(e.reliableImprovement());
                deterioration.add(e.deteriorated());
                if (e.casenessAtStart()) {
                    recovery.add(e.recovered());
                    reliableRecovery.add(e.reliableRecovery());
                    if (Boolean.TRUE.equals(e.reliableRecovery()) && e.sessionsAttended() >= EARLY_RESPONSE_MIN_COURSE) {
                        earlyResponse.add(e.sessionsToReliableImprovement() != null
                                && e.sessionsToReliableImprovement() <= EARLY_RESPONSE_SESSIONS);
                    }
                }
            }
        }
        final Map<Metric, Double> m = new EnumMap<>(Metric.class);
        m.put(Metric.EPISODES, (double) episodes);
        m.put(Metric.STARTED_RATE, started.value());
        m.put(Metric.DECLINED_RATE, declined.value());
        m.put(Metric.NOT_BOOKED_RATE, notBooked.value());
        m.put(Metric.GAVE_UP_WAITING_RATE, gaveUp.value());
        m.put(Metric.DROPOUT_RATE, dropout.value());
        m.put(Metric.EARLY_DROPOUT_SHARE, earlyDropout.value());
        m.put(Metric.RECOVERY_RATE, recovery.value());
        m.put(Metric.RELIABLE_IMPROVEMENT_RATE, reliableImprovement.value());
        m.put(Metric.RELIABLE_RECOVERY_RATE, reliableRecovery.value());
        m.put(Metric.EARLY_RESPONSE_SHARE, earlyResponse.value());
        m.put(Metric.DETERIORATION_RATE, deterioration.value());
        m.put(Metric.MEAN_SESSIONS, ratio(finishedSessions, finished));
        m.put(Metric.MEAN_WEEKS_HESITATING, ratio(weeksHesitating, booked));
        m.put(Metric.MEAN_WEEKS_WAITING, ratio(weeksWaiting, startedCount));
        m.put(Metric.NOT_HELPED_RATE, notHelped.value());
        m.put(Metric.CAP_REACHED_RATE, capReached.value());
        m.put(Metric.REVIEW_DENIED_RATE, reviewDenied.value());
        m.put(Metric.SWITCH_RATE, switched.value());
        m.put(Metric.OUT_OF_NETWORK_RATE, outOfNetwork.value());
        m.put(Metric.RELAPSE_RATE, relapse.value());
        m.put(Metric.RETURN_RATE, returned.value());
        m.put(Metric.IMPROVED_BY_SESSION_8, doseEffect[7]);
        m.put(Metric.IMPROVED_BY_SESSION_26, doseEffect[25]);
        m.put(Metric.ALLIANCE_OUTCOME_R, OutcomeStatistics.allianceOutcomeCorrelation(result.episodes()));
        m.put(Metric.THERAPIST_VARIANCE_SHARE, OutcomeStatistics.therapistVarianceShare(result.episodes()));
        m.put(Metric.ORIENTATION_MEAN_D, OutcomeStatistics.meanOrientationDifference(result.episodes()));
        m.put(Metric.RUPTURE_REPAIR_D, OutcomeStatistics.ruptureRepairDifference(result.episodes()));
        final OutcomeStatistics.AllianceSlopes slopes = OutcomeStatistics.allianceSlopes(result.episodes());
        m.put(Metric.ALLIANCE_SLOPE_BETWEEN, slopes.between());
        m.put(Metric.ALLIANCE_SLOPE_WITHIN, slopes.within());
        m.put(Metric.ALLIANCE_SLOPE_GAP, slopes.gap());
        m.put(Metric.GOOD_ENOUGH_GAP, OutcomeStatistics.goodEnoughGap(result.episodes()));
        m.put(Metric.VISITS_PER_USER_YEAR, visitsPerUser(result.firstYearVisits()));
        m.put(Metric.HEAVY_USER_SHARE, heavyUsers(result.firstYearVisits()));
        m.put(Metric.ALLIANCE_MEAN, ratio(allianceSum, startedCount));
        m.put(Metric.REPAIR_RATE, repairs.value());
        m.put(Metric.PAYER_COST_PER_EPISODE, ratio(payer, episodes));
        m.put(Metric.PAYER_COST_PMPM, ratio(payer, result.memberMonths()));
        m.put(Metric.PLAN_COST_PMPM, ratio(payer + admin, result.memberMonths()));
        m.put(Metric.RECOVERIES_PER_1000, ratio(recoveries * 12_000.0, result.memberMonths()));
        m.put(Metric.SPENDING_PMPM, ratio(payer + patient, result.memberMonths()));
        m.put(Metric.PATIENT_COST_PER_EPISODE, ratio(patient, episodes));
        m.put(Metric.ADMIN_COST_PER_EPISODE, ratio(admin, episodes));
        m.put(Metric.COST_PER_RECOVERY, ratio(payer + admin, recoveries));
        m.put(Metric.PRODUCTIVITY_LOSS_PER_EPISODE, ratio(productivity, episodes));
        m.put(Metric.MEDICAL_COST_PER_EPISODE, ratio(medical, episodes));
        final EconomicTotals economics = result.economics();
        final int n = economics.patients();
        m.put(Metric.QALYS_PER_PATIENT, ratio(economics.qalys(), n));
        m.put(Metric.RECOVERIES_PER_PATIENT, ratio(economics.recoveries(), n));
        m.put(Metric.PLAN_SESSIONS_PER_PATIENT, ratio(economics.planCost(), n));
        m.put(Metric.ADMIN_PER_PATIENT, ratio(economics.adminCost(), n));
        m.put(Metric.PRODUCTIVITY_PER_PATIENT, ratio(economics.productivityLoss(), n));
        m.put(Metric.OUT_OF_POCKET_PER_PATIENT, ratio(economics.outOfPocket(), n));
        m.put(Metric.MEDICAL_PER_PATIENT, ratio(economics.medicalCost(), n));
        m.put(Metric.PLAN_MEDICAL_PER_PATIENT, ratio(economics.planMedicalCost(), n));
        m.put(Metric.TIME_PER_PATIENT, ratio(economics.patientTime(), n));
        for (final Perspective perspective : Perspective.values()) {
            double cost = 0;
            for (final Metric component : perspective.components()) {
                cost += m.get(component);
            }
            m.put(perspective.cost(), cost);
        }
        return m;
    }

    /** Mean visits among patients with more than one visit in weeks 0-51 (the MEPS definition of a user). */
    /** Visits in a year above which a user is a heavy user (Olfson et al. 2002: more than 20). */
    static final int HEAVY_USE_VISITS = 20;

    private static double visitsPerUser(final int[] visits) {
        long total = 0;
        int users = 0;
        for (final int v : visits) {
            if (v > 1) {
                total += v;
                users++;
            }
        }
        return ratio(total, users);
    }

    /** Share of users (more than one visit in weeks 0-51) with more than {@value #HEAVY_USE_VISITS} visits. */
    private static double heavyUsers(final int[] visits) {
        int heavy = 0;
        int users = 0;
        for (final int v : visits) {
            if (v > 1) {
                users++;
                if (v > HEAVY_USE_VISITS) {
                    heavy++;
                }
            }
        }
        return ratio(heavy, users);
    }

    /** @return whether a relapse or return this many weeks after the ending (null: none) falls in the window */
    private static boolean within(final Integer weeksAfterEnding) {
        return weeksAfterEnding != null && weeksAfterEnding <= FOLLOW_UP_WEEKS;
    }

    private static double ratio(final double numerator, final double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }

    /** Counts of yes among cases. */
    private static final class Share {
        private double yes;
        private double all;

        void add(final boolean value) {
            all++;
            if (value) {
                yes++;
            }
        }

        void add(final double count, final double total) {
            yes += count;
            all += total;
        }

        double value() {
            return ratio(yes, all);
        }
    }
}

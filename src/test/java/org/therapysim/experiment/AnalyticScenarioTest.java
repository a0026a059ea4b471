package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.TestScenarios;
import org.therapysim.TherapysimException;
import org.therapysim.model.EconomicTotals;
import org.therapysim.model.EndReason;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.SessionRecord;
import org.therapysim.model.TherapySim;
import org.therapysim.output.ResultsWriter;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;

/**
 * Verification against closed-form results. The scenario file analytic-deterministic.yaml turns
 * every random element off (one condition, every trait at a point, no no-shows, cancellations,
 * ruptures, relapse, return to care, symptom noise, waiting or price responses, and a dropout logit
 * of -20), so every patient lives the same course. The test derives that course, the end of each episode and
 * every cost and outcome from the equations of docs/MODEL.md and the file's parameters, then runs
 * the whole model (the loader, TherapySim, Experiment, the results writer) and compares every
 * figure. Different replication seeds must give identical results: no randomness is left.
 *
 * <p>Two probabilities have no exact zero among the keys: the dropout hazard (logit at least -20, so
 * 2.1e-9 a week) and a review's approval (logit -20 - 20 x 12.2 / 27 - 20 x 0.24 = -33.8 here, 2e-15).
 * With fixed seeds the runs are reproducible all the same.
 */
class AnalyticScenarioTest {
    private static final Path FILE = Path.of("src/test/resources/org/therapysim/experiment/analytic-deterministic.yaml");
    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final double TOLERANCE = 1e-9;
    /** Tables carry 8 significant digits. */
    private static final double TABLE_TOLERANCE = 1e-7;

    // The parameters of analytic-deterministic.yaml, as the closed form uses them.
    private static final int PATIENTS = 40;
    private static final int WEEKS = 52;
    private static final int HORIZON = 52;
    private static final double DISCOUNT_RATE = 0.03;
    private static final double BASELINE = 16;
    private static final int MAX = 27;
    private static final int CASENESS = 10;
    private static final int RELIABLE_CHANGE = 6;
    private static final double NATURAL = 0.008;
    private static final double[] KNOTS = {0, 5, 10, 15, 20, 27};
    private static final double[] UTILITIES = {1.0, 0.9, 0.8, 0.7, 0.55, 0.0};
    private static final double LOSS_PER_POINT = 0.0165;
    private static final double WAGE = 949;
    private static final double MEDICAL_AT_MAX = 11300;
    /** The plan's share of other medical costs (costs.medicalCostPlanShare). */
    private static final double PLAN_MEDICAL_SHARE = 0.25;
    /** A patient's time for a session: 1.5 hours at $20 (costs.patientHoursPerSession, valueOfTimePerHour). */
    private static final double TIME_PER_SESSION = 1.5 * 20;
    /** Resistance: mean 0.35 plus chronicity 0.05 ln(1 + 52/52), the help-seeking delay being 52 weeks. */
    private static final double RESISTANCE = 0.35 + 0.05 * Math.log(2.0);
    /** Alliance ceiling: logistic(logit(capacity 0.7) + skill 0) = 0.7; the alliance starts at 0.6 of it. */
    private static final double CEILING = 0.7;
    private static final double START_FRACTION = 0.6;
    private static final double GROWTH = 0.35;
    private static final double SOFTENS_ABOVE = 0.6;
    private static final double SOFTENING = 0.05;
    private static final double RATE = 0.1688;
    private static final double RESPONSIVENESS = 1.0;
    private static final double RESISTANCE_SLOWING = 0.9;
    /** The good-enough level as a share of the measure's range, 27: a score of 8.48. */
    private static final double LEVEL = 0.314074074;
    private static final int MIN_SESSIONS = 2;
    private static final double ALLOWED = 80.68;
    private static final double COPAY = 20;
    /** Prior authorization and utilization review each cost the plan 11.14. */
    private static final double ADMIN = 11.14;

    /** @return the analytic scenario with {@code key=value} overrides, as `--set` would apply them */
    private static Scenario scenario(final String... overrides) {
        ResolvedTree tree = LOADER.resolve(FILE);
        for (final String kv : overrides) {
            final int eq = kv.indexOf('=');
            tree = LOADER.override(tree, kv.substring(0, eq), kv.substring(eq + 1), "test");
        }
        return LOADER.bind(tree);
    }

    private static ExperimentResult compare(final Scenario... arms) {
        return new Experiment(new Study("analytic", "analytic", List.of(arms), 3, 5), false, 2)
                .run(null, ProgressListener.NONE);
    }

    /** Discount factor of week t after arrival: (1 + r)^(-t/52). */
    private static double discount(final int t) {
        return Math.pow(1 + DISCOUNT_RATE, -t / 52.0);
    }

    /** The piecewise-linear utility mapping of PHQ-9 scores. */
    private static double utility(final double s) {
        for (int k = 1; k < KNOTS.length; k++) {
            if (s <= KNOTS[k]) {
                return UTILITIES[k - 1] + (s - KNOTS[k - 1]) / (KNOTS[k] - KNOTS[k - 1]) * (UTILITIES[k] - UTILITIES[k - 1]);
            }
        }
        return UTILITIES[UTILITIES.length - 1];
    }

    /** Lost output in a week at score s: wage x min(1, 0.0165 s). */
    private static double productivity(final double s) {
        return WAGE * Math.min(1.0, LOSS_PER_POINT * s);
    }

    /** Other medical cost in a week at score s: 11,300 / 52 x s / 27. */
    private static double medical(final double s) {
        return MEDICAL_AT_MAX / 52.0 * s / MAX;
    }

    /** QALYs over the horizon from the score at the start of each week: sum of (1 + r)^(-t/52) u(s_t) / 52. */
    private static double horizonQalys(final double[] weekly) {
        double sum = 0;
        for (int t = 0; t < HORIZON; t++) {
            sum += discount(t) * utility(weekly[t]) / 52.0;
        }
        return sum;
    }

    /** Productivity loss over the horizon, discounted. */
    private static double horizonProductivity(final double[] weekly) {
        double sum = 0;
        for (int t = 0; t < HORIZON; t++) {
            sum += discount(t) * productivity(weekly[t]);
        }
        return sum;
    }

    /** Other medical cost over the horizon, discounted. */
    private static double horizonMedical(final double[] weekly) {
        double sum = 0;
        for (int t = 0; t < HORIZON; t++) {
            sum += discount(t) * medical(weekly[t]);
        }
        return sum;
    }

    /**
     * The untreated course of a patient who leaves the waiting list in week 0: week 0 is lived at
     * 16, and the untreated course without noise, s <- s - 0.008 s, gives s_t = 16 x 0.992^t.
     */
    private static double[] untreatedWeekly() {
        final double[] weekly = new double[HORIZON];
        for (int t = 0; t < HORIZON; t++) {
            weekly[t] = BASELINE * Math.pow(1 - NATURAL, t);
        }
        return weekly;
    }

    /**
     * The course every patient lives, derived from docs/MODEL.md ("Weekly dynamics of a patient",
     * "Costs per episode", "Economic evaluation") with the file's parameters.
     *
     * <p>Matching: 40 patients, 2 x 25 slots: everyone is matched in week 0 and sees a therapist every
     * week, session n in week n - 1. After session n (no rupture, no noise, responsiveness 1):
     * <pre>
     *   a_n = c - (c - 0.6 c) (1 - 0.35)^n                       alliance, c = 0.7
     *   s_n = s_(n-1) (1 - 0.1688 a_n (1 - 0.9 R_(n-1)))           score, s_0 = 16
     *   R_n = max(0, R_(n-1) - 0.05 (a_n - 0.6)) if a_n > 0.6      resistance, R_0 = 0.35 + 0.05 ln 2
     * </pre>
     * The episode ends by plan after the first session n >= 2 with round(s_n) at or below the goal
     * min(0.314074074 x 27, 16 - 6) = 8.48, that is round(s_n) <= 8 (agreement is certain at the goal and
     * impossible short of it, and no one ends as not helped), unless a cap ends it first: at a cap of N sessions the
     * episode ends in week N, before the session that would exceed it.
     *
     * @param cap sessions per episode, or 0 for none
     * @param copay per session
     * @param coinsurance share of the allowed amount after the deductible
     * @param deductible per plan year
     */
    private record Course(int delay, int sessions, int endWeek, EndReason reason, double[] score, double[] alliance,
            double[] weekly, double[] planPaid, double[] patientPaid, double[] admin) {

        static Course of(final int cap, final double copay, final double coinsurance, final double deductible) {
            return of(cap, copay, coinsurance, deductible, 0, 0, 0);
        }

        /**
         * @param authorization weeks of prior authorization after matching (0: none); it costs the plan
         *     11.14 in week 0, and the untreated course runs meanwhile
         * @param reviewAt plan-paid sessions after which a utilization review falls due (0: none); it
         *     costs 11.14 when requested, and is denied after {@code reviewDelay} weeks
         */
        static Course of(final int cap, final double copay, final double coinsurance, final double deductible,
                final int authorization, final int reviewAt, final int reviewDelay) {
            final List<Double> s = new ArrayList<>(List.of(BASELINE * Math.pow(1 - NATURAL, authorization)));
            final List<Double> a = new ArrayList<>(List.of(START_FRACTION * CEILING));
            double r = RESISTANCE;
            int planned = -1;
            for (int n = 1; n <= 60 && planned < 0; n++) {
                final double an = CEILING - (CEILING - START_FRACTION * CEILING) * Math.pow(1 - GROWTH, n);
                final double sn = s.get(n - 1) * (1 - RATE * an * RESPONSIVENESS * (1 - RESISTANCE_SLOWING * r));
                if (an > SOFTENS_ABOVE) {
                    r = Math.max(0, r - SOFTENING * (an - SOFTENS_ABOVE));
                }
                a.add(an);
                s.add(sn);
                final long observed = Math.round(sn);
                // The goal: min(0.314074074 x 27, 16 - 6) = 8.48.
                final double goal = Math.min(LEVEL * 27, BASELINE - RELIABLE_CHANGE);
                if (n >= MIN_SESSIONS && observed <= goal) {
                    planned = n;
                }
            }
            final boolean reviewed = reviewAt > 0 && reviewAt < planned && (cap == 0 || reviewAt < cap);
            final boolean capped = !reviewed && cap > 0 && cap < planned;
            final int sessions = reviewed ? reviewAt : capped ? cap : planned;
            // Session n is in week D + n - 1 (D weeks of authorization). A planned ending follows the last
            // session; the cap ends the episode the week after it, before the session that would exceed
            // it; a review is asked for that week and denied reviewDelay weeks later.
            final int endWeek = authorization + sessions + (reviewed ? reviewDelay : capped ? 0 : -1);
            final double[] admin = new double[WEEKS + 1];
            admin[0] += authorization > 0 ? ADMIN : 0.0;
            if (reviewed) {
                admin[authorization + sessions] += ADMIN;
            }
            final double[] score = s.stream().limit(sessions + 1L).mapToDouble(Double::doubleValue).toArray();
            final double[] alliance = a.stream().limit(sessions + 1L).mapToDouble(Double::doubleValue).toArray();
            // The score at the start of each week of the horizon: every week without a session follows
            // the untreated course, s <- s (1 - 0.008) (no noise): the weeks of authorization, and every
            // week after the last session, the week in which the cap or the review ends the episode
            // included. So s_t = 16 x 0.992^t up to week D, s_(t - D) up to week D + n, then
            // s_n 0.992^(t - D - n).
            final double[] weekly = new double[HORIZON];
            for (int t = 0; t < HORIZON; t++) {
                weekly[t] = t <= authorization ? BASELINE * Math.pow(1 - NATURAL, t)
                        : t <= authorization + sessions ? score[t - authorization]
                        : score[sessions] * Math.pow(1 - NATURAL, t - authorization - sessions);
            }
            // Cost sharing of each session: d = min(A, deductible left); patient d + min(A - d, copay +
            // coinsurance (A - d)); the plan pays the rest (no out-of-pocket maximum).
            final double[] plan = new double[sessions];
            final double[] patient = new double[sessions];
            double deductibleLeft = deductible;
            for (int n = 0; n < sessions; n++) {
                final double d = Math.min(ALLOWED, deductibleLeft);
                patient[n] = d + Math.min(ALLOWED - d, copay + coinsurance * (ALLOWED - d));
                plan[n] = ALLOWED - patient[n];
                deductibleLeft -= d;
            }
            final EndReason reason = reviewed ? EndReason.REVIEW_DENIED
                    : capped ? EndReason.CAP_REACHED : EndReason.PLANNED;
            return new Course(authorization, sessions, endWeek, reason, score, alliance, weekly, plan, patient, admin);
        }

        int endScore() {
            return (int) Math.round(score[sessions]);
        }

        boolean recovered() {
            return BASELINE >= CASENESS && endScore() < CASENESS;
        }

        boolean reliablyImproved() {
            return BASELINE - endScore() >= RELIABLE_CHANGE;
        }

        /** @return the first session whose observed score is at least 6 points below 16 */
        int sessionsToReliableImprovement() {
            for (int n = 1; n <= sessions; n++) {
                if (BASELINE - Math.round(score[n]) >= RELIABLE_CHANGE) {
                    return n;
                }
            }
            return -1;
        }

        /**
         * The Kaplan-Meier share reliably improved by session j: everyone improves at the same session k,
         * so 0 before k and 1 from k on; if no one improves, 0 up to the last session and undefined
         * after it (everyone is censored there).
         */
        double improvedBy(final int j) {
            final int k = sessionsToReliableImprovement();
            if (k > 0) {
                return j >= k ? 1.0 : 0.0;
            }
            return j <= sessions ? 0.0 : Double.NaN;
        }

        double allianceMean() {
            double sum = 0;
            for (int n = 1; n <= sessions; n++) {
                sum += alliance[n];
            }
            return sum / sessions;
        }

        double payerPerEpisode() {
            return sum(planPaid);
        }

        double patientPerEpisode() {
            return sum(patientPaid);
        }

        /** Lost output of the episode's weeks 0..end, undiscounted: wage x min(1, 0.0165 s). */
        double productivityPerEpisode() {
            double sum = 0;
            for (int t = 0; t <= endWeek; t++) {
                sum += productivity(weekly[t]);
            }
            return sum;
        }

        /** Other medical cost of the episode's weeks 0..end, undiscounted: 11,300 / 52 x s / 27. */
        double medicalPerEpisode() {
            double sum = 0;
            for (int t = 0; t <= endWeek; t++) {
                sum += medical(weekly[t]);
            }
            return sum;
        }

        double qalys() {
            return horizonQalys(weekly);
        }

        /** Plan payments over the horizon, discounted to arrival: session n is paid in week D + n - 1. */
        double planDiscounted() {
            double sum = 0;
            for (int n = 0; n < sessions; n++) {
                sum += discount(delay + n) * planPaid[n];
            }
            return sum;
        }

        double patientDiscounted() {
            double sum = 0;
            for (int n = 0; n < sessions; n++) {
                sum += discount(delay + n) * patientPaid[n];
            }
            return sum;
        }

        double adminPerEpisode() {
            return sum(admin);
        }

        double adminDiscounted() {
            double sum = 0;
            for (int t = 0; t < HORIZON; t++) {
                sum += discount(t) * admin[t];
            }
            return sum;
        }

        int reviews() {
            return reason == EndReason.REVIEW_DENIED ? 1 : 0;
        }

        double productivityDiscounted() {
            return horizonProductivity(weekly);
        }

        double medicalDiscounted() {
            return horizonMedical(weekly);
        }

        /** Recoveries per patient inside the horizon. */
        double recoveries() {
            return recovered() && endWeek < HORIZON ? 1.0 : 0.0;
        }

        /** Patients' time over the horizon, discounted like the session's payments. */
        double timeDiscounted() {
            double sum = 0;
            for (int n = 0; n < sessions; n++) {
                sum += discount(delay + n) * TIME_PER_SESSION;
            }
            return sum;
        }

        double planMedicalDiscounted() {
            return PLAN_MEDICAL_SHARE * medicalDiscounted();
        }

        double payerPerspective() {
            return planDiscounted() + adminDiscounted() + planMedicalDiscounted();
        }

        double employerPerspective() {
            return payerPerspective() + productivityDiscounted();
        }

        double healthcarePerspective() {
            return planDiscounted() + adminDiscounted() + patientDiscounted() + medicalDiscounted();
        }

        double societalPerspective() {
            return healthcarePerspective() + productivityDiscounted() + timeDiscounted();
        }

        private static double sum(final double[] values) {
            double sum = 0;
            for (final double v : values) {
                sum += v;
            }
            return sum;
        }
    }

    private static void near(final double expected, final double actual, final String what) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1.0, Math.abs(expected)), what);
    }

    /** The metric's mean over replications equals the closed form, and does not vary between seeds. */
    private static void metric(final ArmResult arm, final Metric metric, final double expected) {
        final MetricSummary s = arm.summary(metric);
        if (Double.isNaN(expected)) {
            assertEquals(0, s.n(), arm.name() + " " + metric.id() + " is undefined");
            return;
        }
        near(expected, s.mean(), arm.name() + " " + metric.id());
        assertEquals(0.0, s.sd(), TOLERANCE * Math.max(1.0, Math.abs(expected)),
                arm.name() + " " + metric.id() + " must not vary between replications");
    }

    /** Every metric the closed form fixes, for one arm. */
    private static Map<Metric, Double> expectedMetrics(final Course c) {
        final Map<Metric, Double> m = new HashMap<>();
        // A closed cohort's member-months: 40 patients x 52 weeks x 12 / 52 = 40 x 12.
        final double memberMonths = PATIENTS * WEEKS * 12.0 / 52.0;
        final double recovered = c.recovered() ? 1.0 : 0.0;
        m.put(Metric.EPISODES, (double) PATIENTS);
        m.put(Metric.STARTED_RATE, 1.0);
        m.put(Metric.DECLINED_RATE, 0.0);
        // Everyone books at once (booking logit 50): no hesitation, no one gives up before booking.
        m.put(Metric.NOT_BOOKED_RATE, 0.0);
        m.put(Metric.MEAN_WEEKS_HESITATING, 0.0);
        m.put(Metric.GAVE_UP_WAITING_RATE, 0.0);
        m.put(Metric.DROPOUT_RATE, 0.0);
        m.put(Metric.EARLY_DROPOUT_SHARE, Double.NaN);
        m.put(Metric.RECOVERY_RATE, recovered);
        m.put(Metric.RELIABLE_IMPROVEMENT_RATE, c.reliablyImproved() ? 1.0 : 0.0);
        m.put(Metric.RELIABLE_RECOVERY_RATE, c.recovered() && c.reliablyImproved() ? 1.0 : 0.0);
        m.put(Metric.DETERIORATION_RATE, 0.0);
        m.put(Metric.MEAN_SESSIONS, (double) c.sessions());
        m.put(Metric.MEAN_WEEKS_WAITING, (double) c.delay());
        m.put(Metric.CAP_REACHED_RATE, c.reason() == EndReason.CAP_REACHED ? 1.0 : 0.0);
        m.put(Metric.REVIEW_DENIED_RATE, c.reason() == EndReason.REVIEW_DENIED ? 1.0 : 0.0);
        m.put(Metric.SWITCH_RATE, 0.0);
        m.put(Metric.OUT_OF_NETWORK_RATE, 0.0);
        // Relapse is asked only of episodes that ended below caseness, return to care only of those that
        // ended at or above it, and either counts only endings with the whole window after them before
        // the last week of the simulation (51); both risks are 0.
        final boolean followedUp = c.endWeek() + EpisodeMetrics.FOLLOW_UP_WEEKS <= WEEKS - 1;
        m.put(Metric.RELAPSE_RATE, c.recovered() && followedUp ? 0.0 : Double.NaN);
        m.put(Metric.RETURN_RATE, !c.recovered() && followedUp ? 0.0 : Double.NaN);
        m.put(Metric.IMPROVED_BY_SESSION_8, c.improvedBy(8));
        m.put(Metric.IMPROVED_BY_SESSION_26, c.improvedBy(26));
        m.put(Metric.VISITS_PER_USER_YEAR, (double) c.sessions());
        m.put(Metric.ALLIANCE_MEAN, c.allianceMean());
        m.put(Metric.REPAIR_RATE, Double.NaN);
        m.put(Metric.PAYER_COST_PER_EPISODE, c.payerPerEpisode());
        m.put(Metric.PAYER_COST_PMPM, PATIENTS * c.payerPerEpisode() / memberMonths);
        m.put(Metric.PLAN_COST_PMPM, PATIENTS * (c.payerPerEpisode() + c.adminPerEpisode()) / memberMonths);
        m.put(Metric.RECOVERIES_PER_1000, PATIENTS * recovered * 12_000.0 / memberMonths);
        m.put(Metric.SPENDING_PMPM, PATIENTS * (c.payerPerEpisode() + c.patientPerEpisode()) / memberMonths);
        m.put(Metric.PATIENT_COST_PER_EPISODE, c.patientPerEpisode());
        m.put(Metric.ADMIN_COST_PER_EPISODE, c.adminPerEpisode());
        m.put(Metric.COST_PER_RECOVERY, c.recovered() ? c.payerPerEpisode() + c.adminPerEpisode() : Double.NaN);
        m.put(Metric.PRODUCTIVITY_LOSS_PER_EPISODE, c.productivityPerEpisode());
        m.put(Metric.MEDICAL_COST_PER_EPISODE, c.medicalPerEpisode());
        m.put(Metric.QALYS_PER_PATIENT, c.qalys());
        m.put(Metric.RECOVERIES_PER_PATIENT, c.recoveries());
        m.put(Metric.PLAN_SESSIONS_PER_PATIENT, c.planDiscounted());
        m.put(Metric.ADMIN_PER_PATIENT, c.adminDiscounted());
        m.put(Metric.PRODUCTIVITY_PER_PATIENT, c.productivityDiscounted());
        m.put(Metric.OUT_OF_POCKET_PER_PATIENT, c.patientDiscounted());
        m.put(Metric.MEDICAL_PER_PATIENT, c.medicalDiscounted());
        m.put(Metric.PLAN_MEDICAL_PER_PATIENT, c.planMedicalDiscounted());
        m.put(Metric.TIME_PER_PATIENT, c.timeDiscounted());
        m.put(Metric.COST_PAYER, c.payerPerspective());
        m.put(Metric.COST_EMPLOYER, c.employerPerspective());
        m.put(Metric.COST_HEALTHCARE, c.healthcarePerspective());
        m.put(Metric.COST_SOCIETAL, c.societalPerspective());
        return m;
    }

    private static void checkMetrics(final ArmResult arm, final Course c) {
        expectedMetrics(c).forEach((metric, value) -> metric(arm, metric, value));
        final Map<EndReason, Double> reasons = arm.endReasonShares();
        near(1.0, reasons.get(c.reason()), arm.name() + " ends every episode by " + c.reason().word());
        // Retention: everyone attends sessions 1..n and every episode has ended there, so no one is in
        // treatment at any later session. Dose-effect: no one is reliably improved before session k,
        // everyone from k on.
        final List<MetricSummary> retention = arm.retention();
        final List<MetricSummary> doseEffect = arm.doseEffect();
        for (int s = 1; s <= SessionCurves.MAX_SESSION; s++) {
            near(s <= c.sessions() ? 1.0 : 0.0, retention.get(s - 1).mean(), arm.name() + " retention at " + s);
            final double improved = c.improvedBy(s);
            if (Double.isNaN(improved)) {
                assertEquals(0, doseEffect.get(s - 1).n(), arm.name() + " reliably improved by " + s + " is undefined");
            } else {
                near(improved, doseEffect.get(s - 1).mean(), arm.name() + " reliably improved by " + s);
            }
        }
    }

    /** Every episode and session of one replication follows the course. */
    private static void checkEpisodes(final Scenario scenario, final Course c, final long seed) {
        final ReplicationResult result = new TherapySim(scenario, RandomStreams.replicationSeed(seed, 0), true).run();
        assertEquals(PATIENTS, result.episodes().size(), "one episode each: no relapse");
        for (final EpisodeRecord e : result.episodes()) {
            final String who = "patient " + e.patientId();
            assertEquals(1, e.episode(), who);
            assertEquals("depression", e.condition(), who);
            assertEquals(c.reason(), e.endReason(), who);
            assertEquals(0, e.arrivalWeek(), who);
            assertEquals(0, e.bookedWeek(), who + ": booked at once");
            assertEquals(c.delay(), e.firstSessionWeek(), who + ": matched in week 0, seen after the authorization");
            assertEquals(c.endWeek(), e.endWeek(), who);
            assertEquals(c.sessions(), e.sessionsAttended(), who);
            assertEquals(c.sessions(), e.sessionsPlanPaid(), who);
            assertEquals(0, e.sessionsSelfPaid(), who);
            assertEquals((int) BASELINE, e.baselineScore(), who);
            assertEquals(c.endScore(), e.endScore(), who);
            assertEquals(c.recovered(), e.recovered(), who);
            assertEquals(c.reliablyImproved(), e.reliableImprovement(), who);
            assertEquals(false, e.deteriorated(), who);
            final int k = c.sessionsToReliableImprovement();
            assertEquals(k > 0 ? Integer.valueOf(k) : null, e.sessionsToReliableImprovement(), who);
            // Relapse is drawn only after an ending below caseness, return to care only after one at or
            // above it, and both risks are 0.
            assertEquals(c.recovered() ? Boolean.FALSE : null, e.relapsed(), who);
            assertEquals(c.recovered() ? null : Boolean.FALSE, e.returned(), who);
            assertEquals(0, e.noShows() + e.cancellations() + e.ruptures() + e.repairs() + e.therapistSwitches(), who);
            assertEquals(c.reviews(), e.reviews(), who);
            assertFalse(e.outOfNetwork(), who);
            near(c.allianceMean(), e.allianceMean(), who + " mean alliance");
            near(c.alliance()[c.sessions()], e.allianceFinal(), who + " final alliance");
            near(c.payerPerEpisode(), e.payerCost(), who + " payer cost");
            near(c.patientPerEpisode(), e.patientCost(), who + " patient cost");
            near(c.adminPerEpisode(), e.adminCost(), who + " admin cost");
            near(c.productivityPerEpisode(), e.productivityLoss(), who + " productivity loss");
            near(c.medicalPerEpisode(), e.medicalCost(), who + " medical cost");
        }
        assertEquals(PATIENTS * c.sessions(), result.sessions().size());
        for (final SessionRecord s : result.sessions()) {
            final int n = s.sessionNumber();
            assertEquals(c.delay() + n - 1, s.week(), "session " + n + " is in week D + n - 1");
            assertEquals(Math.round(c.score()[n]), s.score(), "observed score after session " + n);
            near(c.alliance()[n], s.alliance(), "alliance after session " + n);
        }
        final EconomicTotals totals = result.economics();
        assertEquals(PATIENTS, totals.patients());
        near(PATIENTS * c.qalys(), totals.qalys(), "QALYs");
        near(PATIENTS * c.recoveries(), totals.recoveries(), "recoveries");
        near(PATIENTS * c.planDiscounted(), totals.planCost(), "plan cost, discounted");
        near(PATIENTS * c.patientDiscounted(), totals.outOfPocket(), "out of pocket, discounted");
        near(PATIENTS * c.adminDiscounted(), totals.adminCost(), "admin, discounted");
        near(PATIENTS * c.productivityDiscounted(), totals.productivityLoss(), "productivity, discounted");
        near(PATIENTS * c.medicalDiscounted(), totals.medicalCost(), "medical, discounted");
        near(PATIENTS * c.planMedicalDiscounted(), totals.planMedicalCost(), "plan's medical, discounted");
        near(PATIENTS * c.timeDiscounted(), totals.patientTime(), "patients' time, discounted");
    }

    @Test
    void theClosedFormItselfGivesTheExpectedCourse() {
        final Course c = Course.of(0, COPAY, 0, 0);
        // s_9 = 8.19 rounds to 8 <= min(0.314074074 x 27, 16 - 6) = 8.48 (s_8 = 8.89 rounds to 9): 9 sessions, weeks 0-8.
        assertEquals(9, c.sessions());
        assertEquals(8, c.endWeek());
        assertEquals(8, c.endScore());
        assertEquals(8.19007, c.score()[9], 1e-5);
        // 16 - round(s_6 = 10.44) = 6 points: reliable improvement at session 6.
        assertEquals(6, c.sessionsToReliableImprovement());
        // 9 x (80.68 - 20) = 546.12 to the plan, 9 x 20 = 180 from the patient.
        near(546.12, c.payerPerEpisode(), "plan");
        near(180.0, c.patientPerEpisode(), "patient");
        // At a cap of 6 the episode ends in week 6 at s_6 = 10.44, observed 10: not below caseness.
        final Course capped = Course.of(6, COPAY, 0, 0);
        assertEquals(6, capped.endWeek());
        assertEquals(10, capped.endScore());
        assertFalse(capped.recovered());
    }

    @Test
    void withoutNoiseEveryPatientLivesTheClosedFormCourse() {
        final Scenario s = scenario();
        final Course c = Course.of(0, COPAY, 0, 0);
        checkEpisodes(s, c, 11);
        checkEpisodes(s, c, 12);
        // The same figures in every replication of an experiment (three seeds), hence sd 0.
        final ExperimentResult r = compare(s);
        checkMetrics(r.reference(), c);
    }

    @Test
    void aCapBelowEveryonesNeedEndsEveryEpisodeAtTheCap() {
        // Everyone needs 9 sessions; a cap of 6 per episode with atCap stop ends every episode in week 6.
        final Scenario copay = scenario("name=Cap 6, copay 20", "plan.sessionCap.sessions=6");
        final Scenario coinsurance = scenario("name=Cap 6, coinsurance 25%", "plan.sessionCap.sessions=6",
                "plan.copay=0", "plan.coinsurance=0.25");
        final Scenario planYear = scenario("name=Cap 6 a plan year", "plan.sessionCap.sessions=6",
                "plan.sessionCap.per=plan_year");
        final Course c = Course.of(6, COPAY, 0, 0);
        final Course co = Course.of(6, 0, 0.25, 0);
        checkEpisodes(copay, c, 21);
        checkEpisodes(coinsurance, co, 22);
        checkEpisodes(planYear, c, 23);
        // The plan pays N x (A - copay) = 6 x 60.68 = 364.08 an episode; the patient 6 x 20 = 120.
        near(6 * (ALLOWED - COPAY), c.payerPerEpisode(), "cap, copay: plan");
        near(6 * COPAY, c.patientPerEpisode(), "cap, copay: patient");
        // With 25% coinsurance: the patient 6 x 0.25 x 80.68 = 121.02, the plan 6 x 0.75 x 80.68 = 363.06.
        near(6 * 0.25 * ALLOWED, co.patientPerEpisode(), "cap, coinsurance: patient");
        near(6 * 0.75 * ALLOWED, co.payerPerEpisode(), "cap, coinsurance: plan");
        final ExperimentResult r = compare(copay, coinsurance, planYear);
        checkMetrics(r.arms().get(0), c);
        checkMetrics(r.arms().get(1), co);
        checkMetrics(r.arms().get(2), c);
        // Same courses, different split: the paired differences are the closed-form ones.
        final ArmResult arm = r.arms().get(1);
        near(co.patientDiscounted() - c.patientDiscounted(),
                arm.differenceFrom(r.reference(), Metric.OUT_OF_POCKET_PER_PATIENT).mean(), "out-of-pocket difference");
        near(0.0, arm.differenceFrom(r.reference(), Metric.QALYS_PER_PATIENT).mean(), "no QALY difference");
    }

    @Test
    void authorizationAndADeniedReviewAddTheirAdministrationAndWeeksWithoutSessions() {
        // Prior authorization: matched in week 0, the first session a week later (the untreated course
        // meanwhile, 16 -> 15.872), 11.14 to the plan in week 0. The course still takes 9 sessions.
        final Scenario authorized = scenario("name=Authorization", "plan.priorAuthorization.enabled=true",
                "plan.priorAuthorization.delayWeeks=1", "plan.priorAuthorization.adminCost=11.14");
        final Course a = Course.of(0, COPAY, 0, 0, 1, 0, 0);
        assertEquals(9, a.sessions());
        assertEquals(9, a.endWeek());
        // A review after 4 sessions, decided 2 weeks later, always denied: 4 sessions (weeks 0-3), the
        // request and its 11.14 in week 4, no sessions in weeks 4-5, the episode ends in week 6 at
        // s_4 = 12.20, observed 12: neither recovered nor reliably improved (16 - 12 < 6).
        final Scenario denied = scenario("name=Review denied", "plan.review.enabled=true", "plan.review.atSession=4",
                "plan.review.delayWeeks=2", "plan.review.adminCost=11.14", "plan.review.approvalBase=-20",
                "plan.review.approvalSeverity=-20", "plan.review.approvalProgress=-20");
        final Course r = Course.of(0, COPAY, 0, 0, 0, 4, 2);
        assertEquals(EndReason.REVIEW_DENIED, r.reason());
        assertEquals(6, r.endWeek());
        assertEquals(12, r.endScore());
        near(ADMIN, r.adminPerEpisode(), "one review");
        checkEpisodes(authorized, a, 51);
        checkEpisodes(denied, r, 52);
        final ExperimentResult result = compare(authorized, denied);
        checkMetrics(result.arms().get(0), a);
        checkMetrics(result.arms().get(1), r);
    }

    @Test
    void freeCareAgainstAFullDeductibleMovesEveryDollarToThePatient() {
        final Scenario free = scenario("name=Free care", "plan.copay=0");
        // A deductible above all spending (9 x 80.68 = 726.12): every session costs the patient A.
        final Scenario deductible = scenario("name=Full deductible", "plan.copay=0", "plan.deductible=100000");
        final Course f = Course.of(0, 0, 0, 0);
        final Course d = Course.of(0, 0, 0, 100000);
        near(9 * ALLOWED, f.payerPerEpisode(), "free care: the plan pays all");
        near(0.0, f.patientPerEpisode(), "free care: the patient nothing");
        near(0.0, d.payerPerEpisode(), "deductible: the plan pays nothing");
        near(9 * ALLOWED, d.patientPerEpisode(), "deductible: the patient all");
        checkEpisodes(free, f, 31);
        checkEpisodes(deductible, d, 32);
        final ExperimentResult r = compare(free, deductible);
        checkMetrics(r.reference(), f);
        checkMetrics(r.arms().get(1), d);

        // Perspectives (docs/MODEL.md): payer = plan + admin + the plan's share of other medical cost;
        // employer adds productivity; the health care sector counts plan, out-of-pocket, admin and all
        // other medical cost; society adds productivity and patients' time to it. The courses are the
        // same, so the difference is -sum_t d_t A for payer and employer, and exactly 0 for the health
        // care sector and society (the cost only changes hands).
        final double moved = f.planDiscounted();
        near(moved, d.patientDiscounted(), "what the plan stops paying the patient pays");
        final double wtp = r.reference().scenario().evaluation().willingnessToPay();
        final List<CostEffectiveness.Row> rows = CostEffectiveness.of(r, wtp);
        final Map<Perspective, Double> expectedIncrement = Map.of(Perspective.PAYER, -moved, Perspective.EMPLOYER,
                -moved, Perspective.HEALTHCARE, 0.0, Perspective.SOCIETAL, 0.0);
        final Map<Perspective, Double> freeCost = Map.of(Perspective.PAYER, f.payerPerspective(), Perspective.EMPLOYER,
                f.employerPerspective(), Perspective.HEALTHCARE, f.healthcarePerspective(), Perspective.SOCIETAL,
                f.societalPerspective());
        for (final CostEffectiveness.Row row : rows) {
            final boolean reference = row.arm().equals("Free care");
            final Perspective p = row.perspective();
            final double cost = freeCost.get(p) + (reference ? 0.0 : expectedIncrement.get(p));
            near(cost, row.cost().mean(), p.id() + " " + row.arm() + " cost");
            near(f.qalys(), row.qalys().mean(), p.id() + " " + row.arm() + " QALYs");
            near(1.0, row.recoveries().mean(), p.id() + " " + row.arm() + " recoveries");
            near(wtp * f.qalys() - cost, row.netMonetaryBenefit().mean(), p.id() + " " + row.arm() + " NMB");
            if (reference) {
                assertNull(row.incrementalCost());
                continue;
            }
            near(expectedIncrement.get(p), row.incrementalCost().mean(), p.id() + " incremental cost");
            near(0.0, row.incrementalQalys().mean(), p.id() + " incremental QALYs");
            near(-expectedIncrement.get(p), row.incrementalNetMonetaryBenefit().mean(), p.id() + " incremental NMB");
            // Budget impact, undiscounted: -9 x 80.68 an episode over 12 member-months per patient,
            // and 12 months of it for the 40 members of the cohort.
            final double pmpm = -9 * ALLOWED / 12.0;
            near(pmpm, row.budgetImpactPmpm(), "budget impact per member per month");
            near(12.0 * PATIENTS * pmpm, row.budgetImpactPerYear(), "budget impact a year");
        }
    }

    @Test
    void aPatientWhoGivesUpWaitingFollowsTheUntreatedCourse() {
        // One therapist with one slot: patient 0 is matched in week 0 and lives the course; the other
        // 39 wait, and with a weekly give-up probability of 1 leave the list in week 0.
        final Scenario s = scenario("name=One slot", "workforce.therapists=1", "workforce.weeklyCapacity=1",
                "dynamics.access.giveUpPerWeek=1");
        final Course c = Course.of(0, COPAY, 0, 0);
        final double[] untreated = untreatedWeekly();
        final ReplicationResult result = new TherapySim(s, RandomStreams.replicationSeed(41, 0), false).run();
        assertEquals(PATIENTS, result.episodes().size());
        for (final EpisodeRecord e : result.episodes()) {
            final String who = "patient " + e.patientId();
            if (e.patientId() == 0) {
                assertEquals(EndReason.PLANNED, e.endReason(), who);
                assertEquals(c.sessions(), e.sessionsAttended(), who);
                near(c.payerPerEpisode(), e.payerCost(), who);
                continue;
            }
            assertEquals(EndReason.GAVE_UP_WAITING, e.endReason(), who);
            assertEquals(0, e.endWeek(), who);
            assertEquals(0, e.sessionsAttended(), who);
            assertNull(e.endScore(), who);
            assertNull(e.recovered(), who);
            assertNull(e.relapsed(), who);
            assertEquals(Boolean.FALSE, e.returned(), who + ": ended at 16, above caseness; no return");
            // The episode is week 0, lived at 16: 949 x 0.0165 x 16 = 250.536 of lost output and
            // 11,300 / 52 x 16 / 27 = 128.77 of other medical cost.
            near(productivity(BASELINE), e.productivityLoss(), who);
            near(medical(BASELINE), e.medicalCost(), who);
            near(0.0, e.payerCost() + e.patientCost() + e.adminCost(), who);
        }
        // Per patient who sought care: one treated course and 39 untreated ones, over 40.
        final ExperimentResult r = compare(s);
        final ArmResult arm = r.reference();
        final int waited = PATIENTS - 1;
        metric(arm, Metric.STARTED_RATE, 1.0 / PATIENTS);
        metric(arm, Metric.GAVE_UP_WAITING_RATE, (double) waited / PATIENTS);
        metric(arm, Metric.MEAN_WEEKS_WAITING, 0.0);
        metric(arm, Metric.MEAN_SESSIONS, (double) c.sessions());
        metric(arm, Metric.RECOVERY_RATE, 1.0);
        metric(arm, Metric.PAYER_COST_PER_EPISODE, c.payerPerEpisode() / PATIENTS);
        metric(arm, Metric.PRODUCTIVITY_LOSS_PER_EPISODE,
                (c.productivityPerEpisode() + waited * productivity(BASELINE)) / PATIENTS);
        metric(arm, Metric.QALYS_PER_PATIENT, (c.qalys() + waited * horizonQalys(untreated)) / PATIENTS);
        metric(arm, Metric.RECOVERIES_PER_PATIENT, 1.0 / PATIENTS);
        metric(arm, Metric.PLAN_SESSIONS_PER_PATIENT, c.planDiscounted() / PATIENTS);
        metric(arm, Metric.OUT_OF_POCKET_PER_PATIENT, c.patientDiscounted() / PATIENTS);
        metric(arm, Metric.PRODUCTIVITY_PER_PATIENT,
                (c.productivityDiscounted() + waited * horizonProductivity(untreated)) / PATIENTS);
        metric(arm, Metric.MEDICAL_PER_PATIENT, (c.medicalDiscounted() + waited * horizonMedical(untreated)) / PATIENTS);
        metric(arm, Metric.TIME_PER_PATIENT, c.timeDiscounted() / PATIENTS);
    }

    @Test
    void theResultTablesCarryTheClosedFormFigures(@TempDir final Path dir) throws IOException {
        // As `./therapysim compare free.yaml deductible.yaml` would: two scenario files extending the
        // analytic one, read as one study, run and written by the results writer.
        final String base = "extends: " + FILE.toAbsolutePath() + "\n";
        final Path free = TestScenarios.write(dir, "free.yaml", base + "name: Free care\nplan: {copay: 0}\n");
        final Path deductible = TestScenarios.write(dir, "deductible.yaml",
                base + "name: Full deductible\nplan: {copay: 0, deductible: 100000}\n");
        final Path cap = TestScenarios.write(dir, "cap.yaml",
                base + "name: Cap 6\nplan: {sessionCap: {sessions: 6}}\n");
        final Study study = LOADER.loadStudies(List.of(free, deductible, cap));
        assertEquals(3, study.replications());
        final Path target = dir.resolve("results");
        ResultsWriter.run(study, new ResultsWriter.Options(target, false, false, 2, List.of("compare"), null),
                ProgressListener.NONE);
        final Map<String, Course> courses = Map.of("Free care", Course.of(0, 0, 0, 0), "Full deductible",
                Course.of(0, 0, 0, 100000), "Cap 6", Course.of(6, COPAY, 0, 0));

        int rows = 0;
        for (final CSVRecord row : read(target.resolve("summary.csv"))) {
            final Double expected = expectedMetrics(courses.get(row.get("arm"))).get(Metric.byId(row.get("metric")));
            if (expected == null) {
                continue;
            }
            rows++;
            final String what = row.get("arm") + " " + row.get("metric");
            if (Double.isNaN(expected)) {
                assertEquals("", row.get("mean"), what);
                assertEquals("0", row.get("n"), what);
                continue;
            }
            table(expected, row.get("mean"), what);
            table(0.0, row.get("sd"), what + " sd");
            table(expected, row.get("ci_low"), what + " ci_low");
            table(expected, row.get("ci_high"), what + " ci_high");
            assertEquals("3", row.get("n"), what);
            if (!row.get("arm").equals("Free care")) {
                final double reference = expectedMetrics(courses.get("Free care")).get(Metric.byId(row.get("metric")));
                if (!Double.isNaN(reference)) {
                    table(expected - reference, row.get("diff_vs_reference"), what + " difference");
                }
            }
        }
        assertEquals(3 * expectedMetrics(courses.get("Free care")).size(), rows,
                "every metric the closed form fixes, for each arm");

        final Course f = courses.get("Free care");
        int ceRows = 0;
        for (final CSVRecord row : read(target.resolve("cost_effectiveness.csv"))) {
            ceRows++;
            final Course c = courses.get(row.get("arm"));
            final Perspective p = Perspective.valueOf(row.get("perspective").toUpperCase(java.util.Locale.ROOT));
            final double cost = switch (p) {
                case PAYER -> c.payerPerspective();
                case EMPLOYER -> c.employerPerspective();
                case HEALTHCARE -> c.healthcarePerspective();
                case SOCIETAL -> c.societalPerspective();
            };
            final double fCost = switch (p) {
                case PAYER -> f.payerPerspective();
                case EMPLOYER -> f.employerPerspective();
                case HEALTHCARE -> f.healthcarePerspective();
                case SOCIETAL -> f.societalPerspective();
            };
            final String what = row.get("perspective") + " " + row.get("arm");
            assertEquals("USD", row.get("currency"));
            assertEquals("52", row.get("horizon_weeks"));
            table(DISCOUNT_RATE, row.get("discount_rate"), what + " discount rate");
            table(cost, row.get("cost"), what + " cost");
            table(cost, row.get("cost_ci_low"), what + " cost_ci_low");
            table(c.qalys(), row.get("qalys"), what + " QALYs");
            table(c.recoveries(), row.get("recoveries"), what + " recoveries");
            final double wtp = 100_000;
            table(wtp, row.get("willingness_to_pay"), what + " wtp");
            table(wtp * c.qalys() - cost, row.get("net_monetary_benefit"), what + " NMB");
            if (row.get("arm").equals("Free care")) {
                assertEquals("reference", row.get("vs_reference"), what);
                assertEquals("", row.get("incremental_cost"), what);
                continue;
            }
            table(cost - fCost, row.get("incremental_cost"), what + " incremental cost");
            table(c.qalys() - f.qalys(), row.get("incremental_qalys"), what + " incremental QALYs");
            table(c.recoveries() - f.recoveries(), row.get("incremental_recoveries"), what + " incremental recoveries");
            table(wtp * (c.qalys() - f.qalys()) - (cost - fCost), row.get("incremental_net_monetary_benefit"),
                    what + " incremental NMB");
            final double pmpm = (c.payerPerEpisode() - f.payerPerEpisode()) / 12.0;
            table(pmpm, row.get("budget_impact_pmpm"), what + " budget impact pmpm");
            table(12.0 * PATIENTS * pmpm, row.get("budget_impact_per_year"), what + " budget impact a year");
            // The plane: the deductible saves the payer and the employer the plan's payments at the same
            // QALYs; seen from the health care sector or society it changes nothing. The cap saves the payer 360.91 for 0.0297
            // QALYs (a cost per QALY forgone of about 12,150) and costs the others more.
            final String expectedQuadrant = row.get("arm").equals("Full deductible")
                    ? p == Perspective.SOCIETAL || p == Perspective.HEALTHCARE ? "same cost and QALYs as the reference"
                            : "dominates the reference"
                    : p == Perspective.PAYER ? "costs less, fewer QALYs" : "dominated by the reference";
            assertEquals(expectedQuadrant, row.get("vs_reference"), what);
            if (row.get("arm").equals("Cap 6") && p == Perspective.PAYER) {
                table((cost - fCost) / (c.qalys() - f.qalys()), row.get("cost_per_qaly_vs_reference"), what + " ICER");
            } else {
                assertEquals("", row.get("cost_per_qaly_vs_reference"), what + ": no trade-off, no ratio");
            }
        }
        assertEquals(4 * 3, ceRows, "four perspectives by three arms");
    }

    private static List<CSVRecord> read(final Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    private static void table(final double expected, final String cell, final String what) {
        assertFalse(cell.isEmpty(), what + " is empty");
        assertEquals(expected, Double.parseDouble(cell), TABLE_TOLERANCE * Math.max(1.0, Math.abs(expected)),
                what + ": " + cell);
    }

    @Test
    void aBetaTraitWithNoSpreadMayBeZeroOrOne() {
        // A point mass is the natural off switch of a propensity: no-show mean 0 and sd 0 is accepted.
        assertEquals(0.0, scenario().patients().noShow().mean());
        assertEquals(1.0, scenario("patients.noShow.mean=1").patients().noShow().mean());
        // With a spread, the Beta distribution still needs a mean strictly inside (0, 1).
        assertThrows(TherapysimException.class, () -> scenario("patients.noShow.sd=0.1"));
    }
}

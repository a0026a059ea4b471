package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Scenario;

/**
 * Booking the first appointment, run through the simulation (docs/MODEL.md, "Booking the first
 * appointment"): at the start of the episode and after each week of hesitation the patient books
 * with probability q; otherwise the week is lived untreated and ends in giving up the idea of care
 * with probability g. With q and g fixed the week of booking is geometric: week k (0 = the week the
 * episode began) with probability {@code ((1 - q)(1 - g))^k q}, and giving up in week k has
 * probability {@code ((1 - q)(1 - g))^k (1 - q) g}.
 *
 * <p>The cohorts follow {@link RuleScenarios}: everyone starts (price moves no decision), a booked
 * patient is matched in the week of booking and seen every week, and nothing else ends an episode.
 * A share observed in {@value #N} patients must lie within 4.5 standard errors of its expected
 * value (a false alarm about once in 150,000 runs; with a fixed seed the outcome is the same on
 * every run).
 */
class HelpSeekingRulesTest {
    private static final int N = 3000;

    private static double logistic(final double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** @return the booking logit that gives every patient the probability q (severity and fear weights 0) */
    private static String[] fixedChance(final double q, final String... more) {
        final List<String> all = new ArrayList<>(List.of("dynamics.helpSeeking.bookingLogit=" + Math.log(q / (1 - q)),
                "dynamics.helpSeeking.severityLogit=0", "dynamics.helpSeeking.fearLogitPerSd=0"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** @return the chance the model computes from the logit {@link #fixedChance} writes (q up to rounding) */
    private static double chance(final double q) {
        return logistic(Math.log(q / (1 - q)));
    }

    private static void assertShare(final double expected, final long count, final int n, final String why) {
        final double observed = count / (double) n;
        final double tolerance = 4.5 * RuleScenarios.standardError(expected, n);
        assertEquals(expected, observed, tolerance, why + ": " + count + " of " + n);
    }

    private static long bookedInWeek(final List<EpisodeRecord> episodes, final int k) {
        return episodes.stream().filter(e -> e.bookedWeek() != null && e.weeksHesitating() == k).count();
    }

    @Test
    void withBookingCertainEveryoneBooksTheWeekTheyStartAndNothingElseChanges() {
        // Every random element on, too few therapists for the demand (a queue, and giving up on it),
        // a cap of 6 per plan year that stops treatment (returns wait for the next plan year), relapse
        // and return to care on. A booking logit of 50 is a probability of exactly 1 whatever the
        // severity and fear terms add (at least 50 - 1 - 0.49 x 6 = 46), so the booking weights
        // cannot matter and the waiting list works as before hesitation was modelled.
        final String[] common = {"workforce.therapists=20", "plan.sessionCap.sessions=6", "plan.sessionCap.atCap=stop",
            "dynamics.helpSeeking.bookingLogit=50"};
        final Scenario weighted = TestScenarios.cohort(1000, 80, common);
        final List<String> unweighted = new ArrayList<>(List.of(common));
        unweighted.addAll(List.of("dynamics.helpSeeking.severityLogit=0", "dynamics.helpSeeking.fearLogitPerSd=0"));
        final List<EpisodeRecord> episodes = RuleScenarios.episodes(weighted, 31);
        assertEquals(episodes,
                RuleScenarios.episodes(TestScenarios.cohort(1000, 80, unweighted.toArray(String[]::new)), 31),
                "the same episodes whatever the severity and fear weights");
        int later = 0;
        int gaveUpWaiting = 0;
        int waited = 0;
        for (final EpisodeRecord e : episodes) {
            final String who = "patient " + e.patientId() + " episode " + e.episode();
            assertTrue(e.endReason() != EndReason.NOT_BOOKED, who);
            if (e.endReason() == EndReason.DECLINED) {
                assertNull(e.bookedWeek(), who + ": declined, never booked");
                continue;
            }
            assertEquals(e.arrivalWeek(), e.bookedWeek(), who + ": booked the week the episode began");
            assertEquals(0, e.weeksHesitating(), who);
            if (e.episode() > 1) {
                later++;
            }
            if (e.endReason() == EndReason.GAVE_UP_WAITING) {
                gaveUpWaiting++;
            }
            if (e.firstSessionWeek() != null) {
                assertEquals(e.firstSessionWeek() - e.arrivalWeek(), e.weeksWaiting(), who);
                if (e.weeksWaiting() > 0) {
                    waited++;
                }
            }
        }
        assertTrue(later > 100, "relapses and returns book at once too: " + later);
        assertTrue(gaveUpWaiting > 10, "the waiting list still loses patients: " + gaveUpWaiting);
        assertTrue(waited > 100, "a queue: " + waited);
    }

    @Test
    void withAFixedChanceAndNoGivingUpTheWeekOfBookingIsGeometric() {
        // q = 0.4, g = 0 (RuleScenarios): week 0 with probability 0.4, week 1 with 0.6 x 0.4 = 0.24,
        // week 2 with 0.6^2 x 0.4 = 0.144; no one booked by the last decision (week 11 of 12) with
        // 0.6^12 = 0.0022, censored at the horizon while hesitating.
        final int weeks = 12;
        final double q = chance(0.4);
        final List<EpisodeRecord> episodes = RuleScenarios.episodes(
                RuleScenarios.deterministic(N, weeks, fixedChance(0.4)), 41);
        assertEquals(N, episodes.size(), "one episode each: nobody declines, relapses or returns");
        for (int k = 0; k <= 2; k++) {
            assertShare(Math.pow(1 - q, k) * q, bookedInWeek(episodes, k), N, "booked in week " + k);
        }
        long never = 0;
        for (final EpisodeRecord e : episodes) {
            final String who = "patient " + e.patientId();
            assertTrue(e.endReason() != EndReason.NOT_BOOKED, who + ": nobody gives up");
            if (e.bookedWeek() == null) {
                never++;
                assertEquals(EndReason.HORIZON, e.endReason(), who);
                assertEquals(0, e.sessionsAttended(), who);
                assertNull(e.firstSessionWeek(), who);
                continue;
            }
            // Matched in the week of booking and seen every week from then on: the clinic's wait is 0
            // and every week after booking is a session.
            assertEquals(e.bookedWeek(), e.firstSessionWeek(), who);
            assertEquals(0, e.weeksWaiting(), who);
            assertEquals(weeks - e.bookedWeek(), e.sessionsAttended(), who);
        }
        assertShare(Math.pow(1 - q, weeks), never, N, "never booked in " + weeks + " weeks");
    }

    @Test
    void withGivingUpTheShareNotBookedMatchesTheClosedForm() {
        // q = 0.3, g = 0.2, r = (1 - q)(1 - g) = 0.56. Over an unlimited time the share who give up is
        // sum_k r^k (1 - q) g = (1 - q) g / (1 - r) = 0.14 / 0.44 = 0.3182; within 20 weeks
        // 0.3182 x (1 - 0.56^20) = 0.3182 x (1 - 9.2e-6), the same to 4.5 SE. Week 0: 0.7 x 0.2 = 0.14;
        // week 1: 0.56 x 0.14 = 0.0784. Booked: q (1 - r^20) / (1 - r) = 0.3 / 0.44 = 0.6818.
        final int weeks = 20;
        final double q = chance(0.3);
        final double g = 0.2;
        final double r = (1 - q) * (1 - g);
        final List<EpisodeRecord> episodes = RuleScenarios.episodes(RuleScenarios.deterministic(N, weeks,
                fixedChance(0.3, "dynamics.access.giveUpPerWeek=" + g)), 42);
        assertEquals(N, episodes.size());
        final List<EpisodeRecord> notBooked = episodes.stream().filter(e -> e.endReason() == EndReason.NOT_BOOKED)
                .toList();
        assertShare((1 - q) * g * (1 - Math.pow(r, weeks)) / (1 - r), notBooked.size(), N, "gave up before booking");
        assertShare((1 - q) * g / (q + g - q * g), notBooked.size(), N, "the same, over an unlimited time");
        assertShare((1 - q) * g, notBooked.stream().filter(e -> e.endWeek() == 0).count(), N, "gave up in week 0");
        assertShare(r * (1 - q) * g, notBooked.stream().filter(e -> e.endWeek() == 1).count(), N, "gave up in week 1");
        assertShare(q * (1 - Math.pow(r, weeks)) / (1 - r), episodes.stream().filter(e -> e.bookedWeek() != null)
                .count(), N, "booked");
        for (final EpisodeRecord e : notBooked) {
            final String who = "patient " + e.patientId();
            assertNull(e.bookedWeek(), who);
            assertNull(e.firstSessionWeek(), who);
            assertNull(e.therapistId(), who);
            assertEquals(0, e.sessionsAttended(), who);
            assertEquals(0.0, e.payerCost() + e.patientCost() + e.adminCost(), 0.0, who);
        }
        // Booked patients are matched in the week they book, so no one lives a week on the list.
        assertTrue(episodes.stream().noneMatch(e -> e.endReason() == EndReason.GAVE_UP_WAITING));
    }

    /** Scores held where they start (no untreated change, no noise): the severity term stays put. */
    private static List<EpisodeRecord> atScore(final double shareOfRange, final long seed) {
        return RuleScenarios.episodes(RuleScenarios.deterministic(N, 40, "dynamics.helpSeeking.bookingLogit=0",
                "dynamics.helpSeeking.severityLogit=2", "dynamics.helpSeeking.fearLogitPerSd=0",
                "dynamics.symptoms.naturalNoiseSd=0", "conditions[0].naturalImprovementPerWeek=0",
                "conditions[1].naturalImprovementPerWeek=0", "conditions[0].baselineSd=0", "conditions[1].baselineSd=0",
                "conditions[0].baselineMean=" + shareOfRange * 27, "conditions[1].baselineMean=" + shareOfRange * 21),
                seed);
    }

    private static double meanWeeksHesitating(final List<EpisodeRecord> episodes) {
        return episodes.stream().filter(e -> e.bookedWeek() != null).mapToInt(EpisodeRecord::weeksHesitating)
                .average().orElseThrow();
    }

    @Test
    void severerPatientsBookSooner() {
        // Logit 2 x (score / max - 0.5): at 8/9 of the range (PHQ-9 24, GAD-7 18.67) 0.7778, q = 0.6852;
        // at 2/9 (PHQ-9 6, GAD-7 4.67) -0.5556, q = 0.3646. Weeks hesitating are geometric, mean
        // (1 - q) / q: 0.4594 and 1.7429 (sd sqrt(1 - q) / q: 0.8212 and 2.1862); the chance of not
        // booking within 40 weeks, (1 - q)^40 at most 1.4e-8, changes neither.
        final double severe = logistic(2 * (8.0 / 9 - 0.5));
        final double mild = logistic(2 * (2.0 / 9 - 0.5));
        assertEquals(0.6852, severe, 1e-4);
        assertEquals(0.3646, mild, 1e-4);
        final List<EpisodeRecord> severeEpisodes = atScore(8.0 / 9, 43);
        final List<EpisodeRecord> mildEpisodes = atScore(2.0 / 9, 43);
        assertShare(severe, bookedInWeek(severeEpisodes, 0), N, "severe, booked at once");
        assertShare(mild, bookedInWeek(mildEpisodes, 0), N, "mild, booked at once");
        final double severeMean = meanWeeksHesitating(severeEpisodes);
        final double mildMean = meanWeeksHesitating(mildEpisodes);
        assertEquals((1 - severe) / severe, severeMean, 4.5 * Math.sqrt(1 - severe) / severe / Math.sqrt(N));
        assertEquals((1 - mild) / mild, mildMean, 4.5 * Math.sqrt(1 - mild) / mild / Math.sqrt(N));
        assertTrue(severeMean < mildMean, severeMean + " weeks against " + mildMean);
    }

    /** A run of {@code scenario} with each patient's standardized fear, by patient id. */
    private record Run(List<EpisodeRecord> episodes, Map<Integer, Double> fear) {
        static Run of(final Scenario scenario, final long seed) {
            final TherapySim sim = new TherapySim(scenario, RandomStreams.replicationSeed(seed, 0), false);
            final List<EpisodeRecord> episodes = sim.run().episodes();
            final HelpSeeking help = new HelpSeeking(scenario.dynamics().helpSeeking(),
                    scenario.patients().helpSeekingDelayWeeks());
            final Map<Integer, Double> fear = new HashMap<>();
            for (final Patient p : sim.patients()) {
                fear.put(p.getId(), help.fear(p.getHelpSeekingDelayWeeks()));
            }
            return new Run(episodes, fear);
        }

        Map<Integer, EpisodeRecord> byPatient() {
            final Map<Integer, EpisodeRecord> out = new HashMap<>();
            episodes.forEach(e -> out.put(e.patientId(), e));
            return out;
        }
    }

    @Test
    void moreFearfulPatientsBookLater() {
        // Logit 0 - 0.49 zFear (severity weight 0). The same cohort twice, on common random numbers:
        // with the fear weight and without (q = 0.5 for everyone). The help-seeking delay is the
        // defaults' log-normal (median 52 weeks, sigma 1), so zFear is each patient's standard normal
        // draw behind it.
        final String[] base = {"dynamics.helpSeeking.bookingLogit=0", "dynamics.helpSeeking.severityLogit=0"};
        final List<String> withFear = new ArrayList<>(List.of(base));
        withFear.add("dynamics.helpSeeking.fearLogitPerSd=-0.49");
        final List<String> without = new ArrayList<>(List.of(base));
        without.add("dynamics.helpSeeking.fearLogitPerSd=0");
        final Run fearful = Run.of(RuleScenarios.deterministic(N, 40, withFear.toArray(String[]::new)), 44);
        final Run neutral = Run.of(RuleScenarios.deterministic(N, 40, without.toArray(String[]::new)), 44);
        assertEquals(fearful.fear(), neutral.fear(), "the same patients");

        // Patient i books at once with probability q_i = logistic(-0.49 z_i): the count among the more
        // fearful half (z > 0) and the less fearful half is a sum of Bernoulli draws, with mean
        // sum q_i and variance sum q_i (1 - q_i).
        final Map<Integer, EpisodeRecord> f = fearful.byPatient();
        final Map<Integer, EpisodeRecord> n = neutral.byPatient();
        double expectedAbove = 0;
        double varianceAbove = 0;
        double expectedBelow = 0;
        double varianceBelow = 0;
        int bookedAbove = 0;
        int bookedBelow = 0;
        int countAbove = 0;
        int countBelow = 0;
        // Mean weeks hesitating among those who booked within the 40 weeks.
        double weeksAbove = 0;
        double weeksBelow = 0;
        int bookersAbove = 0;
        int bookersBelow = 0;
        for (final Map.Entry<Integer, Double> patient : fearful.fear().entrySet()) {
            final double z = patient.getValue();
            final double q = logistic(-0.49 * z);
            final EpisodeRecord withWeight = f.get(patient.getKey());
            final EpisodeRecord withoutWeight = n.get(patient.getKey());
            final boolean atOnce = withWeight.bookedWeek() != null && withWeight.weeksHesitating() == 0;
            final boolean atOnceWithout = withoutWeight.bookedWeek() != null && withoutWeight.weeksHesitating() == 0;
            // The first decision uses the same draw u in both runs: booked at once when u < q. With the
            // weight a fearful patient's q is below 0.5, a fearless one's above, so the outcomes nest.
            if (z > 0) {
                assertTrue(!atOnce || atOnceWithout, "patient " + patient.getKey() + ": fear only delays");
                expectedAbove += q;
                varianceAbove += q * (1 - q);
                bookedAbove += atOnce ? 1 : 0;
                countAbove++;
                if (withWeight.bookedWeek() != null) {
                    weeksAbove += withWeight.weeksHesitating();
                    bookersAbove++;
                }
            } else {
                assertTrue(!atOnceWithout || atOnce, "patient " + patient.getKey() + ": less fear only hastens");
                expectedBelow += q;
                varianceBelow += q * (1 - q);
                bookedBelow += atOnce ? 1 : 0;
                countBelow++;
                if (withWeight.bookedWeek() != null) {
                    weeksBelow += withWeight.weeksHesitating();
                    bookersBelow++;
                }
            }
        }
        assertEquals(expectedAbove, bookedAbove, 4.5 * Math.sqrt(varianceAbove), "more fearful, booked at once");
        assertEquals(expectedBelow, bookedBelow, 4.5 * Math.sqrt(varianceBelow), "less fearful, booked at once");
        // About 0.5 - 0.49 x 0.798 / 4 = 0.402 of the fearful half and 0.598 of the other book at once
        // (E|z| = 0.798, logistic'(0) = 1/4), a gap of about 17 standard errors.
        assertTrue(bookedAbove / (double) countAbove < bookedBelow / (double) countBelow - 0.1);
        assertTrue(weeksAbove / bookersAbove > weeksBelow / bookersBelow,
                "mean weeks hesitating: " + weeksAbove / bookersAbove + " against " + weeksBelow / bookersBelow);
    }

    @Test
    void aHesitatingPatientFollowsTheUntreatedCourse() {
        // No one books (logit -50), the untreated course without noise: PHQ-9 20 and GAD-7 16 fall by
        // 0.8% a week. Week t is lived at 20 x 0.992^t, and its other medical cost is
        // 11,300 / 52 x s / max; over the 10 weeks to the horizon, sum_t 11,300 / 52 x 20 x 0.992^t / 27.
        final String[] untreated = {"dynamics.helpSeeking.bookingLogit=-50", "dynamics.symptoms.naturalNoiseSd=0",
            "conditions[0].baselineMean=20", "conditions[0].baselineSd=0", "conditions[1].baselineMean=16",
            "conditions[1].baselineSd=0", "patients.employmentRate=0"};
        for (final EpisodeRecord e : RuleScenarios.episodes(RuleScenarios.deterministic(50, 10, untreated), 45)) {
            final String who = "patient " + e.patientId();
            final boolean depression = "depression".equals(e.condition());
            double expected = 0;
            for (int t = 0; t < 10; t++) {
                expected += 11_300 / 52.0 * (depression ? 20 : 16) * Math.pow(0.992, t) / (depression ? 27 : 21);
            }
            assertEquals(EndReason.HORIZON, e.endReason(), who + ": still hesitating at the horizon");
            assertNull(e.bookedWeek(), who);
            assertEquals(10, e.endWeek(), who);
            assertEquals(expected, e.medicalCost(), 1e-9, who);
            assertEquals(0.0, e.productivityLoss(), 0.0, who);
        }
        // Giving up for certain: everyone who does not book at once gives up in week 0, after living it
        // at the assessment score (one week of other medical cost); nobody relapses (no session) and the
        // return hazard is 0, so the return is asked (ended at or above caseness) and is no.
        final List<String> certain = new ArrayList<>(List.of(untreated));
        certain.add("dynamics.access.giveUpPerWeek=1");
        for (final EpisodeRecord e : RuleScenarios.episodes(
                RuleScenarios.deterministic(50, 10, certain.toArray(String[]::new)), 45)) {
            final String who = "patient " + e.patientId();
            final boolean depression = "depression".equals(e.condition());
            assertEquals(EndReason.NOT_BOOKED, e.endReason(), who);
            assertEquals(0, e.endWeek(), who);
            assertEquals(11_300 / 52.0 * (depression ? 20.0 / 27 : 16.0 / 21), e.medicalCost(), 1e-9, who);
            assertNull(e.relapsed(), who);
            assertEquals(Boolean.FALSE, e.returned(), who);
        }
    }

    @Test
    void returningPatientsHesitateToo() {
        // Episodes of 6 sessions end at a cap per episode, at twice caseness (no change in sessions),
        // and a return hazard that stops at 0.999 brings the patient back the week after: every
        // second episode begins with the same chance q = 0.4 of booking at once.
        final double q = chance(0.4);
        final List<EpisodeRecord> episodes = RuleScenarios.episodes(RuleScenarios.deterministic(N, 40,
                fixedChance(0.4, "dynamics.symptoms.improvementRate=0", "dynamics.symptoms.noiseSd=0",
                        "dynamics.symptoms.naturalNoiseSd=0", "conditions[0].baselineMean=20",
                        "conditions[0].baselineSd=0", "conditions[1].baselineMean=16", "conditions[1].baselineSd=0",
                        "dynamics.returnToCare.oneYearProbability=0.999", "dynamics.returnToCare.planEndMultiplier=20",
                        "plan.sessionCap.sessions=6", "plan.sessionCap.per=episode", "plan.sessionCap.atCap=stop")),
                46);
        final List<EpisodeRecord> second = episodes.stream().filter(e -> e.episode() == 2).toList();
        assertTrue(second.size() > N / 2, "returns: " + second.size());
        assertShare(q, bookedInWeek(second, 0), second.size(), "second episodes booked at once");
        assertShare((1 - q) * q, bookedInWeek(second, 1), second.size(), "second episodes booked a week later");
    }
}

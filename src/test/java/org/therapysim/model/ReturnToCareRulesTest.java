package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Scenario;

/**
 * Return to care run through the simulation (docs/MODEL.md, "After the episode"): on cohorts whose
 * courses follow the plan's rules alone ({@link RuleScenarios}), every patient ends at or above
 * caseness and, with a hazard of 0.999 a week, seeks care again the week after, unless a plan-year
 * cap is used up; then on a cohort with every random element on, with and without returns.
 */
class ReturnToCareRulesTest {
    private static final int N = 20;

    /**
     * No change in sessions (improvement rate 0, no noise): depression at 20 and anxiety at 16 stay
     * there in sessions (twice caseness on both measures); after the episode the untreated course
     * brings the score down by 0.8% a week. A return hazard of 0.1244 x 20 x 2 stops at 0.999.
     */
    private static final String[] RETURNING = {"dynamics.symptoms.improvementRate=0",
        "dynamics.symptoms.noiseSd=0", "dynamics.symptoms.naturalNoiseSd=0", "conditions[0].baselineMean=20",
        "conditions[0].baselineSd=0", "conditions[1].baselineMean=16", "conditions[1].baselineSd=0",
        "dynamics.returnToCare.oneYearProbability=0.999", "dynamics.returnToCare.planEndMultiplier=20"};

    private static List<EpisodeRecord> returning(final int weeks, final String... overrides) {
        final List<String> all = new ArrayList<>(List.of(RETURNING));
        all.addAll(List.of(overrides));
        return RuleScenarios.episodes(RuleScenarios.deterministic(N, weeks, all.toArray(String[]::new)), 21);
    }

    private static Map<Integer, List<EpisodeRecord>> byPatient(final List<EpisodeRecord> episodes) {
        final Map<Integer, List<EpisodeRecord>> out = new HashMap<>();
        for (final EpisodeRecord e : episodes) {
            out.computeIfAbsent(e.patientId(), k -> new ArrayList<>()).add(e);
        }
        out.values().forEach(list -> list.sort(Comparator.comparingInt(EpisodeRecord::episode)));
        return out;
    }

    @Test
    void aPatientAtAPlanYearCapReturnsNoEarlierThanTheNextPlanYear() {
        // Episode 1: sessions in weeks 0-5, at the cap in week 6, at twice caseness. The return drawn
        // for week 7 waits for the plan year that starts in week 52. There the year's 6 sessions are
        // new: sessions in weeks 52-57, at the cap in week 58; the next return would wait for week
        // 104, after the horizon (60).
        final List<EpisodeRecord> episodes = returning(60, "plan.sessionCap.sessions=6",
                "plan.sessionCap.per=plan_year", "plan.sessionCap.atCap=stop");
        assertEquals(2 * N, episodes.size(), "every patient returns once");
        for (final List<EpisodeRecord> patient : byPatient(episodes).values()) {
            final EpisodeRecord first = patient.get(0);
            final EpisodeRecord second = patient.get(1);
            assertEquals(EndReason.CAP_REACHED, first.endReason());
            assertEquals(6, first.endWeek());
            assertEquals(Boolean.TRUE, first.returned(), "ended at twice caseness and came back");
            assertEquals(46, first.weeksToReturn(), "from the ending in week 6 to week 52");
            assertEquals(53, first.weeksFollowedUp(), "weeks 7-59 before the horizon");
            assertNull(first.relapsed(), "a relapse needs an ending below caseness");
            assertEquals(52, second.arrivalWeek(), "not before the next plan year");
            assertEquals(52, second.firstSessionWeek());
            assertEquals(6, second.sessionsPlanPaid(), "a new plan year's sessions");
            assertEquals(EndReason.CAP_REACHED, second.endReason());
            assertEquals(58, second.endWeek());
            assertEquals(Boolean.FALSE, second.returned(), "the next plan year begins after the horizon");
            assertNull(second.weeksToReturn());
            assertEquals(1, second.weeksFollowedUp(), "week 59 only");
            // The returning patient keeps the score the untreated course reached: the week of the cap
            // is lived untreated (x 0.992), then weeks 7-51 (x 0.992^45): 20 x 0.992^46 = 13.82 and
            // 16 x 0.992^46 = 11.06, still at or above caseness (not redrawn as a relapse would be).
            assertEquals("depression".equals(first.condition()) ? 14 : 11, second.baselineScore());
        }
    }

    @Test
    void anEpisodeCapOrAnAllowanceNotUsedUpDoesNotWait() {
        // Cap of 6 per episode: each episode is 6 sessions and the week at the cap, the return the week
        // after: episodes begin in weeks 0, 7, ..., 56; the last is censored at 60 after 4 sessions.
        final List<EpisodeRecord> perEpisode = returning(60, "plan.sessionCap.sessions=6",
                "plan.sessionCap.per=episode", "plan.sessionCap.atCap=stop");
        assertEquals(9 * N, perEpisode.size());
        for (final EpisodeRecord e : perEpisode) {
            assertEquals(7 * (e.episode() - 1), e.arrivalWeek());
            if (e.episode() < 9) {
                assertEquals(EndReason.CAP_REACHED, e.endReason());
                assertEquals(Boolean.TRUE, e.returned());
                assertEquals(1, e.weeksToReturn(), "the week after the ending");
                assertEquals(59 - e.endWeek(), e.weeksFollowedUp());
            } else {
                assertEquals(EndReason.HORIZON, e.endReason());
                assertEquals(4, e.sessionsAttended());
                assertNull(e.returned(), "censored: no return is drawn");
                assertNull(e.weeksToReturn());
                assertEquals(0, e.weeksFollowedUp(), "censored at the horizon");
            }
        }
        // A plan-year cap of 6 with a review at session 3 that is always denied (decision a week
        // later). Episode 1: sessions in weeks 0-2, review in week 3, denied in week 4 with 3 of the
        // year's 6 sessions used: the return is the week after, week 5. Episode 2: sessions in weeks
        // 5-7 use the other 3; in week 8 the year's cap stops it, and the return waits for week 52.
        // Episode 3: sessions 52-54, denied in week 56, back in week 57; episode 4 is censored.
        final List<EpisodeRecord> reviewed = returning(60, "plan.sessionCap.sessions=6",
                "plan.sessionCap.per=plan_year", "plan.sessionCap.atCap=stop", "plan.review.enabled=true",
                "plan.review.atSession=3", "plan.review.delayWeeks=1", "plan.review.approvalBase=-20",
                "plan.review.approvalSeverity=0", "plan.review.approvalProgress=0");
        assertEquals(4 * N, reviewed.size());
        final int[] arrival = {0, 5, 52, 57};
        final int[] end = {4, 8, 56, 60};
        final EndReason[] reason = {EndReason.REVIEW_DENIED, EndReason.CAP_REACHED, EndReason.REVIEW_DENIED,
            EndReason.HORIZON};
        for (final EpisodeRecord e : reviewed) {
            final int k = e.episode() - 1;
            assertEquals(arrival[k], e.arrivalWeek(), "episode " + e.episode());
            assertEquals(end[k], e.endWeek(), "episode " + e.episode());
            assertEquals(reason[k], e.endReason(), "episode " + e.episode());
        }
    }

    /** A cohort with every random element on and a plan-year cap of 6 that stops treatment. */
    private static Scenario capped(final String... overrides) {
        final List<String> all = new ArrayList<>(List.of("plan.sessionCap.sessions=6", "plan.sessionCap.per=plan_year",
                "plan.sessionCap.atCap=stop"));
        all.addAll(List.of(overrides));
        return TestScenarios.cohort(300, 80, all.toArray(String[]::new));
    }

    private static boolean endedAtCaseness(final EpisodeRecord e) {
        final int caseness = "depression".equals(e.condition()) ? 10 : 8;
        return (e.endScore() == null ? e.baselineScore() : e.endScore()) >= caseness;
    }

    @Test
    void withoutAReturnHazardEveryLaterEpisodeIsARelapse() {
        // The earlier model: no return to care, no residual-symptom effect on relapse.
        final List<EpisodeRecord> episodes = TestScenarios.run(capped("dynamics.returnToCare.oneYearProbability=0",
                "dynamics.relapse.residualHazardRatio=1"), 5, false).episodes();
        int relapses = 0;
        for (final List<EpisodeRecord> patient : byPatient(episodes).values()) {
            for (int i = 1; i < patient.size(); i++) {
                assertEquals(Boolean.TRUE, patient.get(i - 1).relapsed(), "only a relapse starts another episode");
                assertEquals(patient.get(i).arrivalWeek() - patient.get(i - 1).endWeek(),
                        patient.get(i - 1).weeksToRelapse(), "the relapse began that many weeks after the ending");
                relapses++;
            }
        }
        assertTrue(relapses > 10, "relapses: " + relapses);
        int asked = 0;
        for (final EpisodeRecord e : episodes) {
            // An episode that ends without a session after untreated weeks (giving up before booking or
            // while waiting, leaving after a missed first appointment) ends at a score the record does
            // not keep, which may have fallen below caseness.
            if (e.endReason() == EndReason.HORIZON || e.endReason() == EndReason.GAVE_UP_WAITING
                    || e.endReason() == EndReason.NOT_BOOKED
                    || e.sessionsAttended() == 0 && e.endReason() != EndReason.DECLINED) {
                assertNotEquals(Boolean.TRUE, e.returned());
            } else if (endedAtCaseness(e)) {
                assertEquals(Boolean.FALSE, e.returned(), "ended at or above caseness, no return");
                asked++;
            } else {
                assertNull(e.returned(), "ended below caseness");
            }
        }
        assertTrue(asked > 50, "episodes ended at or above caseness: " + asked);
    }

    @Test
    void returnsAddEpisodesAfterwardsAndChangeNothingBefore() {
        // The same cohort with and without returns (defaults: 5% a year at caseness, x 2 after the
        // cap). Everyone is matched in week 0 (13 therapists x 25 slots for 300), so each patient's
        // first episode lives the same draws in both: identical but for the return status.
        final List<EpisodeRecord> without = TestScenarios.run(capped("dynamics.returnToCare.oneYearProbability=0"), 5,
                false).episodes();
        final List<EpisodeRecord> with = TestScenarios.run(capped(), 5, false).episodes();
        final Map<Integer, List<EpisodeRecord>> a = byPatient(without);
        final Map<Integer, List<EpisodeRecord>> b = byPatient(with);
        assertEquals(a.keySet(), b.keySet());
        int returned = 0;
        for (final Integer id : a.keySet()) {
            final EpisodeRecord x = a.get(id).get(0);
            final EpisodeRecord y = b.get(id).get(0);
            assertEquals(x, new EpisodeRecord(y.patientId(), y.episode(), y.condition(), y.therapistId(),
                    y.therapistOrientation(), y.arrivalWeek(), y.bookedWeek(), y.firstSessionWeek(), y.endWeek(),
                    y.sessionsAttended(),
                    y.sessionsPlanPaid(), y.sessionsSelfPaid(), y.sessionsToReliableImprovement(), y.endReason(),
                    y.baselineScore(), y.endScore(), y.casenessAtStart(), y.reliableImprovement(), y.recovered(),
                    y.reliableRecovery(), y.deteriorated(), y.relapsed(), x.returned(), y.weeksToRelapse(),
                    x.weeksToReturn(), y.weeksFollowedUp(), y.allianceMean(),
                    y.allianceFinal(), y.ruptures(), y.repairs(), y.therapistSwitches(), y.noShows(), y.cancellations(),
                    y.reviews(), y.outOfNetwork(), y.payerCost(), y.patientCost(), y.adminCost(), y.productivityLoss(),
                    y.medicalCost()), "patient " + id);
            final List<EpisodeRecord> episodes = b.get(id);
            for (int i = 1; i < episodes.size(); i++) {
                final EpisodeRecord before = episodes.get(i - 1);
                if (Boolean.TRUE.equals(before.returned())) {
                    returned++;
                    // A patient who used up the year's 6 plan-paid sessions waits for the next plan year.
                    if (before.endReason() == EndReason.CAP_REACHED && before.endWeek() < 52) {
                        assertTrue(episodes.get(i).arrivalWeek() >= 52, "patient " + id);
                    }
                }
            }
        }
        assertTrue(returned > 5, "returns: " + returned);
        assertTrue(with.size() > without.size());
    }
}

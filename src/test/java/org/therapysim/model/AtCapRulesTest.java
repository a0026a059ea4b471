package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.scenario.Scenario;

/**
 * The session cap and its at-cap rules, run through the simulation on cohorts whose courses follow
 * the rules alone ({@link RuleScenarios}): everyone is matched in week 0 and attends a session
 * every week from week 0 until a rule ends the episode or the horizon censors it. The allowed
 * amount is $100 and the fee $150.
 */
class AtCapRulesTest {
    private static final double EPS = 1e-6;
    private static final int N = 20;

    private static List<EpisodeRecord> run(final int weeks, final String... overrides) {
        final List<EpisodeRecord> episodes = RuleScenarios.episodes(RuleScenarios.deterministic(N, weeks, overrides), 11);
        assertEquals(N, episodes.size(), "one episode each: nobody declines, gives up or relapses");
        return episodes;
    }

    @Test
    void stopEndsTheEpisodeAtTheCap() {
        for (final String per : List.of("plan_year", "episode")) {
            // Sessions in weeks 0-5 use the 6 plan-paid sessions; in week 6 the patient is at the cap.
            for (final EpisodeRecord e : run(20, "plan.sessionCap.sessions=6", "plan.sessionCap.per=" + per,
                    "plan.sessionCap.atCap=stop", "plan.copay=10")) {
                assertEquals(EndReason.CAP_REACHED, e.endReason(), per);
                assertEquals(6, e.sessionsAttended(), per);
                assertEquals(6, e.sessionsPlanPaid(), per);
                assertEquals(0, e.sessionsSelfPaid(), per);
                assertEquals(0, e.firstSessionWeek(), per);
                assertEquals(6, e.endWeek(), per);
                // 6 x copay 10, 6 x (100 - 10)
                assertEquals(60, e.patientCost(), EPS, per);
                assertEquals(540, e.payerCost(), EPS, per);
            }
        }
        // A cap of 1: one session, the end in week 1.
        for (final EpisodeRecord e : run(20, "plan.sessionCap.sessions=1", "plan.sessionCap.atCap=stop")) {
            assertEquals(1, e.sessionsAttended());
            assertEquals(1, e.endWeek());
        }
    }

    @Test
    void withoutACapNothingEndsBeforeTheHorizon() {
        for (final EpisodeRecord e : run(30, "plan.copay=10")) {
            assertEquals(EndReason.HORIZON, e.endReason());
            assertEquals(30, e.sessionsAttended(), "weeks 0-29");
            assertEquals(30, e.sessionsPlanPaid());
            assertEquals(300, e.patientCost(), EPS);
        }
    }

    @Test
    void aPlanYearCapStartsAgainInTheNextPlanYearAndAnEpisodeCapDoesNot() {
        // Everyone continues at the cap at their own expense (no price weight in the decision).
        // Plan year: plan-paid weeks 0-5, self-paid 6-51 (46), plan-paid again 52-57 (new year),
        // self-paid 58-59 (2): 12 plan-paid and 48 self-paid sessions in 60 weeks.
        for (final EpisodeRecord e : run(60, "plan.sessionCap.sessions=6", "plan.sessionCap.per=plan_year",
                "plan.sessionCap.atCap=self_pay", "plan.copay=10")) {
            assertEquals(EndReason.HORIZON, e.endReason());
            assertEquals(60, e.sessionsAttended());
            assertEquals(12, e.sessionsPlanPaid());
            assertEquals(48, e.sessionsSelfPaid());
            // 12 x copay 10 + 48 x fee 150; the plan 12 x 90.
            assertEquals(12 * 10 + 48 * 150, e.patientCost(), EPS);
            assertEquals(12 * 90, e.payerCost(), EPS);
        }
        // Episode: 6 plan-paid, then self-paid to the horizon, whatever the plan year.
        for (final EpisodeRecord e : run(60, "plan.sessionCap.sessions=6", "plan.sessionCap.per=episode",
                "plan.sessionCap.atCap=self_pay", "plan.copay=10")) {
            assertEquals(6, e.sessionsPlanPaid());
            assertEquals(54, e.sessionsSelfPaid());
            assertEquals(6 * 10 + 54 * 150, e.patientCost(), EPS);
            assertEquals(6 * 90, e.payerCost(), EPS);
        }
    }

    @Test
    void theDeductibleAndOutOfPocketMaximumStartAgainInTheNextPlanYear() {
        // Deductible 250, copay 10, coinsurance 20%, maximum 400, 59 weekly sessions.
        // Year 0 (weeks 0-51, 52 sessions): 100, 100, 70 (50 deductible + 10 + 10), then 30 a
        // session: 300, 330, 360, 390, then 10 to reach 400, then nothing. Patient 400, plan 5200 - 400.
        // Year 1 (weeks 52-58, 7 sessions): 100 + 100 + 70 + 4 x 30 = 390, plan 700 - 390.
        for (final EpisodeRecord e : run(59, "plan.deductible=250", "plan.copay=10", "plan.coinsurance=0.2",
                "plan.outOfPocketMax=400")) {
            assertEquals(59, e.sessionsPlanPaid());
            assertEquals(400 + 390, e.patientCost(), EPS);
            assertEquals(4800 + 310, e.payerCost(), EPS);
        }
        // One week less in year 0 alone: 51 sessions still reach the maximum (at session 8).
        for (final EpisodeRecord e : run(52, "plan.deductible=250", "plan.copay=10", "plan.coinsurance=0.2",
                "plan.outOfPocketMax=400")) {
            assertEquals(400, e.patientCost(), EPS);
            assertEquals(5200 - 400, e.payerCost(), EPS);
        }
        // Week 52 is the first of the new year: 53 sessions, the last at the full deductible price.
        for (final EpisodeRecord e : run(53, "plan.deductible=250", "plan.copay=10", "plan.coinsurance=0.2",
                "plan.outOfPocketMax=400")) {
            assertEquals(500, e.patientCost(), EPS);
        }
    }

    @Test
    void switchingTherapistGivesMoreSessionsUpToTheAllowedNumberOfSwitches() {
        // Cap 3 per episode; each switch grants 5 more: sessions 3 + 5 x maxSwitches, and at the
        // next cap with no switch left the episode ends (in the week after its last session).
        for (int maxSwitches = 0; maxSwitches <= 2; maxSwitches++) {
            final int expected = 3 + 5 * maxSwitches;
            for (final EpisodeRecord e : run(30, "plan.sessionCap.sessions=3", "plan.sessionCap.per=episode",
                    "plan.sessionCap.atCap=switch_therapist", "plan.sessionCap.switchSessions=5",
                    "plan.sessionCap.maxSwitches=" + maxSwitches, "plan.copay=10")) {
                final String why = "maxSwitches " + maxSwitches;
                assertEquals(EndReason.CAP_REACHED, e.endReason(), why);
                assertEquals(expected, e.sessionsAttended(), why);
                assertEquals(expected, e.sessionsPlanPaid(), why);
                assertEquals(maxSwitches, e.therapistSwitches(), why);
                // A free slot is there at once, so no week is lost to a switch.
                assertEquals(expected, e.endWeek(), why);
                assertEquals(expected * 10, e.patientCost(), EPS, why);
            }
        }
    }

    @Test
    void aSwitchOfTherapistBringsTheTransferRiskInTheFirstSessionsWithTheNewOne() {
        // Cap 3 per episode, one switch with 5 more sessions, 12 weeks. The dropout hazard is
        // logistic(-20) except in the first two sessions with the new therapist (sessions 4 and 5,
        // weeks 3 and 4), where the transfer term makes it logistic(-20 + 20 - ln 3) = 0.25 (the
        // early term is 0 here). Leaving after session 4: 0.25; after session 5: 0.75 x 0.25; else
        // 8 sessions and the cap.
        final int n = 3000;
        long afterFourth = 0;
        long afterFifth = 0;
        long atCap = 0;
        for (final EpisodeRecord e : RuleScenarios.episodes(RuleScenarios.deterministic(n, 12,
                "plan.sessionCap.sessions=3", "plan.sessionCap.per=episode", "plan.sessionCap.atCap=switch_therapist",
                "plan.sessionCap.switchSessions=5", "plan.sessionCap.maxSwitches=1",
                "dynamics.dropout.transferLogit=" + (20 - Math.log(3))), 17)) {
            if (e.endReason() == EndReason.DROPOUT && e.sessionsAttended() == 4) {
                afterFourth++;
            } else if (e.endReason() == EndReason.DROPOUT && e.sessionsAttended() == 5) {
                afterFifth++;
            } else {
                assertEquals(EndReason.CAP_REACHED, e.endReason());
                assertEquals(8, e.sessionsAttended());
                atCap++;
            }
        }
        assertEquals(n, afterFourth + afterFifth + atCap, "no one leaves the first therapist");
        final double tolerance = 4.5 * RuleScenarios.standardError(0.25, n);
        assertEquals(0.25, afterFourth / (double) n, tolerance);
        assertEquals(0.1875, afterFifth / (double) n, tolerance);
        assertEquals(0.5625, atCap / (double) n, tolerance);
    }

    @Test
    void outOfNetworkThePlanPaysItsShareOfTheAllowedAmountAndSessionsCountAgainstTheCap() {
        // No therapist in network; everyone accepts an out-of-network slot. The plan pays 60% of
        // 100 = 60 a session, the patient the rest of the fee, 150 - 60 = 90; the deductible does
        // not apply out of network. The cap counts these sessions: 4, then the end.
        for (final EpisodeRecord e : run(20, "plan.network.inNetworkShare=0",
                "dynamics.access.outOfNetworkAcceptance=1", "plan.deductible=500", "plan.sessionCap.sessions=4",
                "plan.sessionCap.atCap=stop")) {
            assertTrue(e.outOfNetwork());
            assertEquals(4, e.sessionsPlanPaid());
            assertEquals(EndReason.CAP_REACHED, e.endReason());
            assertEquals(4 * 60, e.payerCost(), EPS);
            assertEquals(4 * 90, e.patientCost(), EPS);
        }
    }

    @Test
    void inNetworkThePatientPaysTheCostSharingOfTheAllowedAmount() {
        for (final EpisodeRecord e : run(10, "plan.network.inNetworkShare=1", "plan.copay=15")) {
            assertFalse(e.outOfNetwork());
            // 10 sessions at 15; the plan 10 x 85.
            assertEquals(150, e.patientCost(), EPS);
            assertEquals(850, e.payerCost(), EPS);
        }
    }

    @Test
    void priorAuthorizationDelaysTheFirstSessionAndCostsOncePerEpisode() {
        // Matched in week 0; the first session 2 weeks later; weeks 2-9 give 8 sessions.
        for (final EpisodeRecord e : run(10, "plan.priorAuthorization.enabled=true",
                "plan.priorAuthorization.delayWeeks=2", "plan.priorAuthorization.adminCost=11.14")) {
            assertEquals(2, e.firstSessionWeek());
            assertEquals(8, e.sessionsAttended());
            assertEquals(11.14, e.adminCost(), EPS);
        }
        // No delay: sessions from week 0, but the authorization is still paid for.
        for (final EpisodeRecord e : run(10, "plan.priorAuthorization.enabled=true",
                "plan.priorAuthorization.delayWeeks=0", "plan.priorAuthorization.adminCost=30")) {
            assertEquals(0, e.firstSessionWeek());
            assertEquals(10, e.sessionsAttended());
            assertEquals(30, e.adminCost(), EPS);
        }
        // A switch of therapist within the episode needs no new authorization.
        for (final EpisodeRecord e : run(20, "plan.priorAuthorization.enabled=true",
                "plan.priorAuthorization.delayWeeks=1", "plan.priorAuthorization.adminCost=30",
                "plan.sessionCap.sessions=3", "plan.sessionCap.per=episode", "plan.sessionCap.atCap=switch_therapist",
                "plan.sessionCap.switchSessions=4", "plan.sessionCap.maxSwitches=1")) {
            assertEquals(1, e.therapistSwitches());
            // Sessions in weeks 1-3 and, with the new therapist at once, 4-7: 7; at the cap in week 8.
            assertEquals(7, e.sessionsAttended());
            assertEquals(8, e.endWeek());
            assertEquals(30, e.adminCost(), EPS);
        }
        // Without the rule there is no delay and no cost.
        for (final EpisodeRecord e : run(10)) {
            assertEquals(0, e.firstSessionWeek());
            assertEquals(0, e.adminCost(), 0.0);
        }
    }

    /**
     * Settings under which every patient ends a 4-session episode below caseness and relapses the
     * next week: no noise, no resistance, the full improvement rate (the score roughly halves each
     * session), and a relapse hazard of 0.999 a week after a premature ending.
     */
    private static final String[] RELAPSING = {"dynamics.symptoms.improvementRate=1",
        "dynamics.symptoms.noiseSd=0", "dynamics.symptoms.naturalNoiseSd=0", "patients.resistance.mean=1e-9",
        "patients.resistance.sd=0", "patients.resistancePerYearUntreated=0", "patients.responsiveness.sigma=0",
        "dynamics.relapse.oneYearRisk=0.999", "dynamics.relapse.prematureEndMultiplier=20",
        "plan.sessionCap.sessions=4", "plan.sessionCap.atCap=stop"};

    private static List<EpisodeRecord> relapsing(final String per) {
        final String[] all = Arrays.copyOf(RELAPSING, RELAPSING.length + 1);
        all[RELAPSING.length] = "plan.sessionCap.per=" + per;
        return RuleScenarios.episodes(RuleScenarios.deterministic(N, 12, all), 12);
    }

    @Test
    void aPlanYearCapCountsTheSessionsOfEveryEpisodeInTheYear() {
        // Episode 1: sessions in weeks 0-3, at the cap in week 4, below caseness; the relapse
        // begins in week 5, with the year's 4 plan-paid sessions used: at the cap at once.
        final List<EpisodeRecord> episodes = relapsing("plan_year");
        for (final EpisodeRecord e : episodes) {
            assertEquals(EndReason.CAP_REACHED, e.endReason());
            if (e.episode() == 1) {
                assertEquals(4, e.sessionsPlanPaid());
                assertEquals(4, e.endWeek());
                assertEquals(Boolean.TRUE, e.relapsed(), "ended below caseness and relapsed");
            } else {
                assertEquals(2, e.episode(), "an episode without sessions has no relapse");
                assertEquals(5, e.arrivalWeek());
                assertEquals(0, e.sessionsAttended());
                assertEquals(5, e.endWeek());
            }
        }
        assertEquals(2 * N, episodes.size(), "every patient relapses once");
    }

    @Test
    void anEpisodeCapStartsAgainWithEachEpisode() {
        // Each episode: 4 sessions, at the cap the week after, the relapse the week after that:
        // episodes begin in weeks 0, 5 and 10 (the third censored at week 12 after 2 sessions).
        final List<EpisodeRecord> episodes = relapsing("episode");
        assertEquals(3 * N, episodes.size());
        for (final EpisodeRecord e : episodes) {
            assertEquals(5 * (e.episode() - 1), e.arrivalWeek());
            if (e.episode() < 3) {
                assertEquals(EndReason.CAP_REACHED, e.endReason());
                assertEquals(4, e.sessionsPlanPaid());
                assertEquals(e.arrivalWeek() + 4, e.endWeek());
            } else {
                assertEquals(EndReason.HORIZON, e.endReason());
                assertEquals(2, e.sessionsPlanPaid());
            }
        }
    }

    @Test
    void noRelapseFollowsAnEpisodeWithoutSessionsEvenBelowCaseness() {
        // Everyone is assessed at 5 points (below caseness on both measures), finds no therapist
        // (none in network, out of network refused) and gives up in week 0 without a session.
        // With a weekly relapse hazard of 0.999 a relapse would follow in week 1 if it could.
        final List<EpisodeRecord> episodes = RuleScenarios.episodes(RuleScenarios.deterministic(N, 10,
                "conditions[0].baselineMean=5", "conditions[0].baselineSd=0", "conditions[1].baselineMean=5",
                "conditions[1].baselineSd=0", "dynamics.access.giveUpPerWeek=1", "plan.network.inNetworkShare=0",
                "dynamics.access.outOfNetworkAcceptance=0", "dynamics.relapse.oneYearRisk=0.999",
                "dynamics.relapse.prematureEndMultiplier=20"), 13);
        assertEquals(N, episodes.size(), "one episode each");
        for (final EpisodeRecord e : episodes) {
            assertEquals(EndReason.GAVE_UP_WAITING, e.endReason());
            assertEquals(0, e.endWeek());
            assertEquals(5, e.baselineScore());
            assertNull(e.relapsed());
        }
    }

    @Test
    void aPatientToBeSwitchedWithNoOtherTherapistFreeWaitsAndIsNotGivenBackToTheSameOne() {
        // One therapist only: at the cap (week 3, after sessions in weeks 0-2) there is no other
        // in-network therapist to move to, so everyone waits, without sessions, to the horizon.
        for (final EpisodeRecord e : run(10, "workforce.therapists=1", "workforce.weeklyCapacity=" + N,
                "plan.sessionCap.sessions=3", "plan.sessionCap.per=episode", "plan.sessionCap.atCap=switch_therapist",
                "plan.sessionCap.switchSessions=5", "plan.sessionCap.maxSwitches=1")) {
            assertEquals(EndReason.HORIZON, e.endReason());
            assertEquals(3, e.sessionsAttended());
            assertEquals(0, e.therapistSwitches());
        }
    }
}

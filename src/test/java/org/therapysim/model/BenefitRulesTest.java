package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Scenario;

class BenefitRulesTest {
    private static final double ALLOWED = TestScenarios.defaults().plan().allowedAmount();

    @Test
    void planPaidSessionsNeverExceedTheCapInAPlanYear() {
        // One plan year (52 weeks) of an open population, relapse episodes included.
        final Scenario s = TestScenarios.defaults("simulation.weeks=52", "evaluation.horizonWeeks=1", "population.arrivalWeeks=52",
                "plan.sessionCap.sessions=6", "plan.sessionCap.per=plan_year", "plan.sessionCap.atCap=stop",
                "dynamics.relapse.oneYearRisk=0.9");
        final ReplicationResult result = TestScenarios.run(s, 3, false);
        final Map<Integer, Integer> perPatient = new HashMap<>();
        for (final EpisodeRecord e : result.episodes()) {
            perPatient.merge(e.patientId(), e.sessionsPlanPaid(), Integer::sum);
        }
        assertTrue(result.episodes().stream().anyMatch(e -> e.episode() > 1), "relapse episodes occur");
        assertTrue(perPatient.values().stream().allMatch(n -> n <= 6), "no member exceeds 6 plan-paid sessions");
        assertTrue(result.episodes().stream().anyMatch(e -> e.endReason() == EndReason.CAP_REACHED));
        assertTrue(result.episodes().stream().filter(e -> e.endReason() == EndReason.CAP_REACHED)
                .allMatch(e -> e.sessionsAttended() <= 6));
    }

    @Test
    void episodeCapCountsEachEpisodeAndSelfPayContinuesAtFullFee() {
        final Scenario s = TestScenarios.defaults("plan.sessionCap.sessions=4", "plan.sessionCap.per=episode",
                "plan.sessionCap.atCap=self_pay");
        final List<EpisodeRecord> episodes = TestScenarios.run(s, 4, false).episodes();
        assertTrue(episodes.stream().allMatch(e -> e.sessionsPlanPaid() <= 4));
        final List<EpisodeRecord> selfPaying = episodes.stream().filter(e -> e.sessionsSelfPaid() > 0).toList();
        assertTrue(selfPaying.size() > 20, "some patients continue at their own expense: " + selfPaying.size());
        for (final EpisodeRecord e : selfPaying) {
            assertEquals(4, e.sessionsPlanPaid());
            assertEquals(4 * (ALLOWED - 20), e.payerCost(), 1e-6);
            assertEquals(4 * 20.0 + e.sessionsSelfPaid() * 150.0, e.patientCost(), 1e-6);
        }
    }

    @Test
    void costSharingSplitsTheAllowedAmountAndRespectsTheOutOfPocketMaximum() {
        final Scenario s = TestScenarios.defaults("simulation.weeks=52", "evaluation.horizonWeeks=1", "plan.deductible=200", "plan.copay=10",
                "plan.coinsurance=0.2", "plan.outOfPocketMax=400");
        final List<EpisodeRecord> episodes = TestScenarios.run(s, 5, false).episodes();
        final Map<Integer, Double> outOfPocket = new HashMap<>();
        for (final EpisodeRecord e : episodes) {
            assertEquals(e.sessionsPlanPaid() * ALLOWED, e.payerCost() + e.patientCost(), 1e-6);
            outOfPocket.merge(e.patientId(), e.patientCost(), Double::sum);
        }
        assertTrue(outOfPocket.values().stream().allMatch(v -> v <= 400 + 1e-6));
        assertTrue(outOfPocket.values().stream().anyMatch(v -> v > 399), "someone reaches the maximum");
        // A member's first session: the whole allowed amount goes to the deductible.
        final EpisodeRecord one = episodes.stream().filter(e -> e.sessionsPlanPaid() == 1 && e.episode() == 1)
                .findFirst().orElseThrow();
        assertEquals(ALLOWED, one.patientCost(), 1e-6);
        assertEquals(0.0, one.payerCost(), 1e-6);
    }

    @Test
    void reviewSuspendsSessionsForTheDelay() {
        final Scenario s = TestScenarios.defaults("plan.review.enabled=true", "plan.review.atSession=4",
                "plan.review.delayWeeks=3", "plan.review.approvalBase=20", "dynamics.ending.minSessions=50",
                "workforce.harmfulCourseRisk.mean=0", "workforce.harmfulCourseRisk.sd=0");
        final ReplicationResult result = TestScenarios.run(s, 6, true);
        final Map<String, Integer> fourth = new HashMap<>();
        int checked = 0;
        for (final SessionRecord r : result.sessions()) {
            final String key = r.patientId() + "/" + r.episode();
            if (r.sessionNumber() == 4) {
                fourth.put(key, r.week());
            } else if (r.sessionNumber() == 5) {
                assertTrue(r.week() - fourth.get(key) >= 4, "session 5 waits for the review decision");
                checked++;
            }
        }
        assertTrue(checked > 50, "enough patients pass the review: " + checked);
        assertTrue(result.episodes().stream().filter(e -> e.sessionsPlanPaid() > 4).allMatch(e -> e.reviews() >= 1));
        assertTrue(result.episodes().stream().allMatch(e -> e.endReason() != EndReason.REVIEW_DENIED));
        assertTrue(result.episodes().stream().filter(e -> e.reviews() > 0).allMatch(e -> e.adminCost() >= 11));
    }

    @Test
    void deniedReviewEndsTreatmentAtTheReviewPoint() {
        final Scenario s = TestScenarios.defaults("plan.review.enabled=true", "plan.review.atSession=3",
                "plan.review.approvalBase=-20", "plan.review.approvalSeverity=0");
        final List<EpisodeRecord> episodes = TestScenarios.run(s, 7, false).episodes();
        final List<EpisodeRecord> denied = episodes.stream()
                .filter(e -> e.endReason() == EndReason.REVIEW_DENIED).toList();
        assertTrue(denied.size() > 100, "denials occur: " + denied.size());
        assertTrue(denied.stream().allMatch(e -> e.sessionsAttended() == 3 && e.reviews() == 1));
        assertTrue(episodes.stream().allMatch(e -> e.sessionsAttended() <= 3));
    }

    @Test
    void switchingTherapistResetsTheAlliance() {
        // Identical patients and therapists, no ruptures, and an alliance that does not follow
        // progress: the alliance follows one deterministic path from its start, so the first session with the new therapist must repeat session 1's value.
        final Scenario s = TestScenarios.defaults("plan.sessionCap.sessions=3", "plan.sessionCap.per=episode",
                "plan.sessionCap.atCap=switch_therapist", "plan.sessionCap.switchSessions=5",
                "workforce.allianceSkillSd=0", "workforce.traineeShare=0", "patients.allianceCapacity.sd=0",
                "dynamics.ruptures.baseProbability=0", "dynamics.alliance.missedSessionDecay=0",
                "dynamics.alliance.improvementWeight=0", "dynamics.ending.minSessions=50",
                "workforce.harmfulCourseRisk.mean=0", "workforce.harmfulCourseRisk.sd=0");
        final ReplicationResult result = TestScenarios.run(s, 8, true);
        final Map<String, SessionRecord> first = new HashMap<>();
        int switched = 0;
        SessionRecord previous = null;
        for (final SessionRecord r : result.sessions()) {
            final String key = r.patientId() + "/" + r.episode();
            if (r.sessionNumber() == 1) {
                first.put(key, r);
            } else if (previous != null && previous.sessionNumber() == r.sessionNumber() - 1
                    && previous.therapistId() != r.therapistId()) {
                assertEquals(4, r.sessionNumber(), "the switch happens at the cap");
                assertEquals(first.get(key).alliance(), r.alliance(), 1e-4, "alliance starts again");
                assertTrue(previous.alliance() > r.alliance(), "continuity lost");
                switched++;
            }
            previous = r;
        }
        assertTrue(switched > 50, "patients switch: " + switched);
        assertTrue(result.episodes().stream().allMatch(e -> e.sessionsPlanPaid() <= 8));
        assertTrue(result.episodes().stream().filter(e -> e.sessionsAttended() > 3)
                .allMatch(e -> e.therapistSwitches() == 1));
    }

    @Test
    void narrowNetworkSendsPatientsOutOfNetworkAtHigherPrice() {
        final Scenario s = TestScenarios.defaults("plan.network.inNetworkShare=0.3");
        final List<EpisodeRecord> episodes = TestScenarios.run(s, 9, false).episodes();
        final List<EpisodeRecord> outside = episodes.stream()
                .filter(e -> e.outOfNetwork() && e.therapistSwitches() == 0 && e.sessionsSelfPaid() == 0).toList();
        assertTrue(outside.size() > 50, "some patients go out of network: " + outside.size());
        for (final EpisodeRecord e : outside) {
            assertEquals(e.sessionsPlanPaid() * 0.6 * ALLOWED, e.payerCost(), 1e-6);
            assertEquals(e.sessionsPlanPaid() * (150 - 0.6 * ALLOWED), e.patientCost(), 1e-6);
        }
    }
}

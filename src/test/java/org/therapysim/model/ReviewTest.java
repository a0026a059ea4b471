package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;

/**
 * Utilization review (docs/MODEL.md, "Benefit rules"): the approval probability
 * {@code logistic(base + severity x s / max + progress x (baseline - s) / baseline)}, and, through
 * the simulation, when a review falls due, the weeks without sessions until its decision, the
 * sessions it grants, its administrative cost and the end of the episode at a denial.
 */
class ReviewTest {
    private static final double EPS = 1e-12;
    private static final int N = 3000;

    private static double logistic(final double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private static BenefitPlan plan(final String... overrides) {
        return new BenefitPlan(TestScenarios.defaults(overrides).plan());
    }

    @Test
    void theDefaultApprovalIsAboutNinetyEightPercentAtTypicalSeverity() {
        final BenefitPlan plan = plan();
        // 3.0 + 2.0 x 13.5 / 27 + 2.0 x (16 - 13.5) / 16 = 4 + 0.3125: 0.987.
        assertEquals(logistic(4.3125), plan.approvalProbability(13.5, 27, 16), EPS);
        assertEquals(0.987, plan.approvalProbability(13.5, 27, 16), 5e-4);
        // No progress at the same severity: 4, 0.982.
        assertEquals(logistic(4.0), plan.approvalProbability(13.5, 27, 13.5), EPS);
        // 3.0 + 2.0 x 0 + 2.0 x 1 = 5 (recovered fully), and 3.0 + 2.0 x 21 / 21 + 2.0 x (16 - 21) / 16.
        assertEquals(logistic(5.0), plan.approvalProbability(0, 27, 16), EPS);
        assertEquals(logistic(5.0 - 0.625), plan.approvalProbability(21, 21, 16), EPS);
    }

    @Test
    void eachTermOfTheApprovalLogitCountsOnItsOwn() {
        final BenefitPlan plan = plan("plan.review.approvalBase=-1", "plan.review.approvalSeverity=2",
                "plan.review.approvalProgress=1.5");
        // Score 13.5 of 27 from a baseline of 18: progress 4.5 / 18 = 0.25;
        // -1 + 2 x 0.5 + 1.5 x 0.25 = 0.375.
        assertEquals(logistic(0.375), plan.approvalProbability(13.5, 27, 18), EPS);
        // Worse than the baseline: progress (16 - 20) / 16 = -0.25; -1 + 2 x 20 / 27 - 0.375.
        assertEquals(logistic(-1.375 + 40.0 / 27), plan.approvalProbability(20, 27, 16), EPS);
        // A baseline of 0 counts as no progress: -1 + 2 x 5 / 21.
        assertEquals(logistic(-1 + 10.0 / 21), plan.approvalProbability(5, 21, 0), EPS);
        assertEquals(logistic(-1.0), plan.approvalProbability(0, 27, 0), EPS);
        // Each weight alone: base 0.5; severity 1.2 at 9 of 27 gives 0.4; progress 0.8 at 50% gives 0.4.
        assertEquals(logistic(0.5), plan("plan.review.approvalBase=0.5", "plan.review.approvalSeverity=0",
                "plan.review.approvalProgress=0").approvalProbability(9, 27, 18), EPS);
        assertEquals(logistic(0.4), plan("plan.review.approvalBase=0", "plan.review.approvalSeverity=1.2",
                "plan.review.approvalProgress=0").approvalProbability(9, 27, 18), EPS);
        assertEquals(logistic(0.4), plan("plan.review.approvalBase=0", "plan.review.approvalSeverity=0",
                "plan.review.approvalProgress=0.8").approvalProbability(9, 27, 18), EPS);
        assertEquals(0.5, plan("plan.review.approvalBase=0", "plan.review.approvalSeverity=0",
                "plan.review.approvalProgress=0").approvalProbability(9, 27, 18), EPS);
    }

    /** Review with an approval probability that is the same for everyone: {@code logistic(base)}. */
    private static List<EpisodeRecord> run(final int n, final int weeks, final double base, final String... rules) {
        final String[] all = new String[rules.length + 3];
        all[0] = "plan.review.approvalBase=" + base;
        all[1] = "plan.review.approvalSeverity=0";
        all[2] = "plan.review.approvalProgress=0";
        System.arraycopy(rules, 0, all, 3, rules.length);
        final List<EpisodeRecord> episodes = RuleScenarios.episodes(RuleScenarios.deterministic(n, weeks, all), 31);
        assertEquals(n, episodes.size());
        return episodes;
    }

    private static void assertShare(final double expected, final long count, final String why) {
        final double tolerance = 4.5 * RuleScenarios.standardError(expected, N);
        assertEquals(expected, count / (double) N, tolerance, why + ": " + count + " of " + N);
    }

    @Test
    void aReviewAtTheCapSuspendsSessionsForTheDelayAndGrantsExtraSessionsWhenApproved() {
        // Cap 4 per episode, review at the cap (periodic reviews off), 3 extra sessions, a 2-week
        // delay, $25 a review, approval logistic(ln 3) = 0.75. Sessions in weeks 0-3; review in
        // week 4 (no session in weeks 4 and 5); decision in week 6: denied -> the episode ends in
        // week 6 with 4 sessions; approved -> sessions in weeks 6-8, review in week 9, decision in
        // week 11: denied -> ends in week 11 with 7 sessions; approved -> a session in week 11,
        // the last week of a 12-week run: 8 sessions.
        final List<EpisodeRecord> episodes = run(N, 12, Math.log(3), "plan.sessionCap.sessions=4",
                "plan.sessionCap.per=episode", "plan.sessionCap.atCap=review", "plan.review.enabled=false",
                "plan.review.extraSessions=3", "plan.review.delayWeeks=2", "plan.review.adminCost=25");
        long firstDenied = 0;
        long secondDenied = 0;
        long bothApproved = 0;
        for (final EpisodeRecord e : episodes) {
            assertEquals(e.sessionsAttended(), e.sessionsPlanPaid(), "every session is plan-paid");
            if (e.endReason() == EndReason.REVIEW_DENIED && e.reviews() == 1) {
                firstDenied++;
                assertEquals(4, e.sessionsAttended());
                assertEquals(6, e.endWeek());
                assertEquals(25, e.adminCost(), 1e-9);
            } else if (e.endReason() == EndReason.REVIEW_DENIED) {
                secondDenied++;
                assertEquals(2, e.reviews());
                assertEquals(7, e.sessionsAttended());
                assertEquals(11, e.endWeek());
                assertEquals(50, e.adminCost(), 1e-9);
            } else {
                bothApproved++;
                assertEquals(EndReason.HORIZON, e.endReason());
                assertEquals(2, e.reviews());
                assertEquals(8, e.sessionsAttended());
                assertEquals(50, e.adminCost(), 1e-9);
            }
        }
        // Denied at once with 0.25; approved then denied with 0.75 x 0.25; approved twice 0.75^2.
        assertShare(0.25, firstDenied, "first review denied");
        assertShare(0.1875, secondDenied, "second review denied");
        assertShare(0.5625, bothApproved, "both approved");
    }

    @Test
    void aPatientMayLeaveInEveryWeekWithoutSessionsWhileAReviewIsPending() {
        // Cap 4 per episode, review at the cap, always approved, 2-week delay. The dropout hazard is
        // logistic(-20) in a week with a session and logistic(-20 + 20 - ln 3) = 0.25 in a week
        // waiting for the decision: weeks 4 (the request) and 5. Leaving in week 4: 0.25; in week 5:
        // 0.75 x 0.25; staying: 0.75^2, with sessions again in weeks 6 and 7 of an 8-week run.
        final List<EpisodeRecord> episodes = run(N, 8, 20.0, "plan.sessionCap.sessions=4",
                "plan.sessionCap.per=episode", "plan.sessionCap.atCap=review", "plan.review.enabled=false",
                "plan.review.extraSessions=3", "plan.review.delayWeeks=2",
                "dynamics.dropout.reviewPendingLogit=" + (20 - Math.log(3)));
        final long[] leftIn = new long[8];
        long stayed = 0;
        for (final EpisodeRecord e : episodes) {
            if (e.endReason() == EndReason.DROPOUT) {
                leftIn[e.endWeek()]++;
                assertEquals(4, e.sessionsAttended());
            } else {
                stayed++;
                assertEquals(EndReason.HORIZON, e.endReason());
                assertEquals(6, e.sessionsAttended());
            }
        }
        assertEquals(N, leftIn[4] + leftIn[5] + stayed, "no one leaves in a week with a session");
        assertShare(0.25, leftIn[4], "left in the week of the request");
        assertShare(0.1875, leftIn[5], "left in the second week waiting");
        assertShare(0.5625, stayed, "stayed");
    }

    @Test
    void aPeriodicReviewFallsDueAfterItsSessionAndAfterEveryBlockOfExtraSessions() {
        // Reviews after 3 plan-paid sessions and after every 2 more (3, 5, 7), decided in the same
        // week (no delay): approved -> the session takes place that week; denied -> the episode
        // ends that week. Approval logistic(-ln 3) = 0.25. In 8 weeks: denied at the k-th review
        // -> 3 + 2 (k - 1) sessions, ending in that same week; approved three times -> 8 sessions.
        final List<EpisodeRecord> episodes = run(N, 8, -Math.log(3), "plan.review.enabled=true",
                "plan.review.atSession=3", "plan.review.extraSessions=2", "plan.review.delayWeeks=0",
                "plan.review.adminCost=11.14");
        final long[] deniedAt = new long[4];
        for (final EpisodeRecord e : episodes) {
            assertEquals(11.14 * e.reviews(), e.adminCost(), 1e-9);
            if (e.endReason() == EndReason.REVIEW_DENIED) {
                deniedAt[e.reviews()]++;
                assertEquals(3 + 2 * (e.reviews() - 1), e.sessionsAttended(), "review " + e.reviews());
                assertEquals(e.sessionsAttended(), e.endWeek(), "no week lost to a review without delay");
            } else {
                assertEquals(EndReason.HORIZON, e.endReason());
                assertEquals(3, e.reviews());
                assertEquals(8, e.sessionsAttended());
            }
        }
        // First review denied 0.75; the second 0.25 x 0.75 = 0.1875; the third 0.0469.
        assertShare(0.75, deniedAt[1], "denied at session 3");
        assertShare(0.1875, deniedAt[2], "denied at session 5");
        assertShare(0.046875, deniedAt[3], "denied at session 7");
    }

    @Test
    void aPlanYearCapUnderReviewStartsAgainWithoutItsExtraSessionsInTheNewPlanYear() {
        // Cap 4 per plan year, review at the cap, always approved (logistic(20)), 10 extra
        // sessions, 1-week delay. Year 0: sessions 0-3, review 4, sessions 5-14, review 15,
        // sessions 16-25, review 26, sessions 27-36, review 37, sessions 38-47, review 48,
        // sessions 49-51: 4 + 4 x 10 + 3 = 47. Year 1 starts with the cap of 4 and no extra
        // sessions: sessions 52-55, review 56, sessions 57-59. In all 54 sessions and 6 reviews.
        for (final EpisodeRecord e : run(20, 60, 20, "plan.sessionCap.sessions=4", "plan.sessionCap.per=plan_year",
                "plan.sessionCap.atCap=review", "plan.review.enabled=false", "plan.review.extraSessions=10",
                "plan.review.delayWeeks=1", "plan.review.adminCost=10")) {
            assertEquals(EndReason.HORIZON, e.endReason());
            assertEquals(54, e.sessionsAttended());
            assertEquals(6, e.reviews());
            assertEquals(60, e.adminCost(), 1e-9);
        }
    }
}

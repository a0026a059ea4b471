package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.DropoutHazardSpec;

/**
 * The weekly dropout hazard, one term at a time, against docs/MODEL.md ("Endings"):
 * {@code logistic(L)}, {@code L = base + early [n <= earlySessions] + weak (1 - a) + rupture [recent
 * unrepaired rupture] + quickFix [seeker, n >= 1, improvement < expected x min(1, n / patience)]
 * + price x sensitivity x price / 100 + trainee [trainee] + missed [missed session]
 * - ln(oddsRatio) [feedback] + reviewPending [week waiting for a review decision]
 * + transfer [n' <= earlySessions after a switch]}, where the early term also counts while
 * {@code n' <= earlySessions}, n' being the sessions with the current therapist.
 *
 * <p>The spec below gives every term a size of its own, so that a term added twice, dropped, or
 * added under the wrong condition changes the result.
 */
class DropoutHazardTest {
    private static final double EPS = 1e-12;
    // base -3, early sessions 2 (+1.5), weak alliance 2.0, rupture 0.25, quick fix 0.75 (patience 4,
    // expected improvement 0.3), price 0.5 per 100, trainee 0.125, missed 0.625, feedback odds ratio 2,
    // review pending 0.375, transfer 0.0625.
    private static final DropoutHazard HAZARD = new DropoutHazard(
            new DropoutHazardSpec(-3.0, 2, 1.5, 2.0, 0.25, 0.75, 4, 0.3, 0.5, 0.125, 0.625, 2.0, 0.375, 0.0625));

    private static double logistic(final double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** A patient past the early sessions, full alliance, nothing else: only the base term. */
    private static double plain(final int sessions, final double alliance) {
        return HAZARD.probability(sessions, sessions, alliance, false, false, 0.0, 0.0, 1.0, false, false, false,
                DropoutHazard.Week.SESSION);
    }

    /** A week with a session, all sessions with the same therapist. */
    private static double session(final DropoutHazard hazard, final int n, final double alliance,
            final boolean rupture, final boolean seeker, final double improvement, final double price,
            final double sensitivity, final boolean trainee, final boolean missed, final boolean feedback) {
        return hazard.probability(n, n, alliance, rupture, seeker, improvement, price, sensitivity, trainee, missed,
                feedback, DropoutHazard.Week.SESSION);
    }

    @Test
    void theBaseTermAloneAfterTheEarlySessionsWithAFullAlliance() {
        assertEquals(logistic(-3.0), plain(3, 1.0), EPS);
        assertEquals(logistic(-3.0), plain(40, 1.0), EPS);
    }

    @Test
    void theEarlyTermCountsUpToAndIncludingTheLastEarlySession() {
        // n = 0, 1, 2 <= 2: -3 + 1.5 = -1.5; n = 3 > 2: -3.
        assertEquals(logistic(-1.5), plain(0, 1.0), EPS);
        assertEquals(logistic(-1.5), plain(1, 1.0), EPS);
        assertEquals(logistic(-1.5), plain(2, 1.0), EPS);
        assertEquals(logistic(-3.0), plain(3, 1.0), EPS);
    }

    @Test
    void theWeakAllianceTermIsProportionalToTheMissingAlliance() {
        // -3 + 2.0 x (1 - 0.75) = -2.5; -3 + 2.0 x (1 - 0.2) = -1.4; -3 + 2.0 x 1 = -1.
        assertEquals(logistic(-2.5), plain(5, 0.75), EPS);
        assertEquals(logistic(-1.4), plain(5, 0.2), EPS);
        assertEquals(logistic(-1.0), plain(5, 0.0), EPS);
    }

    @Test
    void aRecentUnrepairedRuptureAddsItsTerm() {
        // -3 + 0.25
        assertEquals(logistic(-2.75), session(HAZARD, 5, 1.0, true, false, 0.0, 0.0, 1.0, false, false, false), EPS);
    }

    @Test
    void theQuickFixTermNeedsASeekerWithLessProgressThanExpectedByNow() {
        // Seeker, n = 4 = patience, improvement 0.29 < 0.3: -3 + 0.75 = -2.25.
        assertEquals(logistic(-2.25), session(HAZARD, 4, 1.0, false, true, 0.29, 0.0, 1.0, false, false, false), EPS);
        assertEquals(logistic(-2.25), session(HAZARD, 9, 1.0, false, true, -0.1, 0.0, 1.0, false, false, false), EPS,
                "worse than at the start counts too");
        // Before the patience session the expectation is pro rata: n = 1 expects 0.3 x 1/4 = 0.075 and
        // n = 3 expects 0.225 (n = 1 and 2 also carry the early term, +1.5).
        assertEquals(logistic(-0.75), session(HAZARD, 1, 1.0, false, true, 0.07, 0.0, 1.0, false, false, false), EPS);
        assertEquals(logistic(-1.5), session(HAZARD, 1, 1.0, false, true, 0.075, 0.0, 1.0, false, false, false), EPS);
        assertEquals(logistic(-2.25), session(HAZARD, 3, 1.0, false, true, 0.2, 0.0, 1.0, false, false, false), EPS);
        assertEquals(logistic(-3.0), session(HAZARD, 3, 1.0, false, true, 0.225, 0.0, 1.0, false, false, false), EPS);
        // A missed first session (n = 0): nothing expected yet, no term.
        assertEquals(logistic(-1.5), session(HAZARD, 0, 1.0, false, true, 0.0, 0.0, 1.0, false, false, false), EPS);
        // Improvement 0.3 = expected: satisfied (the term needs strictly less).
        assertEquals(logistic(-3.0), session(HAZARD, 4, 1.0, false, true, 0.3, 0.0, 1.0, false, false, false), EPS);
        // Not a quick-fix seeker: no term however slow the progress.
        assertEquals(logistic(-3.0), session(HAZARD, 4, 1.0, false, false, 0.0, 0.0, 1.0, false, false, false), EPS);
        assertEquals(0.225, HAZARD.expectedByQuickFixSeeker(3), EPS);
        assertEquals(0.3, HAZARD.expectedByQuickFixSeeker(12), EPS);
    }

    @Test
    void aWeekWaitingForAReviewDecisionAddsItsTerm() {
        // n = 12, full alliance: -3 + 0.375.
        assertEquals(logistic(-2.625), HAZARD.probability(12, 12, 1.0, false, false, 0.0, 0.0, 1.0, false, false, false,
                DropoutHazard.Week.REVIEW_PENDING), EPS);
    }

    @Test
    void aNewTherapistAfterASwitchBringsTheEarlyAndTransferTermsBack() {
        // 20 sessions in all, 0, 1 or 2 with the new therapist: -3 + 1.5 + 0.0625 = -1.4375.
        for (int withNew = 0; withNew <= 2; withNew++) {
            assertEquals(logistic(-1.4375), HAZARD.probability(20, withNew, 1.0, false, false, 0.0, 0.0, 1.0, false,
                    false, false, DropoutHazard.Week.SESSION), EPS, "sessions with the new therapist: " + withNew);
        }
        // The third session with the new therapist: both gone.
        assertEquals(logistic(-3.0), HAZARD.probability(20, 3, 1.0, false, false, 0.0, 0.0, 1.0, false, false, false,
                DropoutHazard.Week.SESSION), EPS);
        // The first therapist's early sessions are not a transfer: only the early term.
        assertEquals(logistic(-1.5), HAZARD.probability(2, 2, 1.0, false, false, 0.0, 0.0, 1.0, false, false, false,
                DropoutHazard.Week.SESSION), EPS);
    }

    @Test
    void thePriceTermScalesWithPriceAndSensitivity() {
        // 0.5 x 1.5 x 80 / 100 = 0.6: -2.4.
        assertEquals(logistic(-2.4), session(HAZARD, 5, 1.0, false, false, 0.0, 80.0, 1.5, false, false, false), EPS);
        // 0.5 x 1 x 150 / 100 = 0.75: -2.25.
        assertEquals(logistic(-2.25), session(HAZARD, 5, 1.0, false, false, 0.0, 150.0, 1.0, false, false, false), EPS);
        // A patient indifferent to price: no term.
        assertEquals(logistic(-3.0), session(HAZARD, 5, 1.0, false, false, 0.0, 150.0, 0.0, false, false, false), EPS);
    }

    @Test
    void aTraineeTherapistAddsItsTerm() {
        // -3 + 0.125
        assertEquals(logistic(-2.875), session(HAZARD, 5, 1.0, false, false, 0.0, 0.0, 1.0, true, false, false), EPS);
    }

    @Test
    void aMissedSessionAddsItsTerm() {
        // -3 + 0.625
        assertEquals(logistic(-2.375), session(HAZARD, 5, 1.0, false, false, 0.0, 0.0, 1.0, false, true, false), EPS);
    }

    @Test
    void feedbackDividesTheOddsOfDropoutByItsOddsRatio() {
        final double without = plain(5, 1.0);
        final double with = session(HAZARD, 5, 1.0, false, false, 0.0, 0.0, 1.0, false, false, true);
        // -3 - ln 2
        assertEquals(logistic(-3.0 - Math.log(2.0)), with, EPS);
        assertEquals(2.0, (without / (1 - without)) / (with / (1 - with)), 1e-9);
    }

    @Test
    void everyTermTogetherAddsOnTheLogitScale() {
        // -3 + 1.5 (n = 2) + 2.0 x 0.5 + 0.25 + 0.6 (0.5 x 1.2 x 100 / 100) + 0.125 + 0.625 - ln 2
        // = 1.1 - ln 2; the quick-fix term is absent since improvement 0.2 >= 0.3 x 2 / 4 = 0.15.
        final double p = session(HAZARD, 2, 0.5, true, true, 0.2, 100.0, 1.2, true, true, true);
        assertEquals(logistic(1.1 - Math.log(2.0)), p, EPS);
        // Past patience, with too little progress: + 0.75, and the early term gone: 1.1 - 1.5 + 0.75.
        final double later = session(HAZARD, 4, 0.5, true, true, 0.1, 100.0, 1.2, true, true, true);
        assertEquals(logistic(0.35 - Math.log(2.0)), later, EPS);
    }

    @Test
    void theDefaultsAreTheDocumentedWeights() {
        final DropoutHazard defaults = new DropoutHazard(TestScenarios.defaults().dynamics().dropout());
        // docs/MODEL.md: L = -6.705 + 2.150 [n <= 2] + 2.0 (1 - a) + 1.0 [rupture] + 1.0 [quick fix,
        // improvement < 30% x min(1, n/4)] + 0.5 x sensitivity x price / 100 + 0.4 [trainee] + 0.7 [missed]
        // - ln(1.19) [feedback] + 1.10 [review pending] + 0 [transfer].
        // n = 2, a = 0.6, rupture, $20 at sensitivity 1, trainee, missed, feedback:
        final double early = -6.705 + 2.150 + 2.0 * 0.4 + 1.0 + 0.5 * 20 / 100 + 0.4 + 0.7 - Math.log(1.19);
        assertEquals(logistic(early), session(defaults, 2, 0.6, true, false, 0.0, 20.0, 1.0, true, true, true), EPS);
        // n = 3: no early term. n = 4, quick-fix seeker at 29% improvement: + 1.0; at 30%: none.
        assertEquals(logistic(-6.705), session(defaults, 3, 1.0, false, false, 0, 0, 1, false, false, false), EPS);
        assertEquals(logistic(-5.705), session(defaults, 4, 1.0, false, true, 0.29, 0, 1, false, false, false), EPS);
        assertEquals(logistic(-6.705), session(defaults, 4, 1.0, false, true, 0.30, 0, 1, false, false, false), EPS);
        assertEquals(logistic(-6.705 + 1.10), defaults.probability(12, 12, 1.0, false, false, 0, 0, 1, false, false,
                false, DropoutHazard.Week.REVIEW_PENDING), EPS);
    }
}

package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.DropoutHazardSpec;

/**
 * The weekly dropout hazard, one term at a time, against docs/MODEL.md ("Endings"):
 * {@code logistic(L)}, {@code L = base + early [n <= earlySessions] + weak (1 - a) + rupture [recent
 * unrepaired rupture] + quickFix [seeker, n >= patience, improvement < expected]
 * + price x sensitivity x price / 100 + trainee [trainee] + missed [missed session]
 * - ln(oddsRatio) [feedback]}.
 *
 * <p>The spec below gives every term a size of its own, so that a term added twice, dropped, or
 * added under the wrong condition changes the result.
 */
class DropoutHazardTest {
    private static final double EPS = 1e-12;
    // base -3, early sessions 2 (+1.5), weak alliance 2.0, rupture 0.25, quick fix 0.75 (patience 4,
    // expected improvement 0.3), price 0.5 per 100, trainee 0.125, missed 0.625, feedback odds ratio 2.
    private static final DropoutHazard HAZARD = new DropoutHazard(
            new DropoutHazardSpec(-3.0, 2, 1.5, 2.0, 0.25, 0.75, 4, 0.3, 0.5, 0.125, 0.625, 2.0));

    private static double logistic(final double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** A patient past the early sessions, full alliance, nothing else: only the base term. */
    private static double plain(final int sessions, final double alliance) {
        return HAZARD.probability(sessions, alliance, false, false, 0.0, 0.0, 1.0, false, false, false);
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
        assertEquals(logistic(-2.75), HAZARD.probability(5, 1.0, true, false, 0.0, 0.0, 1.0, false, false, false), EPS);
    }

    @Test
    void theQuickFixTermNeedsASeekerPastHisPatienceWithTooLittleProgress() {
        // Seeker, n = 4 >= 4, improvement 0.29 < 0.3: -3 + 0.75 = -2.25.
        assertEquals(logistic(-2.25), HAZARD.probability(4, 1.0, false, true, 0.29, 0.0, 1.0, false, false, false), EPS);
        assertEquals(logistic(-2.25), HAZARD.probability(9, 1.0, false, true, -0.1, 0.0, 1.0, false, false, false), EPS,
                "worse than at the start counts too");
        // n = 3 < 4: not yet impatient.
        assertEquals(logistic(-3.0), HAZARD.probability(3, 1.0, false, true, 0.0, 0.0, 1.0, false, false, false), EPS);
        // Improvement 0.3 = expected: satisfied (the term needs strictly less).
        assertEquals(logistic(-3.0), HAZARD.probability(4, 1.0, false, true, 0.3, 0.0, 1.0, false, false, false), EPS);
        // Not a quick-fix seeker: no term however slow the progress.
        assertEquals(logistic(-3.0), HAZARD.probability(4, 1.0, false, false, 0.0, 0.0, 1.0, false, false, false), EPS);
    }

    @Test
    void thePriceTermScalesWithPriceAndSensitivity() {
        // 0.5 x 1.5 x 80 / 100 = 0.6: -2.4.
        assertEquals(logistic(-2.4), HAZARD.probability(5, 1.0, false, false, 0.0, 80.0, 1.5, false, false, false), EPS);
        // 0.5 x 1 x 150 / 100 = 0.75: -2.25.
        assertEquals(logistic(-2.25), HAZARD.probability(5, 1.0, false, false, 0.0, 150.0, 1.0, false, false, false), EPS);
        // A patient indifferent to price: no term.
        assertEquals(logistic(-3.0), HAZARD.probability(5, 1.0, false, false, 0.0, 150.0, 0.0, false, false, false), EPS);
    }

    @Test
    void aTraineeTherapistAddsItsTerm() {
        // -3 + 0.125
        assertEquals(logistic(-2.875), HAZARD.probability(5, 1.0, false, false, 0.0, 0.0, 1.0, true, false, false), EPS);
    }

    @Test
    void aMissedSessionAddsItsTerm() {
        // -3 + 0.625
        assertEquals(logistic(-2.375), HAZARD.probability(5, 1.0, false, false, 0.0, 0.0, 1.0, false, true, false), EPS);
    }

    @Test
    void feedbackDividesTheOddsOfDropoutByItsOddsRatio() {
        final double without = plain(5, 1.0);
        final double with = HAZARD.probability(5, 1.0, false, false, 0.0, 0.0, 1.0, false, false, true);
        // -3 - ln 2
        assertEquals(logistic(-3.0 - Math.log(2.0)), with, EPS);
        assertEquals(2.0, (without / (1 - without)) / (with / (1 - with)), 1e-9);
    }

    @Test
    void everyTermTogetherAddsOnTheLogitScale() {
        // -3 + 1.5 (n = 2) + 2.0 x 0.5 + 0.25 + 0.6 (0.5 x 1.2 x 100 / 100) + 0.125 + 0.625 - ln 2
        // = 1.1 - ln 2; the quick-fix term is absent since n = 2 < 4.
        final double p = HAZARD.probability(2, 0.5, true, true, 0.0, 100.0, 1.2, true, true, true);
        assertEquals(logistic(1.1 - Math.log(2.0)), p, EPS);
        // Past patience, with too little progress: + 0.75, and the early term gone: 1.1 - 1.5 + 0.75.
        final double later = HAZARD.probability(4, 0.5, true, true, 0.1, 100.0, 1.2, true, true, true);
        assertEquals(logistic(0.35 - Math.log(2.0)), later, EPS);
    }

    @Test
    void theDefaultsAreTheDocumentedWeights() {
        final DropoutHazard defaults = new DropoutHazard(TestScenarios.defaults().dynamics().dropout());
        // docs/MODEL.md: L = -6.590 + 2.309 [n <= 2] + 2.0 (1 - a) + 1.0 [rupture] + 1.0 [quick fix, n >= 4,
        // improvement < 30%] + 0.5 x sensitivity x price / 100 + 0.4 [trainee] + 0.7 [missed] - ln(1.19) [feedback].
        // n = 2, a = 0.6, rupture, $20 at sensitivity 1, trainee, missed, feedback:
        final double early = -6.590 + 2.309 + 2.0 * 0.4 + 1.0 + 0.5 * 20 / 100 + 0.4 + 0.7 - Math.log(1.19);
        assertEquals(logistic(early), defaults.probability(2, 0.6, true, false, 0.0, 20.0, 1.0, true, true, true), EPS);
        // n = 3: no early term. n = 4, quick-fix seeker at 29% improvement: + 1.0; at 30%: none.
        assertEquals(logistic(-6.590), defaults.probability(3, 1.0, false, false, 0, 0, 1, false, false, false), EPS);
        assertEquals(logistic(-5.590), defaults.probability(4, 1.0, false, true, 0.29, 0, 1, false, false, false), EPS);
        assertEquals(logistic(-6.590), defaults.probability(4, 1.0, false, true, 0.30, 0, 1, false, false, false), EPS);
    }
}

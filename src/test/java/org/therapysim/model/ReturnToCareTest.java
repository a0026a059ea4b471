package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.TherapysimException;
import org.therapysim.scenario.ReturnToCareSpec;

/**
 * Time to return to care, against docs/MODEL.md ("After the episode"): in the k-th week after an
 * ending at or above caseness the hazard is
 * {@code h_k = min(0.999, h0 x m(reason) x (s_k / caseness)^p)} with
 * {@code h0 = 1 - (1 - oneYearProbability)^(1/52)} and {@code s_k = s (1 - natural)^(k - 1)}; the
 * return falls in week k exactly when {@code F(k-1) < u <= F(k)},
 * {@code F(k) = 1 - prod_{j <= k} (1 - h_j)}. With the natural course held at 0 the hazard is
 * constant and {@code F(k) = 1 - (1 - h)^k}.
 */
class ReturnToCareTest {
    private static final double TINY = 1e-9;
    /** Defaults: 5% a year at caseness; h0 = 1 - 0.95^(1/52) = 0.00098592. */
    private static final double H0 = 1 - Math.pow(0.95, 1.0 / 52.0);
    /** Beyond any horizon used here. */
    private static final int LONG = 100_000;

    private static double cdf(final double h, final int k) {
        return 1 - Math.pow(1 - h, k);
    }

    private static ReturnToCare defaults() {
        return new ReturnToCare(TestScenarios.defaults().dynamics().returnToCare());
    }

    @Test
    void atCasenessTheOneYearProbabilityIsTheGivenOne() {
        final ReturnToCare back = defaults();
        // PHQ-9 at 10 (caseness 10) after a dropout: h = h0, and 1 - (1 - h0)^52 = 0.05.
        assertEquals(0.05, cdf(H0, 52), 1e-12);
        assertEquals(H0, back.hazard(EndReason.DROPOUT, 10, 10), 1e-15);
        assertEquals(52, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.0, 0.05 - TINY, LONG));
        assertEquals(53, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.0, 0.05 + TINY, LONG));
        // The first week: u <= h0.
        assertEquals(1, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.0, H0 - TINY, LONG));
        assertEquals(2, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.0, H0 + TINY, LONG));
        assertEquals(1, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.0, 0.0, LONG), "at least one week");
        // GAD-7 at its caseness 8: the same hazard.
        assertEquals(52, back.weeksToReturn(EndReason.DROPOUT, 8, 8, 0.0, 0.05 - TINY, LONG));
    }

    @Test
    void theHazardIsProportionalToTheScoreOverCaseness() {
        final ReturnToCare back = defaults();
        // PHQ-9 20 = 2 x caseness: h = 2 h0 = 0.0019718, one year 1 - (1 - 0.0019718)^52 = 0.0975.
        final double twice = 2 * H0;
        assertEquals(twice, back.hazard(EndReason.DROPOUT, 20, 10), 1e-15);
        assertEquals(0.0975, cdf(twice, 52), 1e-4);
        assertEquals(52, back.weeksToReturn(EndReason.DROPOUT, 20, 10, 0.0, cdf(twice, 52) - TINY, LONG));
        assertEquals(53, back.weeksToReturn(EndReason.DROPOUT, 20, 10, 0.0, cdf(twice, 52) + TINY, LONG));
        // The draw 0.05 (week 52 at caseness) comes in week 26 at twice the score:
        // 1 - (1 - 0.0019718)^25 = 0.04815 < 0.05 <= 1 - (1 - 0.0019718)^26 = 0.05002.
        assertTrue(cdf(twice, 25) < 0.05 && 0.05 <= cdf(twice, 26));
        assertEquals(26, back.weeksToReturn(EndReason.DROPOUT, 20, 10, 0.0, 0.05, LONG));
        // GAD-7 12 = 1.5 x caseness 8: h = 1.5 h0 = 0.0014789, one year 0.0741.
        final double half = 1.5 * H0;
        assertEquals(half, back.hazard(EndReason.NOT_HELPED, 12, 8), 1e-15);
        assertEquals(0.0741, cdf(half, 52), 1e-4);
        assertEquals(52, back.weeksToReturn(EndReason.NOT_HELPED, 12, 8, 0.0, cdf(half, 52) - TINY, LONG));
        assertEquals(53, back.weeksToReturn(EndReason.NOT_HELPED, 12, 8, 0.0, cdf(half, 52) + TINY, LONG));
    }

    @Test
    void theSeverityPowerShapesTheScoreTerm() {
        // Power 0: the same hazard at every score; power 2: (20 / 10)^2 = 4 times h0.
        final ReturnToCare flat = new ReturnToCare(new ReturnToCareSpec(0.05, 0.0, 2.0, 1.0));
        assertEquals(H0, flat.hazard(EndReason.DROPOUT, 20, 10), 1e-15);
        assertEquals(H0, flat.hazard(EndReason.DROPOUT, 27, 10), 1e-15);
        assertEquals(52, flat.weeksToReturn(EndReason.DROPOUT, 25, 10, 0.0, 0.05 - TINY, LONG));
        final ReturnToCare square = new ReturnToCare(new ReturnToCareSpec(0.05, 2.0, 2.0, 1.0));
        assertEquals(4 * H0, square.hazard(EndReason.DROPOUT, 20, 10), 1e-15);
        // One year at 4 h0 = 0.0039437: 1 - (1 - 0.0039437)^52 = 0.1857.
        assertEquals(0.1857, cdf(4 * H0, 52), 1e-4);
        assertEquals(52, square.weeksToReturn(EndReason.DROPOUT, 20, 10, 0.0, cdf(4 * H0, 52) - TINY, LONG));
        assertEquals(53, square.weeksToReturn(EndReason.DROPOUT, 20, 10, 0.0, cdf(4 * H0, 52) + TINY, LONG));
    }

    @Test
    void eachWayOfEndingHasItsMultiplier() {
        // Plan multiplier 2 (defaults), not-started multiplier 3 here; at caseness.
        final ReturnToCare back = new ReturnToCare(new ReturnToCareSpec(0.05, 1.0, 2.0, 3.0));
        for (final EndReason patient : new EndReason[] {EndReason.PLANNED, EndReason.NOT_HELPED, EndReason.DROPOUT}) {
            assertEquals(1.0, back.multiplier(patient), 0.0, patient.word());
            assertEquals(52, back.weeksToReturn(patient, 10, 10, 0.0, 0.05 - TINY, LONG), patient.word());
        }
        // By the plan's rules: 2 h0, a year's probability 0.0975.
        for (final EndReason plan : new EndReason[] {EndReason.CAP_REACHED, EndReason.REVIEW_DENIED}) {
            assertEquals(2.0, back.multiplier(plan), 0.0, plan.word());
            assertEquals(52, back.weeksToReturn(plan, 10, 10, 0.0, cdf(2 * H0, 52) - TINY, LONG), plan.word());
            assertEquals(53, back.weeksToReturn(plan, 10, 10, 0.0, cdf(2 * H0, 52) + TINY, LONG), plan.word());
        }
        // Never started: 3 h0 = 0.0029578, a year's probability 1 - (1 - 0.0029578)^52 = 0.1428.
        assertEquals(0.1428, cdf(3 * H0, 52), 1e-4);
        for (final EndReason none : new EndReason[] {EndReason.DECLINED, EndReason.GAVE_UP_WAITING}) {
            assertEquals(3.0, back.multiplier(none), 0.0, none.word());
            assertEquals(52, back.weeksToReturn(none, 10, 10, 0.0, cdf(3 * H0, 52) - TINY, LONG), none.word());
            assertEquals(53, back.weeksToReturn(none, 10, 10, 0.0, cdf(3 * H0, 52) + TINY, LONG), none.word());
        }
        // Censored episodes never return (they have not ended).
        assertEquals(0.0, back.multiplier(EndReason.HORIZON), 0.0);
        assertEquals(Integer.MAX_VALUE, back.weeksToReturn(EndReason.HORIZON, 20, 10, 0.0, 0.0, LONG));
    }

    @Test
    void theHazardFollowsTheUntreatedCourseAndCanLeaveSomeNeverReturning() {
        // One year's probability 0.999: h0 = 1 - 0.001^(1/52) = 0.124396. At caseness, with half the
        // score lost each week: h_1 = h0, h_2 = h0 / 2, h_3 = h0 / 4, ...
        // F(1) = 0.124396; F(2) = 1 - 0.875604 x 0.937802 = 0.178857;
        // F(3) = 1 - 0.875604 x 0.937802 x 0.968901 = 0.204394.
        final ReturnToCare back = new ReturnToCare(new ReturnToCareSpec(0.999, 1.0, 1.0, 1.0));
        assertEquals(1, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.5, 0.124396 - 1e-6, LONG));
        assertEquals(2, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.5, 0.124396 + 1e-6, LONG));
        assertEquals(2, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.5, 0.178857 - 1e-6, LONG));
        assertEquals(3, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.5, 0.178857 + 1e-6, LONG));
        assertEquals(3, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.5, 0.204394 - 1e-6, LONG));
        assertEquals(4, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.5, 0.204394 + 1e-6, LONG));
        // The hazards sum to about 2 h0, so the share who ever return stays near 0.229: a draw of 0.5
        // never returns, however long the wait.
        assertEquals(Integer.MAX_VALUE, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.5, 0.5, LONG));
        // Without the untreated course the same draw returns in week 6:
        // 1 - 0.875604^5 = 0.485 < 0.5 <= 1 - 0.875604^6 = 0.549.
        assertTrue(cdf(0.124396, 5) < 0.5 && 0.5 <= cdf(0.124396, 6));
        assertEquals(6, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.0, 0.5, LONG));
    }

    @Test
    void aReturnAfterTheLastWeekThatMattersIsNever() {
        final ReturnToCare back = defaults();
        // Week 52 at caseness: inside 52 weeks, not inside 51.
        assertEquals(52, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.0, 0.05 - TINY, 52));
        assertEquals(Integer.MAX_VALUE, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.0, 0.05 - TINY, 51));
        assertEquals(Integer.MAX_VALUE, back.weeksToReturn(EndReason.DROPOUT, 10, 10, 0.0, 0.0, 0),
                "an ending in the last week has no week left");
    }

    @Test
    void aZeroHazardIsNeverEvenForTheSmallestDraw() {
        final ReturnToCare none = new ReturnToCare(new ReturnToCareSpec(0.0, 1.0, 2.0, 1.0));
        for (final EndReason reason : EndReason.values()) {
            assertEquals(Integer.MAX_VALUE, none.weeksToReturn(reason, 27, 10, 0.0, 0.0, LONG), reason.word());
        }
        // A zero multiplier turns one class off and leaves the others.
        final ReturnToCare noPlan = new ReturnToCare(new ReturnToCareSpec(0.05, 1.0, 0.0, 0.0));
        assertEquals(Integer.MAX_VALUE, noPlan.weeksToReturn(EndReason.CAP_REACHED, 27, 10, 0.0, 0.0, LONG));
        assertEquals(Integer.MAX_VALUE, noPlan.weeksToReturn(EndReason.DECLINED, 27, 10, 0.0, 0.0, LONG));
        assertEquals(1, noPlan.weeksToReturn(EndReason.DROPOUT, 27, 10, 0.0, 0.0, LONG));
        // A score of 0 with a positive power has no hazard in any week.
        assertEquals(Integer.MAX_VALUE, defaults().weeksToReturn(EndReason.DROPOUT, 0, 10, 0.0, 0.0, LONG));
    }

    @Test
    void theHazardStaysBelowOne() {
        // h0 = 0.1244 x 20 x 2.7 = 6.7 is not a probability: it stops at 0.999. Week k holds when
        // 1 - 0.001^(k-1) < u <= 1 - 0.001^k: 0.9995 lies between 0.999 and 0.999999, week 2.
        final ReturnToCare back = new ReturnToCare(new ReturnToCareSpec(0.999, 1.0, 20.0, 1.0));
        assertEquals(0.999, back.hazard(EndReason.CAP_REACHED, 27, 10), 0.0);
        assertEquals(1, back.weeksToReturn(EndReason.CAP_REACHED, 27, 10, 0.0, 0.998, LONG));
        assertEquals(2, back.weeksToReturn(EndReason.CAP_REACHED, 27, 10, 0.0, 0.9995, LONG));
        assertEquals(3, back.weeksToReturn(EndReason.CAP_REACHED, 27, 10, 0.0, 0.9999995, LONG));
    }

    @Test
    void badValuesInAScenarioNameTheirKey() {
        for (final String kv : new String[] {"dynamics.returnToCare.oneYearProbability=1",
            "dynamics.returnToCare.oneYearProbability=-0.1", "dynamics.returnToCare.severityPower=6",
            "dynamics.returnToCare.planEndMultiplier=-1", "dynamics.returnToCare.notStartedMultiplier=21",
            "dynamics.relapse.residualHazardRatio=-1", "dynamics.relapse.residualShareOfCaseness=1.5"}) {
            final TherapysimException e = assertThrows(TherapysimException.class, () -> TestScenarios.defaults(kv));
            final String key = kv.substring(0, kv.indexOf('='));
            assertTrue(e.getMessage().contains(key + " = ") && e.getMessage().contains("must be between"),
                    e.getMessage());
        }
    }
}

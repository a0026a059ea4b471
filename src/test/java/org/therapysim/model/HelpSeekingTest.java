package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.TherapysimException;
import org.therapysim.scenario.HelpSeekingSpec;
import org.therapysim.scenario.LogNormalSpec;

/**
 * The probability of booking the first appointment, against docs/MODEL.md ("Booking the first
 * appointment"): {@code p = logistic(b + s x (score / max - 0.5) + f x zFear)}, with
 * {@code zFear = (ln delay - ln median) / sigma} of the help-seeking delay (0 when sigma is 0).
 * Every expected value is worked out in the comment beside it.
 */
class HelpSeekingTest {
    private static final double EPS = 1e-12;
    /** The defaults' help-seeking delay: median 52 weeks, sigma 1. */
    private static final LogNormalSpec DELAY = new LogNormalSpec(52, 1.0);

    private static double logistic(final double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private static HelpSeeking of(final double booking, final double severity, final double fear) {
        return new HelpSeeking(new HelpSeekingSpec(booking, severity, fear), DELAY);
    }

    @Test
    void theDefaultsAreThoseOfTheModelDescription() {
        final HelpSeekingSpec spec = TestScenarios.defaults().dynamics().helpSeeking();
        assertEquals(0.4, spec.bookingLogit(), 0.0);
        assertEquals(2.0, spec.severityLogit(), 0.0);
        assertEquals(-0.49, spec.fearLogitPerSd(), 0.0);
        // Clement et al.: d = -0.27; as a log odds ratio d x pi / sqrt(3) = -0.4897, rounded to -0.49.
        assertEquals(-0.49, -0.27 * Math.PI / Math.sqrt(3), 0.001);
        // A patient of typical severity (half the range: PHQ-9 13.5) and median fear books at the start
        // with probability logistic(0.4) = 0.5987, about 0.6.
        final HelpSeeking help = new HelpSeeking(spec, TestScenarios.defaults().patients().helpSeekingDelayWeeks());
        assertEquals(0.598688, help.bookingProbability(13.5, 27, help.fear(52)), 1e-6);
    }

    @Test
    void theBookingLogitAloneSetsTheProbabilityAtEveryScoreAndFear() {
        final HelpSeeking help = of(0.4, 0, 0);
        // logistic(0.4) = 1 / (1 + e^-0.4) = 0.598688
        for (final double score : new double[] {0, 10, 27}) {
            for (final double fear : new double[] {-2, 0, 3}) {
                assertEquals(0.598688, help.bookingProbability(score, 27, fear), 1e-6);
            }
        }
        // Logit 0: one half.
        assertEquals(0.5, of(0, 0, 0).bookingProbability(20, 27, 1), EPS);
    }

    @Test
    void severityAloneRaisesTheProbabilityAboveHalfTheRangeAndLowersItBelow() {
        final HelpSeeking help = of(0, 2.0, 0);
        // At the maximum: 2 x (1 - 0.5) = 1, logistic(1) = 0.731059; at 0: logistic(-1) = 0.268941;
        // at half the range (PHQ-9 13.5, GAD-7 10.5): logistic(0) = 0.5.
        assertEquals(0.731059, help.bookingProbability(27, 27, 0), 1e-6);
        assertEquals(0.268941, help.bookingProbability(0, 27, 0), 1e-6);
        assertEquals(0.5, help.bookingProbability(13.5, 27, 0), EPS);
        assertEquals(0.5, help.bookingProbability(10.5, 21, 0), EPS);
        // The score as a share of the measure's own maximum: GAD-7 21 is as severe as PHQ-9 27.
        assertEquals(help.bookingProbability(27, 27, 0), help.bookingProbability(21, 21, 0), EPS);
        // Continuous scores count as they are: PHQ-9 16.2, 2 x (0.6 - 0.5) = 0.2, logistic(0.2) = 0.549834.
        assertEquals(0.549834, help.bookingProbability(16.2, 27, 0), 1e-6);
    }

    @Test
    void fearAloneLowersTheProbabilityBySdOfTheLogDelay() {
        final HelpSeeking help = of(0, 0, -0.49);
        // One sd more fearful: logistic(-0.49) = 0.379894; two less: logistic(0.98) = 0.727108.
        assertEquals(0.379894, help.bookingProbability(10, 27, 1), 1e-6);
        assertEquals(0.727108, help.bookingProbability(10, 27, -2), 1e-6);
        assertEquals(0.5, help.bookingProbability(10, 27, 0), EPS);
    }

    @Test
    void theTermsAddOnTheLogitScale() {
        final HelpSeeking help = of(0.4, 2.0, -0.49);
        // PHQ-9 20, fear +1.5 sd: 0.4 + 2 x (20/27 - 0.5) - 0.49 x 1.5 = 0.4 + 0.481481 - 0.735 = 0.146481,
        // logistic = 0.536555.
        assertEquals(0.536555, help.bookingProbability(20, 27, 1.5), 1e-6);
        // GAD-7 4, fear -2 sd: 0.4 + 2 x (4/21 - 0.5) + 0.98 = 0.4 - 0.619048 + 0.98 = 0.760952,
        // logistic = 0.681560.
        assertEquals(0.681560, help.bookingProbability(4, 21, -2), 1e-6);
        assertEquals(logistic(0.4 + 2.0 * (20.0 / 27 - 0.5) - 0.49 * 1.5), help.bookingProbability(20, 27, 1.5), EPS);
    }

    @Test
    void fearIsTheHelpSeekingDelayStandardizedOnItsOwnDistribution() {
        final HelpSeeking help = of(0, 0, 0);
        // Median 52, sigma 1: ln(52 e) - ln 52 = 1; 52 / e^2 is -2 sd; the median is 0.
        assertEquals(0.0, help.fear(52), EPS);
        assertEquals(1.0, help.fear(52 * Math.E), EPS);
        assertEquals(-2.0, help.fear(52 / (Math.E * Math.E)), EPS);
        // A year and a half: ln(78 / 52) = 0.405465 sd.
        assertEquals(Math.log(1.5), help.fear(78), EPS);
        // Sigma 0.5: the same delay is twice as many sd from the median.
        final HelpSeeking narrow = new HelpSeeking(new HelpSeekingSpec(0, 0, 0), new LogNormalSpec(52, 0.5));
        assertEquals(2.0, narrow.fear(52 * Math.E), EPS);
        // Another median: 104 weeks is the median of LogNormal(104, 1).
        final HelpSeeking later = new HelpSeeking(new HelpSeekingSpec(0, 0, 0), new LogNormalSpec(104, 1.0));
        assertEquals(0.0, later.fear(104), EPS);
        assertEquals(-Math.log(2), later.fear(52), EPS);
    }

    @Test
    void whenTheDelayDoesNotVaryEveryoneHasMedianFear() {
        // Sigma 0: every patient's delay is the median; any delay counts as fear 0, so the fear weight
        // has no effect.
        final HelpSeeking flat = new HelpSeeking(new HelpSeekingSpec(0.4, 0, -0.49), new LogNormalSpec(52, 0.0));
        assertEquals(0.0, flat.fear(52), 0.0);
        assertEquals(0.0, flat.fear(520), 0.0);
        assertEquals(logistic(0.4), flat.bookingProbability(10, 27, flat.fear(520)), EPS);
    }

    @Test
    void aLargeBookingLogitIsCertainBooking() {
        // Logit 50 with the other terms at their least: 50 - 1 - 0.49 x 6 = 46.06; e^-46.06 = 1e-20 is
        // below half the spacing of doubles near 1, so the probability is exactly 1.
        assertEquals(1.0, of(50, 2.0, -0.49).bookingProbability(0, 27, 6), 0.0);
    }

    @Test
    void badValuesInAScenarioNameTheirKey() {
        for (final String kv : new String[] {"dynamics.helpSeeking.bookingLogit=51",
            "dynamics.helpSeeking.bookingLogit=-51", "dynamics.helpSeeking.severityLogit=21",
            "dynamics.helpSeeking.fearLogitPerSd=-21"}) {
            final TherapysimException e = assertThrows(TherapysimException.class, () -> TestScenarios.defaults(kv));
            final String key = kv.substring(0, kv.indexOf('='));
            assertTrue(e.getMessage().contains(key + " = ") && e.getMessage().contains("must be between"),
                    e.getMessage());
        }
        final TherapysimException unknown = assertThrows(TherapysimException.class,
                () -> TestScenarios.defaults("dynamics.helpSeeking.bookingOdds=2"));
        assertTrue(unknown.getMessage().contains("bookingOdds"), unknown.getMessage());
    }
}

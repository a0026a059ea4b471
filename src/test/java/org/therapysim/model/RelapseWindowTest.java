package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.experiment.EpisodeMetrics;
import org.therapysim.experiment.Metric;
import org.therapysim.scenario.Scenario;

/**
 * The relapse rate of two benefit designs whose courses end at different times, when every patient
 * who ends below caseness relapses at the same weekly hazard (docs/MODEL.md, "Outcome
 * definitions"): counted within {@link EpisodeMetrics#FOLLOW_UP_WEEKS} weeks of the ending, among
 * endings followed up that long, the designs agree within noise; counted over whatever remained of
 * the horizon, the design that ends courses earlier shows more relapse though no patient is more
 * likely to relapse in any week.
 */
class RelapseWindowTest {
    private static final int W = EpisodeMetrics.FOLLOW_UP_WEEKS;
    /** Differences within this many standard errors are noise. */
    private static final double Z = 4.5;

    /** Counts of an all-horizon share: endings with a relapse status, and relapses before the horizon. */
    private record Counts(int asked, int relapsed) {
        double share() {
            return relapsed / (double) asked;
        }

        static Counts of(final List<EpisodeRecord> episodes) {
            int asked = 0;
            int relapsed = 0;
            for (final EpisodeRecord e : episodes) {
                if (e.relapsed() != null) {
                    asked++;
                    relapsed += e.relapsed() ? 1 : 0;
                }
            }
            return new Counts(asked, relapsed);
        }
    }

    /** @return the windowed relapse rate of the episodes, through the metric itself */
    private static double windowed(final List<EpisodeRecord> episodes) {
        return EpisodeMetrics.of(new ReplicationResult(0, episodes, List.of(), List.of(), 0, 1, 1, new int[0],
                new EconomicTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0))).get(Metric.RELAPSE_RATE);
    }

    /** @return endings with a relapse status and the whole window before the horizon */
    private static int followedUp(final List<EpisodeRecord> episodes) {
        return (int) episodes.stream().filter(e -> e.relapsed() != null && e.followedUpFor(W)).count();
    }

    private static double se(final double p1, final int n1, final double p2, final int n2) {
        return Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
    }

    /**
     * Patients held at a score below caseness (depression 5, anxiety 4: no change in sessions, no
     * noise) attend weekly until a cap per episode ends the course: after 6 sessions in week 6, or
     * after 30 in week 30. A relapse risk of 50% a year with no premature-ending or residual-symptom
     * multiplier is the hazard h = 1 - 0.5^(1/52) a week after every ending. A relapse draws a score
     * at caseness, which stays there, so relapse episodes end at caseness and are not asked about
     * relapse: each patient's first ending is the only one in the rate.
     */
    private static List<EpisodeRecord> cappedAt(final int sessions, final int weeks) {
        return RuleScenarios.episodes(RuleScenarios.deterministic(2000, weeks, "dynamics.symptoms.improvementRate=0",
                "dynamics.symptoms.noiseSd=0", "dynamics.symptoms.naturalNoiseSd=0", "conditions[0].baselineMean=5",
                "conditions[0].baselineSd=0", "conditions[1].baselineMean=4", "conditions[1].baselineSd=0",
                "dynamics.relapse.oneYearRisk=0.5", "dynamics.relapse.prematureEndMultiplier=1",
                "dynamics.relapse.residualHazardRatio=1", "plan.sessionCap.sessions=" + sessions,
                "plan.sessionCap.per=episode", "plan.sessionCap.atCap=stop"), 31);
    }

    @Test
    void endingsEarlierOrLaterRelapseAtTheSameRateWithinTheWindow() {
        final int weeks = 70;
        final List<EpisodeRecord> early = cappedAt(6, weeks);
        final List<EpisodeRecord> late = cappedAt(30, weeks);
        for (final List<EpisodeRecord> arm : List.of(early, late)) {
            assertEquals(2000, followedUp(arm), "every first ending, and only those, is asked and followed up");
        }
        assertTrue(early.stream().filter(e -> e.relapsed() != null).allMatch(e -> e.endWeek() == 6));
        assertTrue(late.stream().filter(e -> e.relapsed() != null).allMatch(e -> e.endWeek() == 30));

        // Over the rest of the horizon (weeks 7-69 and 31-69): 1 - 0.5^(63/52) = 0.568 against
        // 1 - 0.5^(39/52) = 0.405, a difference of about 10 standard errors.
        final Counts allEarly = Counts.of(early);
        final Counts allLate = Counts.of(late);
        assertEquals(1 - Math.pow(0.5, 63.0 / 52), allEarly.share(), Z * RuleScenarios.standardError(0.568, 2000));
        assertEquals(1 - Math.pow(0.5, 39.0 / 52), allLate.share(), Z * RuleScenarios.standardError(0.405, 2000));
        assertTrue(allEarly.share() - allLate.share() > Z * se(allEarly.share(), 2000, allLate.share(), 2000),
                "the all-horizon share credits the early ending with more relapse");

        // Within 26 weeks of either ending: 1 - 0.5^(26/52) = 0.293 in both.
        final double expected = 1 - Math.pow(0.5, (double) W / 52);
        final double a = windowed(early);
        final double b = windowed(late);
        assertEquals(expected, a, Z * RuleScenarios.standardError(expected, 2000));
        assertEquals(expected, b, Z * RuleScenarios.standardError(expected, 2000));
        assertEquals(a, b, Z * se(a, 2000, b, 2000));
    }

    @Test
    void aCapThatEndsCoursesEarlyChangesNoWindowedRelapseWhenTheHazardIsTheSame() {
        // Every random element on: a cap of 6 per episode that stops treatment against no cap, with
        // the relapse hazard the same after every ending below caseness (no premature-ending or
        // residual-symptom multiplier). The cap ends courses earlier; those relapses that came after
        // an ending are counted within the window in both arms alike.
        final Scenario none = TestScenarios.cohort(3000, 104, "dynamics.relapse.prematureEndMultiplier=1",
                "dynamics.relapse.residualHazardRatio=1");
        final Scenario capped = TestScenarios.cohort(3000, 104, "dynamics.relapse.prematureEndMultiplier=1",
                "dynamics.relapse.residualHazardRatio=1", "plan.sessionCap.sessions=6", "plan.sessionCap.per=episode",
                "plan.sessionCap.atCap=stop");
        final List<EpisodeRecord> a = TestScenarios.episodes(none, 2);
        final List<EpisodeRecord> b = TestScenarios.episodes(capped, 2);
        assertTrue(b.stream().anyMatch(e -> e.endReason() == EndReason.CAP_REACHED), "the cap binds");
        final double mean = a.stream().filter(e -> e.relapsed() != null).mapToInt(EpisodeRecord::endWeek).average()
                .orElseThrow();
        final double meanCapped = b.stream().filter(e -> e.relapsed() != null).mapToInt(EpisodeRecord::endWeek)
                .average().orElseThrow();
        assertTrue(meanCapped < mean, "the cap ends courses earlier: " + meanCapped + " against " + mean);
        final int n = followedUp(a);
        final int m = followedUp(b);
        assertTrue(n > 1000 && m > 1000, n + " and " + m + " endings followed up");
        final double p = windowed(a);
        final double q = windowed(b);
        assertEquals(p, q, Z * se(p, n, q, m), "within " + W + " weeks: " + p + " against " + q);
    }
}

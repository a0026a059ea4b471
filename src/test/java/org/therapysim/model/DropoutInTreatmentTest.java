package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dropout hazard as the simulation applies it to patients in treatment: each term reaches the
 * hazard with the patient's own values (sessions attended, this week's missed session, the price
 * paid, the therapist's traits, the alliance). On cohorts whose courses follow the rules alone
 * ({@link RuleScenarios}), with every term at zero except the one under test, the weekly share of
 * dropouts must lie within 4.5 standard errors of {@code logistic(L)} worked from that term alone.
 */
class DropoutInTreatmentTest {
    private static final int N = 3000;
    /** logit(0.05) = ln(0.05 / 0.95) */
    private static final double BASE = Math.log(0.05 / 0.95);

    private static double logistic(final double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    private static List<EpisodeRecord> run(final int weeks, final String... overrides) {
        final List<String> all = new ArrayList<>(List.of("dynamics.dropout.baseLogit=" + BASE,
                "patients.priceSensitivity.sigma=0", "workforce.traineeShare=0", "workforce.feedbackShare=0"));
        all.addAll(List.of(overrides));
        final List<EpisodeRecord> episodes = RuleScenarios.episodes(
                RuleScenarios.deterministic(N, weeks, all.toArray(String[]::new)), 41);
        assertEquals(N, episodes.size());
        return episodes;
    }

    private static void assertShare(final double expected, final long count, final long of, final String why) {
        final double tolerance = 4.5 * RuleScenarios.standardError(expected, (int) of);
        assertEquals(expected, count / (double) of, tolerance, why + ": " + count + " of " + of);
    }

    private static long droppedInWeek(final List<EpisodeRecord> episodes, final int week) {
        return episodes.stream().filter(e -> e.endReason() == EndReason.DROPOUT && e.endWeek() == week).count();
    }

    @Test
    void theEarlyTermCoversTheFirstTwoSessionsOnly() {
        // Early term logit(0.2) - logit(0.05): the hazard is 0.2 after sessions 1 and 2 (weeks 0
        // and 1) and 0.05 after session 3 (week 2).
        final double early = Math.log(0.2 / 0.8) - BASE;
        final List<EpisodeRecord> episodes = run(3, "dynamics.dropout.earlyLogit=" + early);
        long atRisk = N;
        final double[] hazard = {0.2, 0.2, 0.05};
        for (int week = 0; week < 3; week++) {
            final long dropped = droppedInWeek(episodes, week);
            assertShare(hazard[week], dropped, atRisk, "week " + week);
            atRisk -= dropped;
        }
    }

    @Test
    void aMissedSessionRaisesTheHazardOfThatWeek() {
        // Half the patients miss week 0 (no-show 0.5, no alliance or price weight); missed-session
        // term logit(0.3) - logit(0.05): 0.3 for those who missed, 0.05 for those who came.
        final double missed = Math.log(0.3 / 0.7) - BASE;
        final List<EpisodeRecord> episodes = run(1, "patients.noShow.mean=0.5", "patients.noShow.sd=0",
                "dynamics.access.noShowWeakAllianceWeight=0", "dynamics.dropout.missedSessionLogit=" + missed);
        final long missedCount = episodes.stream().filter(e -> e.noShows() == 1).count();
        assertShare(0.5, missedCount, N, "no-shows");
        final long missedAndLeft = episodes.stream()
                .filter(e -> e.noShows() == 1 && e.endReason() == EndReason.DROPOUT).count();
        final long cameAndLeft = episodes.stream()
                .filter(e -> e.noShows() == 0 && e.endReason() == EndReason.DROPOUT).count();
        assertShare(0.3, missedAndLeft, missedCount, "missed");
        assertShare(0.05, cameAndLeft, N - missedCount, "attended");
    }

    @Test
    void thePriceTermUsesWhatThePatientPaysAndTheirSensitivity() {
        // Copay 40, weight 5 per 100: 5 x 0.5 x 40 / 100 = 1.0 at sensitivity 0.5; 4.0 at 2.
        final List<EpisodeRecord> low = run(1, "plan.copay=40", "dynamics.dropout.pricePer100Logit=5",
                "patients.priceSensitivity.median=0.5");
        assertShare(logistic(BASE + 1.0), droppedInWeek(low, 0), N, "sensitivity 0.5");
        final List<EpisodeRecord> high = run(1, "plan.copay=40", "dynamics.dropout.pricePer100Logit=5",
                "patients.priceSensitivity.median=2");
        assertShare(logistic(BASE + 4.0), droppedInWeek(high, 0), N, "sensitivity 2");
        // Free care: the base hazard.
        final List<EpisodeRecord> free = run(1, "plan.copay=0", "dynamics.dropout.pricePer100Logit=5");
        assertShare(0.05, droppedInWeek(free, 0), N, "free");
    }

    @Test
    void theTherapistsTraitsEnterTheHazard() {
        // Every therapist a trainee, term 2.0: logistic(logit(0.05) + 2) = 0.280.
        final List<EpisodeRecord> trainees = run(1, "workforce.traineeShare=1", "dynamics.dropout.traineeLogit=2");
        assertShare(logistic(BASE + 2.0), droppedInWeek(trainees, 0), N, "trainee");
        // Every therapist uses feedback, odds ratio 5: the odds 0.05 / 0.95 divided by 5.
        final List<EpisodeRecord> feedback = run(1, "workforce.feedbackShare=1",
                "dynamics.dropout.feedbackOddsRatio=5");
        assertShare(logistic(BASE - Math.log(5)), droppedInWeek(feedback, 0), N, "feedback");
    }

    @Test
    void theAllianceTermUsesTheAllianceAfterTheSession() {
        // Capacity 0.7 for all, no skill spread: ceiling 0.7, start 0.6 x 0.7 = 0.42, after
        // session 1 0.42 + 0.35 x (0.7 - 0.42) = 0.518 (no ruptures). Weight 4: 4 x 0.482 = 1.928.
        final List<EpisodeRecord> episodes = run(1, "patients.allianceCapacity.sd=0", "workforce.allianceSkillSd=0",
                "dynamics.ruptures.baseProbability=0", "dynamics.dropout.weakAllianceLogit=4");
        assertShare(logistic(BASE + 4 * (1 - 0.518)), droppedInWeek(episodes, 0), N, "alliance 0.518");
    }

    @Test
    void aWeekTheTherapistCancelsHasNoDropoutDraw() {
        // Every therapist cancels half the sessions; the hazard of a held session is
        // logistic(5) = 0.993. Those whose session was cancelled in week 0 cannot drop out then.
        final List<EpisodeRecord> episodes = run(1, "workforce.cancellation.mean=0.5", "workforce.cancellation.sd=0",
                "dynamics.dropout.baseLogit=5");
        final long cancelled = episodes.stream().filter(e -> e.cancellations() == 1).count();
        assertShare(0.5, cancelled, N, "cancelled");
        episodes.stream().filter(e -> e.cancellations() == 1)
                .forEach(e -> assertEquals(EndReason.HORIZON, e.endReason(), "no dropout in a cancelled week"));
        final long held = N - cancelled;
        final long left = episodes.stream().filter(e -> e.endReason() == EndReason.DROPOUT).count();
        assertShare(logistic(5), left, held, "held sessions");
    }
}

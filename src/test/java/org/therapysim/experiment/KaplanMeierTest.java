package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.model.EndReason;
import org.therapysim.model.EpisodeRecord;

/**
 * The dose-effect and retention curves against product-limit estimates worked by hand:
 * {@code S(t) = prod over event times j <= t of (1 - d_j / n_j)}, with {@code n_j} the episodes whose
 * time is j or later (an episode censored at j is still at risk at j, the usual convention for ties
 * of events and censoring).
 */
class KaplanMeierTest {
    private static final double EPS = 1e-12;
    private static final int MAX = SessionCurves.MAX_SESSION;

    private static EpisodeRecord improved(final int at, final int sessions) {
        return Episode.ended(EndReason.PLANNED, sessions).improvedAt(at).build();
    }

    private static EpisodeRecord unimproved(final EndReason reason, final int sessions) {
        return Episode.ended(reason, sessions).build();
    }

    private static void assertUndefinedFrom(final double[] curve, final int session) {
        for (int k = session; k <= MAX; k++) {
            assertTrue(Double.isNaN(curve[k - 1]), "undefined at session " + k + ": " + curve[k - 1]);
        }
    }

    @Test
    void doseEffectCountsEpisodesCensoredAtAnEventTimeAsStillAtRisk() {
        // Times: 2 improved, 2 censored (dropped out unimproved after 2), 4 improved twice, 5 censored
        // (open at the horizon); one episode never started and is left out.
        final List<EpisodeRecord> episodes = List.of(improved(2, 6), unimproved(EndReason.DROPOUT, 2),
                improved(4, 8), improved(4, 4), unimproved(EndReason.HORIZON, 5),
                unimproved(EndReason.DECLINED, 0));
        final double[] curve = SessionCurves.doseEffect(episodes);
        // k = 1: 5 at risk, no event: S = 1, improved 0.
        assertEquals(0.0, curve[0], EPS);
        // k = 2: 5 at risk (the one censored at 2 included), 1 event: S = 1 - 1/5 = 4/5.
        // (Leaving the censored one out of the risk set would give 1 - 1/4 = 0.75.)
        assertEquals(0.2, curve[1], EPS);
        // k = 3: 3 at risk, no event.
        assertEquals(0.2, curve[2], EPS);
        // k = 4: 3 at risk, 2 events: S = 4/5 x (1 - 2/3) = 4/15; improved 11/15 (a naive 3/5 ignores
        // the censoring).
        assertEquals(11.0 / 15, curve[3], EPS);
        // k = 5: 1 at risk (censored there), no event: unchanged.
        assertEquals(11.0 / 15, curve[4], EPS);
        // k = 6: nobody at risk and the last time was censored: undefined from here on.
        assertUndefinedFrom(curve, 6);
    }

    @Test
    void doseEffectStaysAtOneAfterTheLastPatientImproved() {
        // Times: 1 improved, 2 censored, 3 improved.
        final List<EpisodeRecord> episodes = List.of(improved(1, 3), unimproved(EndReason.PLANNED, 2),
                improved(3, 3));
        final double[] curve = SessionCurves.doseEffect(episodes);
        // k = 1: 3 at risk, 1 event: S = 2/3. k = 2: 2 at risk, none. k = 3: 1 at risk, 1 event: S = 0.
        assertEquals(1.0 / 3, curve[0], EPS);
        assertEquals(1.0 / 3, curve[1], EPS);
        assertEquals(1.0, curve[2], EPS);
        // After the last event the product-limit estimate is S = 0 for every later session (Kaplan
        // and Meier 1958): everyone who could be followed improved, so the share improved stays 1.
        for (int k = 4; k <= MAX; k++) {
            assertEquals(1.0, curve[k - 1], EPS, "session " + k);
        }
    }

    @Test
    void doseEffectCountsAnImprovementAtTheLastSessionShownButNotBeyondIt() {
        // Improved at 40 (the last session shown), at 41 (beyond it), and never in 45 sessions.
        final List<EpisodeRecord> episodes = List.of(improved(MAX, MAX + 5), improved(MAX + 1, MAX + 3),
                unimproved(EndReason.PLANNED, MAX + 5));
        final double[] curve = SessionCurves.doseEffect(episodes);
        // All three at risk through session 39, no event: 0.
        assertEquals(0.0, curve[MAX - 2], EPS);
        // k = 40: 3 at risk, 1 event: 1/3. The one improved at 41 is still at risk and not an event.
        assertEquals(1.0 / 3, curve[MAX - 1], EPS);
    }

    @Test
    void doseEffectOfNoStartedEpisodeIsUndefined() {
        assertUndefinedFrom(SessionCurves.doseEffect(List.of()), 1);
        assertUndefinedFrom(SessionCurves.doseEffect(List.of(unimproved(EndReason.DECLINED, 0),
                unimproved(EndReason.GAVE_UP_WAITING, 0))), 1);
        assertEquals(MAX, SessionCurves.doseEffect(List.of()).length);
    }

    @Test
    void retentionIsTheShareStillAtRiskAtEachSession() {
        // Times: ended after 1 (dropout), after 3 (planned), open after 3 (censored: a tie with the
        // ending), ended after 5 at the cap; one never started.
        final List<EpisodeRecord> episodes = List.of(unimproved(EndReason.DROPOUT, 1),
                unimproved(EndReason.PLANNED, 3), unimproved(EndReason.HORIZON, 3),
                unimproved(EndReason.CAP_REACHED, 5), unimproved(EndReason.DECLINED, 0));
        final double[] curve = SessionCurves.retention(episodes);
        // Value at k is S(k - 1), the share attending at least k sessions.
        // S(0) = 1.
        assertEquals(1.0, curve[0], EPS);
        // S(1): 4 at risk, 1 ends: 3/4.
        assertEquals(0.75, curve[1], EPS);
        // S(2): 3 at risk, none ends: 3/4.
        assertEquals(0.75, curve[2], EPS);
        // S(3): 3 at risk (the censored one included), 1 ends: 3/4 x 2/3 = 1/2. (Without the censored
        // one in the risk set: 3/4 x 1/2 = 3/8.)
        assertEquals(0.5, curve[3], EPS);
        // S(4): 1 at risk, none ends.
        assertEquals(0.5, curve[4], EPS);
        // S(5): the last one at risk ends: 0, and it stays 0 after the last patient: nobody attends a
        // sixth session.
        for (int k = 6; k <= MAX; k++) {
            assertEquals(0.0, curve[k - 1], EPS, "session " + k);
        }
    }

    @Test
    void retentionIsUndefinedWhenNobodyIsAtRiskAndTheLastWasCensored() {
        // Ended after 2; open after 4 at the horizon.
        final double[] curve = SessionCurves.retention(List.of(unimproved(EndReason.DROPOUT, 2),
                unimproved(EndReason.HORIZON, 4)));
        // S(0) = S(1) = 1; S(2) = 1 - 1/2 = 1/2; S(3) = 1/2 (one at risk at 3 and 4, no ending).
        assertEquals(1.0, curve[0], EPS);
        assertEquals(1.0, curve[1], EPS);
        assertEquals(0.5, curve[2], EPS);
        assertEquals(0.5, curve[3], EPS);
        // Nobody reached session 5 and the last time was censored: undefined.
        assertUndefinedFrom(curve, 5);
    }

    @Test
    void retentionIsUndefinedPastTheLastSessionWhenOneOfTheLastWasStillInTreatment() {
        // Ended after 2; ended after 3 twice; open after 3 at the horizon (a tie at the last session).
        final double[] curve = SessionCurves.retention(List.of(unimproved(EndReason.DROPOUT, 2),
                unimproved(EndReason.PLANNED, 3), unimproved(EndReason.CAP_REACHED, 3),
                unimproved(EndReason.HORIZON, 3)));
        // Sessions 1 to 3: S(0) = S(1) = 1; S(2): 4 at risk, 1 ends: 3/4.
        assertEquals(1.0, curve[0], EPS);
        assertEquals(1.0, curve[1], EPS);
        assertEquals(0.75, curve[2], EPS);
        // Nobody reached session 4; the open one might: undefined from session 4 to 40, neither 0 nor
        // S(3) = 3/4 x 1/3 = 1/4 (the open one counted as at risk and not ending) carried forward.
        assertUndefinedFrom(curve, 4);
    }

    @Test
    void retentionIsZeroToTheEndWhenTheLastEndedEvenAfterEarlierCensoring() {
        // Open after 2 at the horizon (a tie with an ending after 2); ended after 4, the last.
        final double[] curve = SessionCurves.retention(List.of(unimproved(EndReason.HORIZON, 2),
                unimproved(EndReason.DROPOUT, 2), unimproved(EndReason.PLANNED, 4)));
        // S(1) = 1; S(2): 3 at risk, 1 ends: 2/3; S(3) = 2/3; S(4): 1 at risk, it ends: 0.
        assertEquals(1.0, curve[1], EPS);
        assertEquals(2.0 / 3, curve[2], EPS);
        assertEquals(2.0 / 3, curve[3], EPS);
        // Session 5 up to 40, far past the last session anyone attended: nobody is in treatment.
        for (int k = 5; k <= MAX; k++) {
            assertEquals(0.0, curve[k - 1], 0.0, "session " + k);
        }
    }

    @Test
    void doseEffectIsUndefinedPastTheLastSessionWhenOneOfTheLastEndedUnimproved() {
        // Improved at 2; improved at 3 and ended unimproved after 3 (a tie at the last session).
        final double[] curve = SessionCurves.doseEffect(List.of(improved(2, 2), improved(3, 5),
                unimproved(EndReason.DROPOUT, 3)));
        // S(2) = 2/3; S(3) = 2/3 x 1/2 = 1/3: improved 2/3 by session 3.
        assertEquals(1.0 / 3, curve[1], EPS);
        assertEquals(2.0 / 3, curve[2], EPS);
        assertUndefinedFrom(curve, 4);
    }

    @Test
    void retentionCountsAnEndingAtTheLastSessionShownButNotBeyondIt() {
        // Ended after 39, after 40 and after 41 sessions: S(38) = 1, S(39) = 2/3, S(40) = 2/3 x 1/2.
        final double[] curve = SessionCurves.retention(List.of(unimproved(EndReason.PLANNED, MAX - 1),
                unimproved(EndReason.PLANNED, MAX), unimproved(EndReason.PLANNED, MAX + 1)));
        assertEquals(1.0, curve[MAX - 2], EPS, "session 39: S(38)");
        assertEquals(2.0 / 3, curve[MAX - 1], EPS, "session 40: S(39)");
        final double[] open = SessionCurves.retention(List.of(unimproved(EndReason.HORIZON, MAX + 10),
                unimproved(EndReason.DROPOUT, 1)));
        // S(1) = 1 - 1/2; the one open after 50 sessions stays at risk through session 40.
        assertEquals(0.5, open[MAX - 1], EPS);
    }

    @Test
    void retentionOfNoStartedEpisodeIsUndefined() {
        assertUndefinedFrom(SessionCurves.retention(List.of(unimproved(EndReason.DECLINED, 0))), 1);
    }
}

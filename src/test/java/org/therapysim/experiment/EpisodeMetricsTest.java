package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.therapysim.model.EconomicTotals;
import org.therapysim.model.EndReason;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.ReplicationResult;

/**
 * Every metric of one replication against its definition (docs/MODEL.md, "Outcome definitions";
 * the {@link Metric} javadoc), on nine episodes written by hand:
 *
 * <pre>
 * ep  end           sessions wait therapist score    improved at  outcome           alliance costs (payer, patient, admin, prod., medical)
 * e1  declined         0      -      -      -             -        -                    -      0,   0,  0, 100, 50
 * e2  gave up          0      -      -      -             -        -                    -      0,   0, 11, 200, 60
 * e3  dropout          1      3      1    15 -> 14        -        (not finished)      0.5    80,  20,  0,   0,  0
 * e4  dropout          4      1      1    20 -> 12        3        improved            0.6   320,  80,  0, 300,  0
 * e5  planned          8      2      1    16 -> 4         5        reliably recovered  0.8   640,   0, 22,   0,  0
 * e6  cap reached     10      0      2     8 -> 2         9        improved, no case.  0.7   800, 200,  0,   0,  0
 * e7  review denied    2      4      2    10 -> 15        -        deteriorated        0.4   160,   0, 11,   0,  0
 * e8  horizon          6      1      2    20 -> 5         -        (censored)          0.9   480, 120,  0,   0,  0
 * e9  dropout          2      2      2    10 -> 9         -        unchanged           0.5   160,  40,  0,   0, 90
 * </pre>
 *
 * <p>After the episode (every ending followed up for 52 weeks before the horizon): e5 relapsed 8
 * weeks after its ending, e6 did not; e1, e4 and e7 returned to care 4, 12 and 20 weeks after theirs,
 * e2 and e3 did not.
 */
class EpisodeMetricsTest {
    private static final double EPS = 1e-12;
    private static final EconomicTotals NO_ECONOMICS = new EconomicTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static List<EpisodeRecord> nineEpisodes() {
        return List.of(
                Episode.ended(EndReason.DECLINED, 0).returnedAfter(4).costs(0, 0, 0, 100, 50).build(),
                Episode.ended(EndReason.GAVE_UP_WAITING, 0).returned(false).costs(0, 0, 11, 200, 60).build(),
                Episode.ended(EndReason.DROPOUT, 1).waited(0, 3).therapist(1, "cbt").scores(15, 14, true)
                        .returned(false).alliance(0.5).ruptures(1, 0).costs(80, 20, 0, 0, 0).build(),
                Episode.ended(EndReason.DROPOUT, 4).waited(2, 3).therapist(1, "cbt").scores(20, 12, true)
                        .improvedAt(3).outcome(true, false, false, false).returnedAfter(12).alliance(0.6)
                        .ruptures(2, 1).switches(1).costs(320, 80, 0, 300, 0).build(),
                Episode.ended(EndReason.PLANNED, 8).waited(0, 2).therapist(1, "cbt").scores(16, 4, true)
                        .improvedAt(5).outcome(true, true, true, false).relapsedAfter(8).alliance(0.8)
                        .ruptures(3, 3).outOfNetwork().costs(640, 0, 22, 0, 0).build(),
                Episode.ended(EndReason.CAP_REACHED, 10).waited(5, 5).therapist(2, "cbt").scores(8, 2, false)
                        .improvedAt(9).outcome(true, null, null, false).relapsed(false).alliance(0.7)
                        .costs(800, 200, 0, 0, 0).build(),
                Episode.ended(EndReason.REVIEW_DENIED, 2).waited(1, 5).therapist(2, "cbt").scores(10, 15, true)
                        .outcome(false, false, false, true).returnedAfter(20).alliance(0.4).costs(160, 0, 11, 0, 0)
                        .build(),
                Episode.ended(EndReason.HORIZON, 6).waited(0, 1).therapist(2, "cbt").scores(20, 5, true)
                        .alliance(0.9).switches(2).outOfNetwork().costs(480, 120, 0, 0, 0).build(),
                Episode.ended(EndReason.DROPOUT, 2).waited(3, 5).therapist(2, "cbt").scores(10, 9, true)
                        .outcome(false, false, false, false).alliance(0.5).costs(160, 40, 0, 0, 90).build());
    }

    private static Map<Metric, Double> metrics(final List<EpisodeRecord> episodes, final double memberMonths,
            final int[] visits, final EconomicTotals economics) {
        return EpisodeMetrics.of(new ReplicationResult(1, episodes, List.of(), List.of(), 0, 100, memberMonths,
                visits, economics));
    }

    private static void assertUndefined(final Map<Metric, Double> m, final Metric... metrics) {
        for (final Metric metric : metrics) {
            assertTrue(Double.isNaN(m.get(metric)), metric + " should be undefined: " + m.get(metric));
        }
    }

    @Test
    void everyMetricHasAValue() {
        final Map<Metric, Double> m = metrics(nineEpisodes(), 1200, new int[] {3}, NO_ECONOMICS);
        assertEquals(EnumSet.allOf(Metric.class), m.keySet());
    }

    @Test
    void sharesOfEpisodesAndOfStartedEpisodes() {
        final Map<Metric, Double> m = metrics(nineEpisodes(), 1200, new int[0], NO_ECONOMICS);
        assertEquals(9, m.get(Metric.EPISODES), EPS);
        // Started: e3..e9 = 7 of 9. Declined: e1; gave up: e2.
        assertEquals(7.0 / 9, m.get(Metric.STARTED_RATE), EPS);
        assertEquals(1.0 / 9, m.get(Metric.DECLINED_RATE), EPS);
        assertEquals(1.0 / 9, m.get(Metric.GAVE_UP_WAITING_RATE), EPS);
        // Started and ended (e8 censored): e3, e4, e5, e6, e7, e9 = 6; dropouts e3, e4, e9: 3/6.
        assertEquals(0.5, m.get(Metric.DROPOUT_RATE), EPS);
        assertEquals(1.0 / 6, m.get(Metric.CAP_REACHED_RATE), EPS);
        assertEquals(1.0 / 6, m.get(Metric.REVIEW_DENIED_RATE), EPS);
        // Dropouts after session 1 or 2: e3 (1) and e9 (2), not e4 (4): 2/3.
        assertEquals(2.0 / 3, m.get(Metric.EARLY_DROPOUT_SHARE), EPS);
        // Switched therapist (any number of times): e4 once, e8 twice: 2 of 7 started.
        assertEquals(2.0 / 7, m.get(Metric.SWITCH_RATE), EPS);
        assertEquals(2.0 / 7, m.get(Metric.OUT_OF_NETWORK_RATE), EPS);
        // Weeks waiting among started: 3 + 1 + 2 + 0 + 4 + 1 + 2 = 13 over 7.
        assertEquals(13.0 / 7, m.get(Metric.MEAN_WEEKS_WAITING), EPS);
        // Alliance among started: 0.5 + 0.6 + 0.8 + 0.7 + 0.4 + 0.9 + 0.5 = 4.4 over 7.
        assertEquals(4.4 / 7, m.get(Metric.ALLIANCE_MEAN), EPS);
        // Relapse among episodes with a relapse status (ended below caseness), all followed up for the
        // 26 weeks of the window: e5 yes (week 8), e6 no.
        assertEquals(0.5, m.get(Metric.RELAPSE_RATE), EPS);
        // Return to care among episodes with a return status (ended at or above caseness, not
        // censored): e1 yes, e2 no, e3 no, e4 yes, e7 yes (weeks 4, 12 and 20): 3/5. e8 (censored) and
        // e9 (ended at 9, below caseness) have none, and relapse and return are counted apart.
        assertEquals(0.6, m.get(Metric.RETURN_RATE), EPS);
        // Ruptures repaired: (0 + 1 + 3) of (1 + 2 + 3).
        assertEquals(4.0 / 6, m.get(Metric.REPAIR_RATE), EPS);
    }

    @Test
    void theWindowIsTwentySixWeeksAsTheDocumentationSays() {
        // docs/MODEL.md ("Outcome definitions"), the metrics' labels and units state 26 weeks.
        assertEquals(26, EpisodeMetrics.FOLLOW_UP_WEEKS);
        assertEquals("Relapse within 26 weeks", Metric.RELAPSE_RATE.label());
        assertEquals("share of episodes ended below caseness with 26 weeks of follow-up", Metric.RELAPSE_RATE.unit());
        assertEquals("Returned to care within 26 weeks", Metric.RETURN_RATE.label());
        assertEquals("share of episodes ended at or above caseness with 26 weeks of follow-up",
                Metric.RETURN_RATE.unit());
        assertTrue(Metric.RELAPSE_RATE.isShare() && Metric.RETURN_RATE.isShare());
    }

    @Test
    void relapseCountsWithinTheWindowAmongEndingsFollowedUpForAllOfIt() {
        final int w = EpisodeMetrics.FOLLOW_UP_WEEKS;
        // ep  ended below caseness  relapse (weeks after the ending)  follow-up before the horizon
        // r1  planned               26 (= W: counts)                  26 (= W: in)
        // r2  planned               27 (W + 1: before the horizon,    60
        //                               but outside the window)
        // r3  dropout               none                              30
        // r4  planned               3                                 25 (W - 1: left out, relapse or not)
        // r5  cap reached           none                              0
        // Denominator r1, r2, r3; relapses within the window r1: 1/3. The all-horizon share would be 3/5.
        final List<EpisodeRecord> episodes = List.of(
                Episode.ended(EndReason.PLANNED, 8).scores(16, 4, true).outcome(true, true, true, false)
                        .relapsedAfter(w).followedUp(w).build(),
                Episode.ended(EndReason.PLANNED, 8).scores(16, 4, true).outcome(true, true, true, false)
                        .relapsedAfter(w + 1).followedUp(60).build(),
                Episode.ended(EndReason.DROPOUT, 3).scores(16, 8, true).outcome(true, true, true, false)
                        .relapsed(false).followedUp(30).build(),
                Episode.ended(EndReason.PLANNED, 8).scores(16, 4, true).outcome(true, true, true, false)
                        .relapsedAfter(3).followedUp(w - 1).build(),
                Episode.ended(EndReason.CAP_REACHED, 6).scores(16, 8, true).outcome(true, true, true, false)
                        .relapsed(false).followedUp(0).build());
        assertEquals(1.0 / 3, metrics(episodes, 1200, new int[0], NO_ECONOMICS).get(Metric.RELAPSE_RATE), EPS);
        // Without r1, r2 and r3 no ending had the whole window: undefined, though r4 relapsed.
        assertUndefined(metrics(episodes.subList(3, 5), 1200, new int[0], NO_ECONOMICS), Metric.RELAPSE_RATE);
        // Neither counts for return to care: none ended at or above caseness.
        assertUndefined(metrics(episodes, 1200, new int[0], NO_ECONOMICS), Metric.RETURN_RATE);
    }

    @Test
    void returnToCareCountsWithinTheWindowAmongEndingsFollowedUpForAllOfIt() {
        final int w = EpisodeMetrics.FOLLOW_UP_WEEKS;
        // ep  ended at or above caseness  return (weeks after)  follow-up
        // t1  cap reached                 26 (= W: counts)      26 (= W: in)
        // t2  declined                    27 (W + 1: no)        40
        // t3  dropout                     none                  26
        // t4  gave up waiting             1                     25 (W - 1: left out)
        // t5  horizon                     (censored: none asked) 0
        // Denominator t1, t2, t3; returns within the window t1: 1/3.
        final List<EpisodeRecord> episodes = List.of(
                Episode.ended(EndReason.CAP_REACHED, 6).scores(16, 12, true).outcome(false, false, false, false)
                        .returnedAfter(w).followedUp(w).build(),
                Episode.ended(EndReason.DECLINED, 0).returnedAfter(w + 1).followedUp(40).build(),
                Episode.ended(EndReason.DROPOUT, 2).scores(16, 15, true).outcome(false, false, false, false)
                        .returned(false).followedUp(w).build(),
                Episode.ended(EndReason.GAVE_UP_WAITING, 0).returnedAfter(1).followedUp(w - 1).build(),
                Episode.ended(EndReason.HORIZON, 4).scores(16, 12, true).followedUp(0).build());
        assertEquals(1.0 / 3, metrics(episodes, 1200, new int[0], NO_ECONOMICS).get(Metric.RETURN_RATE), EPS);
        assertUndefined(metrics(episodes.subList(3, 5), 1200, new int[0], NO_ECONOMICS), Metric.RETURN_RATE);
        assertUndefined(metrics(episodes, 1200, new int[0], NO_ECONOMICS), Metric.RELAPSE_RATE);
    }

    @Test
    void hesitationCountsFromTheStartOfTheEpisodeAndTheWaitFromBooking() {
        // ep  end               sessions  began  booked  first session
        // b1  declined              0       0      -        -
        // b2  not booked            0       0      -        -      (gave up while hesitating)
        // b3  gave up waiting       0       1      3        -
        // b4  dropout               2       0      0        2
        // b5  planned               6       2      6        7
        // b6  horizon               0       4      -        -      (still hesitating at the end)
        final List<EpisodeRecord> episodes = List.of(
                Episode.ended(EndReason.DECLINED, 0).build(),
                Episode.ended(EndReason.NOT_BOOKED, 0).build(),
                Episode.ended(EndReason.GAVE_UP_WAITING, 0).waited(1, 3, null).build(),
                Episode.ended(EndReason.DROPOUT, 2).waited(0, 0, 2).outcome(false, false, false, false).build(),
                Episode.ended(EndReason.PLANNED, 6).waited(2, 6, 7).outcome(true, true, true, false).build(),
                Episode.ended(EndReason.HORIZON, 0).waited(4, null, null).build());
        final Map<Metric, Double> m = metrics(episodes, 1200, new int[0], NO_ECONOMICS);
        // Shares of all 6 episodes: started b4, b5; declined b1; not booked b2; gave up waiting b3.
        assertEquals(2.0 / 6, m.get(Metric.STARTED_RATE), EPS);
        assertEquals(1.0 / 6, m.get(Metric.DECLINED_RATE), EPS);
        assertEquals(1.0 / 6, m.get(Metric.NOT_BOOKED_RATE), EPS);
        assertEquals(1.0 / 6, m.get(Metric.GAVE_UP_WAITING_RATE), EPS);
        // Hesitation among the episodes that booked (b3, b4, b5): (3 - 1) + (0 - 0) + (6 - 2) = 6 over 3.
        assertEquals(2.0, m.get(Metric.MEAN_WEEKS_HESITATING), EPS);
        // Waiting among started episodes, from booking: (2 - 0) + (7 - 6) = 3 over 2 (from the start of
        // the episode it would be (2 + 5) / 2 = 3.5).
        assertEquals(1.5, m.get(Metric.MEAN_WEEKS_WAITING), EPS);
        // No episode booked: hesitation is undefined.
        assertUndefined(metrics(episodes.subList(0, 2), 1200, new int[0], NO_ECONOMICS), Metric.MEAN_WEEKS_HESITATING);
    }

    @Test
    void outcomesOfFinishedCourses() {
        final Map<Metric, Double> m = metrics(nineEpisodes(), 1200, new int[0], NO_ECONOMICS);
        // Finished courses (ended, two or more sessions): e4, e5, e6, e7, e9; not e3 (one session) nor
        // e8 (censored).
        // Reliable improvement e4, e5, e6: 3/5. Deterioration e7: 1/5.
        assertEquals(0.6, m.get(Metric.RELIABLE_IMPROVEMENT_RATE), EPS);
        assertEquals(0.2, m.get(Metric.DETERIORATION_RATE), EPS);
        // At caseness among them: e4, e5, e7, e9 (e6 was not): recovered e5 only: 1/4, reliably too.
        assertEquals(0.25, m.get(Metric.RECOVERY_RATE), EPS);
        assertEquals(0.25, m.get(Metric.RELIABLE_RECOVERY_RATE), EPS);
        // Sessions per finished course: (4 + 8 + 10 + 2 + 2) / 5.
        assertEquals(5.2, m.get(Metric.MEAN_SESSIONS), EPS);
    }

    @Test
    void earlyResponseIsTheShareOfReliablyRecoveredCoursesImprovedBySessionThree() {
        // Reliably recovered finished courses of 4 or more sessions improved at sessions 2, 3 and 4:
        // 2 of 3 by session 3. Not counted: a reliably recovered course censored at the horizon
        // (improved at 1), a course improved at 1 that did not recover, a one-session course, and a
        // reliably recovered course of 3 sessions.
        final List<EpisodeRecord> episodes = List.of(
                Episode.ended(EndReason.PLANNED, 6).scores(16, 4, true).improvedAt(2)
                        .outcome(true, true, true, false).build(),
                Episode.ended(EndReason.PLANNED, 5).scores(14, 5, true).improvedAt(3)
                        .outcome(true, true, true, false).build(),
                Episode.ended(EndReason.DROPOUT, 9).scores(18, 6, true).improvedAt(4)
                        .outcome(true, true, true, false).build(),
                Episode.ended(EndReason.HORIZON, 4).scores(16, 3, true).improvedAt(1).build(),
                Episode.ended(EndReason.NOT_HELPED, 8).scores(17, 11, true).improvedAt(1)
                        .outcome(true, false, false, false).build(),
                Episode.ended(EndReason.DROPOUT, 1).scores(15, 8, true).improvedAt(1).build(),
                Episode.ended(EndReason.PLANNED, 3).scores(15, 3, true).improvedAt(1)
                        .outcome(true, true, true, false).build());
        assertEquals(2.0 / 3, metrics(episodes, 1200, new int[0], NO_ECONOMICS).get(Metric.EARLY_RESPONSE_SHARE), EPS);
        // No reliably recovered course: undefined.
        assertTrue(Double.isNaN(metrics(episodes.subList(3, 7), 1200, new int[0], NO_ECONOMICS)
                .get(Metric.EARLY_RESPONSE_SHARE)));
    }

    @Test
    void doseEffectPointsAreTheKaplanMeierShares() {
        final Map<Metric, Double> m = metrics(nineEpisodes(), 1200, new int[0], NO_ECONOMICS);
        // Times: e3 1 (censored), e7 2 (c), e9 2 (c), e4 3 (improved), e5 5 (i), e8 6 (c), e6 9 (i).
        // k = 3: 4 at risk, 1 event: S = 3/4. k = 5: 3 at risk, 1 event: S = 1/2. k = 9: 1 at risk,
        // 1 event: S = 0, and 0 after it.
        assertEquals(0.5, m.get(Metric.IMPROVED_BY_SESSION_8), EPS);
        assertEquals(1.0, m.get(Metric.IMPROVED_BY_SESSION_26), EPS);
    }

    @Test
    void fieldStatisticsOfFinishedCourses() {
        final Map<Metric, Double> m = metrics(nineEpisodes(), 1200, new int[0], NO_ECONOMICS);
        // Finished courses (alliance x, improvement y = (baseline - end) / baseline):
        // e4 (0.6, 8/20 = 0.4), e5 (0.8, 12/16 = 0.75), e6 (0.7, 6/8 = 0.75), e7 (0.4, -5/10 = -0.5),
        // e9 (0.5, 1/10 = 0.1). Means 0.6 and 0.3.
        // Sxy = 0 x 0.1 + 0.2 x 0.45 + 0.1 x 0.45 + (-0.2)(-0.8) + (-0.1)(-0.2) = 0.315;
        // Sxx = 0 + 0.04 + 0.01 + 0.04 + 0.01 = 0.1; Syy = 0.01 + 0.2025 + 0.2025 + 0.64 + 0.04 = 1.095.
        // r = 0.315 / sqrt(0.1 x 1.095) = 0.315 / 0.3309078 = 0.9519267.
        assertEquals(0.315 / Math.sqrt(0.1095), m.get(Metric.ALLIANCE_OUTCOME_R), 1e-12);
        assertEquals(0.9519267, m.get(Metric.ALLIANCE_OUTCOME_R), 1e-7);
        // By therapist: 1 has {0.4, 0.75} (mean 0.575), 2 has {0.75, -0.5, 0.1} (mean 0.35/3).
        // Grand mean 0.3. SSB = 2 x 0.275^2 + 3 x (0.35/3 - 0.3)^2 = 0.15125 + 0.3025/3 = 0.2520833.
        // SSW = 2 x 0.175^2 + (0.75 - 0.35/3)^2 + (-0.5 - 0.35/3)^2 + (0.1 - 0.35/3)^2 = 0.06125 +
        // 0.7816667 = 0.8429167. MSB = SSB / 1; MSW = SSW / 3; n0 = (5 - 13/5) / 1 = 2.4.
        // ICC = (0.2520833 - 0.2809722) / (0.2520833 + 1.4 x 0.2809722) = -0.0288889 / 0.6454444 = -0.0447581
        // (a sampling estimate below zero, kept).
        final double msb = 0.15125 + 0.3025 / 3;
        final double t2 = 0.35 / 3;
        final double msw = (0.06125 + (0.75 - t2) * (0.75 - t2) + (-0.5 - t2) * (-0.5 - t2) + (0.1 - t2) * (0.1 - t2))
                / 3;
        assertEquals((msb - msw) / (msb + 1.4 * msw), m.get(Metric.THERAPIST_VARIANCE_SHARE), 1e-12);
        assertEquals(-0.0447581, m.get(Metric.THERAPIST_VARIANCE_SHARE), 1e-7);
        // Fewer than 30 finished courses in every orientation: no comparison.
        assertUndefined(m, Metric.ORIENTATION_MEAN_D);
        // Ruptures among finished courses: e4 one of two repaired, e5 three of three (e3 has one
        // session): a group of one each, below two: no d.
        assertUndefined(m, Metric.RUPTURE_REPAIR_D);
        // Alliance slopes: therapist 1 has e4, e5 (alliance mean 0.7), therapist 2 e6, e7, e9 (1.6/3);
        // grand mean 3.0 / 5 = 0.6. Centred therapist means B = 0.1, 0.1, -1/15, -1/15, -1/15;
        // deviations W = -0.1, 0.1, 1/6, -2/15, -1/30. B and W sum to zero and B.W = 0, so
        // between = B.y / B.B = (0.1 x 1.15 - 0.35 / 15) / (0.02 + 3 / 225) = (11/120) / (1/30) = 2.75;
        // within = W.y / W.W = (-0.04 + 0.075 + 0.125 + 1/15 - 1/300) / (0.02 + 42/900)
        // = (67/300) / (1/15) = 3.35; gap 2.75 - 3.35 = -0.6.
        assertEquals(2.75, m.get(Metric.ALLIANCE_SLOPE_BETWEEN), 1e-12);
        assertEquals(3.35, m.get(Metric.ALLIANCE_SLOPE_WITHIN), 1e-12);
        assertEquals(-0.6, m.get(Metric.ALLIANCE_SLOPE_GAP), 1e-12);
        // Planned endings at caseness: e5 only, after 8 sessions: neither short nor long.
        assertUndefined(m, Metric.GOOD_ENOUGH_GAP);
    }

    @Test
    void costsPerEpisodePerMemberAndPerRecovery() {
        final Map<Metric, Double> m = metrics(nineEpisodes(), 1200, new int[0], NO_ECONOMICS);
        // Payer 80 + 320 + 640 + 800 + 160 + 480 + 160 = 2640; patient 20 + 80 + 200 + 120 + 40 = 460;
        // admin 11 + 22 + 11 = 44; productivity 100 + 200 + 300 = 600; medical 50 + 60 + 90 = 200.
        assertEquals(2640.0 / 9, m.get(Metric.PAYER_COST_PER_EPISODE), 1e-9);
        assertEquals(460.0 / 9, m.get(Metric.PATIENT_COST_PER_EPISODE), 1e-9);
        assertEquals(44.0 / 9, m.get(Metric.ADMIN_COST_PER_EPISODE), 1e-9);
        assertEquals(600.0 / 9, m.get(Metric.PRODUCTIVITY_LOSS_PER_EPISODE), 1e-9);
        assertEquals(200.0 / 9, m.get(Metric.MEDICAL_COST_PER_EPISODE), 1e-9);
        // 1,200 member-months.
        assertEquals(2.2, m.get(Metric.PAYER_COST_PMPM), 1e-12);
        assertEquals((2640.0 + 44) / 1200, m.get(Metric.PLAN_COST_PMPM), 1e-12);
        assertEquals((2640.0 + 460) / 1200, m.get(Metric.SPENDING_PMPM), 1e-12);
        // One recovery (e5) in 100 member-years: 10 per 1,000 member-years.
        assertEquals(10, m.get(Metric.RECOVERIES_PER_1000), 1e-12);
        // Plan cost (payer and admin) per recovery: 2684 / 1.
        assertEquals(2684, m.get(Metric.COST_PER_RECOVERY), 1e-9);
    }

    @Test
    void aRecoveryInThePopulationCountsIsATreatedEpisodeThatEndedBelowCaseness() {
        // r1: one session, at caseness (16), ended below it (8): counted though not a finished course.
        // r2: finished course of 6, at caseness (18), ended below it (5): counted.
        // r3: finished course of 4, not at caseness at assessment (8 -> 2): not a recovery.
        // r4: at caseness (20), below it at its last session (5) but censored at the horizon: not counted.
        // Payer and admin 100 + 10, 600, 400, 500 + 20 = 1630; 120 member-months = 10 member-years.
        final List<EpisodeRecord> episodes = List.of(
                Episode.ended(EndReason.DROPOUT, 1).scores(16, 8, true).outcome(true, true, true, false)
                        .costs(100, 0, 10, 0, 0).build(),
                Episode.ended(EndReason.PLANNED, 6).scores(18, 5, true).outcome(true, true, true, false)
                        .costs(600, 0, 0, 0, 0).build(),
                Episode.ended(EndReason.PLANNED, 4).scores(8, 2, false).outcome(true, null, null, false)
                        .costs(400, 0, 0, 0, 0).build(),
                Episode.ended(EndReason.HORIZON, 5).scores(20, 5, true).outcome(true, true, true, false)
                        .costs(500, 0, 20, 0, 0).build());
        // The same selection decides which endings the economics account counts (recoveries per patient).
        assertEquals(List.of(true, true, false, false),
                episodes.stream().map(EpisodeRecord::endedRecovered).toList());
        final Map<Metric, Double> m = metrics(episodes, 120, new int[0], NO_ECONOMICS);
        // Two recoveries (r1, r2) in 10 member-years: 200 per 1,000; 1630 / 2 per recovery.
        assertEquals(200, m.get(Metric.RECOVERIES_PER_1000), 1e-12);
        assertEquals(815, m.get(Metric.COST_PER_RECOVERY), 1e-9);
        // The recovery rate stays IAPT's: finished courses at caseness (r2 only; r3 not at caseness,
        // r1 one session, r4 censored): 1 of 1.
        assertEquals(1.0, m.get(Metric.RECOVERY_RATE), 0.0);
    }

    @Test
    void visitsPerUserCountOnlyPatientsWithMoreThanOneVisit() {
        // Users: 4, 8, 10, 2, 6, 2 (not 0 nor 1): 32 / 6.
        final Map<Metric, Double> m = metrics(nineEpisodes(), 1200, new int[] {0, 1, 4, 8, 10, 2, 6, 2},
                NO_ECONOMICS);
        assertEquals(32.0 / 6, m.get(Metric.VISITS_PER_USER_YEAR), EPS);
    }

    @Test
    void perPatientEconomicsAndThePerspectivesSums() {
        final EconomicTotals economics = new EconomicTotals(8, 6.4, 2, 3000, 40, 500, 1600, 800, 200, 240);
        final Map<Metric, Double> m = metrics(nineEpisodes(), 1200, new int[0], economics);
        // Per patient, 8 patients.
        assertEquals(0.8, m.get(Metric.QALYS_PER_PATIENT), EPS);
        assertEquals(0.25, m.get(Metric.RECOVERIES_PER_PATIENT), EPS);
        assertEquals(375, m.get(Metric.PLAN_SESSIONS_PER_PATIENT), EPS);
        assertEquals(5, m.get(Metric.ADMIN_PER_PATIENT), EPS);
        assertEquals(62.5, m.get(Metric.OUT_OF_POCKET_PER_PATIENT), EPS);
        assertEquals(200, m.get(Metric.PRODUCTIVITY_PER_PATIENT), EPS);
        assertEquals(100, m.get(Metric.MEDICAL_PER_PATIENT), EPS);
        assertEquals(25, m.get(Metric.PLAN_MEDICAL_PER_PATIENT), EPS);
        assertEquals(30, m.get(Metric.TIME_PER_PATIENT), EPS);
        // Payer 375 + 5 + 25 = 405; employer + 200 = 605; health care sector 375 + 5 + 62.5 + 100
        // = 542.5 (all the medical cost, whoever pays); societal + 200 + 30 = 772.5.
        assertEquals(405, m.get(Metric.COST_PAYER), EPS);
        assertEquals(605, m.get(Metric.COST_EMPLOYER), EPS);
        assertEquals(542.5, m.get(Metric.COST_HEALTHCARE), EPS);
        assertEquals(772.5, m.get(Metric.COST_SOCIETAL), EPS);
    }

    @Test
    void anEmptyReplicationHasACountOfZeroAndNothingElse() {
        final Map<Metric, Double> m = metrics(List.of(), 0, new int[0], NO_ECONOMICS);
        assertEquals(0, m.get(Metric.EPISODES), 0.0);
        for (final Metric metric : Metric.values()) {
            if (metric != Metric.EPISODES) {
                assertUndefined(m, metric);
            }
        }
    }

    @Test
    void withoutStartersEveryShareOfStartedEpisodesIsUndefined() {
        final Map<Metric, Double> m = metrics(List.of(Episode.ended(EndReason.DECLINED, 0).build(),
                Episode.ended(EndReason.GAVE_UP_WAITING, 0).costs(0, 0, 11, 0, 0).build()), 120, new int[] {0, 1},
                new EconomicTotals(2, 1.5, 0, 0, 11, 0, 0, 0, 0, 0));
        assertEquals(2, m.get(Metric.EPISODES), 0.0);
        assertEquals(0.0, m.get(Metric.STARTED_RATE), 0.0);
        assertEquals(0.5, m.get(Metric.DECLINED_RATE), 0.0);
        assertEquals(0.5, m.get(Metric.GAVE_UP_WAITING_RATE), 0.0);
        assertUndefined(m, Metric.DROPOUT_RATE, Metric.EARLY_DROPOUT_SHARE, Metric.CAP_REACHED_RATE,
                Metric.REVIEW_DENIED_RATE, Metric.SWITCH_RATE, Metric.OUT_OF_NETWORK_RATE, Metric.MEAN_WEEKS_WAITING,
                Metric.ALLIANCE_MEAN, Metric.RECOVERY_RATE, Metric.RELIABLE_IMPROVEMENT_RATE,
                Metric.RELIABLE_RECOVERY_RATE, Metric.DETERIORATION_RATE, Metric.MEAN_SESSIONS,
                Metric.IMPROVED_BY_SESSION_8, Metric.IMPROVED_BY_SESSION_26, Metric.RELAPSE_RATE, Metric.REPAIR_RATE,
                Metric.ALLIANCE_OUTCOME_R, Metric.THERAPIST_VARIANCE_SHARE, Metric.VISITS_PER_USER_YEAR,
                Metric.RUPTURE_REPAIR_D, Metric.ALLIANCE_SLOPE_BETWEEN, Metric.ALLIANCE_SLOPE_WITHIN,
                Metric.ALLIANCE_SLOPE_GAP, Metric.GOOD_ENOUGH_GAP);
        // No recovery: no cost per recovery; costs per member are still defined (zero payments).
        assertUndefined(m, Metric.COST_PER_RECOVERY);
        assertEquals(0.0, m.get(Metric.PAYER_COST_PMPM), 0.0);
        assertEquals(11.0 / 120, m.get(Metric.PLAN_COST_PMPM), EPS);
        assertEquals(0.0, m.get(Metric.RECOVERIES_PER_1000), 0.0);
        assertEquals(5.5, m.get(Metric.ADMIN_PER_PATIENT), EPS);
        assertEquals(5.5, m.get(Metric.COST_PAYER), EPS);
    }

    @Test
    void notHelpedEndingsAreAShareOfStartedEpisodesThatEnded() {
        // Started and ended: planned, not helped, not helped, dropout = 4 (the horizon's is left out);
        // not helped 2 of 4, and neither is a dropout.
        final Map<Metric, Double> m = metrics(List.of(
                Episode.ended(EndReason.PLANNED, 5).scores(16, 6, true).outcome(true, true, true, false).build(),
                Episode.ended(EndReason.NOT_HELPED, 10).scores(16, 15, true).outcome(false, false, false, false).build(),
                Episode.ended(EndReason.NOT_HELPED, 12).scores(16, 17, true).outcome(false, false, false, false).build(),
                Episode.ended(EndReason.DROPOUT, 2).scores(16, 15, true).outcome(false, false, false, false).build(),
                Episode.ended(EndReason.HORIZON, 3).build()), 120,
                new int[0], NO_ECONOMICS);
        assertEquals(0.5, m.get(Metric.NOT_HELPED_RATE), EPS);
        assertEquals(0.25, m.get(Metric.DROPOUT_RATE), EPS);
    }

    @Test
    void withoutFinishedCoursesTheirOutcomesAreUndefined() {
        // One dropout after a single session, one course still open at the horizon.
        final Map<Metric, Double> m = metrics(List.of(Episode.ended(EndReason.DROPOUT, 1).build(),
                Episode.ended(EndReason.HORIZON, 3).waited(0, 2).build()), 120, new int[0], NO_ECONOMICS);
        assertEquals(1.0, m.get(Metric.STARTED_RATE), 0.0);
        assertEquals(1.0, m.get(Metric.DROPOUT_RATE), 0.0);
        assertEquals(1.0, m.get(Metric.EARLY_DROPOUT_SHARE), 0.0);
        assertEquals(1.0, m.get(Metric.MEAN_WEEKS_WAITING), 0.0);
        assertUndefined(m, Metric.RECOVERY_RATE, Metric.RELIABLE_IMPROVEMENT_RATE, Metric.RELIABLE_RECOVERY_RATE,
                Metric.DETERIORATION_RATE, Metric.MEAN_SESSIONS);
        // Finished courses, none at caseness: recovery undefined, improvement defined.
        final Map<Metric, Double> noCase = metrics(List.of(Episode.ended(EndReason.PLANNED, 3).scores(8, 1, false)
                .outcome(true, null, null, false).build()), 120, new int[0], NO_ECONOMICS);
        assertEquals(1.0, noCase.get(Metric.RELIABLE_IMPROVEMENT_RATE), 0.0);
        assertEquals(0.0, noCase.get(Metric.DETERIORATION_RATE), 0.0);
        assertUndefined(noCase, Metric.RECOVERY_RATE, Metric.RELIABLE_RECOVERY_RATE);
        // A course of exactly two sessions is finished; censored ones never are.
        final Map<Metric, Double> two = metrics(List.of(Episode.ended(EndReason.PLANNED, 2)
                .outcome(false, false, false, false).build(), Episode.ended(EndReason.HORIZON, 12)
                .outcome(true, true, true, false).build()), 120, new int[0], NO_ECONOMICS);
        assertEquals(2.0, two.get(Metric.MEAN_SESSIONS), 0.0);
        assertEquals(0.0, two.get(Metric.RELIABLE_IMPROVEMENT_RATE), 0.0);
    }
}

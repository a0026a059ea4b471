package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.model.EndReason;
import org.therapysim.model.EpisodeRecord;

/** Field statistics on finished courses written by hand: who counts, and the values. */
class OutcomeStatisticsByHandTest {
    private static EpisodeRecord finished(final Integer therapist, final String orientation, final double alliance,
            final int baseline, final int end) {
        return Episode.ended(EndReason.PLANNED, 4).therapist(therapist, orientation).alliance(alliance)
                .scores(baseline, end, true).build();
    }

    @Test
    void improvementIsTheShareOfTheAssessmentScoreLost() {
        // (20 - 5) / 20 = 0.75; (10 - 15) / 10 = -0.5; a zero baseline has no share, whatever the end.
        assertEquals(0.75, OutcomeStatistics.improvement(finished(1, "cbt", 0.5, 20, 5)), 1e-15);
        assertEquals(-0.5, OutcomeStatistics.improvement(finished(1, "cbt", 0.5, 10, 15)), 1e-15);
        assertTrue(Double.isNaN(OutcomeStatistics.improvement(finished(1, "cbt", 0.5, 0, 0))));
        assertTrue(Double.isNaN(OutcomeStatistics.improvement(finished(1, "cbt", 0.5, 0, 3))), "not -3/0");
    }

    @Test
    void allianceOutcomeCorrelationOverFinishedCoursesOnly() {
        // x = 0.2, 0.4, 0.6; y = (20 - 16) / 20 = 0.2, 0.4, 0.3. Deviations x: -0.2, 0, 0.2; y: -0.1,
        // 0.1, 0. Sxy = 0.02, Sxx = 0.08, Syy = 0.02: r = 0.02 / sqrt(0.0016) = 0.5.
        final List<EpisodeRecord> three = new ArrayList<>(List.of(finished(1, "cbt", 0.2, 20, 16),
                finished(1, "cbt", 0.4, 20, 12), finished(1, "cbt", 0.6, 20, 14)));
        assertEquals(0.5, OutcomeStatistics.allianceOutcomeCorrelation(three), 1e-12);
        // Not counted: one session only, censored, zero baseline.
        three.add(Episode.ended(EndReason.DROPOUT, 1).alliance(0.9).scores(20, 0, true).build());
        three.add(Episode.ended(EndReason.HORIZON, 8).alliance(0.1).scores(20, 20, true).build());
        three.add(finished(1, "cbt", 0.9, 0, 0));
        assertEquals(0.5, OutcomeStatistics.allianceOutcomeCorrelation(three), 1e-12);
        // Fewer than three pairs: undefined.
        assertTrue(Double.isNaN(OutcomeStatistics.allianceOutcomeCorrelation(three.subList(0, 2))));
        assertTrue(Double.isNaN(OutcomeStatistics.allianceOutcomeCorrelation(List.of())));
    }

    @Test
    void therapistVarianceShareGroupsFinishedCoursesByTherapist() {
        // Therapist 1: 0.1, 0.2, 0.3; therapist 2: 0.4, 0.5; therapist 3: 0.9 (as the groups {1, 2, 3},
        // {4, 5}, {9} scaled by 0.1, which leaves the ICC unchanged): MSB = 0.1875, MSW = 0.025 / 3,
        // n0 = 11/6; ICC = (0.1875 - 0.025/3) / (0.1875 + (5/6)(0.025/3)).
        final List<EpisodeRecord> episodes = new ArrayList<>();
        final int[][] byTherapist = {{9, 8, 7}, {6, 5}, {1}};
        for (int t = 0; t < byTherapist.length; t++) {
            for (final int end : byTherapist[t]) {
                episodes.add(finished(t + 1, "cbt", 0.5, 10, end));
            }
        }
        // A censored course of therapist 3 does not count.
        episodes.add(Episode.ended(EndReason.HORIZON, 5).therapist(3, "cbt").scores(10, 10, true).build());
        final double msb = 0.1875;
        final double msw = 0.025 / 3;
        assertEquals((msb - msw) / (msb + 5.0 / 6 * msw), OutcomeStatistics.therapistVarianceShare(episodes), 1e-12);
        // One therapist: no between-therapist variance to speak of.
        assertTrue(Double.isNaN(OutcomeStatistics.therapistVarianceShare(episodes.subList(0, 3))));
    }

    @Test
    void intraclassCorrelationNeedsTwoGroupsAndWithinGroupDegreesOfFreedom() {
        assertTrue(Double.isNaN(OutcomeStatistics.intraclassCorrelation(List.of(List.of(1.0, 2.0)))));
        // Two groups of one: N - k = 0.
        assertTrue(Double.isNaN(OutcomeStatistics.intraclassCorrelation(List.of(List.of(1.0), List.of(2.0)))));
        // Groups {1, 2}, {5}: N - k = 1 is enough. Grand mean 8/3; SSB = 2 (1.5 - 8/3)^2 + (5 - 8/3)^2 =
        // 49/18 + 49/9 = 49/6; SSW = 0.5; MSB = 49/6, MSW = 0.5; n0 = (3 - 5/3) / 1 = 4/3.
        // ICC = (49/6 - 1/2) / (49/6 + (1/3)(1/2)) = (46/6) / (50/6) = 0.92.
        assertEquals(0.92, OutcomeStatistics.intraclassCorrelation(List.of(List.of(1.0, 2.0), List.of(5.0))), 1e-12);
    }

    @Test
    void orientationsAreComparedFromThirtyFinishedCoursesEach() {
        // Improvements (baseline 10): A alternates 0.5 / 0.3 (mean 0.4), B 0.3 / 0.1 (mean 0.2), C 0.4 /
        // 0.2 (mean 0.3); each of 30 has squared deviations 30 x 0.01 = 0.3. Pooled sd for any pair
        // sqrt(0.6 / 58). |d|: A-B 0.2 / s, A-C 0.1 / s, B-C 0.1 / s; mean 0.4 / (3 s).
        final double s = Math.sqrt(0.6 / 58);
        final List<EpisodeRecord> episodes = new ArrayList<>();
        addOrientation(episodes, "A", 5, 7, 30);
        addOrientation(episodes, "B", 7, 9, 30);
        assertEquals(0.2 / s, OutcomeStatistics.meanOrientationDifference(episodes), 1e-9);
        addOrientation(episodes, "C", 6, 8, 30);
        assertEquals(0.4 / (3 * s), OutcomeStatistics.meanOrientationDifference(episodes), 1e-9);
        // Courses without an orientation, and an orientation with 29 courses, are left out.
        episodes.add(finished(1, null, 0.5, 10, 0));
        addOrientation(episodes, "D", 0, 0, 29);
        assertEquals(0.4 / (3 * s), OutcomeStatistics.meanOrientationDifference(episodes), 1e-9);
        // One orientation of 30 and one of 29: no pair.
        final List<EpisodeRecord> short1 = new ArrayList<>();
        addOrientation(short1, "A", 5, 7, 30);
        addOrientation(short1, "B", 7, 9, 29);
        assertTrue(Double.isNaN(OutcomeStatistics.meanOrientationDifference(short1)));
    }

    private static void addOrientation(final List<EpisodeRecord> episodes, final String orientation, final int endA,
            final int endB, final int count) {
        for (int i = 0; i < count; i++) {
            episodes.add(finished(1, orientation, 0.5, 10, i % 2 == 0 ? endA : endB));
        }
    }

    private static EpisodeRecord ruptured(final int ruptures, final int repairs, final int end) {
        return Episode.ended(EndReason.PLANNED, 4).ruptures(ruptures, repairs).scores(10, end, true).build();
    }

    @Test
    void ruptureRepairDifferenceComparesFinishedCoursesWithEveryRuptureRepairedAndNot() {
        // Improvements (baseline 10). Every rupture repaired (1 of 1, 2 of 2): 0.5, 0.7, mean 0.6,
        // squared deviations 0.02. One left unrepaired (1 of 2, 0 of 1, 0 of 3): 0.1, 0.3, 0.2, mean
        // 0.2, squared deviations 0.02. Pooled sd sqrt(0.04 / (2 + 3 - 2)) = 0.2 / sqrt(3);
        // d = (0.6 - 0.2) / (0.2 / sqrt(3)) = 2 sqrt(3).
        final List<EpisodeRecord> episodes = new ArrayList<>(List.of(ruptured(1, 1, 5), ruptured(2, 2, 3),
                ruptured(2, 1, 9), ruptured(1, 0, 7), ruptured(3, 0, 8)));
        assertEquals(2 * Math.sqrt(3), OutcomeStatistics.ruptureRepairDifference(episodes), 1e-12);
        // Not counted: a course without a rupture, one session only, censored, zero baseline.
        episodes.add(ruptured(0, 0, 0));
        episodes.add(Episode.ended(EndReason.DROPOUT, 1).ruptures(1, 1).scores(10, 0, true).build());
        episodes.add(Episode.ended(EndReason.HORIZON, 8).ruptures(1, 0).scores(10, 0, true).build());
        episodes.add(Episode.ended(EndReason.PLANNED, 4).ruptures(1, 1).scores(0, 0, false).build());
        assertEquals(2 * Math.sqrt(3), OutcomeStatistics.ruptureRepairDifference(episodes), 1e-12);
        // A group of one (below MIN_RUPTURE_GROUP = 2), or none: undefined.
        assertEquals(2, OutcomeStatistics.MIN_RUPTURE_GROUP);
        assertTrue(Double.isNaN(OutcomeStatistics.ruptureRepairDifference(episodes.subList(1, 5))));
        assertTrue(Double.isNaN(OutcomeStatistics.ruptureRepairDifference(episodes.subList(0, 2))));
        assertTrue(Double.isNaN(OutcomeStatistics.ruptureRepairDifference(List.of())));
        // Equal means (0.5 and 0.7 against 0.6 and 0.6): d = 0. Every improvement the same (0.6):
        // the pooled sd is 0 and d undefined.
        assertEquals(0, OutcomeStatistics.ruptureRepairDifference(List.of(ruptured(1, 1, 5), ruptured(1, 1, 3),
                ruptured(1, 0, 4), ruptured(1, 0, 4))), 1e-12);
        assertTrue(Double.isNaN(OutcomeStatistics.ruptureRepairDifference(List.of(ruptured(1, 1, 4),
                ruptured(1, 1, 4), ruptured(1, 0, 4), ruptured(1, 0, 4)))));
    }

    @Test
    void allianceSlopesSeparateTheTherapistsMeanFromTheCoursesDeviation() {
        // Therapist 1: alliances 0.4, 0.6 (mean 0.5); therapist 2: 0.6, 0.8 (mean 0.7); grand mean
        // 0.6. Predictors: therapist mean centred B = -0.1, -0.1, 0.1, 0.1; deviation W = -0.1, 0.1,
        // -0.1, 0.1. Both sum to zero and B.W = 0, so the least-squares slopes are B.y / B.B and
        // W.y / W.W. Improvements (baseline 10) y = 0.3, 0.3, 0.6, 0.8 (= 0.5 + 2B + 0.5W + 0.05 x
        // (1, -1, -1, 1), a residual orthogonal to both): B.y = -0.06 + 0.14 = 0.08, B.B = 0.04,
        // between = 2; W.y = -0.03 + 0.03 - 0.06 + 0.08 = 0.02, W.W = 0.04, within = 0.5; gap 1.5.
        final List<EpisodeRecord> episodes = new ArrayList<>(List.of(finished(1, "cbt", 0.4, 10, 7),
                finished(1, "cbt", 0.6, 10, 7), finished(2, "cbt", 0.6, 10, 4), finished(2, "cbt", 0.8, 10, 2)));
        OutcomeStatistics.AllianceSlopes slopes = OutcomeStatistics.allianceSlopes(episodes);
        assertEquals(2, slopes.between(), 1e-12);
        assertEquals(0.5, slopes.within(), 1e-12);
        assertEquals(1.5, slopes.gap(), 1e-12);
        // Not counted: a therapist with one finished course (below MIN_COURSES_PER_THERAPIST = 2),
        // a course without a therapist, one session only, censored, zero baseline.
        assertEquals(2, OutcomeStatistics.MIN_COURSES_PER_THERAPIST);
        episodes.add(finished(3, "cbt", 0.1, 10, 0));
        episodes.add(finished(null, "cbt", 0.9, 10, 10));
        episodes.add(Episode.ended(EndReason.DROPOUT, 1).therapist(3, "cbt").alliance(0.2).scores(10, 0, true)
                .build());
        episodes.add(Episode.ended(EndReason.HORIZON, 8).therapist(1, "cbt").alliance(0.9).scores(10, 10, true)
                .build());
        episodes.add(finished(2, "cbt", 0.1, 0, 0));
        slopes = OutcomeStatistics.allianceSlopes(episodes);
        assertEquals(2, slopes.between(), 1e-12);
        assertEquals(0.5, slopes.within(), 1e-12);
        // One therapist with two courses (below MIN_THERAPISTS = 2), or none: undefined.
        assertEquals(2, OutcomeStatistics.MIN_THERAPISTS);
        assertUndefined(OutcomeStatistics.allianceSlopes(episodes.subList(0, 2)));
        assertUndefined(OutcomeStatistics.allianceSlopes(episodes.subList(1, 5)));
        assertUndefined(OutcomeStatistics.allianceSlopes(List.of()));
        // Ties. Every therapist's courses share one alliance (0.5, 0.5; 0.7, 0.7): no deviation to
        // give a within slope. Both therapists' means 0.5 (0.4, 0.6; 0.3, 0.7): no between slope.
        assertUndefined(OutcomeStatistics.allianceSlopes(List.of(finished(1, "cbt", 0.5, 10, 7),
                finished(1, "cbt", 0.5, 10, 6), finished(2, "cbt", 0.7, 10, 4), finished(2, "cbt", 0.7, 10, 2))));
        assertUndefined(OutcomeStatistics.allianceSlopes(List.of(finished(1, "cbt", 0.4, 10, 7),
                finished(1, "cbt", 0.6, 10, 6), finished(2, "cbt", 0.3, 10, 4), finished(2, "cbt", 0.7, 10, 2))));
    }

    private static void assertUndefined(final OutcomeStatistics.AllianceSlopes slopes) {
        assertTrue(Double.isNaN(slopes.between()) && Double.isNaN(slopes.within()) && Double.isNaN(slopes.gap()),
                slopes.toString());
    }

    private static EpisodeRecord planned(final int sessions, final boolean reliablyRecovered) {
        return Episode.ended(EndReason.PLANNED, sessions).scores(16, reliablyRecovered ? 4 : 12, true)
                .outcome(reliablyRecovered, reliablyRecovered, reliablyRecovered, false).build();
    }

    @Test
    void goodEnoughGapComparesShortAndLongPlannedEndingsAtCaseness() {
        // Short (1 to 4 sessions, 4 included): 10 courses, 7 reliably recovered: 0.7. Long (12 or
        // more, 12 included): 10 courses, 6 reliably recovered: 0.6. Gap 0.7 - 0.6 = 0.1.
        final List<EpisodeRecord> episodes = new ArrayList<>();
        final int[] shortSessions = {1, 2, 3, 4, 4, 1, 2, 3, 4, 1};
        for (int i = 0; i < shortSessions.length; i++) {
            episodes.add(planned(shortSessions[i], i < 7));
        }
        final int[] longSessions = {12, 13, 20, 12, 30, 15, 12, 14, 16, 40};
        for (int i = 0; i < longSessions.length; i++) {
            episodes.add(planned(longSessions[i], i < 6));
        }
        assertEquals(0.1, OutcomeStatistics.goodEnoughGap(episodes), 1e-12);
        // Not counted: 5 and 11 sessions (between the groups), other endings, not at caseness
        // (reliable recovery does not apply), censored.
        episodes.add(planned(5, false));
        episodes.add(planned(11, false));
        episodes.add(Episode.ended(EndReason.DROPOUT, 2).scores(16, 12, true).outcome(false, false, false, false)
                .build());
        episodes.add(Episode.ended(EndReason.NOT_HELPED, 12).scores(16, 15, true).outcome(false, false, false, false)
                .build());
        episodes.add(Episode.ended(EndReason.CAP_REACHED, 12).scores(16, 4, true).outcome(true, true, true, false)
                .build());
        episodes.add(Episode.ended(EndReason.PLANNED, 3).scores(8, 7, false).outcome(false, null, null, false)
                .build());
        episodes.add(Episode.ended(EndReason.HORIZON, 12).scores(16, 4, true).outcome(true, true, true, false)
                .build());
        assertEquals(0.1, OutcomeStatistics.goodEnoughGap(episodes), 1e-12);
        // Nine long courses (below MIN_DURATION_GROUP = 10): undefined; so with none at all.
        assertEquals(10, OutcomeStatistics.MIN_DURATION_GROUP);
        assertTrue(Double.isNaN(OutcomeStatistics.goodEnoughGap(episodes.subList(0, 19))));
        assertTrue(Double.isNaN(OutcomeStatistics.goodEnoughGap(episodes.subList(0, 10))));
        assertTrue(Double.isNaN(OutcomeStatistics.goodEnoughGap(List.of())));
        // The same share in both groups (7 of 10 and 7 of 10): a flat pattern, gap 0.
        final List<EpisodeRecord> flat = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            flat.add(planned(2, i < 7));
            flat.add(planned(12, i < 7));
        }
        assertEquals(0, OutcomeStatistics.goodEnoughGap(flat), 0.0);
    }
}

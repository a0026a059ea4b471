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
}

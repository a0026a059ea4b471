package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Scenario;

/**
 * Questionnaire readings, against docs/MODEL.md ("Measurement error"): a reading is
 * {@code round(min(max, max(0, s + e)))} with the measurement's error {@code e}, and the true scores at assessment have the spread
 * {@code sqrt(max(0, sd^2 - errorSd^2))} so that readings keep the published spread.
 */
class QuestionnaireTest {
    private static final double EPS = 1e-12;

    @Test
    void aReadingIsTheTrueScorePlusErrorRoundedToAWholePoint() {
        // 12.3 + 1.0 = 13.3 -> 13; 12.3 + 1.2 = 13.5 -> 14 (half up).
        assertEquals(13, Questionnaire.reading(12.3, 1.0, 27));
        assertEquals(14, Questionnaire.reading(12.3, 1.2, 27));
        // 12.3 - 3.0 = 9.3 -> 9.
        assertEquals(9, Questionnaire.reading(12.3, -3.0, 27));
        // Without error a reading is the rounded score.
        assertEquals(12, Questionnaire.reading(12.3, 0.0, 27));
    }

    @Test
    void aReadingStaysOnTheMeasuresRange() {
        // 26 + 2 = 28 > 27; 1 - 2 = -1 < 0.
        assertEquals(27, Questionnaire.reading(26, 2.0, 27));
        assertEquals(0, Questionnaire.reading(1, -2.0, 27));
    }

    @Test
    void trueScoresAtAssessmentSpreadLessThanReadings() {
        // sqrt(6^2 - 2.17^2) = sqrt(36 - 4.7089) = sqrt(31.2911).
        assertEquals(Math.sqrt(31.2911), Questionnaire.trueSd(6.0, 2.17), EPS);
        assertEquals(6.0, Questionnaire.trueSd(6.0, 0.0), EPS);
        // An error larger than the published spread leaves no spread of true scores.
        assertEquals(0.0, Questionnaire.trueSd(1.0, 2.0), EPS);
    }

    /**
     * With no change at all (no treatment effect, no untreated change, no noise in the course, no
     * harmful courses), every reading equals the assessment without measurement error; with the
     * error the reliable-change threshold implies ({@code RC / (1.96 sqrt 2)}), some unchanged
     * patients read reliably improved and some reliably deteriorated, by error alone.
     */
    @Test
    void measurementErrorAloneMakesSomeUnchangedPatientsReadReliablyChanged() {
        final String[] still = {"dynamics.symptoms.improvementRate=0", "dynamics.symptoms.noiseSd=0",
                "dynamics.symptoms.naturalNoiseSd=0", "conditions[0].naturalImprovementPerWeek=0",
                "conditions[1].naturalImprovementPerWeek=0", "workforce.harmfulCourseRisk.mean=0",
                "workforce.harmfulCourseRisk.sd=0"};
        final List<EpisodeRecord> exact = TestScenarios.episodes(TestScenarios.cohort(1500, 52, still), 1);
        final List<EpisodeRecord> noisy = TestScenarios.episodes(TestScenarios.cohort(1500, 52,
                concat(still, "measures.PHQ-9.errorSd=2.17", "measures.GAD-7.errorSd=1.44")), 1);
        assertEquals(0, count(exact, true), "no one changes, so no one reads reliably improved");
        assertEquals(0, count(exact, false), "no one changes, so no one reads reliably deteriorated");
        assertTrue(count(noisy, true) > 0, "error alone reads some as reliably improved");
        assertTrue(count(noisy, false) > 0, "error alone reads some as reliably deteriorated");
    }

    private static long count(final List<EpisodeRecord> episodes, final boolean improved) {
        return episodes.stream().filter(e -> e.endScore() != null)
                .filter(e -> Boolean.TRUE.equals(improved ? e.reliableImprovement() : e.deteriorated())).count();
    }

    private static String[] concat(final String[] a, final String... b) {
        final String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}

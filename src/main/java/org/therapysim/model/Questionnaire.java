package org.therapysim.model;

/**
 * What a questionnaire shows. A reading is the patient's true score plus measurement error,
 * rounded to a whole point and bounded to the measure's range:
 * {@code round(min(max, max(0, s + e)))} with {@code e = errorSd z}, {@code z} standard normal,
 * drawn at each measurement (the assessment and each session) and holding until the next. Every
 * decision taken on a score (caseness at assessment, reliable change, a planned ending, a review)
 * and every recorded outcome uses readings; the course of symptoms, the help-seeking decision and
 * the health account use the true score. Without error a reading is the rounded score.
 *
 * <p>The error is the one the measure's own reliable-change threshold implies (Jacobson and Truax
 * 1991: a change is reliable when it exceeds 1.96 standard errors of a difference of two readings,
 * {@code RC = 1.96 sqrt(2) errorSd}). Because patients are taken on by a reading, some are cases
 * at assessment by error alone and read better at the next session: regression to the mean, as in
 * routine outcome data.
 */
final class Questionnaire {
    private Questionnaire() {
    }

    /**
     * @param score the true score
     * @param error the measurement's error (points)
     * @param max the measure's maximum
     * @return the reading, a whole score in [0, max]
     */
    static int reading(final double score, final double error, final int max) {
        return (int) Math.round(Math.min(max, Math.max(0.0, score + error)));
    }

    /**
     * The spread of true scores at assessment that gives readings the published spread: the
     * published standard deviation describes readings, which add the measurement error's variance.
     *
     * @return {@code sqrt(max(0, sd^2 - errorSd^2))}
     */
    static double trueSd(final double readingSd, final double errorSd) {
        return Math.sqrt(Math.max(0.0, readingSd * readingSd - errorSd * errorSd));
    }
}

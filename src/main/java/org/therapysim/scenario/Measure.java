package org.therapysim.scenario;

/**
 * A symptom questionnaire, as data: its range, the caseness cut-off and the reliable-change
 * threshold (Jacobson-Truax), e.g. PHQ-9 (0-27, caseness 10, reliable change 6).
 *
 * @param max highest possible score (lowest is 0)
 * @param caseness a score at or above this is "a case"
 * @param reliableChange the smallest change (points) that counts as reliable
 * @param errorSd standard deviation of a reading's measurement error (points): a reading is the
 *     true score plus this error, rounded to a whole point and bounded to the range
 * @param productivityLossPerPoint share of an employed patient's work output lost per point
 * @param utility the published mapping from the score to a health-state utility
 */
public record Measure(int max, int caseness, int reliableChange, double errorSd, double productivityLossPerPoint,
        UtilityMapping utility) {
    public Measure {
        Check.intRange("max", max, 1, 1000);
        Check.intRange("caseness", caseness, 1, max);
        Check.intRange("reliableChange", reliableChange, 1, max);
        Check.range("errorSd", errorSd, 0.0, max / 2.0);
        Check.range("productivityLossPerPoint", productivityLossPerPoint, 0.0, 1.0 / max);
        if (utility == null) {
            throw new InvalidValueException("utility", null, "must give the score-to-utility mapping");
        }
        if (utility.lastScore() != max) {
            throw new InvalidValueException("utility.scores", utility.scores(),
                    "must end at the measure's max " + max);
        }
    }
}

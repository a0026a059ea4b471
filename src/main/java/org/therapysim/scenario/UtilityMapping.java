package org.therapysim.scenario;

import java.util.List;

/**
 * A published correspondence between a questionnaire's total score and a health-state utility
 * (1 = full health, 0 = dead), as data: utilities at given scores, joined by straight lines. A
 * year lived at utility u is u quality-adjusted life years.
 *
 * @param instrument the utility instrument and value set, e.g. "EQ-5D-3L"
 * @param scores scores, increasing, from 0 to the measure's maximum
 * @param utilities the utility at each score
 */
public record UtilityMapping(String instrument, List<Double> scores, List<Double> utilities) {
    public UtilityMapping {
        Check.text("instrument", instrument);
        scores = Check.nonEmpty("scores", scores);
        utilities = Check.nonEmpty("utilities", utilities);
        if (scores.size() < 2) {
            throw new InvalidValueException("scores", scores, "must give at least two scores");
        }
        if (utilities.size() != scores.size()) {
            throw new InvalidValueException("utilities", utilities,
                    "must give one utility for each of the " + scores.size() + " scores");
        }
        if (scores.get(0) != 0.0) {
            throw new InvalidValueException("scores[0]", scores.get(0), "must be 0");
        }
        for (int i = 1; i < scores.size(); i++) {
            if (!(scores.get(i) > scores.get(i - 1))) {
                throw new InvalidValueException("scores[" + i + "]", scores.get(i), "must exceed the score before it");
            }
        }
        for (int i = 0; i < utilities.size(); i++) {
            Check.range("utilities[" + i + "]", utilities.get(i), -1.0, 1.0);
        }
    }


    /** @return the highest score given */
    double lastScore() {
        return scores.get(scores.size() - 1);
    }
}

package org.therapysim.model;

import org.therapysim.scenario.UtilityMapping;

/**
 * A measure's score-to-utility mapping, evaluated every patient-week: straight lines between the
 * mapping's knots (a handful), found by a forward scan, which is cheaper at this size than a
 * general spline's binary search.
 */
final class UtilityCurve {
    private final double[] scores;
    private final double[] utilities;

    UtilityCurve(final UtilityMapping mapping) {
        this.scores = mapping.scores().stream().mapToDouble(Double::doubleValue).toArray();
        this.utilities = mapping.utilities().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return the utility at a score within the mapping's range (clamped to it outside) */
    double at(final double score) {
        if (score <= scores[0]) {
            return utilities[0];
        }
        for (int k = 1; k < scores.length; k++) {
            if (score <= scores[k]) {
                final double t = (score - scores[k - 1]) / (scores[k] - scores[k - 1]);
                return utilities[k - 1] + t * (utilities[k] - utilities[k - 1]);
            }
        }
        return utilities[utilities.length - 1];
    }
}

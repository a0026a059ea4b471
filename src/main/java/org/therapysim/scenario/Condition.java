package org.therapysim.scenario;

/**
 * A presenting condition, measured by one of the scenario's measures.
 *
 * @param name e.g. depression
 * @param measure the key of a measure in the scenario's {@code measures}
 * @param share share of treatment-seekers with this condition
 * @param baselineMean mean score at assessment
 * @param baselineSd standard deviation of the score at assessment (truncated to the measure's range)
 * @param naturalImprovementPerWeek untreated course: share of the score lost per week without treatment
 */
public record Condition(String name, String measure, double share, double baselineMean, double baselineSd,
        double naturalImprovementPerWeek) {
    public Condition {
        Check.text("name", name);
        Check.text("measure", measure);
        Check.probability("share", share);
        Check.nonNegative("baselineMean", baselineMean);
        Check.nonNegative("baselineSd", baselineSd);
        Check.probability("naturalImprovementPerWeek", naturalImprovementPerWeek);
    }
}

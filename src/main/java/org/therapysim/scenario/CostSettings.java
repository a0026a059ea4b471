package org.therapysim.scenario;

/**
 * Costs outside the session fee.
 *
 * @param currency currency code of every amount in the scenario
 * @param priceYear price year of every amount
 * @param medicalCostPerYearAtMax other (non-psychotherapy) medical cost per year attributable to the
 *     condition at the measure's maximum score; it scales linearly with the score
 */
public record CostSettings(String currency, int priceYear, double medicalCostPerYearAtMax) {
    public CostSettings {
        Check.text("currency", currency);
        Check.intRange("priceYear", priceYear, 1900, 2200);
        Check.nonNegative("medicalCostPerYearAtMax", medicalCostPerYearAtMax);
    }
}

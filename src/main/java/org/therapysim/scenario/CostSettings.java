package org.therapysim.scenario;

/**
 * Costs outside the session fee.
 *
 * @param currency currency code of every amount in the scenario
 * @param priceYear price year of every amount
 * @param medicalCostPerYearAtMax other (non-psychotherapy) medical cost per year attributable to the
 *     condition at the measure's maximum score; it scales linearly with the score
 * @param medicalCostPlanShare share of the other medical cost the plan pays, and so counts in the
 *     payer's and employer's perspectives (0 for a plan that pays for psychotherapy only)
 * @param patientHoursPerSession hours a patient gives to a session, travel included
 * @param valueOfTimePerHour value of an hour of a patient's time
 */
public record CostSettings(String currency, int priceYear, double medicalCostPerYearAtMax, double medicalCostPlanShare,
        double patientHoursPerSession, double valueOfTimePerHour) {
    public CostSettings {
        Check.text("currency", currency);
        Check.intRange("priceYear", priceYear, 1900, 2200);
        Check.nonNegative("medicalCostPerYearAtMax", medicalCostPerYearAtMax);
        Check.probability("medicalCostPlanShare", medicalCostPlanShare);
        Check.range("patientHoursPerSession", patientHoursPerSession, 0.0, 24.0);
        Check.nonNegative("valueOfTimePerHour", valueOfTimePerHour);
    }

    /** @return the value of the time a patient gives to one session */
    public double timeCostPerSession() {
        return patientHoursPerSession * valueOfTimePerHour;
    }
}

package org.therapysim.model;

/**
 * One patient's outcomes and costs over the evaluation horizon (from first arrival, every
 * episode included, costs and QALYs discounted; see {@link HealthAccount}), with what subgroup
 * analyses need about the patient.
 *
 * @param patientId the patient, stable across benefit designs
 * @param condition the presenting condition
 * @param employed whether the patient is employed
 * @param weeklyWage the weekly wage (0 when not employed)
 * @param episodes episodes begun before the end of the simulation
 * @param qalys quality-adjusted life years
 * @param recoveries episodes that ended in recovery within the horizon
 * @param planCost the plan's payments for sessions
 * @param adminCost administration (reviews, authorizations)
 * @param outOfPocket the patient's payments for sessions
 * @param productivityLoss lost work output
 * @param medicalCost other medical costs attributable to the condition
 * @param planMedicalCost the part of {@code medicalCost} the plan pays
 * @param patientTime the value of the patient's time for sessions, travel included
 */
public record PatientEvaluation(int patientId, String condition, boolean employed, double weeklyWage, int episodes,
        double qalys, double recoveries, double planCost, double adminCost, double outOfPocket,
        double productivityLoss, double medicalCost, double planMedicalCost, double patientTime) {
    static PatientEvaluation of(final int patientId, final String condition, final boolean employed,
            final double weeklyWage, final int episodes, final double[] totals) {
        return new PatientEvaluation(patientId, condition, employed, weeklyWage, episodes,
                totals[EconomicTotals.QALYS], totals[EconomicTotals.RECOVERIES], totals[EconomicTotals.PLAN],
                totals[EconomicTotals.ADMIN], totals[EconomicTotals.OUT_OF_POCKET], totals[EconomicTotals.PRODUCTIVITY],
                totals[EconomicTotals.MEDICAL], totals[EconomicTotals.PLAN_MEDICAL], totals[EconomicTotals.TIME]);
    }
}

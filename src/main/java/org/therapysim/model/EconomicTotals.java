package org.therapysim.model;

/**
 * One replication's outcomes and costs over the evaluation horizon, summed over every patient who
 * sought care (see {@link HealthAccount}): QALYs and costs discounted to each patient's first
 * arrival, recoveries counted.
 *
 * @param patients patients who sought care (each followed for the horizon)
 * @param qalys quality-adjusted life years
 * @param recoveries episodes that ended in recovery within the horizon
 * @param planCost the plan's payments for sessions
 * @param adminCost the plan's administrative costs (reviews, authorizations)
 * @param outOfPocket patients' payments for sessions
 * @param productivityLoss lost work output of employed patients
 * @param medicalCost other medical costs attributable to the condition
 * @param planMedicalCost the part of {@code medicalCost} the plan pays
 * @param patientTime the value of the time patients gave to sessions, travel included
 */
public record EconomicTotals(int patients, double qalys, double recoveries, double planCost, double adminCost,
        double outOfPocket, double productivityLoss, double medicalCost, double planMedicalCost,
        double patientTime) {
    static final int QALYS = 0;
    static final int RECOVERIES = 1;
    static final int PLAN = 2;
    static final int ADMIN = 3;
    static final int OUT_OF_POCKET = 4;
    static final int PRODUCTIVITY = 5;
    static final int MEDICAL = 6;
    static final int PLAN_MEDICAL = 7;
    static final int TIME = 8;
    static final int FIELDS = 9;

    static EconomicTotals of(final int patients, final double[] sum) {
        return new EconomicTotals(patients, sum[QALYS], sum[RECOVERIES], sum[PLAN], sum[ADMIN], sum[OUT_OF_POCKET],
                sum[PRODUCTIVITY], sum[MEDICAL], sum[PLAN_MEDICAL], sum[TIME]);
    }
}

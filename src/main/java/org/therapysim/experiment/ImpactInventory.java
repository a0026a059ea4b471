package org.therapysim.experiment;

import java.util.List;

/**
 * The impact inventory of the Second Panel on Cost-Effectiveness in Health and Medicine (Sanders
 * et al. 2016): every consequence of a benefit design by sector, whether the model measures it
 * (and by which per-patient metric), and which perspectives count it. A perspective counts an
 * impact when the impact's metric is one of its cost components ({@link Perspective#components});
 * health (QALYs) counts in every perspective, as the effect.
 */
public final class ImpactInventory {
    /**
     * One impact.
     *
     * @param sector the sector the impact falls in
     * @param impact what it is, in words
     * @param metric the per-patient metric that measures it, or null when the model does not
     * @param note how it is measured or why it is left out
     */
    public record Impact(String sector, String impact, Metric metric, String note) {
        /** @return whether {@code perspective} counts this impact */
        public boolean countedBy(final Perspective perspective) {
            if (metric == null) {
                return false;
            }
            return metric == Metric.QALYS_PER_PATIENT || perspective.components().contains(metric);
        }

        /** @return whether the model measures this impact */
        public boolean measured() {
            return metric != null;
        }
    }

    private static final String FORMAL = "Formal health care sector";
    private static final String INFORMAL = "Informal health care sector";
    private static final String NON_HEALTH = "Non-health care sectors";

    /** The impacts, in the order of the Second Panel's inventory. */
    public static final List<Impact> IMPACTS = List.of(
            new Impact(FORMAL, "Health: quality-adjusted life years", Metric.QALYS_PER_PATIENT,
                    "from the symptom score week by week (docs/MODEL.md, Utility)"),
            new Impact(FORMAL, "Psychotherapy sessions paid by the plan", Metric.PLAN_SESSIONS_PER_PATIENT,
                    "allowed amount less the patient's share"),
            new Impact(FORMAL, "Plan administration: reviews and authorizations", Metric.ADMIN_PER_PATIENT,
                    "cost per review or authorization"),
            new Impact(FORMAL, "Psychotherapy sessions paid by patients out of pocket",
                    Metric.OUT_OF_POCKET_PER_PATIENT, "copays, deductibles, coinsurance and self-pay"),
            new Impact(FORMAL, "Other medical costs of the condition: the plan's share",
                    Metric.PLAN_MEDICAL_PER_PATIENT, "costs.medicalCostPlanShare of the row below"),
            new Impact(FORMAL, "Other medical costs of the condition: all of them, whoever pays",
                    Metric.MEDICAL_PER_PATIENT, "proportional to the symptom score"),
            new Impact(FORMAL, "Future medical costs unrelated to the condition", null,
                    "not modelled: the horizon is short and survival is not modelled"),
            new Impact(INFORMAL, "Patients' time for sessions, travel included", Metric.TIME_PER_PATIENT,
                    "hours per session times the value of an hour"),
            new Impact(INFORMAL, "Unpaid caregivers' time", null, "not modelled"),
            new Impact(INFORMAL, "Transportation costs (fares, mileage)", null,
                    "not modelled: travel counts as time only"),
            new Impact(NON_HEALTH, "Productivity: lost work output of employed patients",
                    Metric.PRODUCTIVITY_PER_PATIENT, "wage times a loss per point of the symptom score"),
            new Impact(NON_HEALTH, "Productivity: unpaid work and household production", null, "not modelled"),
            new Impact(NON_HEALTH, "Consumption, social services, legal or criminal justice, education, housing,"
                    + " environment", null, "not modelled"));

    private ImpactInventory() {
    }
}

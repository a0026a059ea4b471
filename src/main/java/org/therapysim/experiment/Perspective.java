package org.therapysim.experiment;

import java.util.List;

/**
 * Whose costs an economic comparison counts: the payer (the plan's payments for sessions, its
 * administration and the share of other medical costs it pays), the employer who funds the plan
 * (also the lost productivity of employed patients), the formal health care sector of the Second
 * Panel's reference case (every medical cost, whoever pays it: the plan's and patients' payments
 * for sessions, administration, all other medical costs; Sanders et al. 2016) and society (the
 * health care sector's costs, lost productivity and patients' time for sessions).
 */
public enum Perspective {
    /** The health plan. */
    PAYER("payer", "Payer", "plan payments for sessions, administration and the plan's share of other medical costs",
            List.of(Metric.PLAN_SESSIONS_PER_PATIENT, Metric.ADMIN_PER_PATIENT, Metric.PLAN_MEDICAL_PER_PATIENT),
            Metric.COST_PAYER),
    /** The employer who funds the plan and loses the work output. */
    EMPLOYER("employer", "Employer", "the payer's costs and lost productivity",
            List.of(Metric.PLAN_SESSIONS_PER_PATIENT, Metric.ADMIN_PER_PATIENT, Metric.PLAN_MEDICAL_PER_PATIENT,
                    Metric.PRODUCTIVITY_PER_PATIENT),
            Metric.COST_EMPLOYER),
    /** The formal health care sector. */
    HEALTHCARE("healthcare", "Health care sector",
            "plan and out-of-pocket payments for sessions, administration and all other medical costs",
            List.of(Metric.PLAN_SESSIONS_PER_PATIENT, Metric.ADMIN_PER_PATIENT, Metric.OUT_OF_POCKET_PER_PATIENT,
                    Metric.MEDICAL_PER_PATIENT),
            Metric.COST_HEALTHCARE),
    /** Society. */
    SOCIETAL("societal", "Societal",
            "the health care sector's costs, lost productivity and patients' time for sessions",
            List.of(Metric.PLAN_SESSIONS_PER_PATIENT, Metric.ADMIN_PER_PATIENT, Metric.OUT_OF_POCKET_PER_PATIENT,
                    Metric.MEDICAL_PER_PATIENT, Metric.PRODUCTIVITY_PER_PATIENT, Metric.TIME_PER_PATIENT),
            Metric.COST_SOCIETAL);

    private final String id;
    private final String label;
    private final String counts;
    private final List<Metric> components;
    private final Metric cost;

    Perspective(final String id, final String label, final String counts, final List<Metric> components,
            final Metric cost) {
        this.id = id;
        this.label = label;
        this.counts = counts;
        this.components = components;
        this.cost = cost;
    }

    /** @return the identifier used in tables */
    public String id() {
        return id;
    }

    /** @return a label for reports */
    public String label() {
        return label;
    }

    /** @return what the perspective counts, in words */
    public String counts() {
        return counts;
    }

    /** @return the cost components counted, each a per-patient metric */
    public List<Metric> components() {
        return components;
    }

    /** @return the metric of the total cost per patient in this perspective */
    public Metric cost() {
        return cost;
    }
}

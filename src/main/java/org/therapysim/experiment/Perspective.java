package org.therapysim.experiment;

import java.util.List;

/**
 * Whose costs an economic comparison counts. Each perspective adds cost components to the one
 * before it: the payer (the plan's payments for sessions and its administration), the employer
 * (also lost productivity of employed patients) and society (also patients' out-of-pocket payments
 * and other medical costs attributable to the condition).
 */
public enum Perspective {
    /** The health plan. */
    PAYER("payer", "Payer", "plan payments for sessions and administration",
            List.of(Metric.PLAN_SESSIONS_PER_PATIENT, Metric.ADMIN_PER_PATIENT), Metric.COST_PAYER),
    /** The employer who funds the plan and loses the work output. */
    EMPLOYER("employer", "Employer", "the payer's costs and lost productivity",
            List.of(Metric.PLAN_SESSIONS_PER_PATIENT, Metric.ADMIN_PER_PATIENT, Metric.PRODUCTIVITY_PER_PATIENT),
            Metric.COST_EMPLOYER),
    /** Society. */
    SOCIETAL("societal", "Societal", "the employer's costs, patients' out-of-pocket payments and other medical costs",
            List.of(Metric.PLAN_SESSIONS_PER_PATIENT, Metric.ADMIN_PER_PATIENT, Metric.PRODUCTIVITY_PER_PATIENT,
                    Metric.OUT_OF_POCKET_PER_PATIENT, Metric.MEDICAL_PER_PATIENT),
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

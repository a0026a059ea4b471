package org.therapysim.output;

import org.therapysim.model.PatientEvaluation;
import org.therapysim.model.ReplicationResult;

/**
 * {@code evaluation.csv} (with {@code --evaluation}): one row per patient who sought care, per
 * replication and arm, with the patient's outcomes and costs over the evaluation horizon (every
 * episode, discounted to first arrival, in the scenario's currency and price year) and what
 * subgroup analyses need: condition, employment and wage. Per arm and replication the mean of a
 * column over its rows is that replication's per-patient figure in {@code summary.csv} (to the
 * rounding of the cells), so subgroups can be compared with the same definitions.
 */
public final class EvaluationTable {
    /** Column names, in order. */
    public static final String[] HEADER = {"arm", "replication", "patient_id", "condition", "employed", "weekly_wage",
        "episodes", "qalys", "recoveries", "plan_sessions_cost", "admin_cost", "out_of_pocket", "productivity_loss",
        "medical_cost", "plan_medical_cost", "patient_time_cost"};

    private EvaluationTable() {
    }

    /**
     * @return the rows of every patient of one replication, as CSV in UTF-8, in pieces of whole rows
     *     (callable from any thread)
     */
    public static byte[][] render(final String arm, final int replication, final ReplicationResult result) {
        final CsvRow rows = new CsvRow(result.evaluations().size() * 140);
        for (final PatientEvaluation p : result.evaluations()) {
            rows.text(arm).integer(replication).integer(p.patientId()).text(p.condition()).bool(p.employed())
                    .fixed(p.weeklyWage(), 2).integer(p.episodes()).fixed(p.qalys(), 6)
                    .integer(Math.round(p.recoveries())).fixed(p.planCost(), 4).fixed(p.adminCost(), 4)
                    .fixed(p.outOfPocket(), 4).fixed(p.productivityLoss(), 4).fixed(p.medicalCost(), 4)
                    .fixed(p.planMedicalCost(), 4).fixed(p.patientTime(), 4).end();
        }
        return rows.bytes();
    }
}

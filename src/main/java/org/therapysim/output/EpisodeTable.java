package org.therapysim.output;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.ReplicationResult;

/**
 * {@code patients.csv}: one row per episode per replication per arm. Costs are in the scenario's
 * currency and price year, alliance on [0, 1]; a cell is empty where the value does not apply.
 */
public final class EpisodeTable extends AppendedTable {
    /** Column names, in order. */
    public static final String[] HEADER = {"arm", "replication", "patient_id", "episode", "condition", "therapist_id",
        "therapist_orientation",
        "arrival_week", "first_session_week", "end_week", "sessions_attended", "sessions_plan_paid",
        "sessions_self_paid", "sessions_to_reliable_improvement", "end_reason", "baseline_score", "end_score",
        "reliable_improvement", "recovered", "reliable_recovery", "deteriorated", "relapsed", "alliance_mean",
        "alliance_final", "ruptures", "repairs", "therapist_switches", "no_shows", "therapist_cancellations",
        "reviews", "out_of_network", "payer_cost", "patient_cost", "admin_cost", "productivity_loss",
        "medical_cost"};

    public EpisodeTable(final Path file) throws IOException {
        super(file, HEADER);
    }

    /** @return the rows of every episode of one replication, as CSV text (callable from any thread) */
    public static String render(final String arm, final int replication, final ReplicationResult result)
            throws IOException {
        final StringBuilder text = new StringBuilder(result.episodes().size() * 200);
        final CSVPrinter rows = new CSVPrinter(text, Tables.ROWS);
        for (final EpisodeRecord e : result.episodes()) {
            rows.printRecord(arm, replication, e.patientId(), e.episode(), e.condition(), Numbers.cell(e.therapistId()),
                    Numbers.cell(e.therapistOrientation()),
                    e.arrivalWeek(), Numbers.cell(e.firstSessionWeek()), e.endWeek(), e.sessionsAttended(),
                    e.sessionsPlanPaid(), e.sessionsSelfPaid(), Numbers.cell(e.sessionsToReliableImprovement()),
                    e.endReason().word(), e.baselineScore(), Numbers.cell(e.endScore()),
                    Numbers.cell(e.reliableImprovement()), Numbers.cell(e.recovered()),
                    Numbers.cell(e.reliableRecovery()), Numbers.cell(e.deteriorated()), Numbers.cell(e.relapsed()),
                    e.allianceMean() == null ? "" : Numbers.fixed(e.allianceMean(), 4),
                    e.allianceFinal() == null ? "" : Numbers.fixed(e.allianceFinal(), 4), e.ruptures(), e.repairs(),
                    e.therapistSwitches(), e.noShows(), e.cancellations(), e.reviews(), e.outOfNetwork(),
                    Numbers.fixed(e.payerCost(), 2), Numbers.fixed(e.patientCost(), 2), Numbers.fixed(e.adminCost(), 2),
                    Numbers.fixed(e.productivityLoss(), 2), Numbers.fixed(e.medicalCost(), 2));
        }
        return text.toString();
    }
}

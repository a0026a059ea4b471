package org.therapysim.output;

import java.io.IOException;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.ReplicationResult;

/**
 * {@code patients.csv}: one row per episode per replication per arm. Costs are in the scenario's
 * currency and price year, alliance on [0, 1]; a cell is empty where the value does not apply.
 * {@code relapsed} and {@code returned} say whether the relapse or return began before the horizon;
 * the last three columns, added after the others so that those keep their places, give the weeks
 * from the ending to it and the weeks of follow-up the ending had before the horizon.
 */
public final class EpisodeTable {
    /** Column names, in order. */
    public static final String[] HEADER = {"arm", "replication", "patient_id", "episode", "condition", "therapist_id",
        "therapist_orientation",
        "arrival_week", "booked_week", "first_session_week", "end_week", "sessions_attended", "sessions_plan_paid",
        "sessions_self_paid", "sessions_to_reliable_improvement", "end_reason", "baseline_score", "end_score",
        "reliable_improvement", "recovered", "reliable_recovery", "deteriorated", "relapsed", "returned",
        "alliance_mean", "alliance_final", "ruptures", "repairs", "therapist_switches", "no_shows",
        "therapist_cancellations", "reviews", "out_of_network", "payer_cost", "patient_cost", "admin_cost",
        "productivity_loss", "medical_cost", "weeks_to_relapse", "weeks_to_return", "weeks_followed_up"};

    private EpisodeTable() {
    }

    /**
     * @return the rows of every episode of one replication, as CSV in UTF-8, in pieces of whole rows
     *     (callable from any thread)
     */
    public static byte[][] render(final String arm, final int replication, final ReplicationResult result)
            throws IOException {
        final CsvRow rows = new CsvRow(result.episodes().size() * 200);
        for (final EpisodeRecord e : result.episodes()) {
            rows.text(arm).integer(replication).integer(e.patientId()).integer(e.episode()).text(e.condition())
                    .integer(e.therapistId()).text(e.therapistOrientation())
                    .integer(e.arrivalWeek()).integer(e.bookedWeek()).integer(e.firstSessionWeek())
                    .integer(e.endWeek())
                    .integer(e.sessionsAttended()).integer(e.sessionsPlanPaid()).integer(e.sessionsSelfPaid())
                    .integer(e.sessionsToReliableImprovement()).text(e.endReason().word()).integer(e.baselineScore())
                    .integer(e.endScore()).bool(e.reliableImprovement()).bool(e.recovered())
                    .bool(e.reliableRecovery()).bool(e.deteriorated()).bool(e.relapsed()).bool(e.returned())
                    .fixed(e.allianceMean(), 4).fixed(e.allianceFinal(), 4).integer(e.ruptures()).integer(e.repairs())
                    .integer(e.therapistSwitches()).integer(e.noShows()).integer(e.cancellations())
                    .integer(e.reviews()).bool(e.outOfNetwork()).fixed(e.payerCost(), 2).fixed(e.patientCost(), 2)
                    .fixed(e.adminCost(), 2).fixed(e.productivityLoss(), 2).fixed(e.medicalCost(), 2)
                    .integer(e.weeksToRelapse()).integer(e.weeksToReturn()).integer(e.weeksFollowedUp()).end();
        }
        return rows.bytes();
    }
}

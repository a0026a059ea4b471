package org.therapysim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.output.EpisodeTable;
import org.therapysim.output.Numbers;

/**
 * The episode table as Spark rows: the columns of patients.csv ({@link EpisodeTable#HEADER}), in
 * the same order, typed (integers, booleans, doubles; null where the CSV cell is empty). Alliance
 * and costs are rounded as patients.csv prints them (4 and 2 decimals), so both tables hold the
 * same values.
 */
final class EpisodeRows {
    private static final int ALLIANCE_DECIMALS = 4;
    private static final int COST_DECIMALS = 2;

    /** The table's schema: every column of patients.csv; arm first (it becomes the partition folder). */
    static final StructType SCHEMA = schema();

    private EpisodeRows() {
    }

    private static StructType schema() {
        final List<StructField> fields = new ArrayList<>();
        for (final String column : EpisodeTable.HEADER) {
            fields.add(DataTypes.createStructField(column, type(column), nullable(column)));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType type(final String column) {
        return switch (column) {
            case "arm", "condition", "therapist_orientation", "end_reason" -> DataTypes.StringType;
            case "reliable_improvement", "recovered", "reliable_recovery", "deteriorated", "relapsed",
                "returned", "out_of_network" -> DataTypes.BooleanType;
            case "alliance_mean", "alliance_final", "payer_cost", "patient_cost", "admin_cost", "productivity_loss",
                "medical_cost" -> DataTypes.DoubleType;
            default -> DataTypes.IntegerType;
        };
    }

    private static boolean nullable(final String column) {
        return switch (column) {
            case "therapist_id", "therapist_orientation", "booked_week", "first_session_week",
                "sessions_to_reliable_improvement", "end_score", "reliable_improvement", "recovered",
                "reliable_recovery", "deteriorated", "relapsed", "returned", "alliance_mean", "alliance_final",
                "payer_cost", "patient_cost", "admin_cost", "productivity_loss", "medical_cost", "weeks_to_relapse",
                "weeks_to_return" -> true;
            default -> false;
        };
    }

    /** @return one episode's row, column for column as {@link EpisodeTable#render} writes it */
    static Row of(final String arm, final int replication, final EpisodeRecord e) {
        return RowFactory.create(arm, replication, e.patientId(), e.episode(), e.condition(), e.therapistId(),
                e.therapistOrientation(), e.arrivalWeek(), e.bookedWeek(), e.firstSessionWeek(), e.endWeek(),
                e.sessionsAttended(), e.sessionsPlanPaid(), e.sessionsSelfPaid(), e.sessionsToReliableImprovement(),
                e.endReason().word(),
                e.baselineScore(), e.endScore(), e.reliableImprovement(), e.recovered(), e.reliableRecovery(),
                e.deteriorated(), e.relapsed(), e.returned(), rounded(e.allianceMean(), ALLIANCE_DECIMALS),
                rounded(e.allianceFinal(), ALLIANCE_DECIMALS), e.ruptures(), e.repairs(), e.therapistSwitches(),
                e.noShows(), e.cancellations(), e.reviews(), e.outOfNetwork(), rounded(e.payerCost(), COST_DECIMALS),
                rounded(e.patientCost(), COST_DECIMALS), rounded(e.adminCost(), COST_DECIMALS),
                rounded(e.productivityLoss(), COST_DECIMALS), rounded(e.medicalCost(), COST_DECIMALS),
                e.weeksToRelapse(), e.weeksToReturn(), e.weeksFollowedUp());
    }

    /** @return the value as patients.csv prints it, read back; null where its cell is empty */
    private static Double rounded(final Double value, final int decimals) {
        if (value == null) {
            return null;
        }
        final String cell = Numbers.fixed(value, decimals);
        return cell.isEmpty() ? null : Double.valueOf(cell);
    }
}

package org.therapysim.experiment;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import org.therapysim.model.EndReason;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.ReplicationResult;

/**
 * What is kept of one replication once its rows are written: its metrics, curves and end-reason
 * counts. Immutable; serializable, so other engines can send it back from where it ran.
 *
 * @param arm index of the arm
 * @param replication replication index
 * @param seed the replication's seed
 * @param metrics value of each metric
 * @param doseEffect share reliably improved by session k (index k-1)
 * @param retention share still in treatment at session k (index k-1)
 * @param endReasons episodes by end reason
 * @param patientWeeks patient-weeks simulated
 */
public record ReplicationSummary(int arm, int replication, int seed, Map<Metric, Double> metrics, double[] doseEffect,
        double[] retention, Map<EndReason, Integer> endReasons, long patientWeeks) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ReplicationSummary {
        metrics = Map.copyOf(metrics);
        endReasons = Map.copyOf(endReasons);
        doseEffect = doseEffect.clone();
        retention = retention.clone();
    }

    /** Summarises one replication's full result. */
    public static ReplicationSummary of(final int arm, final int replication, final ReplicationResult result) {
        final Map<EndReason, Integer> reasons = new EnumMap<>(EndReason.class);
        for (final EndReason reason : EndReason.values()) {
            reasons.put(reason, 0);
        }
        for (final EpisodeRecord e : result.episodes()) {
            reasons.merge(e.endReason(), 1, Integer::sum);
        }
        final double[] doseEffect = SessionCurves.doseEffect(result.episodes());
        return new ReplicationSummary(arm, replication, result.replicationSeed(), EpisodeMetrics.of(result, doseEffect),
                doseEffect, SessionCurves.retention(result.episodes()), reasons, result.patientWeeks());
    }

    /** @return the same summary for the arm of that index (its index within its own study) */
    public ReplicationSummary withArm(final int index) {
        return new ReplicationSummary(index, replication, seed, metrics, doseEffect, retention, endReasons,
                patientWeeks);
    }

    /** @return the value of one metric */
    public double value(final Metric metric) {
        return metrics.get(metric);
    }

    @Override
    public double[] doseEffect() {
        return doseEffect.clone();
    }

    @Override
    public double[] retention() {
        return retention.clone();
    }
}

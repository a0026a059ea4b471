package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.therapysim.model.EndReason;
import org.therapysim.scenario.Scenario;

/**
 * The replications of one arm, summarised: each metric across replications, the curves with
 * their intervals, and end reasons. A point of a curve, and the metrics read off the dose-effect
 * curve ({@link Metric#everyReplication()}), are averaged only where every replication defines
 * them. Immutable.
 *
 * @param index position in the study (0 = reference)
 * @param scenario the arm's scenario
 * @param replications per-replication summaries, by replication index
 */
public record ArmResult(int index, Scenario scenario, List<ReplicationSummary> replications) {
    public ArmResult {
        replications = List.copyOf(replications);
    }

    /** @return the arm's name */
    public String name() {
        return scenario.name();
    }

    /** @return the per-replication values of a metric, by replication index */
    public double[] values(final Metric metric) {
        return replications.stream().mapToDouble(r -> r.value(metric)).toArray();
    }

    /** @return the summary of a metric across replications, its interval inside the metric's range */
    public MetricSummary summary(final Metric metric) {
        return metric.everyReplication() ? MetricSummary.ofEvery(values(metric), metric.lowest(), metric.highest())
                : MetricSummary.of(values(metric), metric.lowest(), metric.highest());
    }

    /**
     * @return the paired difference from the reference arm, replication by replication (a
     *         difference of shares has its interval inside [-1, 1])
     */
    public MetricSummary differenceFrom(final ArmResult reference, final Metric metric) {
        return metric.everyReplication()
                ? MetricSummary.pairedEvery(values(metric), reference.values(metric), metric.lowest(), metric.highest())
                : MetricSummary.paired(values(metric), reference.values(metric), metric.lowest(), metric.highest());
    }

    /** @return the ratio of this arm's metric to the reference arm's, replication by replication */
    public MetricSummary ratioTo(final ArmResult reference, final Metric metric) {
        final double[] arm = values(metric);
        final double[] ref = reference.values(metric);
        final double[] ratio = new double[arm.length];
        for (int r = 0; r < arm.length; r++) {
            ratio[r] = arm[r] / ref[r];
        }
        return MetricSummary.of(ratio);
    }

    /**
     * @return summaries of the dose-effect curve at sessions 1..{@link SessionCurves#MAX_SESSION}; a
     *     session where some replication's curve is undefined has no mean, its n counting the
     *     replications that define it ({@link MetricSummary#ofEvery})
     */
    public List<MetricSummary> doseEffect() {
        return curve(true);
    }

    /** @return summaries of the retention curve, as {@link #doseEffect()} */
    public List<MetricSummary> retention() {
        return curve(false);
    }

    private List<MetricSummary> curve(final boolean doseEffect) {
        final List<MetricSummary> out = new ArrayList<>();
        for (int k = 0; k < SessionCurves.MAX_SESSION; k++) {
            final double[] values = new double[replications.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = (doseEffect ? replications.get(r).doseEffect() : replications.get(r).retention())[k];
            }
            out.add(MetricSummary.ofEvery(values, 0, 1));
        }
        return out;
    }

    /** @return mean share of episodes ending for each reason */
    public Map<EndReason, Double> endReasonShares() {
        final Map<EndReason, Double> out = new EnumMap<>(EndReason.class);
        for (final EndReason reason : EndReason.values()) {
            double share = 0;
            for (final ReplicationSummary r : replications) {
                final int total = r.endReasons().values().stream().mapToInt(Integer::intValue).sum();
                share += total > 0 ? (double) r.endReasons().get(reason) / total : 0.0;
            }
            out.put(reason, share / replications.size());
        }
        return out;
    }

    /** @return patient-weeks simulated over all replications */
    public long patientWeeks() {
        return replications.stream().mapToLong(ReplicationSummary::patientWeeks).sum();
    }
}

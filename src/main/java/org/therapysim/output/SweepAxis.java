package org.therapysim.output;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;

/**
 * The varied keys of a sweep and the value each arm ran with ({@code values.get(arm).get(k)};
 * empty for an arm that left the keys as the scenario gives them, such as the reference of a
 * sampled design).
 *
 * @param keys dotted scenario keys
 * @param values each arm's values, in the keys' order
 */
public record SweepAxis(List<String> keys, List<List<String>> values) {
    /** The outcomes charted against the varied values. */
    public static final List<Metric> METRICS = List.of(Metric.RECOVERY_RATE, Metric.DROPOUT_RATE,
            Metric.MEAN_SESSIONS, Metric.PAYER_COST_PER_EPISODE, Metric.PAYER_COST_PMPM);

    /**
     * A chart of a sweep.
     *
     * @param file base name of its files in charts/
     * @param title what it shows
     * @param chart the chart
     */
    public record Chart(String file, String title, JFreeChart chart) {
    }

    public SweepAxis {
        keys = List.copyOf(keys);
        values = values.stream().map(List::copyOf).toList();
    }

    /** @return a sweep of one key, one value per arm */
    public static SweepAxis single(final String key, final List<String> values) {
        return new SweepAxis(List.of(key), values.stream().map(List::of).toList());
    }

    /** @return the value of key {@code k} in every arm */
    public List<String> valuesOf(final int k) {
        return values.stream().map(v -> v.isEmpty() ? "" : v.get(k)).toList();
    }

    /** @return the last part of a dotted key, as a file-name part */
    static String shortKey(final String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /**
     * @return the sweep's charts: for one key with a value per arm, each outcome against it; for
     *     several keys (or a sampled design), each outcome against each key
     */
    public List<Chart> charts(final ExperimentResult result) {
        final List<Chart> out = new ArrayList<>();
        final boolean one = keys.size() == 1 && values.stream().noneMatch(List::isEmpty);
        for (int k = 0; k < keys.size(); k++) {
            for (final Metric metric : METRICS) {
                final String title = metric.label() + " against " + keys.get(k);
                out.add(one ? new Chart("sweep_" + metric.id(), title, Charts.sweep(keys.get(k), valuesOf(k), result,
                        metric)) : new Chart("sweep_" + shortKey(keys.get(k)) + "_" + metric.id(), title,
                        Charts.sweepEffect(keys.get(k), valuesOf(k), result, metric)));
            }
        }
        return out;
    }
}

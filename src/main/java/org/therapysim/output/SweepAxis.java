package org.therapysim.output;

import java.util.List;
import org.therapysim.experiment.Metric;

/**
 * The varied parameter of a sweep: arm i of the study ran with {@code values.get(i)}.
 *
 * @param key dotted scenario key
 * @param values the values, as written on the command line
 */
public record SweepAxis(String key, List<String> values) {
    /** The outcomes charted against the varied value. */
    public static final List<Metric> METRICS = List.of(Metric.RECOVERY_RATE, Metric.DROPOUT_RATE,
            Metric.MEAN_SESSIONS, Metric.PAYER_COST_PER_EPISODE, Metric.PAYER_COST_PMPM);

    public SweepAxis {
        values = List.copyOf(values);
    }
}

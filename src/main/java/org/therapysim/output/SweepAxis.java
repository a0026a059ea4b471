package org.therapysim.output;

import java.util.List;

/**
 * The varied parameter of a sweep: arm i of the study ran with {@code values.get(i)}.
 *
 * @param key dotted scenario key
 * @param values the values, as written on the command line
 */
public record SweepAxis(String key, List<String> values) {
    public SweepAxis {
        values = List.copyOf(values);
    }
}

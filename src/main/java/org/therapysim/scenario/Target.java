package org.therapysim.scenario;

/**
 * One published figure the model should reproduce, stated on the simulation's own outputs.
 *
 * @param name short name
 * @param statistic the metric (an id of summary.csv, e.g. dropout_rate) it is compared with
 * @param definition which episodes count and how, in words
 * @param value the published value (on the metric's scale: shares as fractions)
 * @param low lower end of the band that counts as reproduced (the published interval, or the
 *     value less an honest tolerance)
 * @param high upper end of that band
 * @param source where the figure comes from
 */
public record Target(String name, String statistic, String definition, double value, double low, double high,
        Source source) {
    public Target {
        Check.text("name", name);
        Check.text("statistic", statistic);
        Check.text("definition", definition);
        Check.finite("value", value);
        Check.finite("low", low);
        Check.finite("high", high);
        if (!(low <= value && value <= high)) {
            throw new InvalidValueException("value", value, "must lie between low (" + low + ") and high (" + high + ")");
        }
        if (source == null) {
            throw new InvalidValueException("source", null, "is required");
        }
    }
}

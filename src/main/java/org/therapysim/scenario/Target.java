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
 * @param reference optional second scenario (path relative to the targets file): the statistic is
 *     then the ratio of its value in the targets file's scenario to its value in this one,
 *     replication by replication on common random numbers (e.g. spending with no coverage over
 *     spending with free care); null (or empty) for a plain statistic
 * @param role what the figure can show: an input of the defaults, a figure calibration fitted, or an
 *     independent one (only these are evidence of validity; {@code calibrate} fits only to
 *     calibrated ones)
 */
public record Target(String name, String statistic, String definition, double value, double low, double high,
        Source source, String reference, TargetRole role) {
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
        if (reference != null && reference.isBlank()) {
            reference = null;
        }
        if (role == null) {
            throw new InvalidValueException("role", null, "is required: input, calibrated or independent");
        }
    }

    /** A plain target for calibration, compared with the statistic of the targets file's scenario. */
    public Target(final String name, final String statistic, final String definition, final double value,
            final double low, final double high, final Source source) {
        this(name, statistic, definition, value, low, high, source, null, TargetRole.CALIBRATED);
    }

    /** A target for calibration, plain or a ratio to a reference scenario. */
    public Target(final String name, final String statistic, final String definition, final double value,
            final double low, final double high, final Source source, final String reference) {
        this(name, statistic, definition, value, low, high, source, reference, TargetRole.CALIBRATED);
    }
}

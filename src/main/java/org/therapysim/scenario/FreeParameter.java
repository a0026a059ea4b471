package org.therapysim.scenario;

/**
 * A scenario value that calibration may change, within bounds.
 *
 * @param key dotted scenario key, e.g. {@code dynamics.dropout.baseLogit}
 * @param low lower bound
 * @param high upper bound
 */
public record FreeParameter(String key, double low, double high) {
    public FreeParameter {
        Check.text("key", key);
        Check.finite("low", low);
        Check.finite("high", high);
        if (!(low < high)) {
            throw new InvalidValueException("high", high, "must be above low (" + low + ")");
        }
    }

    /**
     * Reads {@code key=low:high} as written on the command line.
     *
     * @throws IllegalArgumentException with the rule when the text does not have that form
     */
    public static FreeParameter parse(final String text) {
        final int eq = text.indexOf('=');
        final int colon = text.indexOf(':', eq + 1);
        if (eq <= 0 || colon < 0) {
            throw new IllegalArgumentException("must be KEY=LOW:HIGH, e.g. dynamics.dropout.baseLogit=-7:-5");
        }
        try {
            return new FreeParameter(text.substring(0, eq).trim(), Double.parseDouble(text.substring(eq + 1, colon)),
                    Double.parseDouble(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be KEY=LOW:HIGH with numbers for LOW and HIGH", e);
        }
    }
}

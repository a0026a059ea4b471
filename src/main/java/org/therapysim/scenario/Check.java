package org.therapysim.scenario;

import java.util.List;

/** Range checks used by the scenario records' constructors. Never clamps: it rejects. */
final class Check {
    private Check() {
    }

    static double probability(final String key, final double value) {
        return range(key, value, 0.0, 1.0);
    }

    static double range(final String key, final double value, final double low, final double high) {
        if (!(value >= low && value <= high)) {
            throw new InvalidValueException(key, value, "must be between " + fmt(low) + " and " + fmt(high));
        }
        return value;
    }

    static double nonNegative(final String key, final double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new InvalidValueException(key, value, "must be a finite number >= 0");
        }
        return value;
    }

    static double positive(final String key, final double value) {
        if (!(value > 0.0) || Double.isInfinite(value)) {
            throw new InvalidValueException(key, value, "must be a finite number > 0");
        }
        return value;
    }

    static double finite(final String key, final double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(key, value, "must be a finite number");
        }
        return value;
    }

    static int atLeast(final String key, final int value, final int low) {
        if (value < low) {
            throw new InvalidValueException(key, value, "must be a whole number >= " + low);
        }
        return value;
    }

    static int intRange(final String key, final int value, final int low, final int high) {
        if (value < low || value > high) {
            throw new InvalidValueException(key, value, "must be a whole number between " + low + " and " + high);
        }
        return value;
    }

    static String text(final String key, final String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(key, value, "must be a non-empty text");
        }
        return value;
    }

    static <T> List<T> nonEmpty(final String key, final List<T> value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(key, value, "must be a non-empty list");
        }
        return List.copyOf(value);
    }

    static void sharesSumToOne(final String key, final double sum) {
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw new InvalidValueException(key, sum, "shares must sum to 1");
        }
    }

    private static String fmt(final double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

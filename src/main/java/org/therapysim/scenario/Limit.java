package org.therapysim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A bound that is either a finite number or {@code unlimited} (written as the word
 * {@code unlimited} in a scenario), such as a session cap or an out-of-pocket maximum.
 */
public final class Limit {
    /** The word that stands for no bound in scenario files. */
    public static final String UNLIMITED_WORD = "unlimited";
    /** No bound. */
    public static final Limit UNLIMITED = new Limit(Double.POSITIVE_INFINITY);

    private final double value;

    private Limit(final double value) {
        this.value = value;
    }

    /** A finite bound. */
    public static Limit of(final double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a finite limit is needed, got " + value);
        }
        return new Limit(value);
    }

    /**
     * Reads a limit from a scenario value: a number, or the word {@code unlimited}.
     *
     * @throws IllegalArgumentException for anything else
     */
    @JsonCreator
    public static Limit parse(final Object raw) {
        if (raw instanceof Number number) {
            return of(number.doubleValue());
        }
        if (raw instanceof String text) {
            if (UNLIMITED_WORD.equalsIgnoreCase(text.trim())) {
                return UNLIMITED;
            }
            try {
                return of(Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number or '" + UNLIMITED_WORD + "'", e);
            }
        }
        throw new IllegalArgumentException("must be a number or '" + UNLIMITED_WORD + "'");
    }

    /** @return true when there is no bound */
    public boolean isUnlimited() {
        return Double.isInfinite(value);
    }

    /** @return the bound, or positive infinity when unlimited */
    public double value() {
        return value;
    }

    /** @return the value as written back to a scenario file */
    @JsonValue
    public Object asScenarioValue() {
        if (isUnlimited()) {
            return UNLIMITED_WORD;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value;
        }
        return value;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Limit limit && Double.compare(limit.value, value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return String.valueOf(asScenarioValue());
    }
}

package org.therapysim.output;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds the rows of a large table as text, cell by cell, with exactly the characters
 * {@link Tables#ROWS} (Commons CSV) would print: numbers are appended directly, and each distinct
 * text (arm, condition, orientation, end reason) is quoted by Commons CSV once and reused. A
 * replication has hundreds of thousands of cells; printing each through the CSV printer, with its
 * boxing and per-character quoting checks, was half the work of a sweep (docs/PERFORMANCE.md).
 * Not thread-safe: one builder per replication.
 */
final class CsvRow {
    private final StringBuilder text;
    private final Map<String, String> firstCells = new HashMap<>();
    private final Map<String, String> cells = new HashMap<>();
    private boolean newRecord = true;

    CsvRow(final int capacity) {
        this.text = new StringBuilder(capacity);
    }

    private StringBuilder next() {
        if (!newRecord) {
            text.append(',');
        }
        newRecord = false;
        return text;
    }

    /**
     * Appends a text cell as {@link Tables#cell(String)} makes it safe to open in a spreadsheet, quoted as
     * Commons CSV quotes it (empty for null).
     */
    CsvRow text(final String given) {
        final String value = given == null ? "" : Tables.cell(given);
        final boolean first = newRecord;
        final String cell = first ? firstCells.computeIfAbsent(value, v -> Tables.ROWS.format(v))
                : cells.computeIfAbsent(value, v -> Tables.ROWS.format("x", v).substring(2));
        next().append(cell);
        return this;
    }

    /** Appends a whole number. */
    CsvRow integer(final long value) {
        next().append(value);
        return this;
    }

    /** Appends a whole number, or an empty cell for null. */
    CsvRow integer(final Integer value) {
        next();
        if (value != null) {
            text.append(value.intValue());
        }
        return this;
    }

    /** Appends true or false, or an empty cell for null. */
    CsvRow bool(final Boolean value) {
        next();
        if (value != null) {
            text.append(value.booleanValue());
        }
        return this;
    }

    /** Appends true or false. */
    CsvRow bool(final boolean value) {
        next().append(value);
        return this;
    }

    /** Appends a number with {@code decimals} decimals (see {@link Numbers#fixed}), empty when not finite. */
    CsvRow fixed(final double value, final int decimals) {
        Numbers.appendFixed(next(), value, decimals);
        return this;
    }

    /** Appends a number with {@code decimals} decimals (see {@link Numbers#fixed}), empty when null or not finite. */
    CsvRow fixed(final Double value, final int decimals) {
        next();
        if (value != null) {
            Numbers.appendFixed(text, value, decimals);
        }
        return this;
    }

    /** Ends the row. */
    void end() {
        text.append('\n');
        newRecord = true;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}

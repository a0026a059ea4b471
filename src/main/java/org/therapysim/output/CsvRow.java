package org.therapysim.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the rows of a large table as text, cell by cell, with exactly the characters
 * {@link Tables#ROWS} (Commons CSV) would print: numbers are appended directly, and each distinct
 * text (arm, condition, orientation, end reason) is quoted by Commons CSV once and reused. A
 * replication has hundreds of thousands of cells; printing each through the CSV printer, with its
 * boxing and per-character quoting checks, was half the work of a sweep (docs/PERFORMANCE.md).
 * Not thread-safe: one builder per replication.
 *
 * <p>The rows are kept encoded in UTF-8, in pieces of whole rows of about a megabyte: a
 * million-patient replication has some 300 MB of rows, which as one text, then one string, then
 * one array of bytes took three times that at once.
 */
final class CsvRow {
    /** Characters of text after which the rows so far are encoded into a piece. */
    static final int PIECE = 1 << 20;

    private final int piece;
    private final StringBuilder text;
    private final List<byte[]> pieces = new ArrayList<>();
    private final Map<String, String> firstCells = new HashMap<>();
    private final Map<String, String> cells = new HashMap<>();
    private boolean newRecord = true;

    /** @param capacity the characters the rows are expected to take */
    CsvRow(final int capacity) {
        this(capacity, PIECE);
    }

    /** As {@link #CsvRow(int)}, encoding the rows after every {@code piece} characters or so. */
    CsvRow(final int capacity, final int piece) {
        this.piece = piece;
        this.text = new StringBuilder((int) Math.min(capacity, piece + 4096L));
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
        if (text.length() >= piece) {
            encode();
        }
    }

    private void encode() {
        pieces.add(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }

    /** @return the rows so far in UTF-8, in pieces of whole rows; the builder is then empty */
    byte[][] bytes() {
        if (text.length() > 0) {
            encode();
        }
        final byte[][] out = pieces.toArray(byte[][]::new);
        pieces.clear();
        return out;
    }

    /** @return the rows so far as text */
    @Override
    public String toString() {
        return text(pieces.toArray(byte[][]::new)) + text;
    }

    /** @return pieces of UTF-8 rows (see {@link #bytes}) as one text */
    static String text(final byte[][] pieces) {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (final byte[] p : pieces) {
            all.writeBytes(p);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** @return the bytes of all {@code pieces} */
    static long length(final byte[][] pieces) {
        long n = 0;
        for (final byte[] p : pieces) {
            n += p.length;
        }
        return n;
    }
}

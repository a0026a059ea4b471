package org.therapysim.output;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Opens tidy CSV tables: UTF-8, a header row, comma separated, LF line ends. Every cell goes
 * through {@link #cell}: a text a spreadsheet would take for a formula (one beginning with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, such as an arm named
 * {@code =HYPERLINK(...)}) is written with a leading single quote, so it opens as text; numbers
 * are written as they are.
 */
final class Tables {
    private Tables() {
    }

    /** The format of rows without a header, for rows rendered apart from their file. */
    static final CSVFormat ROWS = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    static Printer open(final Path file, final String... header) throws IOException {
        final BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new Printer(new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header)
                .setRecordSeparator('\n').build()));
    }

    /**
     * @return the cell as it is written: a text that a spreadsheet would read as a formula with a
     *     leading {@code '}, anything else (numbers, numbers already formatted as text) unchanged
     */
    static Object cell(final Object value) {
        return value instanceof String text ? cell(text) : value;
    }

    /** @return the text as it is written (see {@link #cell(Object)}) */
    static String cell(final String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        final char first = text.charAt(0);
        final boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula && !NUMBER.matcher(text).matches() ? "'" + text : text;
    }

    /** A CSV table being written, each cell passed through {@link #cell(Object)}. */
    static final class Printer implements Closeable {
        private final CSVPrinter out;

        private Printer(final CSVPrinter out) {
            this.out = out;
        }

        void printRecord(final Object... values) throws IOException {
            final Object[] cells = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                cells[i] = cell(values[i]);
            }
            out.printRecord(cells);
        }

        void printRecord(final Iterable<?> values) throws IOException {
            final List<Object> cells = new ArrayList<>();
            for (final Object v : values) {
                cells.add(cell(v));
            }
            out.printRecord(cells);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}

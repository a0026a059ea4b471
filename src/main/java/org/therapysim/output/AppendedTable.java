package org.therapysim.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV table written as the replications finish: the header first, then blocks of rows rendered
 * elsewhere (on the worker threads) and appended in study order.
 */
abstract class AppendedTable implements Closeable {
    private final CSVPrinter printer;

    AppendedTable(final Path file, final String... header) throws IOException {
        this.printer = Tables.open(file, header);
    }

    /** Appends rows already rendered as CSV text. */
    public void append(final String rows) throws IOException {
        printer.getOut().append(rows);
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}

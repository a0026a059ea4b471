package org.therapysim.output;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV table written as the replications finish: the header first, then blocks of rows rendered
 * elsewhere (on the worker threads) and appended in study order.
 */
abstract class AppendedTable implements Closeable {
    private final OutputStream out;

    AppendedTable(final Path file, final String... header) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        out.write((Tables.ROWS.format((Object[]) header) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Appends rows already rendered as CSV text and encoded in UTF-8. */
    public void append(final byte[] rows) throws IOException {
        out.write(rows);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

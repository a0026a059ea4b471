package org.therapysim.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Opens tidy CSV tables: UTF-8, a header row, comma separated, LF line ends. */
final class Tables {
    private Tables() {
    }

    /** The format of rows without a header, for rows rendered apart from their file. */
    static final CSVFormat ROWS = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    static CSVPrinter open(final Path file, final String... header) throws IOException {
        final BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').build());
    }
}

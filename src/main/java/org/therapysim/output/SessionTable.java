package org.therapysim.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.SessionRecord;

/** {@code sessions.csv}: one row per attended session per replication per arm. */
public final class SessionTable implements Closeable {
    /** Column names, in order. */
    public static final String[] HEADER = {"arm", "replication", "patient_id", "episode", "session_number", "week",
        "therapist_id", "score", "alliance", "rupture", "repaired"};

    private final CSVPrinter printer;

    public SessionTable(final Path file) throws IOException {
        this.printer = Tables.open(file, HEADER);
    }

    /** Appends rows rendered by {@link #render}. */
    public void append(final String rows) throws IOException {
        printer.getOut().append(rows);
    }

    /** @return the rows of every session of one replication, as CSV text (callable from any thread) */
    public static String render(final String arm, final int replication, final ReplicationResult result)
            throws IOException {
        final StringBuilder text = new StringBuilder(result.sessions().size() * 60);
        final CSVPrinter rows = new CSVPrinter(text, Tables.ROWS);
        for (final SessionRecord s : result.sessions()) {
            rows.printRecord(arm, replication, s.patientId(), s.episode(), s.sessionNumber(), s.week(),
                    s.therapistId(), s.score(), Numbers.fixed(s.alliance(), 4), s.rupture(), s.repaired());
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}

package org.therapysim.output;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.SessionRecord;

/** {@code sessions.csv}: one row per attended session per replication per arm. */
public final class SessionTable extends AppendedTable {
    /** Column names, in order. */
    public static final String[] HEADER = {"arm", "replication", "patient_id", "episode", "session_number", "week",
        "therapist_id", "score", "alliance", "rupture", "repaired"};

    public SessionTable(final Path file) throws IOException {
        super(file, HEADER);
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
}

package org.therapysim.output;

import java.io.IOException;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.SessionRecord;

/** {@code sessions.csv}: one row per attended session per replication per arm. */
public final class SessionTable {
    /** Column names, in order. */
    public static final String[] HEADER = {"arm", "replication", "patient_id", "episode", "session_number", "week",
        "therapist_id", "score", "alliance", "rupture", "repaired"};

    private SessionTable() {
    }

    /**
     * @return the rows of every session of one replication, as CSV in UTF-8, in pieces of whole rows
     *     (callable from any thread)
     */
    public static byte[][] render(final String arm, final int replication, final ReplicationResult result)
            throws IOException {
        final CsvRow rows = new CsvRow(result.sessions().size() * 60);
        for (final SessionRecord s : result.sessions()) {
            rows.text(arm).integer(replication).integer(s.patientId()).integer(s.episode()).integer(s.sessionNumber())
                    .integer(s.week()).integer(s.therapistId()).integer(s.score()).fixed(s.alliance(), 4)
                    .bool(s.rupture()).bool(s.repaired()).end();
        }
        return rows.bytes();
    }
}

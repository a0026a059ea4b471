package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.ReplicationSummary;
import org.therapysim.experiment.TaskJournal;
import org.therapysim.model.EndReason;

/** What a run stopped by a signal says it keeps: the replications its journal holds. */
class StoppedRunNoteTest {
    @TempDir
    Path dir;

    private static ReplicationSummary summary(final int r) {
        final Map<EndReason, Integer> reasons = new EnumMap<>(EndReason.class);
        reasons.put(EndReason.values()[0], 1);
        return new ReplicationSummary(0, r, r, Map.of(Metric.EPISODES, 1.0), new double[0], new double[0], reasons, 1);
    }

    @Test
    void theNoteCountsTheJournalledReplicationsAndNamesTheWorkFolder() throws IOException {
        final Path target = dir.resolve("x");
        final List<String> notes = new ArrayList<>();
        try (WorkFolder work = WorkFolder.open(target, false, false, "fp", notes::add)) {
            final Path shown = dir.resolve(".x.partial");
            assertEquals("interrupted before any replication finished: nothing is kept; run the command again",
                    work.stoppedNote());
            final TaskJournal journal = work.journal("replications");
            journal.record(new TaskJournal.Task(0, 0, 0), summary(0));
            assertEquals("interrupted: 1 replication is kept in " + shown
                    + "; run the same command with --resume to continue", work.stoppedNote());
            journal.record(new TaskJournal.Task(0, 0, 1), summary(1));
            journal.record(new TaskJournal.Task(0, 0, 2), summary(2));
            work.expect(120);
            assertEquals("interrupted: 3 of 120 replications are kept in " + shown
                    + "; run the same command with --resume to continue", work.stoppedNote());
        }
        assertEquals(List.of(), notes, "nothing said when the run ends normally");
    }
}

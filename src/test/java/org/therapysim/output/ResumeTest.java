package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.ExitCode;
import org.therapysim.SameFolder;
import org.therapysim.TestScenarios;
import org.therapysim.TherapysimException;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.ProgressListener;
import org.therapysim.experiment.ReplicationSummary;
import org.therapysim.experiment.TaskJournal;
import org.therapysim.model.EndReason;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;

/** A run stopped midway and resumed writes the same folder as an uninterrupted run. */
class ResumeTest {
    @TempDir
    Path dir;

    private static Study study() {
        final List<Scenario> arms = new ArrayList<>();
        for (final String cap : List.of("unlimited", "6", "12")) {
            arms.add(TestScenarios.defaults("population.members=8000", "simulation.weeks=60",
                    "evaluation.horizonWeeks=8", "plan.sessionCap.sessions=" + cap, "name=cap " + cap));
        }
        return new Study("resume", "r", arms, 4, 17);
    }

    private static ResultsWriter.Options options(final Path target) {
        return new ResultsWriter.Options(target, false, true, 2, List.of("therapysim", "compare", "study.yaml"), null);
    }

    private static WorkFolder open(final Path target, final boolean resume, final List<String> notes) {
        return WorkFolder.open(target, false, resume, ResultsWriter.fingerprint(study(), true), notes::add);
    }

    /** Stands for a kill: stops the run once {@code k} replications were taken in order. */
    private static ProgressListener stopAfter(final int k) {
        return (done, total) -> {
            if (done == k) {
                throw new IllegalStateException("stopped");
            }
        };
    }

    @Test
    void aStoppedRunResumedWritesTheSameFolderAsAnUninterruptedOne() throws IOException {
        final Path full = dir.resolve("full");
        ResultsWriter.run(study(), options(full), ProgressListener.NONE);

        final Path target = dir.resolve("resumed");
        final Path work = WorkFolder.of(target);
        final List<String> notes = new ArrayList<>();
        try (WorkFolder folder = open(target, false, notes)) {
            assertThrows(TherapysimException.class,
                    () -> ResultsWriter.run(study(), options(target), stopAfter(5), null, folder));
        }
        assertFalse(Files.exists(target), "nothing under the target name");
        final List<String> kept = SameFolder.files(work.resolve("tasks"));
        assertTrue(kept.size() >= 5 && kept.size() < 12, "finished replications kept: " + kept);
        assertFalse(Files.exists(work.resolve("results")), "no partial results kept");
        // What a kill -9 leaves besides: a half-written table and a half-written task file; and a
        // task file damaged on disk.
        Files.createDirectories(work.resolve("results"));
        Files.writeString(work.resolve("results/patients.csv"), "arm,replication\ncap 6,0,");
        final Path tasks = work.resolve("tasks/replications");
        Files.write(tasks.resolve(".000000-0002-000003.task.1.tmp"), new byte[] {1, 2, 3});
        final Path damaged = tasks.resolve(kept.get(1).substring(kept.get(1).lastIndexOf('/') + 1));
        final byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, java.util.Arrays.copyOf(bytes, bytes.length - 5));

        final int[] taken = {0};
        try (WorkFolder folder = open(target, true, notes)) {
            ResultsWriter.run(study(), options(target), (done, total) -> taken[0] = done, null, folder);
        }
        assertEquals(12, taken[0]);
        assertTrue(notes.get(notes.size() - 1).startsWith("resuming " + target.toAbsolutePath().normalize()
                + ": " + kept.size() + " finished replications kept"), notes.toString());
        assertFalse(Files.exists(work), "the work folder goes once the results are in place");
        SameFolder.assertSame(full, target);
    }

    @Test
    void aResumedRunTakesTheRecordedReplicationsInsteadOfRunningThemAgain() throws IOException {
        final Path target = dir.resolve("taken");
        try (WorkFolder folder = open(target, false, new ArrayList<>())) {
            assertThrows(TherapysimException.class,
                    () -> ResultsWriter.run(study(), options(target), stopAfter(1), null, folder));
        }
        // Mark the first replication's recorded rows: the resumed table shows the mark.
        final TaskFiles journal = new TaskFiles(WorkFolder.of(target).resolve("tasks/replications"),
                ResultsWriter.fingerprint(study(), true));
        final TaskJournal.Task first = new TaskJournal.Task(0, 0, 0);
        final TaskJournal.Entry<byte[][]> recorded = journal.recall(first);
        journal.record(first, recorded.summary(), new byte[][] {"marked\n".getBytes(StandardCharsets.UTF_8),
            recorded.prepared()[1]});
        try (WorkFolder folder = open(target, true, new ArrayList<>())) {
            ResultsWriter.run(study(), options(target), ProgressListener.NONE, null, folder);
        }
        final List<String> rows = Files.readAllLines(target.resolve("patients.csv"));
        assertEquals("marked", rows.get(1));
        assertTrue(rows.get(2).startsWith("cap unlimited,1,"), rows.get(2));
    }

    @Test
    void withoutResumeAnOldJournalIsDiscardedAndAnotherRunsIsRefused() throws IOException {
        final Path target = dir.resolve("out");
        final List<String> notes = new ArrayList<>();
        try (WorkFolder folder = open(target, false, notes)) {
            assertThrows(TherapysimException.class,
                    () -> ResultsWriter.run(study(), options(target), stopAfter(2), null, folder));
        }
        final Path tasks = WorkFolder.of(target).resolve("tasks");
        assertFalse(SameFolder.files(tasks).isEmpty());
        // A different run (another seed) may not take this journal.
        final TherapysimException refused = assertThrows(TherapysimException.class, () -> WorkFolder.open(target,
                false, true, ResultsWriter.fingerprint(study().withRun(4, 18), true), notes::add));
        assertEquals(ExitCode.INVALID_INPUT, refused.exitCode());
        assertTrue(refused.getMessage().startsWith("--resume: the unfinished run in "), refused.getMessage());
        assertFalse(SameFolder.files(tasks).isEmpty(), "the journal is left as it was");
        // Without --resume the run starts afresh.
        try (WorkFolder folder = open(target, false, notes)) {
            assertTrue(notes.get(notes.size() - 1).startsWith("discarding the unfinished run"), notes.toString());
            assertFalse(Files.exists(tasks));
        }
        assertFalse(Files.exists(WorkFolder.of(target)), "nothing journaled, nothing left");
        // With --resume and nothing to resume, it starts afresh too.
        try (WorkFolder folder = open(target, true, notes)) {
            assertEquals("nothing to resume for " + target.toAbsolutePath().normalize() + ": starting afresh",
                    notes.get(notes.size() - 1));
        }
    }

    @Test
    void twoRunsNeverShareAWorkFolder() {
        final Path target = dir.resolve("busy");
        try (WorkFolder folder = open(target, false, new ArrayList<>())) {
            final TherapysimException busy = assertThrows(TherapysimException.class,
                    () -> open(target, true, new ArrayList<>()));
            assertEquals(ExitCode.OUTPUT_PROBLEM, busy.exitCode());
            assertTrue(busy.getMessage().startsWith("another therapysim run is writing"), busy.getMessage());
        }
    }

    @Test
    void aTaskFileHoldsEveryBitAndIsNeverTakenDamagedOrFromAnotherRun() throws IOException {
        final TaskFiles journal = new TaskFiles(dir.resolve("tasks"), "run-a");
        final ReplicationSummary summary = new ReplicationSummary(2, 3, -12345,
                Map.of(Metric.RECOVERY_RATE, 0.1 + 0.2, Metric.ALLIANCE_OUTCOME_R, Double.NaN),
                new double[] {0.25, Math.PI}, new double[] {1.0, -0.0}, Map.of(EndReason.HORIZON, 7),
                123_456_789_012L);
        final TaskJournal.Task task = new TaskJournal.Task(1, 2, 3);
        final byte[] rows = "a,b\n\u00e9t\u00e9,1\n".getBytes(StandardCharsets.UTF_8);
        journal.record(task, summary, new byte[][] {rows, null});
        final TaskJournal.Entry<byte[][]> back = journal.recall(task);
        assertEquals(summary.seed(), back.summary().seed());
        assertEquals(summary.patientWeeks(), back.summary().patientWeeks());
        assertEquals(Double.doubleToRawLongBits(0.1 + 0.2),
                Double.doubleToRawLongBits(back.summary().value(Metric.RECOVERY_RATE)));
        assertTrue(Double.isNaN(back.summary().value(Metric.ALLIANCE_OUTCOME_R)));
        assertArrayEquals(summary.doseEffect(), back.summary().doseEffect());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.summary().retention()[1]));
        assertEquals(summary.endReasons(), back.summary().endReasons());
        assertArrayEquals(rows, back.prepared()[0]);
        assertNull(back.prepared()[1]);

        assertNull(journal.recall(new TaskJournal.Task(1, 2, 4)), "never recorded");
        assertNull(new TaskFiles(dir.resolve("tasks"), "run-b").recall(task), "another run's");
        final Path file = dir.resolve("tasks/000001-0002-000003.task");
        final byte[] bytes = Files.readAllBytes(file);
        for (final int cut : new int[] {0, 1, 20, bytes.length / 2, bytes.length - 1}) {
            Files.write(file, java.util.Arrays.copyOf(bytes, cut));
            assertNull(journal.recall(task), "cut at " + cut);
        }
        final byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        Files.write(file, flipped);
        assertNull(journal.recall(task), "a flipped bit");
        Files.write(file, bytes);
        assertEquals(1, TaskFiles.count(dir.resolve("tasks")));
    }
}

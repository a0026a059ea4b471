package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.ExitCode;
import org.therapysim.SameFolder;
import org.therapysim.TestScenarios;
import org.therapysim.TherapysimException;
import org.therapysim.experiment.Experiment;
import org.therapysim.experiment.ExperimentResult;
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
        // 24 replications: more than a single worker runs ahead of the one taken next (see stopAfter).
        return new Study("resume", "r", arms, 8, 17);
    }

    private static ResultsWriter.Options options(final Path target) {
        return options(target, 2);
    }

    private static ResultsWriter.Options options(final Path target, final int threads) {
        return new ResultsWriter.Options(target, false, true, threads, List.of("therapysim", "compare", "study.yaml"),
                null);
    }

    private static WorkFolder open(final Path target, final boolean resume, final List<String> notes) {
        return WorkFolder.open(target, false, resume, ResultsWriter.fingerprint(study(), true), notes::add);
    }

    /**
     * Stands for a kill: stops the run once {@code k} replications were taken in order. The workers
     * may have finished the replications submitted ahead of those taken (16 per worker), so on one
     * worker at most k + 16 are journalled, however slow the taking thread is.
     */
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
                    () -> ResultsWriter.run(study(), options(target, 1), stopAfter(5), null, folder));
        }
        assertFalse(Files.exists(target), "nothing under the target name");
        final long kept = TaskLog.count(work.resolve("tasks"), ResultsWriter.fingerprint(study(), true));
        assertTrue(kept >= 5 && kept <= 5 + 16, "finished replications kept: " + kept);
        assertFalse(Files.exists(work.resolve("results")), "no partial results kept");
        // What a kill -9 leaves besides: a half-written results folder, a half-written record at
        // the end of the journal and half-written rows at the end of the tables.
        Files.createDirectories(work.resolve("results"));
        Files.writeString(work.resolve("results/patients.csv"), "arm,replication\ncap 6,0,");
        final Path part = work.resolve("tasks/replications");
        Files.write(part.resolve(TaskLog.FILE), new byte[] {0, 0, 1, 0, 1, 2, 3}, StandardOpenOption.APPEND);
        Files.writeString(part.resolve("patients.csv"), "cap 6,0,", StandardOpenOption.APPEND);
        Files.writeString(part.resolve("sessions.csv"), "cap 6,0,", StandardOpenOption.APPEND);

        final int[] taken = {0};
        try (WorkFolder folder = open(target, true, notes)) {
            ResultsWriter.run(study(), options(target), (done, total) -> taken[0] = done, null, folder);
        }
        assertEquals(24, taken[0]);
        assertEquals("resuming " + target.toAbsolutePath().normalize() + ": " + kept + " finished replications kept",
                notes.get(notes.size() - 1));
        assertFalse(Files.exists(work), "the work folder goes once the results are in place");
        SameFolder.assertSame(full, target);
    }

    @Test
    void aRunThatFailsAfterItsReplicationsKeepsEveryRowForTheResume() throws IOException {
        final Path full = dir.resolve("full");
        ResultsWriter.run(study(), options(full), ProgressListener.NONE);
        final Path target = dir.resolve("late");
        try (WorkFolder folder = open(target, false, new ArrayList<>())) {
            final TherapysimException failed = assertThrows(TherapysimException.class, () -> ResultsWriter.run(
                    study(), options(target), ProgressListener.NONE, (results, base) -> {
                        throw new IOException("no space left on device");
                    }, folder));
            assertTrue(failed.getMessage().contains("no space left on device"), failed.getMessage());
        }
        assertFalse(Files.exists(target));
        // The tables were complete and placed in the results folder, which went; the journal's
        // copy of them stays, noted as holding every replication.
        try (TaskLog journal = TaskLog.open(WorkFolder.of(target).resolve("tasks/replications"),
                ResultsWriter.fingerprint(study(), true))) {
            assertEquals(24, journal.mark().held());
            assertEquals(24, journal.size());
        }
        try (WorkFolder folder = open(target, true, new ArrayList<>())) {
            ResultsWriter.run(study(), options(target), ProgressListener.NONE, null, folder);
        }
        SameFolder.assertSame(full, target);
    }

    @Test
    void aFullDiskSaysThatTheFinishedReplicationsAreKeptForTheResume() throws IOException {
        final Path target = dir.resolve("full-disk");
        final TherapysimException failed = assertThrows(TherapysimException.class, () -> ResultsWriter.run(study(),
                options(target), ProgressListener.NONE, (results, base) -> {
                    throw new IOException("No space left on device");
                }));
        assertEquals(ExitCode.OUTPUT_PROBLEM, failed.exitCode());
        assertEquals("cannot write results to " + target + ": No space left on device; 24 replications are kept in "
                + dir.resolve(".full-disk.partial") + ": free some space and run the same command with --resume to"
                + " continue", failed.getMessage());
        try (WorkFolder folder = open(target, true, new ArrayList<>())) {
            folder.expect(24);
            // Another failure is told as it was.
            final IllegalStateException other = new IllegalStateException("x", new IOException("permission denied"));
            assertTrue(folder.explain(other) == other);
            // With the run's size known, the note says how many of all.
            assertTrue(folder.explain(TherapysimException.output("cannot record a finished replication in the journal",
                    new IOException("Disk quota exceeded"))).getMessage().endsWith("; 24 of 24 replications are kept in "
                    + dir.resolve(".full-disk.partial") + ": free some space and run the same command with --resume"
                    + " to continue"));
        }
    }

    /** The tables and journal of a run in {@code folder}, its progress recorded after every replication. */
    private static ExperimentResult runTables(final Path folder, final ProgressListener progress) throws IOException {
        try (TaskLog journal = TaskLog.open(folder, "run");
                ReplicationTables tables = ReplicationTables.open(journal, true, 0)) {
            final ExperimentResult result = new Experiment(study(), true, 2).run(tables, progress, journal);
            tables.placeIn(new ResultsFolder(folder.resolve("placed"), false, Files.createDirectories(
                    folder.resolve("staging")), null, false));
            return result;
        }
    }

    @Test
    void aResumedRunKeepsTheRowsRecordedAsWrittenAndWritesOnlyTheRest() throws IOException {
        final Path full = dir.resolve("full");
        runTables(full, ProgressListener.NONE);

        final Path part = dir.resolve("part");
        assertThrows(TherapysimException.class, () -> runTables(part, stopAfter(5)));
        try (TaskLog journal = TaskLog.open(part, "run");
                ReplicationTables tables = ReplicationTables.open(journal, true, 0)) {
            assertEquals(5, tables.held(), "replications held by the tables");
        }
        // Mark the first row the tables hold, and leave half a row after what was recorded: the
        // resumed table keeps the mark (the row is not written again) and drops the half row.
        final Path episodes = part.resolve("patients.csv");
        final String written = Files.readString(episodes);
        final String first = written.lines().skip(1).findFirst().orElseThrow();
        final String marked = "CAP" + first.substring(3);
        Files.writeString(episodes, written.replace(first, marked) + "cap 6,0,");
        runTables(part, ProgressListener.NONE);

        final String expected = Files.readString(full.resolve("staging/patients.csv"));
        assertEquals(expected.replace(first, marked), Files.readString(part.resolve("staging/patients.csv")));
        assertArrayEquals(Files.readAllBytes(full.resolve("staging/sessions.csv")),
                Files.readAllBytes(part.resolve("staging/sessions.csv")));
    }

    @Test
    void aRecordedReplicationIsTakenInsteadOfRunningItAgain() throws IOException {
        final Study study = study();
        final ExperimentResult full = Experiment.runAll(List.of(study), 2, ProgressListener.NONE, null).get(0);
        final ReplicationSummary real = full.arms().get(1).replications().get(2);
        final Map<Metric, Double> metrics = new EnumMap<>(real.metrics());
        metrics.put(Metric.RECOVERY_RATE, 0.99);
        try (TaskLog journal = TaskLog.open(dir.resolve("j"), "run")) {
            journal.record(new TaskJournal.Task(0, 1, 2), new ReplicationSummary(real.arm(), real.replication(),
                    real.seed(), metrics, real.doseEffect(), real.retention(), real.endReasons(), real.patientWeeks()));
        }
        try (TaskLog journal = TaskLog.open(dir.resolve("j"), "run")) {
            final ExperimentResult resumed = Experiment.runAll(List.of(study), 2, ProgressListener.NONE, journal)
                    .get(0);
            assertEquals(0.99, resumed.arms().get(1).replications().get(2).value(Metric.RECOVERY_RATE));
            assertEquals(full.arms().get(1).replications().get(1).value(Metric.RECOVERY_RATE),
                    resumed.arms().get(1).replications().get(1).value(Metric.RECOVERY_RATE));
        }
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
    void theJournalHoldsEveryBitAndKeepsOnlyWholeRecordsOfItsOwnRun() throws IOException {
        final Path folder = dir.resolve("tasks/part");
        final ReplicationSummary summary = new ReplicationSummary(2, 3, -12345,
                Map.of(Metric.RECOVERY_RATE, 0.1 + 0.2, Metric.ALLIANCE_OUTCOME_R, Double.NaN),
                new double[] {0.25, Math.PI}, new double[] {1.0, -0.0}, Map.of(EndReason.HORIZON, 7),
                123_456_789_012L);
        final TaskJournal.Task task = new TaskJournal.Task(1, 2, 3);
        final TaskJournal.Task other = new TaskJournal.Task(1, 2, 4);
        final Path file = folder.resolve(TaskLog.FILE);
        final long afterFirst;
        final long afterSecond;
        try (TaskLog journal = TaskLog.open(folder, "run-a")) {
            journal.record(task, summary);
            afterFirst = Files.size(file);
            journal.record(other, summary);
            afterSecond = Files.size(file);
            journal.mark(3, new long[] {10, 20});
        }
        try (TaskLog journal = TaskLog.open(folder, "run-a")) {
            final ReplicationSummary back = journal.recall(task);
            assertEquals(summary.seed(), back.seed());
            assertEquals(summary.patientWeeks(), back.patientWeeks());
            assertEquals(Double.doubleToRawLongBits(0.1 + 0.2),
                    Double.doubleToRawLongBits(back.value(Metric.RECOVERY_RATE)));
            assertTrue(Double.isNaN(back.value(Metric.ALLIANCE_OUTCOME_R)));
            assertArrayEquals(summary.doseEffect(), back.doseEffect());
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(back.retention()[1]));
            assertEquals(summary.endReasons(), back.endReasons());
            assertNull(journal.recall(new TaskJournal.Task(1, 2, 5)), "never recorded");
            assertEquals(3, journal.mark().held());
            assertArrayEquals(new long[] {10, 20}, journal.mark().lengths());
        }
        assertEquals(2, TaskLog.count(dir.resolve("tasks"), "run-a"));
        assertEquals(0, TaskLog.count(dir.resolve("tasks"), "run-b"), "another run's");

        final byte[] bytes = Files.readAllBytes(file);
        // A record cut short or damaged is dropped with everything after it; what comes before is kept.
        for (final long cut : new long[] {0, 5, afterFirst - 1, afterFirst + 3, afterSecond - 1, bytes.length - 1}) {
            Files.write(file, Arrays.copyOf(bytes, (int) cut));
            try (TaskLog journal = TaskLog.open(folder, "run-a")) {
                assertEquals(cut >= afterFirst, journal.recall(task) != null, "cut at " + cut);
                assertEquals(cut >= afterSecond, journal.recall(other) != null, "cut at " + cut);
                assertNull(journal.mark(), "cut at " + cut);
            }
        }
        final byte[] flipped = bytes.clone();
        flipped[(int) afterFirst + 20] ^= 1;
        Files.write(file, flipped);
        try (TaskLog journal = TaskLog.open(folder, "run-a")) {
            assertNotNull(journal.recall(task));
            assertNull(journal.recall(other), "a flipped bit");
            // The damaged end was cut off, so what is recorded now can be read back.
            journal.record(other, summary);
        }
        try (TaskLog journal = TaskLog.open(folder, "run-a")) {
            assertEquals(2, journal.size());
        }
        try (TaskLog journal = TaskLog.open(folder, "run-b")) {
            assertEquals(0, journal.size(), "another run's journal is not taken");
        }
    }
}

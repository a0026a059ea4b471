package org.therapysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.CommandRun;
import org.therapysim.TestScenarios;

/**
 * A run whose heap is too small stops by itself with one line saying how much heap it had and how
 * to give more. How soon is measured, not asserted: docs/PERFORMANCE.md ("Running out of memory is
 * told in seconds"); the watch's rule is replayed in {@link MemoryWatchTest}.
 */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aHeapTooSmallForTheCohortIsToldWithTheWayToGiveMore() throws IOException, InterruptedException {
        final Path scenario = TestScenarios.write(dir, "big.yaml", "extends: "
                + TestScenarios.SCENARIOS.toAbsolutePath().resolve("baseline.yaml")
                + "\nname: big\npopulation: {mode: cohort, cohortSize: 400000}\n");
        final Path err = dir.resolve("err.txt");
        final Process process = CommandRun.inNewJvm(List.of("-Xmx96m", "-XX:+UseParallelGC"), err, "run",
                scenario.toString(), "-n", "2", "--threads", "2", "-q", "-o", dir.resolve("out").toString());
        try {
            assertTrue(process.waitFor(150, TimeUnit.SECONDS), "stops by itself");
        } finally {
            process.destroyForcibly();
        }
        final String said = Files.readString(err);
        assertEquals(1, process.exitValue(), said);
        assertTrue(said.matches("therapysim: out of memory \\(the Java heap may grow to \\d+ MiB\\): give Java more,"
                + " e\\.g\\. JAVA_OPTS=-Xmx8g \\./therapysim \\.\\.\\., or simulate fewer members, replications at"
                + " once \\(--threads 1\\) or sessions \\(no --sessions\\); no results folder was written\\R"), said);
    }

    @Test
    void runningOutOfMemoryIsRecognisedBehindTheFailureOfAReplication() {
        assertTrue(Main.outOfMemory(new IllegalStateException("replication 0 failed", new OutOfMemoryError("Java heap"))));
        assertTrue(!Main.outOfMemory(new IllegalStateException("replication 0 failed", new IOException("disk"))));
        assertTrue(MemoryWatch.exhausted(0.85, true));
        assertTrue(!MemoryWatch.exhausted(0.85, false), "collecting much while the heap has room");
        assertTrue(!MemoryWatch.exhausted(0.5, true), "a full heap that still leaves the run most of the time");
    }
}

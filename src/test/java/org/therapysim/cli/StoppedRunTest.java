package org.therapysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.CommandRun;
import org.therapysim.TestScenarios;

/**
 * A run stopped by a signal (SIGTERM here, as Ctrl-C's SIGINT may be ignored by a process started
 * in the background; both run the same shutdown hook) says on standard error how many replications
 * it keeps and how to continue, and keeps them.
 */
class StoppedRunTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aStoppedRunSaysWhatItKeepsAndHowToContinue() throws IOException, InterruptedException {
        final Path scenario = TestScenarios.smallBaseline(dir, "s", "");
        final Path target = dir.resolve("x");
        final Path journal = dir.resolve(".x.partial/tasks/replications/journal");
        final Path err = dir.resolve("err.txt");
        // 2000 replications on one thread take minutes: the run is still going when it is stopped.
        final Process process = CommandRun.inNewJvm(List.of("-Xmx512m"), err, "run", scenario.toString(), "-n", "2000",
                "--threads", "1", "-q", "-o", target.toString());
        try {
            // The header is under 100 bytes; a replication's record is about 2 kB.
            CommandRun.awaitGrowth(process, journal, 4000, 120);
            assertTrue(process.isAlive(), "still running when stopped: " + Files.readString(err));
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stops within a minute");
        } finally {
            process.destroyForcibly();
        }
        assertEquals(143, process.exitValue(), "128 + SIGTERM");
        final String said = Files.readString(err);
        final Matcher m = Pattern.compile("therapysim: interrupted: (\\d+) of 2000 replications are kept in "
                + Pattern.quote(dir.resolve(".x.partial").toString())
                + "; run the same command with --resume to continue\\n").matcher(said);
        assertTrue(m.matches(), said);
        assertTrue(Integer.parseInt(m.group(1)) >= 2, said);
        assertTrue(Files.size(journal) > 4000, "the journal is kept");
        assertTrue(Files.notExists(target), "no results folder");
    }
}

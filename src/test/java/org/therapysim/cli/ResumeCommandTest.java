package org.therapysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.CommandRun;
import org.therapysim.SameFolder;
import org.therapysim.TestScenarios;
import org.therapysim.TherapysimException;
import org.therapysim.experiment.ProbabilisticAnalysis;
import org.therapysim.output.WorkFolder;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;

/** {@code --resume} on the command line: a PSA stopped midway and resumed, and the runs it refuses. */
class ResumeCommandTest {
    @TempDir
    Path dir;

    private Path small(final String name, final String extra) {
        return TestScenarios.smallBaseline(dir, name, extra);
    }

    private Path study() {
        final Path a = small("a", "");
        final Path b = small("b", "plan: {copay: 60}\n");
        return TestScenarios.write(dir, "study.yaml", "study: s\nreplications: 2\narms: [" + a + ", " + b + "]\n"
                + "psa:\n  - {key: dynamics.relapse.oneYearRisk, distribution: beta, mean: 0.29, sd: 0.05}\n"
                + "  - {key: patients.employmentRate, distribution: uniform, low: 0.5, high: 0.7}\n");
    }

    /** Runs the draws of {@code psa STUDY --draws N} as the command would, and stops them after k replications. */
    /** Replications per draw of the stopped and resumed analyses (few, for speed). */
    private static final int PER_DRAW = 2;

    private static void stopDraws(final Path file, final Path target, final int draws, final int k) {
        final ScenarioLoader loader = new ScenarioLoader();
        final Study study = new AnalysisOptions().study(loader, file);
        try (WorkFolder work = WorkFolder.open(target, false, false, PsaCommand.fingerprint(study, draws, PER_DRAW),
                note -> { })) {
            assertThrows(TherapysimException.class, () -> ProbabilisticAnalysis.run(study, loader, draws, PER_DRAW, 2,
                    (done, total) -> {
                        if (done == k) {
                            throw new IllegalStateException("stopped");
                        }
                    }, work.journal("draws")));
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void aStoppedPsaResumedWritesTheSameFolderAsAnUninterruptedOne() throws IOException {
        final Path file = study();
        final Path target = dir.resolve("psa");
        final String[] command = {"psa", file.toString(), "--draws", "4", "--per-draw", String.valueOf(PER_DRAW), "-o",
            target.toString(), "--threads", "2", "-q"};
        assertEquals(0, CommandRun.of(command).status());
        final Path full = dir.resolve("full");
        Files.move(target, full);

        stopDraws(file, target, 4, 3);
        final List<String> args = new ArrayList<>(List.of(command));
        args.add("--resume");
        final CommandRun resumed = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.err().startsWith("therapysim: resuming " + target.toAbsolutePath()), resumed.err());
        assertFalse(Files.exists(WorkFolder.of(target)), "the work folder goes once the results are in place");
        SameFolder.assertSame(full, target);
    }

    @Test
    void resumeRefusesAnotherRunsJournalAndStartsAfreshWhenThereIsNone() throws IOException {
        final Path file = study();
        final Path target = dir.resolve("psa");
        stopDraws(file, target, 3, 2);
        for (final String[] other : List.of(new String[] {"--draws", "4"}, new String[] {"--draws", "3", "-n", "3"},
                new String[] {"--draws", "3", "--seed", "9"})) {
            final List<String> args = new ArrayList<>(List.of("psa", file.toString(), "-o", target.toString(), "-q",
                    "--resume", "--per-draw", String.valueOf(PER_DRAW)));
            args.addAll(List.of(other));
            final CommandRun refused = CommandRun.of(args.toArray(String[]::new));
            assertEquals(2, refused.status(), String.join(" ", other));
            assertTrue(refused.err().startsWith("therapysim: --resume: the unfinished run in "), refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(Files.exists(WorkFolder.of(target).resolve("tasks")), "the journal is kept");
        }
        final CommandRun afresh = CommandRun.of("psa", file.toString(), "-o", target.toString(), "-q", "--draws", "2",
                "--per-draw", String.valueOf(PER_DRAW));
        assertEquals(0, afresh.status(), afresh.err());
        assertTrue(afresh.err().startsWith("therapysim: discarding the unfinished run in "), afresh.err());

        final Path run = dir.resolve("run");
        final CommandRun nothing = CommandRun.of("run", small("c", "").toString(), "-o", run.toString(), "-q", "--resume");
        assertEquals(0, nothing.status(), nothing.err());
        assertEquals("therapysim: nothing to resume for " + run.toAbsolutePath() + ": starting afresh\n",
                nothing.err());
        assertFalse(Files.readString(run.resolve("manifest.json")).contains("--resume"),
                "the manifest records the command an uninterrupted run would have");
    }
}

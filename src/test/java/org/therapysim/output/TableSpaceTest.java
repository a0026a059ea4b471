package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.ExitCode;
import org.therapysim.TestScenarios;
import org.therapysim.TherapysimException;
import org.therapysim.experiment.ProgressListener;
import org.therapysim.model.Kept;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;

class TableSpaceTest {
    private static final Kept SESSIONS = new Kept(true, false);

    @TempDir
    Path dir;

    private static Study study(final int replications, final Scenario... arms) {
        return new Study("space", "space", List.of(arms), replications, 5);
    }

    private static Scenario small(final String name, final String... overrides) {
        final String[] all = new String[overrides.length + 4];
        all[0] = "name=" + name;
        all[1] = "population.members=20000";
        all[2] = "evaluation.horizonWeeks=8";
        all[3] = "simulation.weeks=60";
        System.arraycopy(overrides, 0, all, 4, overrides.length);
        return TestScenarios.shipped("baseline.yaml", all);
    }

    @Test
    void theEstimateCoversTheTablesWrittenWithoutExceedingThemTwice() throws IOException {
        // Two arms that differ in sessions per episode, 6 replications: the estimate from replication 0
        // must cover what the run writes, and be no more than twice it (an honest figure, not a bound).
        final Study study = study(6, small("open"), small("capped", "plan.sessionCap.sessions=4"));
        final Path out = dir.resolve("run");
        ResultsWriter.run(study, new ResultsWriter.Options(out, false, true, 2, List.of("test"), null),
                ProgressListener.NONE);
        final long written = Files.size(out.resolve("patients.csv")) + Files.size(out.resolve("sessions.csv"));
        final long estimate = TableSpace.estimate(study, SESSIONS);
        assertTrue(estimate >= written, estimate + " against " + written + " written");
        assertTrue(estimate <= 2 * written, estimate + " against " + written + " written");
        // Without sessions, only patients.csv.
        final long episodesOnly = TableSpace.estimate(study, Kept.EPISODES);
        assertTrue(episodesOnly >= Files.size(out.resolve("patients.csv")) && episodesOnly < written, "" + episodesOnly);
        // The crude figure that spares the simulation is above the estimate.
        assertTrue(TableSpace.crudeBound(study, SESSIONS) > estimate);
    }

    @Test
    void theEstimateCoversThePerPatientEvaluationTableToo() throws IOException {
        final Study study = study(6, small("open"), small("capped", "plan.sessionCap.sessions=4"));
        final Path out = dir.resolve("evaluated");
        ResultsWriter.run(study, new ResultsWriter.Options(out, false, false, 2, List.of("test"), null, null, true),
                ProgressListener.NONE);
        final long written = Files.size(out.resolve("patients.csv")) + Files.size(out.resolve("evaluation.csv"));
        final Kept kept = new Kept(false, true);
        final long estimate = TableSpace.estimate(study, kept);
        assertTrue(estimate >= written && estimate <= 2 * written, estimate + " against " + written + " written");
        assertTrue(TableSpace.crudeBound(study, kept) > estimate);
        final TherapysimException e = assertThrows(TherapysimException.class,
                () -> TableSpace.check(study, kept, dir.resolve("x"), 0, folder -> estimate - 1));
        assertTrue(e.getMessage().contains("with evaluation.csv") && e.getMessage().contains("leave out --evaluation"),
                e.getMessage());
    }

    @Test
    void aRunThatWouldNotFitIsRefusedWithTheEstimateAndTheFreeSpace() {
        final Study study = study(50, small("open"));
        final long estimate = TableSpace.estimate(study, SESSIONS);
        final Path target = dir.resolve("sub/out");
        final TherapysimException e = assertThrows(TherapysimException.class,
                () -> TableSpace.check(study, SESSIONS, target, 0, folder -> estimate - 1));
        assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("-o = " + target + ": the tables would take about "
                + TableSpace.bytes(estimate) + " (1 arm(s) x 50 replications, with sessions.csv), more than the "
                + TableSpace.bytes(estimate - 1) + " free on its file system (" + dir + ")"), e.getMessage());
        assertTrue(e.getMessage().contains("--sessions"), e.getMessage());
        // Just enough space, or space the run reclaims from its interrupted attempt, lets it run.
        assertEquals(estimate, TableSpace.check(study, SESSIONS, target, 0, folder -> estimate));
        assertEquals(estimate, TableSpace.check(study, SESSIONS, target, 10, folder -> estimate - 10));
        // Ample space needs no simulation.
        assertEquals(-1, TableSpace.check(study, SESSIONS, target, 0, folder -> Long.MAX_VALUE / 2));
    }

    @Test
    void bytesAreShownInDecimalUnits() {
        assertEquals("1.5 GB", TableSpace.bytes(1_500_000_000L));
        assertEquals("320.0 MB", TableSpace.bytes(320_000_000L));
        assertEquals("12.0 kB", TableSpace.bytes(12_000L));
    }
}

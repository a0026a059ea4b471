package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.TestScenarios;
import org.therapysim.model.EndReason;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.RandomStreams;
import org.therapysim.output.ResultsWriter;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;

class DeterminismTest {
    @TempDir
    Path dir;

    private Study smallStudy(final long seed) {
        final Scenario base = TestScenarios.defaults("population.members=20000", "simulation.weeks=60", "evaluation.horizonWeeks=9");
        final Scenario capped = TestScenarios.defaults("population.members=20000", "simulation.weeks=60", "evaluation.horizonWeeks=9",
                "plan.sessionCap.sessions=6", "name=cap");
        return new Study("determinism", "d", List.of(base, capped), 5, seed);
    }

    private Path write(final Study study, final String name, final int threads) {
        final Path target = dir.resolve(name);
        ResultsWriter.run(study, new ResultsWriter.Options(target, false, true, threads, List.of("test"), null, null,
                true), ProgressListener.NONE);
        return target;
    }

    private static byte[] bytes(final Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    @Test
    void sameSeedGivesIdenticalTablesOnAnyThreadCount() throws IOException {
        final Path one = write(smallStudy(5), "one-thread", 1);
        final Path again = write(smallStudy(5), "again", 1);
        final Path three = write(smallStudy(5), "three-threads", 3);
        for (final String table : List.of("patients.csv", "sessions.csv", "evaluation.csv", "summary.csv", "curves.csv",
                "cost_effectiveness.csv", "report.html", "scenario.yaml", "charts/dose_effect.png", "charts/dose_effect.svg", "charts/end_reasons.svg",
                "charts/recovery_rate.png", "charts/recovery_rate.svg")) {
            assertArrayEquals(bytes(one.resolve(table)), bytes(again.resolve(table)), table + " repeats");
            assertArrayEquals(bytes(one.resolve(table)), bytes(three.resolve(table)), table + " with 3 threads");
        }
    }

    @Test
    void differentSeedsGiveDifferentResults() throws IOException {
        final Path a = write(smallStudy(5), "a", 2);
        final Path b = write(smallStudy(6), "b", 2);
        assertFalse(Arrays.equals(bytes(a.resolve("patients.csv")), bytes(b.resolve("patients.csv"))));
    }

    @Test
    void replicationSeedsDependOnMasterAndIndexOnly() {
        // Fixed values: a study's seed gives the same replications in every release, so a folder's
        // scenario.yaml reproduces it.
        assertEquals(-53_954_600, RandomStreams.replicationSeed(42, 0));
        assertEquals(-2_124_386_345, RandomStreams.replicationSeed(42, 3));
        assertEquals(-405_359_703, RandomStreams.replicationSeed(43, 3));
        assertNotEquals(RandomStreams.replicationSeed(42, 3), RandomStreams.replicationSeed(42, 4));
        assertNotEquals(RandomStreams.replicationSeed(42, 3), RandomStreams.replicationSeed(43, 3));
        for (int r = 0; r < 1000; r++) {
            assertNotEquals(0, RandomStreams.replicationSeed(r, r));
        }
    }

    @Test
    void everyStudyWithTheSameMasterSeedRunsReplicationRWithTheSameSeed() {
        // Two studies that differ in their arms and number of replications: replication r has the
        // same seed in both, the one the manifest records, and every arm runs on it.
        final Study five = new Study("five", "d", List.of(TestScenarios.cohort(60, 12),
                TestScenarios.cohort(60, 12, "plan.copay=70").withName("copay")), 5, 42);
        final Study three = new Study("three", "d", List.of(TestScenarios.cohort(40, 8, "plan.sessionCap.sessions=4")),
                3, 42);
        final ExperimentResult a = new Experiment(five, false, 2).run(null, ProgressListener.NONE);
        final ExperimentResult b = new Experiment(three, false, 1).run(null, ProgressListener.NONE);
        assertEquals(5, a.seeds().size());
        assertEquals(a.seeds().subList(0, 3), b.seeds(), "the first three replications share their seeds");
        assertEquals(5, a.seeds().stream().distinct().count(), "each replication its own seed");
        for (int r = 0; r < 5; r++) {
            assertEquals(RandomStreams.replicationSeed(42, r), (int) a.seeds().get(r), "replication " + r);
        }
        for (final ExperimentResult result : List.of(a, b)) {
            for (final ArmResult arm : result.arms()) {
                for (final ReplicationSummary rep : arm.replications()) {
                    assertEquals((int) result.seeds().get(rep.replication()), rep.seed(),
                            arm.name() + ", replication " + rep.replication() + " ran on its seed");
                }
            }
        }
    }

    private static List<EpisodeRecord> firstEpisodes(final List<EpisodeRecord> episodes) {
        return episodes.stream().filter(e -> e.episode() == 1).toList();
    }

    @Test
    void armsShareTheSamePatientsUntilTheirRulesDiffer() {
        // Common random numbers: the same patients arrive with the same baseline under both designs,
        // and a patient whose course never reaches the cap has the identical course under both.
        final Scenario base = TestScenarios.defaults("population.members=20000");
        final Scenario capped = TestScenarios.defaults("population.members=20000", "plan.sessionCap.sessions=12",
                "plan.sessionCap.per=episode");
        final List<EpisodeRecord> a = firstEpisodes(TestScenarios.run(base, 21, false).episodes());
        final List<EpisodeRecord> b = firstEpisodes(TestScenarios.run(capped, 21, false).episodes());
        assertEquals(a.size(), b.size(), "the same patients arrive");
        int identical = 0;
        int compared = 0;
        for (int i = 0; i < a.size(); i++) {
            final EpisodeRecord x = a.get(i);
            final EpisodeRecord y = b.get(i);
            assertEquals(x.patientId(), y.patientId());
            assertEquals(x.arrivalWeek(), y.arrivalWeek());
            assertEquals(x.baselineScore(), y.baselineScore());
            assertEquals(x.condition(), y.condition());
            if (x.sessionsAttended() < 12 && x.endReason() != EndReason.HORIZON) {
                compared++;
                if (x.equals(y)) {
                    identical++;
                }
            }
        }
        assertTrue(compared > 300, "compared " + compared);
        assertTrue(identical > 0.9 * compared, identical + " of " + compared + " identical");
    }
}

package org.therapysim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.therapysim.experiment.Experiment;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.ProgressListener;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;

/** Builds scenarios for tests: the defaults (or a shipped file) with key overrides. */
public final class TestScenarios {
    /** The project's scenarios folder (tests run from the project root). */
    public static final Path SCENARIOS = Path.of("scenarios");

    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private TestScenarios() {
    }

    /** @return the defaults with {@code key=value} overrides applied in order */
    public static Scenario defaults(final String... overrides) {
        return apply(LOADER.defaultTree(), overrides);
    }

    /** @return a shipped scenario with overrides */
    public static Scenario shipped(final String file, final String... overrides) {
        return apply(LOADER.resolve(SCENARIOS.resolve(file)), overrides);
    }

    /** @return a closed cohort of {@code n} patients followed for {@code weeks}, with overrides */
    public static Scenario cohort(final int n, final int weeks, final String... overrides) {
        final List<String> all = new ArrayList<>(List.of("population.mode=cohort", "population.cohortSize=" + n,
                "simulation.weeks=" + weeks, "evaluation.horizonWeeks=" + weeks, "workforce.therapists=" + (n / 25 + 1)));
        all.addAll(List.of(overrides));
        return defaults(all.toArray(String[]::new));
    }

    private static Scenario apply(final ResolvedTree base, final String... overrides) {
        ResolvedTree tree = base;
        for (final String kv : overrides) {
            final int eq = kv.indexOf('=');
            tree = LOADER.override(tree, kv.substring(0, eq), kv.substring(eq + 1), "test");
        }
        return LOADER.bind(tree);
    }

    /** @return one replication of a scenario */
    public static ReplicationResult run(final Scenario scenario, final long seed, final boolean sessions) {
        return new TherapySim(scenario, RandomStreams.replicationSeed(seed, 0), sessions).run();
    }

    /** @return all episodes of several replications */
    public static List<EpisodeRecord> episodes(final Scenario scenario, final int replications) {
        final List<EpisodeRecord> out = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            out.addAll(new TherapySim(scenario, RandomStreams.replicationSeed(7, r), false).run().episodes());
        }
        return out;
    }

    /** @return a study of the given arms, run on 2 threads */
    public static ExperimentResult compare(final int replications, final Scenario... arms) {
        final Study study = new Study("test", "test", List.of(arms), replications, 11);
        return new Experiment(study, false, 2).run(null, ProgressListener.NONE);
    }

    /** Writes a YAML file. */
    /**
     * @return a small scenario file extending the shipped baseline (10,000 members, 60 weeks, 3
     *     replications, an 8-week evaluation horizon), with {@code extra} YAML appended
     */
    public static Path smallBaseline(final Path dir, final String name, final String extra) {
        return write(dir, name + ".yaml", "extends: " + SCENARIOS.toAbsolutePath().resolve("baseline.yaml")
                + "\nname: " + name + "\npopulation: {members: 10000}\nsimulation: {weeks: 60, replications: 3}"
                + "\nevaluation: {horizonWeeks: 8}\n" + extra);
    }

    public static Path write(final Path dir, final String name, final String yaml) {
        try {
            final Path file = dir.resolve(name);
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

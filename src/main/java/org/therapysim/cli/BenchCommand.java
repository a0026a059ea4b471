package org.therapysim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.therapysim.experiment.Benchmark;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code therapysim bench}: patient-weeks simulated per second for a closed cohort under the
 * default dynamics, on one thread and on all cores (see {@link Benchmark} for what a patient-week
 * is).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Measure simulation speed (patient-weeks per second).")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--patients", paramLabel = "N", description = "Cohort size, 1 to 1000000 (default: ${DEFAULT-VALUE}).")
    @Limits(min = 1, max = 1_000_000)
    int patients = 10_000;

    @Option(names = "--weeks", paramLabel = "W", description = "Weeks simulated, 1 to 2600 (default: ${DEFAULT-VALUE}).")
    @Limits(min = 1, max = 52 * 50)
    int weeks = 52;

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads for the parallel run, 1 to " + WorkOptions.MAX_THREADS + " (default: all cores).")
    @Limits(min = 1, max = WorkOptions.MAX_THREADS)
    Integer threads;

    @Option(names = "--repeat", paramLabel = "R", description = "Timed single-thread runs, 1 to 100 (default: ${DEFAULT-VALUE}).")
    @Limits(min = 1, max = 100)
    int repeat = 3;

    @Option(names = "--replications", paramLabel = "N",
            description = "Replications of the parallel runs, on 1 thread and on T, 1 to 100000 (default: enough for"
                    + " about 5 s on 1 thread, at least 4 per thread and 8).")
    @Limits(min = 1, max = 100_000)
    Integer replications;

    @Override
    public Integer call() {
        final int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        final ScenarioLoader loader = new ScenarioLoader();
        ResolvedTree tree = loader.defaultTree();
        tree = loader.override(tree, "population.mode", "cohort", "bench");
        tree = loader.override(tree, "population.cohortSize", Integer.toString(patients), "--patients");
        tree = loader.override(tree, "simulation.weeks", Integer.toString(weeks), "--weeks");
        // Every patient is followed (accounted) for every simulated week.
        tree = loader.override(tree, "evaluation.horizonWeeks", Integer.toString(weeks), "--weeks");
        final int capacity = loader.bind(tree).workforce().weeklyCapacity();
        tree = loader.override(tree, "workforce.therapists", Integer.toString(patients / capacity + 1), "bench");
        final Scenario scenario = loader.bind(tree);

        final PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "therapysim bench: cohort of %d patients, %d weeks, default dynamics%n", patients, weeks);
        out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        final List<Benchmark.Measurement> all = new ArrayList<>(Benchmark.singleThread(scenario, repeat));
        final int n = replications != null ? replications : Benchmark.replicationsFor(all, t);
        Benchmark.parallel(scenario, t, Math.max(2 * t, 4)); // untimed: compiles the summaries' code
        final Benchmark.Measurement one = Benchmark.parallel(scenario, 1, n);
        all.add(one);
        final Benchmark.Measurement many = t > 1 ? Benchmark.parallel(scenario, t, n) : null;
        if (many != null) {
            all.add(many);
        }
        out.printf(Locale.ROOT, "%-16s %6s %15s %15s %10s %22s%n", "mode", "reps", "patient-weeks",
                "in an episode", "seconds", "patient-weeks/second");
        for (final Benchmark.Measurement m : all) {
            out.printf(Locale.ROOT, "%-16s %6d %15d %15d %10.3f %22.0f%n", m.mode(), m.replications(),
                    m.patientWeeks(), m.episodeWeeks(), m.seconds(), m.rate());
        }
        if (many != null) {
            out.printf(Locale.ROOT, "scaling: %.2fx on %d threads (the same %d replications, with their summaries)%n",
                    one.seconds() / many.seconds(), t, n);
        }
        out.flush();
        return 0;
    }
}

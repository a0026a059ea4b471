package org.therapysim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.therapysim.TherapysimException;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;
import org.therapysim.scenario.Target;
import org.therapysim.scenario.TargetFile;

/**
 * Runs a targets file's scenario and compares each simulated statistic with its published band.
 * A target is met when the simulated mean over replications lies inside the band.
 */
public final class TargetCheck {
    /**
     * One compared target.
     *
     * @param target the published figure
     * @param metric the simulated statistic
     * @param simulated its summary over replications
     * @param inside whether the simulated mean lies in the band
     */
    public record Row(Target target, Metric metric, MetricSummary simulated, boolean inside) {
    }

    /**
     * A checked targets file.
     *
     * @param file the targets file as read
     * @param path where it was read from
     * @param result the simulation it was compared with
     * @param rows one per target, in file order
     */
    public record Outcome(TargetFile file, Path path, ExperimentResult result, List<Row> rows) {
        public Outcome {
            rows = List.copyOf(rows);
        }

        /** @return the number of targets missed */
        public long missed() {
            return rows.stream().filter(r -> !r.inside()).count();
        }
    }

    private TargetCheck() {
    }

    /**
     * Checks that every target names a known statistic.
     *
     * @throws TherapysimException (exit 2) naming the file, key path, value and the accepted ids
     */
    public static List<Metric> metrics(final TargetFile file, final Path path) {
        final List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < file.targets().size(); i++) {
            final String id = file.targets().get(i).statistic();
            try {
                metrics.add(Metric.byId(id));
            } catch (IllegalArgumentException e) {
                throw TherapysimException.invalidInput(path + ": targets[" + i + "].statistic = \"" + id
                        + "\": must be one of " + Arrays.stream(Metric.values()).map(Metric::id)
                        .collect(Collectors.joining(", ")));
            }
        }
        return metrics;
    }

    /** Runs the scenario with the file's replications and seed and compares. */
    public static Outcome run(final TargetFile file, final Path path, final Scenario scenario, final int threads,
            final ProgressListener progress) {
        final List<Metric> metrics = metrics(file, path);
        final ExperimentResult result = simulate(file, "Validation against " + path.getFileName(), scenario, threads,
                progress);
        return new Outcome(file, path, result, compare(file, metrics, result.reference()));
    }

    /** Runs a scenario with the targets file's replications and master seed. */
    static ExperimentResult simulate(final TargetFile file, final String description, final Scenario scenario,
            final int threads, final ProgressListener progress) {
        final Study study = new Study(file.name(), description, List.of(scenario), file.replications(), file.seed());
        return new Experiment(study, false, threads).run(null, progress);
    }

    /** @return each target against the arm's summary of its metric (met when the mean is inside the band) */
    static List<Row> compare(final TargetFile file, final List<Metric> metrics, final ArmResult arm) {
        final List<Row> rows = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            final Target target = file.targets().get(i);
            final MetricSummary s = arm.summary(metrics.get(i));
            final boolean inside = Double.isFinite(s.mean()) && s.mean() >= target.low() && s.mean() <= target.high();
            rows.add(new Row(target, metrics.get(i), s, inside));
        }
        return rows;
    }
}

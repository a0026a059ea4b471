package org.therapysim.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.therapysim.TherapysimException;
import org.therapysim.scenario.InvalidValueException;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;
import org.therapysim.scenario.Target;
import org.therapysim.scenario.TargetFile;
import org.therapysim.scenario.TargetRole;

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
     * @return how many targets of each role were met, independent first, e.g. "independent: 2 of 3
     *     met; calibrated: 13 of 13 met; input: none": only the independent ones are evidence of
     *     validity, the others show that the model was set up and fitted as intended
     */
    public static String byRole(final List<Outcome> outcomes) {
        final List<String> parts = new ArrayList<>();
        for (final TargetRole role : List.of(TargetRole.INDEPENDENT, TargetRole.CALIBRATED, TargetRole.INPUT)) {
            final List<Row> rows = outcomes.stream().flatMap(o -> o.rows().stream())
                    .filter(r -> r.target().role() == role).toList();
            final long met = rows.stream().filter(Row::inside).count();
            parts.add(role.word() + ": " + (rows.isEmpty() ? "none" : met + " of " + rows.size() + " met"));
        }
        return String.join("; ", parts) + " (only independent targets are evidence of validity)";
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

    /** @return the distinct reference scenarios the file's ratio targets name, in order of first use */
    public static List<String> references(final TargetFile file) {
        return file.targets().stream().map(Target::reference).filter(r -> r != null).distinct().toList();
    }

    /**
     * Runs the scenario, and the reference scenarios of ratio targets, with the file's
     * replications and seed (common random numbers), and compares.
     *
     * @param references the scenarios of {@link #references(TargetFile)}, in that order
     */
    public static Outcome run(final TargetFile file, final Path path, final Scenario scenario,
            final List<Scenario> references, final int threads, final ProgressListener progress) {
        final List<Metric> metrics = metrics(file, path);
        final ExperimentResult result = simulate(file, "Validation against " + path.getFileName(), scenario, references,
                threads, progress);
        return new Outcome(file, path, result, compare(file, metrics, result));
    }

    /** Runs a scenario and its references as the arms of one study with the targets file's replications and seed. */
    static ExperimentResult simulate(final TargetFile file, final String description, final Scenario scenario,
            final List<Scenario> references, final int threads, final ProgressListener progress) {
        return new Experiment(study(file, description, scenario, references), false, threads).run(null, progress);
    }

    private static Study study(final TargetFile file, final String description, final Scenario scenario,
            final List<Scenario> references) {
        final List<Scenario> arms = new ArrayList<>();
        arms.add(scenario);
        arms.addAll(references);
        return new Study(file.name(), description, arms, file.replications(), file.seed());
    }

    /**
     * Checks, before anything runs, that a file's scenario and its reference scenarios can run side
     * by side: distinct names and the same horizon.
     *
     * @throws TherapysimException (exit 2) naming the targets file, the reference, and the rule
     */
    public static void checkArms(final TargetFile file, final Path path, final Scenario scenario,
            final List<Scenario> references) {
        try {
            study(file, "check", scenario, references);
        } catch (InvalidValueException e) {
            final Matcher arm = Pattern.compile("^arms\\[(\\d+)\\]\\.(.*)$").matcher(e.key());
            if (!arm.matches()) {
                throw TherapysimException.invalidInput(path + ": " + e.getMessage());
            }
            final String reference = references(file).get(Integer.parseInt(arm.group(1)) - 1);
            throw TherapysimException.invalidInput(path + ": reference " + reference + ": its scenario's "
                    + arm.group(2) + " = " + e.value() + ": " + e.rule());
        }
    }

    /**
     * @return each target against the summary of its metric in the first arm, or of the ratio of the
     *     first arm to the target's reference arm (met when the mean is inside the band)
     */
    static List<Row> compare(final TargetFile file, final List<Metric> metrics, final ExperimentResult result) {
        final List<String> references = references(file);
        final List<Row> rows = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            final Target target = file.targets().get(i);
            final ArmResult arm = result.reference();
            final MetricSummary s = target.reference() == null ? arm.summary(metrics.get(i))
                    : arm.ratioTo(result.arms().get(1 + references.indexOf(target.reference())), metrics.get(i));
            final boolean inside = Double.isFinite(s.mean()) && s.mean() >= target.low() && s.mean() <= target.high();
            rows.add(new Row(target, metrics.get(i), s, inside));
        }
        return rows;
    }
}

package org.therapysim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.therapysim.ExitCode;
import org.therapysim.Installation;
import org.therapysim.TherapysimException;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.TargetCheck;
import org.therapysim.output.ResultsFolder;
import org.therapysim.output.ValidationWriter;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.TargetFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code therapysim check [TARGETS...]}: runs each targets file's scenario and compares the
 * simulated statistics with the published figures. Exits 1 when any target is missed.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Compare the model with published figures (targets files).",
            "Exits 1 when a target is missed; writes validation.csv and a chart."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "TARGETS", description = "Targets files (default: targets/*.yaml).")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder (default: results/validation).")
    Path output = Path.of("results", "validation");

    @Mixin
    WorkOptions work = new WorkOptions();

    @Override
    public Integer call() throws IOException {
        final Instant start = Instant.now();
        final List<Path> paths = files.isEmpty() ? defaultTargets() : files;
        ResultsFolder.checkTarget(output.toAbsolutePath().normalize(), work.overwrite);
        final ScenarioLoader loader = new ScenarioLoader();
        final List<TargetFile> targetFiles = new ArrayList<>();
        final List<Scenario> scenarios = new ArrayList<>();
        final List<List<Scenario>> references = new ArrayList<>();
        for (final Path path : paths) {
            final TargetFile file = loader.loadTargets(path);
            TargetCheck.metrics(file, path);
            targetFiles.add(file);
            scenarios.add(loader.load(ScenarioLoader.sibling(path, file.scenario())));
            references.add(TargetCheck.references(file).stream()
                    .map(r -> loader.load(ScenarioLoader.sibling(path, r))).toList());
            TargetCheck.checkArms(file, path, scenarios.get(scenarios.size() - 1), references.get(references.size() - 1));
        }
        final int t = work.threadCount();
        final List<TargetCheck.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            final TargetFile file = targetFiles.get(i);
            try (Progress progress = Progress.start("Checking " + paths.get(i).getFileName(),
                    file.replications() * (1 + references.get(i).size()), work.quiet, System.err)) {
                outcomes.add(TargetCheck.run(file, paths.get(i), scenarios.get(i), references.get(i), t, progress));
            }
        }
        ValidationWriter.write(outcomes, output, work.overwrite, Main.commandLine(spec), start);
        final PrintWriter out = spec.commandLine().getOut();
        long missed = 0;
        long total = 0;
        for (final TargetCheck.Outcome outcome : outcomes) {
            out.printf(Locale.ROOT, "%s (%s, %d replications)%n", outcome.path(), outcome.file().name(),
                    outcome.file().replications());
            final int width = Math.max(6, outcome.rows().stream().mapToInt(r -> r.target().name().length()).max()
                    .orElse(6));
            final String format = "  %-" + width + "s  %-12s %-24s %-24s %-26s %s%n";
            out.printf(Locale.ROOT, format, "target", "role", "source", "published [band]", "simulated [95% CI]", "met");
            for (final TargetCheck.Row row : outcome.rows()) {
                final boolean ratio = row.target().reference() != null;
                out.printf(Locale.ROOT, format, row.target().name(), row.target().role().word(),
                        row.target().source().shortCitation(),
                        show(row.metric(), ratio, row.target().value()) + " ["
                                + show(row.metric(), ratio, row.target().low()) + ", "
                                + show(row.metric(), ratio, row.target().high()) + "]",
                        show(row.metric(), ratio, row.simulated().mean()) + " ["
                                + show(row.metric(), ratio, row.simulated().ciLow()) + ", "
                                + show(row.metric(), ratio, row.simulated().ciHigh()) + "]",
                        row.inside() ? "yes" : "NO");
            }
            missed += outcome.missed();
            total += outcome.rows().size();
        }
        out.printf(Locale.ROOT, "%n%d of %d targets met; results in %s%n", total - missed, total, output);
        out.printf(Locale.ROOT, "%s%n", TargetCheck.byRole(outcomes));
        out.flush();
        return missed == 0 ? ExitCode.OK.status() : ExitCode.RUN_FAILED.status();
    }

    /** Shares as percentages; ratios between scenarios and other statistics with three significant digits. */
    private static String show(final Metric metric, final boolean ratio, final double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        return metric.isShare() && !ratio ? String.format(Locale.ROOT, "%.1f%%", 100 * value)
                : String.format(Locale.ROOT, "%.3g", value);
    }

    private static List<Path> defaultTargets() throws IOException {
        final Path folder = Installation.shipped("targets");
        if (!Files.isDirectory(folder)) {
            throw TherapysimException.invalidInput("targets: folder not found here or beside the build; name targets"
                    + " files");
        }
        try (Stream<Path> list = Files.list(folder)) {
            final List<Path> found = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            if (found.isEmpty()) {
                throw TherapysimException.invalidInput("targets: no .yaml files");
            }
            return found;
        }
    }
}

package org.therapysim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.therapysim.TherapysimException;
import org.therapysim.experiment.Calibration;
import org.therapysim.experiment.TargetCheck;
import org.therapysim.output.CalibrationWriter;
import org.therapysim.output.ResultsFolder;
import org.therapysim.scenario.FreeParameter;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.TargetFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code therapysim calibrate TARGETS}: fits free parameters of the targets file's scenario to its
 * published figures with CMA-ES on common random numbers, and writes the fitted values as a
 * scenario overlay with a fit report.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Fit free scenario parameters to a targets file (CMA-ES, common random numbers).",
            "Writes fitted.yaml (a scenario overlay to extend), fit.csv and targets.csv."})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGETS", description = "Targets file (YAML).")
    Path targetsFile;

    @Option(names = "--free", paramLabel = "KEY=LOW:HIGH",
            description = "A parameter to fit, with bounds (repeatable; default: the targets file's free list).")
    List<String> freeOptions = new ArrayList<>();

    @Option(names = "--max-evaluations", paramLabel = "N",
            description = "Objective evaluations, 2 to 100000 (default: ${DEFAULT-VALUE}).")
    @Limits(min = 2, max = 100_000)
    int maxEvaluations = 150;

    @Option(names = {"-n", "--replications"}, paramLabel = "N",
            description = "Replications per evaluation, 2 to 100000 (default: the targets file's).")
    @Limits(min = 2, max = 100_000)
    Integer replications;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder (default: results/calibration-<file>).")
    Path output;

    @Mixin
    WorkOptions work = new WorkOptions();

    @Override
    public Integer call() {
        final Instant start = Instant.now();
        final Path target = output != null ? output
                : Path.of("results", "calibration-" + ResultsFolder.nameOf(targetsFile));
        ResultsFolder.checkTarget(target.toAbsolutePath().normalize(), work.overwrite);
        final ScenarioLoader loader = new ScenarioLoader();
        TargetFile file = loader.loadTargets(targetsFile);
        if (replications != null) {
            file = new TargetFile(file.name(), file.scenario(), replications, file.seed(), file.targets(), file.free());
        }
        final List<FreeParameter> free = new ArrayList<>();
        for (final String text : freeOptions) {
            try {
                free.add(FreeParameter.parse(text));
            } catch (IllegalArgumentException e) {
                throw TherapysimException.invalidInput("--free = " + text + ": " + e.getMessage());
            }
        }
        if (free.isEmpty()) {
            free.addAll(file.free());
        }
        final Path scenarioFile = ScenarioLoader.sibling(targetsFile, file.scenario());
        final int t = work.threadCount();
        final List<ResolvedTree> references = TargetCheck.references(file).stream()
                .map(r -> loader.resolve(ScenarioLoader.sibling(targetsFile, r))).toList();
        final ResolvedTree base = loader.resolve(scenarioFile);
        TargetCheck.checkArms(file, targetsFile, loader.bind(base), references.stream().map(loader::bind).toList());
        final Calibration calibration = new Calibration(loader, base, references, file, targetsFile, free, t);
        final Calibration.Fit fit;
        try (Progress progress = Progress.start("Calibrating", maxEvaluations, " evaluations", work.quiet, System.err)) {
            fit = calibration.fit(maxEvaluations, file.seed(), (evaluation, best) -> {
                progress.progress(Math.min(evaluation, maxEvaluations), maxEvaluations);
                progress.message(String.format(Locale.ROOT, "best objective %.4g", best));
            });
        }
        CalibrationWriter.write(fit, free, targetsFile, scenarioFile, file.seed(), file.replications(), target,
                work.overwrite, Main.commandLine(spec), start);
        final PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Calibrated %s to %s: objective %.4g -> %.4g after %d evaluations%n",
                scenarioFile, targetsFile, fit.startObjective(), fit.objective(), fit.evaluations());
        for (final FreeParameter p : free) {
            out.printf(Locale.ROOT, "  %-44s %10.4g -> %10.4g   bounds [%s, %s]%n", p.key(), fit.start().get(p.key()),
                    fit.values().get(p.key()), p.low(), p.high());
        }
        final long missed = fit.rows().stream().filter(r -> !r.inside()).count();
        for (final TargetCheck.Row row : fit.rows()) {
            out.printf(Locale.ROOT, "  %-38s published %.4g [%.4g, %.4g]  fitted %.4g  %s%n", row.target().name(),
                    row.target().value(), row.target().low(), row.target().high(), row.simulated().mean(),
                    row.inside() ? "met" : "MISSED");
        }
        out.printf(Locale.ROOT, "%s%nFitted scenario overlay: %s%n", missed == 0 ? "Every target is met."
                : missed + " of " + fit.rows().size() + " targets are still missed at the best point found.",
                target.resolve("fitted.yaml"));
        out.flush();
        return 0;
    }
}

package org.therapysim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.therapysim.TherapysimException;
import org.therapysim.engine.Engine;
import org.therapysim.engine.Engines;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.experiment.OneWaySensitivity;
import org.therapysim.experiment.Perspective;
import org.therapysim.model.Kept;
import org.therapysim.output.UncertaintyWriter;
import org.therapysim.output.WorkFolder;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import org.therapysim.scenario.UncertainParameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code therapysim tornado STUDY}: one-way sensitivity of one arm's outcome against the reference
 * over the range of each of the study's {@code psa:} parameters.
 */
@Command(name = "tornado", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"One-way sensitivity analysis and its tornado diagram.",
    "Each psa: parameter in turn at the 2.5th and 97.5th percentile of its distribution",
    "(a uniform's too, not its bounds). An ICER end whose QALY difference is not detectable",
    "is left undefined; an undefined base-case ICER is refused."})
final class TornadoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "Study file with a psa: list.")
    Path file;

    @Option(names = "--arm", paramLabel = "NAME",
            description = "Arm compared with the reference (default: the second arm).")
    String arm;

    @Option(names = "--outcome", paramLabel = "OUTCOME", defaultValue = "nmb",
            description = "nmb (incremental net monetary benefit), icer (cost per QALY) or recovery "
                    + "(the arm's recovery rate); default: ${DEFAULT-VALUE}.")
    String outcome;

    @Option(names = "--perspective", paramLabel = "WHO", defaultValue = "payer",
            description = "payer, employer, healthcare or societal (default: ${DEFAULT-VALUE}).")
    String perspective;

    @Option(names = "--parameter", paramLabel = "KEY",
            description = "Vary only this psa: parameter (repeat for several; default: all of them).")
    List<String> parameters;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() {
        final OneWaySensitivity.Outcome what = Choices.parse(outcome, "--outcome", OneWaySensitivity.Outcome.class);
        final Perspective who = Choices.parse(perspective, "--perspective", Perspective.class);
        final ScenarioLoader loader = new ScenarioLoader();
        final Study study = chosen(analysis.study(loader, file));
        final int index = armIndex(study);
        final Engines.Choice where = engine.choice(analysis.resuming.resume);
        final Path target = analysis.target(file, "tornado");
        StudyRunner.checkSpace(study, Kept.EPISODES, target, analysis.resuming.resume, where);
        final int runs = (1 + 2 * study.uncertain().size()) * (index == 0 ? 1 : 2) * study.replications();
        final OneWaySensitivity.Result result;
        final ExperimentResult base;
        final double wtp = study.reference().evaluation().willingnessToPay();
        // Another engine stays open for the base case, which then joins it rather than starting anew.
        try (WorkFolder work = analysis.open(target, WorkFolder.fingerprint(study, "tornado", "arm " + index,
                "outcome " + what, "perspective " + who), spec.commandLine().getErr());
                Engine other = where.isLocal() ? null : Engines.open(where)) {
            try {
                try (Progress progress = Progress.start("Varying", runs, analysis.work.quiet, System.err)) {
                    result = other == null
                            ? OneWaySensitivity.run(study, loader, index, what, who, wtp, analysis.work.threadCount(),
                                    progress, work.journal("tornado"))
                            : OneWaySensitivity.run(study, loader, index, what, who, wtp, other, progress);
                } catch (OneWaySensitivity.NoDetectableDifferenceException e) {
                    throw TherapysimException.invalidInput("--outcome icer: " + e.getMessage()
                            + "; run more replications (-n) or use --outcome nmb");
                }
                base = analysis.write(study, work, target, Main.commandLine(spec),
                        (folder, ignored) -> UncertaintyWriter.tornado(result, folder), where);
            } catch (RuntimeException e) {
                throw work.explain(e);
            }
        }
        if (!analysis.work.quiet) {
            final var out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s of %s: %.6g with every value as given%n", what.label(), result.arm(),
                    result.base());
            for (final OneWaySensitivity.Bar bar : result.bars()) {
                out.printf(Locale.ROOT, "  %-45s %s to %s%s%n", bar.parameter().key(), shown(bar.atLow()),
                        shown(bar.atHigh()), interval(bar));
            }
            final List<OneWaySensitivity.Bar> measured = result.bars().stream()
                    .filter(b -> b.differenceError() != null && Double.isFinite(b.differenceError().ciLow())).toList();
            if (!measured.isEmpty()) {
                final long within = measured.stream().filter(b -> !b.detected()).count();
                out.printf(Locale.ROOT, "%s%n", within == 0
                        ? "Every bar is outside the simulation's noise: the 95% interval of high less low excludes zero."
                        : within + " of " + measured.size() + " bars are within the simulation's noise (the 95% interval"
                                + " of high less low includes zero): their width is not told apart from zero with "
                                + study.replications() + " replications; run more (-n) to resolve them.");
            }
            out.printf(Locale.ROOT, "%nResults: %s%n", target);
            out.flush();
        }
        StudyRunner.warnAboutCapacity(base, spec.commandLine().getErr());
        return 0;
    }

    /** @return the bar's high less low with its 95% Monte Carlo interval, or nothing without one */
    private static String interval(final OneWaySensitivity.Bar bar) {
        final MetricSummary d = bar.differenceError();
        if (d == null || !Double.isFinite(d.ciLow())) {
            return "";
        }
        return String.format(Locale.ROOT, "   high less low %.4g [%.4g, %.4g]%s", d.mean(), d.ciLow(), d.ciHigh(),
                bar.detected() ? "" : " within noise");
    }

    private static String shown(final double value) {
        return Double.isNaN(value) ? "undefined (no detectable QALY difference)"
                : String.format(Locale.ROOT, "%.6g", value);
    }

    private Study chosen(final Study study) {
        if (parameters == null || parameters.isEmpty()) {
            return study;
        }
        final List<String> keys = study.uncertain().stream().map(UncertainParameter::key).toList();
        for (final String key : parameters) {
            if (!keys.contains(key)) {
                throw TherapysimException.invalidInput("--parameter = " + key + ": must be one of the psa: keys " + keys);
            }
        }
        return study.withUncertain(study.uncertain().stream().filter(u -> parameters.contains(u.key())).toList());
    }

    private int armIndex(final Study study) {
        if (arm == null) {
            if (study.arms().size() < 2 && !"recovery".equalsIgnoreCase(outcome.trim())) {
                throw TherapysimException.invalidInput(file + ": arms: one arm: --outcome " + outcome
                        + " compares an arm with the reference; give a study with two or more arms");
            }
            return study.arms().size() > 1 ? 1 : 0;
        }
        for (int i = 0; i < study.arms().size(); i++) {
            if (study.arms().get(i).name().equals(arm)) {
                if (i == 0 && !"recovery".equalsIgnoreCase(outcome.trim())) {
                    throw TherapysimException.invalidInput("--arm = " + arm + ": is the reference; name another arm");
                }
                return i;
            }
        }
        throw TherapysimException.invalidInput("--arm = " + arm + ": must be one of "
                + study.arms().stream().map(Scenario::name).toList());
    }
}

package org.therapysim.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.therapysim.TherapysimException;
import org.therapysim.engine.Engine;
import org.therapysim.engine.Engines;
import org.therapysim.experiment.Perspective;
import org.therapysim.experiment.ProbabilisticAnalysis;
import org.therapysim.output.UncertaintyWriter;
import org.therapysim.output.WorkFolder;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code therapysim psa STUDY --draws N}: probabilistic sensitivity analysis over the study's
 * {@code psa:} parameters.
 */
@Command(name = "psa", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Probabilistic sensitivity analysis: every arm on each draw of the study's psa: parameters.",
    "Writes the draws, the cost-effectiveness plane, the acceptability curve and the value of information."})
final class PsaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "Study file with a psa: list.")
    Path file;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "100",
            description = "Draws of the uncertain parameters (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--per-draw", paramLabel = "R", defaultValue = "1",
            description = "Replications of every arm in each draw (default: ${DEFAULT-VALUE}).")
    int perDraw;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() {
        if (draws < 2) {
            throw TherapysimException.invalidInput("--draws = " + draws + ": must be at least 2");
        }
        if (perDraw < 1) {
            throw TherapysimException.invalidInput("--per-draw = " + perDraw + ": must be at least 1");
        }
        final Engines.Choice where = engine.choice(analysis.resuming.resume);
        final ScenarioLoader loader = new ScenarioLoader();
        final Study study = analysis.study(loader, file);
        final Path target = analysis.target(file, "psa");
        final ProbabilisticAnalysis.Result result;
        // Another engine stays open for the base case, which then joins it rather than starting anew.
        try (WorkFolder work = analysis.open(target, fingerprint(study, draws, perDraw), spec.commandLine().getErr());
                Engine other = where.isLocal() ? null : Engines.open(where)) {
            try (Progress progress = Progress.start("Drawing", draws * perDraw * study.arms().size(),
                    analysis.work.quiet, System.err)) {
                result = other == null
                        ? ProbabilisticAnalysis.run(study, loader, draws, perDraw, analysis.work.threadCount(), progress,
                                work.journal("draws"))
                        : ProbabilisticAnalysis.run(study, loader, draws, perDraw, other, progress);
            }
            analysis.write(study, work, target, Main.commandLine(spec), folder -> UncertaintyWriter.psa(result, folder),
                    where);
        }
        if (!analysis.work.quiet) {
            final var out = spec.commandLine().getOut();
            final double wtp = study.reference().evaluation().willingnessToPay();
            for (final Perspective p : Perspective.values()) {
                final double[][] best = result.acceptability(p, new double[] {wtp});
                out.printf(Locale.ROOT, "%s perspective, at %,.0f %s per QALY: ", p.label(), wtp,
                        study.reference().costs().currency());
                for (int a = 0; a < result.arms().size(); a++) {
                    out.printf(Locale.ROOT, "%s%s %.0f%%", a > 0 ? ", " : "", result.arms().get(a), 100 * best[a][0]);
                }
                out.printf(Locale.ROOT, " cost-effective; EVPI %,.2f per patient%n", result.evpi(p, wtp));
            }
            out.printf(Locale.ROOT, "%nResults: %s%n", target);
            out.flush();
        }
        return 0;
    }

    /** @return what identifies an analysis, for resuming it */
    static String fingerprint(final Study study, final int draws, final int perDraw) {
        return WorkFolder.fingerprint(study, "psa", "draws " + draws, "per draw " + perDraw);
    }
}

package org.therapysim.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.therapysim.TherapysimException;
import org.therapysim.engine.Engine;
import org.therapysim.engine.Engines;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Perspective;
import org.therapysim.experiment.ProbabilisticAnalysis;
import org.therapysim.experiment.SimulationNoise;
import org.therapysim.experiment.ValueOfInformation;
import org.therapysim.model.Kept;
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
    /** The most draws: published analyses use 1,000 to 10,000. */
    static final int MAX_DRAWS = 10_000;
    /** The most replications of every arm in one draw. */
    static final int MAX_PER_DRAW = 1_000;
    /** The most replications in all (each keeps its summary in memory until the analysis ends). */
    static final int MAX_RUNS = 500_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "Study file with a psa: list.")
    Path file;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "100",
            description = "Draws of the uncertain parameters, 2 to " + MAX_DRAWS + " (default: ${DEFAULT-VALUE}).")
    @Limits(min = 2, max = MAX_DRAWS)
    int draws;

    /**
     * Replications of every arm in each draw by default: enough that simulation noise is below a
     * tenth of the variance across draws of the shipped study's incremental net benefits taken
     * together (docs/MODEL.md, "Sensitivity analyses"; docs/PERFORMANCE.md).
     */
    static final String DEFAULT_PER_DRAW = "100";

    @Option(names = "--per-draw", paramLabel = "R", defaultValue = DEFAULT_PER_DRAW,
            description = {"Replications of every arm in each draw, 1 to " + MAX_PER_DRAW + " (default: ${DEFAULT-VALUE}).",
                "Draws x replications per draw x arms may be at most " + MAX_RUNS + "."})
    @Limits(min = 1, max = MAX_PER_DRAW)
    int perDraw;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() {
        final Engines.Choice where = engine.choice(analysis.resuming.resume);
        final ScenarioLoader loader = new ScenarioLoader();
        final Study study = analysis.study(loader, file);
        final long runs = (long) draws * perDraw * study.arms().size();
        if (runs > MAX_RUNS) {
            final int arms = study.arms().size();
            throw TherapysimException.invalidInput("psa: " + draws + " draws x " + perDraw + " per draw x " + arms
                    + (arms == 1 ? " arm" : " arms") + " = " + runs + " replications: at most " + MAX_RUNS
                    + " are allowed; give fewer --draws or --per-draw");
        }
        final Path target = analysis.target(file, "psa");
        StudyRunner.checkSpace(study, Kept.EPISODES, target, analysis.resuming.resume, where);
        final ProbabilisticAnalysis.Result result;
        final ExperimentResult base;
        // Another engine stays open for the base case, which then joins it rather than starting anew.
        try (WorkFolder work = analysis.open(target, fingerprint(study, draws, perDraw), spec.commandLine().getErr());
                Engine other = where.isLocal() ? null : Engines.open(where)) {
            try {
                // At most MAX_RUNS, so an int.
                try (Progress progress = Progress.start("Drawing", (int) runs, analysis.work.quiet, System.err)) {
                    result = other == null
                            ? ProbabilisticAnalysis.run(study, loader, draws, perDraw, analysis.work.threadCount(),
                                    progress, work.journal("draws"))
                            : ProbabilisticAnalysis.run(study, loader, draws, perDraw, other, progress);
                }
                base = analysis.write(study, work, target, Main.commandLine(spec),
                        (folder, ignored) -> UncertaintyWriter.psa(result, folder), where);
            } catch (RuntimeException e) {
                throw work.explain(e);
            }
        }
        if (!analysis.work.quiet) {
            final var out = spec.commandLine().getOut();
            final double wtp = study.reference().evaluation().willingnessToPay();
            for (final Perspective p : Perspective.values()) {
                final ValueOfInformation corrected = result.corrected(p);
                final double[][] best = corrected.acceptability(new double[] {wtp});
                final ValueOfInformation.Estimate evpi = corrected.evppi(new double[] {wtp})[0];
                out.printf(Locale.ROOT, "%s perspective, at %,.0f %s per QALY, noise regressed away: ", p.label(), wtp,
                        study.reference().costs().currency());
                for (int a = 0; a < result.arms().size(); a++) {
                    out.printf(Locale.ROOT, "%s%s %.0f%%", a > 0 ? ", " : "", result.arms().get(a), 100 * best[a][0]);
                }
                out.printf(Locale.ROOT, " cost-effective; EVPI %,.2f +/- %,.2f per patient (%,.2f with the noise)%n",
                        evpi.value(), evpi.standardError(), result.evpi(p, wtp));
                final double all = SimulationNoise.pooled(result, p, wtp).share();
                double worst = Double.NaN;
                for (int a = 1; a < result.arms().size(); a++) {
                    final double share = SimulationNoise.of(result, p, wtp, a, 0).share();
                    worst = Double.isNaN(worst) || share > worst ? share : worst;
                }
                if (!Double.isNaN(all)) {
                    out.printf(Locale.ROOT, "  simulation noise: %.1f%% of the variance across draws of the arms' "
                            + "incremental net benefit together, up to %.0f%% for one arm (psa_noise.csv)%n", 100 * all,
                            100 * worst);
                }
            }
            out.printf(Locale.ROOT, "%nResults: %s%n", target);
            out.flush();
        }
        StudyRunner.warnAboutCapacity(base, spec.commandLine().getErr());
        final var err = spec.commandLine().getErr();
        for (final String warning : SimulationNoise.warnings(result)) {
            err.println("therapysim: warning: " + warning);
        }
        err.flush();
        return 0;
    }

    /** @return what identifies an analysis, for resuming it */
    static String fingerprint(final Study study, final int draws, final int perDraw) {
        return WorkFolder.fingerprint(study, "psa", "draws " + draws, "per draw " + perDraw);
    }
}

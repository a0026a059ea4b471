package org.therapysim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.therapysim.TherapysimException;
import java.util.List;
import org.therapysim.engine.Engines;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.output.ResultsFolder;
import org.therapysim.output.ResultsWriter;
import org.therapysim.output.WorkFolder;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the sensitivity analyses: replications, seed, willingness to pay, output folder, work options. */
final class AnalysisOptions {
    @Option(names = "--seed", paramLabel = "SEED", description = "Master seed (default: the study's).")
    Long seed;

    @Option(names = {"-n", "--replications"}, paramLabel = "N",
            description = "Replications per arm of the base case (and, for tornado, of each run), 1 to 100000"
                    + " (default: the study's).")
    @Limits(min = 1, max = 100_000)
    Integer replications;

    @Option(names = "--wtp", paramLabel = "AMOUNT",
            description = "Willingness to pay per QALY (default: the scenario's evaluation.willingnessToPay).")
    Double wtp;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Results folder (default: results/<study>-<analysis>).")
    Path output;

    @Mixin
    ResumeOption resuming = new ResumeOption();

    @Mixin
    SetOptions settings = new SetOptions();

    @Mixin
    WorkOptions work = new WorkOptions();

    /** @return the study with the seed and willingness to pay given, checked to have uncertain parameters */
    Study study(final ScenarioLoader loader, final Path file) {
        Study study = StudyRunner.withWillingnessToPay(settings.apply(loader.loadStudy(file), loader), wtp);
        study = study.withRun(replications != null ? replications : study.replications(),
                seed != null ? seed : study.seed());
        if (study.uncertain().isEmpty()) {
            throw TherapysimException.invalidInput(file + ": psa: missing: list the uncertain parameters, e.g. "
                    + "psa: [{key: dynamics.relapse.oneYearRisk, distribution: beta, mean: 0.29, sd: 0.05}]");
        }
        return study;
    }

    /**
     * Opens the work folder of the analysis's results folder, which holds its journal.
     *
     * @param fingerprint identifies the analysis (see {@link WorkFolder#fingerprint})
     */
    WorkFolder open(final Path target, final String fingerprint, final PrintWriter err) {
        return WorkFolder.open(target, work.overwrite, resuming.resume, fingerprint, note -> {
            err.println("therapysim: " + note);
            err.flush();
        });
    }

    /**
     * Runs the base case of the study and writes the folder with the analysis's files.
     *
     * @return the base case's result
     */
    ExperimentResult write(final Study study, final WorkFolder folder, final Path target, final List<String> command,
            final ResultsWriter.Addition addition) {
        return write(study, folder, target, command, addition, Engines.Choice.LOCAL_THREADS);
    }

    /** As {@link #write(Study, WorkFolder, Path, List, ResultsWriter.Addition)}, with the base case on {@code engine}. */
    ExperimentResult write(final Study study, final WorkFolder folder, final Path target, final List<String> command,
            final ResultsWriter.Addition addition, final Engines.Choice engine) {
        try (Progress progress = Progress.start("Base case", study.arms().size() * study.replications(), work.quiet,
                System.err)) {
            return ResultsWriter.run(study, new ResultsWriter.Options(target, work.overwrite, false, work.threadCount(),
                    command, null, engine), progress, addition, folder);
        }
    }

    /** @return the folder to write */
    Path target(final Path file, final String analysis) {
        return output != null ? output : Path.of("results", ResultsFolder.nameOf(file) + "-" + analysis);
    }
}

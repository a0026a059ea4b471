package org.therapysim.cli;

import java.nio.file.Path;
import org.therapysim.TherapysimException;
import org.therapysim.output.ResultsFolder;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the sensitivity analyses: seed, willingness to pay, output folder and work options. */
final class AnalysisOptions {
    @Option(names = "--seed", paramLabel = "SEED", description = "Master seed (default: the study's).")
    Long seed;

    @Option(names = "--wtp", paramLabel = "AMOUNT",
            description = "Willingness to pay per QALY (default: the scenario's evaluation.willingnessToPay).")
    Double wtp;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Results folder (default: results/<study>-<analysis>).")
    Path output;

    @Mixin
    WorkOptions work = new WorkOptions();

    /** @return the study with the seed and willingness to pay given, checked to have uncertain parameters */
    Study study(final ScenarioLoader loader, final Path file) {
        Study study = StudyRunner.withWillingnessToPay(loader.loadStudy(file), wtp);
        if (seed != null) {
            study = study.withRun(study.replications(), seed);
        }
        if (study.uncertain().isEmpty()) {
            throw TherapysimException.invalidInput(file + ": psa: missing: list the uncertain parameters, e.g. "
                    + "psa: [{key: dynamics.relapse.oneYearRisk, distribution: beta, mean: 0.29, sd: 0.05}]");
        }
        return study;
    }

    /** @return the folder to write */
    Path target(final Path file, final String analysis) {
        return output != null ? output : Path.of("results", ResultsFolder.nameOf(file) + "-" + analysis);
    }
}

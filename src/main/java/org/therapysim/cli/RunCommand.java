package org.therapysim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.therapysim.TherapysimException;
import org.therapysim.output.ResultsFolder;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code therapysim run SCENARIO}: simulates one scenario and writes its results folder. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Simulate one scenario and write its results folder.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenario;

    @Mixin
    RunOptions options;

    @Mixin
    SetOptions settings = new SetOptions();

    @Override
    public Integer call() {
        final ScenarioLoader loader = new ScenarioLoader();
        final Study study = settings.apply(loader.loadStudy(scenario), loader);
        if (study.arms().size() > 1) {
            throw TherapysimException.invalidInput(scenario + ": is a study with " + study.arms().size()
                    + " arms: use 'therapysim compare " + scenario + "'");
        }
        return StudyRunner.run(study, options, ResultsFolder.nameOf(scenario), Main.commandLine(spec), null,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}

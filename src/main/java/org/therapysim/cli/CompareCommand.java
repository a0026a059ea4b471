package org.therapysim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.therapysim.output.ResultsFolder;
import org.therapysim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code therapysim compare STUDY|SCENARIO...}: runs every arm on the same seeds and reports each
 * arm's paired difference from the first (the reference).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Compare benefit designs on common random numbers.",
    "Give one study file (with arms:) or several scenario files; the first arm is the reference."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "STUDY|SCENARIO", description = "Study file, or scenario files.")
    List<Path> files;

    @Mixin
    RunOptions options;

    @Mixin
    SetOptions settings = new SetOptions();

    @Override
    public Integer call() {
        final ScenarioLoader loader = new ScenarioLoader();
        return StudyRunner.run(settings.apply(loader.loadStudies(files), loader), options,
                ResultsFolder.nameOf(files.get(0)),
                Main.commandLine(spec), null, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}

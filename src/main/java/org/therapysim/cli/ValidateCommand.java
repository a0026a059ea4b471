package org.therapysim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.therapysim.output.ScenarioFile;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code therapysim validate FILE...}: checks scenario or study files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Check scenario or study files; with --print, show them fully resolved.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario or study files.")
    List<Path> files;

    @Option(names = "--print", description = "Print each file resolved, with every default, as YAML.")
    boolean print;

    @Override
    public Integer call() throws IOException {
        final ScenarioLoader loader = new ScenarioLoader();
        final PrintWriter out = spec.commandLine().getOut();
        for (final Path file : files) {
            final Study study = loader.loadStudy(file);
            if (print) {
                out.print(ScenarioFile.toYaml(study));
            } else {
                out.printf("ok: %s: %s (%d arm%s, %d replication%s, seed %d)%n", file, study.name(),
                        study.arms().size(), study.arms().size() == 1 ? "" : "s", study.replications(),
                        study.replications() == 1 ? "" : "s", study.seed());
            }
        }
        out.flush();
        return 0;
    }
}

package org.therapysim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.therapysim.TherapysimException;
import org.therapysim.output.SweepAxis;
import org.therapysim.output.ResultsFolder;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code therapysim sweep SCENARIO --vary key=v1,v2,...}: one arm per value of one scenario key,
 * all on the same seeds; the first value is the reference.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Vary one scenario key over a list of values.",
    "Example: --vary plan.sessionCap.sessions=4,8,12,20,40,unlimited"})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenario;

    @Option(names = "--vary", required = true, paramLabel = "KEY=V1,V2,...",
            description = "Dotted scenario key and the values to give it; the first value is the reference.")
    String vary;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        final int eq = vary.indexOf('=');
        if (eq <= 0 || eq == vary.length() - 1) {
            throw TherapysimException.invalidInput("--vary = " + vary + ": must be KEY=V1,V2,... such as "
                    + "plan.sessionCap.sessions=6,12,unlimited");
        }
        final String key = vary.substring(0, eq).trim();
        final List<String> values = Arrays.stream(vary.substring(eq + 1).split(",")).map(String::trim).toList();
        if (values.stream().anyMatch(String::isEmpty) || values.stream().distinct().count() != values.size()) {
            throw TherapysimException.invalidInput("--vary = " + vary + ": values must be non-empty and distinct");
        }
        final ScenarioLoader loader = new ScenarioLoader();
        final ResolvedTree base = loader.resolve(scenario);
        final String shortKey = key.substring(key.lastIndexOf('.') + 1);
        final List<Scenario> arms = new ArrayList<>();
        for (final String value : values) {
            final ResolvedTree varied = loader.override(base, key, value, "--vary " + key);
            final String name = shortKey + "=" + value;
            arms.add(loader.bind(loader.override(varied, "name", "'" + name.replace("'", "''") + "'", "--vary")));
        }
        final Scenario reference = arms.get(0);
        final String studyName = loader.bind(base).name() + ": sweep of " + key;
        final Study study = new Study(studyName, "Sweep of " + key + " over " + values + " from " + scenario, arms,
                reference.simulation().replications(), reference.simulation().seed());
        return StudyRunner.run(study, options, ResultsFolder.nameOf(scenario) + "-sweep-" + shortKey,
                Main.commandLine(spec), new SweepAxis(key, values), spec.commandLine().getOut());
    }
}

package org.therapysim.cli;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.therapysim.TherapysimException;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import picocli.CommandLine.Option;

/**
 * {@code --set KEY=VALUE}: the same value of a scenario key for every arm, for scenario analyses
 * (another horizon, discount rate or utility mapping) without writing a file. The values are
 * applied together, then each arm is validated and the arms checked to share their evaluation
 * settings, as when they are read from files; the results folder's scenario.yaml holds them.
 */
final class SetOptions {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Give every arm this value of a scenario key (repeatable; applied together), e.g."
                    + " --set evaluation.horizonWeeks=156 --set simulation.weeks=208.")
    List<String> sets;

    /** @return the study with the values given to every arm, or unchanged when none is given */
    Study apply(final Study study, final ScenarioLoader loader) {
        if (sets == null || sets.isEmpty()) {
            return study;
        }
        final List<Map.Entry<String, String>> keyValues = new ArrayList<>();
        for (final String set : sets) {
            final int eq = set.indexOf('=');
            if (eq <= 0 || eq == set.length() - 1) {
                throw TherapysimException.invalidInput("--set = " + set
                        + ": must be KEY=VALUE such as evaluation.discountRate=0.05");
            }
            keyValues.add(new AbstractMap.SimpleImmutableEntry<>(set.substring(0, eq).strip(),
                    set.substring(eq + 1).strip()));
        }
        final List<Scenario> arms = new ArrayList<>();
        for (final Scenario arm : study.arms()) {
            arms.add(loader.vary(arm, keyValues, "--set"));
        }
        ScenarioLoader.requireSharedSettings("--set", arms, "arm", "");
        return study.withArms(arms);
    }
}

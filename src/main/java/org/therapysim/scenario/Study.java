package org.therapysim.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A comparison of benefit designs: named arms, the first of which is the reference. All arms run
 * with the same replications and the same seeds (common random numbers).
 *
 * @param name name of the study
 * @param description the question it answers
 * @param arms the scenarios compared; the first is the reference
 * @param replications replications of every arm
 * @param seed master seed shared by every arm
 * @param uncertain scenario values with a distribution, for sensitivity analyses (may be empty)
 */
public record Study(String name, String description, List<Scenario> arms, int replications, long seed,
        List<UncertainParameter> uncertain) {
    public Study {
        Check.text("study", name);
        arms = Check.nonEmpty("arms", arms);
        Check.intRange("replications", replications, 1, 100_000);
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < arms.size(); i++) {
            if (!names.add(arms.get(i).name())) {
                throw new InvalidValueException("arms[" + i + "].name", arms.get(i).name(),
                        "must be unique within the study");
            }
        }
        final int weeks = arms.get(0).simulation().weeks();
        for (int i = 1; i < arms.size(); i++) {
            if (arms.get(i).simulation().weeks() != weeks) {
                throw new InvalidValueException("arms[" + i + "].simulation.weeks", arms.get(i).simulation().weeks(),
                        "must equal the reference arm's horizon (" + weeks + " weeks) so that arms are comparable");
            }
        }
        arms = arms.stream()
                .map(a -> a.withSimulation(new SimulationSettings(a.simulation().weeks(), replications, seed)))
                .toList();
        uncertain = uncertain == null ? List.of() : List.copyOf(uncertain);
    }

    /** A study without uncertain parameters. */
    public Study(final String name, final String description, final List<Scenario> arms, final int replications,
            final long seed) {
        this(name, description, arms, replications, seed, List.of());
    }

    /** A study of one scenario, with its own replications and seed. */
    public static Study of(final Scenario scenario) {
        return new Study(scenario.name(), scenario.description(), List.of(scenario),
                scenario.simulation().replications(), scenario.simulation().seed());
    }

    /** @return a copy with other arms (same replications, seed and uncertain parameters) */
    public Study withArms(final List<Scenario> newArms) {
        return new Study(name, description, newArms, replications, seed, uncertain);
    }

    /** @return a copy with these uncertain parameters */
    public Study withUncertain(final List<UncertainParameter> newUncertain) {
        return new Study(name, description, arms, replications, seed, newUncertain);
    }

    /** @return the reference arm (the first) */
    public Scenario reference() {
        return arms.get(0);
    }

    /** @return a copy with other replications and seed (command-line overrides) */
    public Study withRun(final int newReplications, final long newSeed) {
        return new Study(name, description, arms, newReplications, newSeed, uncertain);
    }
}

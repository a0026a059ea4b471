package org.therapysim.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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
    /**
     * The settings every row of a comparison is labelled with once, the reference arm's: arms are
     * compared in one economic evaluation (paired differences, one incremental analysis, one
     * acceptability curve), so a study's arms must share them. {@link ScenarioLoader} refuses a study
     * that mixes them, and {@link #firstDifference} finds where.
     */
    public static final List<String> SHARED_SETTINGS = List.of("simulation.weeks", "evaluation.horizonWeeks",
            "evaluation.discountRate", "evaluation.willingnessToPay", "evaluation.willingnessToPayMax",
            "costs.currency", "costs.priceYear");

    private static final List<Function<Scenario, Object>> SHARED_VALUES = List.of(
            a -> a.simulation().weeks(), a -> a.evaluation().horizonWeeks(), a -> a.evaluation().discountRate(),
            a -> a.evaluation().willingnessToPay(), a -> a.evaluation().willingnessToPayMax(),
            a -> a.costs().currency(), a -> a.costs().priceYear());

    /**
     * An arm whose value of a shared setting differs from the reference arm's.
     *
     * @param arm index of the arm (1 or more)
     * @param key the setting, one of {@link #SHARED_SETTINGS}
     * @param value the arm's value
     * @param reference the reference arm's value
     */
    public record Difference(int arm, String key, Object value, Object reference) {
    }

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

    /**
     * @param arms the arms of a study, the first the reference
     * @return the first arm, and the first of {@link #SHARED_SETTINGS}, that differs from the
     *     reference arm, or null when every arm shares them
     */
    public static Difference firstDifference(final List<Scenario> arms) {
        for (int i = 1; i < arms.size(); i++) {
            for (int k = 0; k < SHARED_SETTINGS.size(); k++) {
                final Object reference = SHARED_VALUES.get(k).apply(arms.get(0));
                final Object value = SHARED_VALUES.get(k).apply(arms.get(i));
                if (!same(value, reference)) {
                    return new Difference(i, SHARED_SETTINGS.get(k), value, reference);
                }
            }
        }
        return null;
    }

    private static boolean same(final Object a, final Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a.equals(b);
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

package org.therapysim.scenario;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A complete, validated scenario: everything one arm of an experiment needs. Immutable; built by
 * {@link ScenarioLoader} from YAML merged over the built-in defaults, so every value is present.
 *
 * @param name short name (also the arm's label)
 * @param description what the scenario represents
 * @param simulation horizon, replications and seed
 * @param population who arrives
 * @param measures symptom questionnaires by name
 * @param conditions presenting conditions and their mix
 * @param patients how patients differ
 * @param workforce the therapists
 * @param dynamics the weekly processes
 * @param plan the benefit design
 * @param costs costs outside the session fee
 * @param evaluation the economic evaluation's horizon, discounting and willingness to pay
 */
public record Scenario(String name, String description, SimulationSettings simulation, Population population,
        Map<String, Measure> measures, List<Condition> conditions, PatientTraits patients, Workforce workforce,
        Dynamics dynamics, PlanSpec plan, CostSettings costs, Evaluation evaluation) {
    public Scenario {
        Check.text("name", name);
        measures = Collections.unmodifiableMap(new TreeMap<>(measures == null ? Map.of() : measures));
        if (measures.isEmpty()) {
            throw new InvalidValueException("measures", measures, "must name at least one measure");
        }
        conditions = Check.nonEmpty("conditions", conditions);
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < conditions.size(); i++) {
            final Condition condition = conditions.get(i);
            final Measure measure = measures.get(condition.measure());
            if (measure == null) {
                throw new InvalidValueException("conditions[" + i + "].measure", condition.measure(),
                        "must be one of the keys of measures " + measures.keySet());
            }
            if (condition.baselineMean() > measure.max()) {
                throw new InvalidValueException("conditions[" + i + "].baselineMean", condition.baselineMean(),
                        "must not exceed the measure's max " + measure.max());
            }
            if (!names.add(condition.name())) {
                throw new InvalidValueException("conditions[" + i + "].name", condition.name(), "must be unique");
            }
        }
        Check.sharesSumToOne("conditions", conditions.stream().mapToDouble(Condition::share).sum());
        if (evaluation == null) {
            throw new InvalidValueException("evaluation", null, "must be given");
        }
        if (simulation != null && population != null
                && population.lastArrivalWeek() + evaluation.horizonWeeks() > simulation.weeks()) {
            throw new InvalidValueException("evaluation.horizonWeeks", evaluation.horizonWeeks(),
                    "must fit in simulation.weeks " + simulation.weeks() + " after the last arrival in week "
                            + population.lastArrivalWeek() + ": at most "
                            + (simulation.weeks() - population.lastArrivalWeek()));
        }
    }

    /** @return the measure a condition is scored on */
    public Measure measureOf(final Condition condition) {
        return measures.get(condition.measure());
    }

    /** @return a copy with another name */
    public Scenario withName(final String newName) {
        return new Scenario(newName, description, simulation, population, measures, conditions, patients, workforce,
                dynamics, plan, costs, evaluation);
    }

    /** @return a copy with another economic evaluation */
    public Scenario withEvaluation(final Evaluation newEvaluation) {
        return new Scenario(name, description, simulation, population, measures, conditions, patients, workforce,
                dynamics, plan, costs, newEvaluation);
    }

    /** @return a copy with other simulation settings */
    public Scenario withSimulation(final SimulationSettings settings) {
        return new Scenario(name, description, settings, population, measures, conditions, patients, workforce,
                dynamics, plan, costs, evaluation);
    }
}

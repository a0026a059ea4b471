package org.therapysim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How patients enter the simulation. */
public enum PopulationMode {
    /** Members seek treatment week by week at the annual incidence (an open population). */
    OPEN,
    /** A closed cohort: every patient arrives at week 0. */
    COHORT;

    /** @return the word used in scenario files */
    @JsonValue
    public String word() {
        return ScenarioWords.word(this);
    }

    /** Reads the scenario word; rejects anything else with the list of accepted words. */
    @JsonCreator
    public static PopulationMode parse(final String word) {
        return ScenarioWords.parse(values(), word);
    }
}

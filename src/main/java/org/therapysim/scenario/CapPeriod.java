package org.therapysim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a session cap counts against. */
public enum CapPeriod {
    /** Plan-paid sessions in the current plan year (52 weeks), over all of a member's episodes. */
    PLAN_YEAR,
    /** Plan-paid sessions in the current episode. */
    EPISODE;

    /** @return the word used in scenario files */
    @JsonValue
    public String word() {
        return ScenarioWords.word(this);
    }

    /** Reads the scenario word; rejects anything else with the list of accepted words. */
    @JsonCreator
    public static CapPeriod parse(final String word) {
        return ScenarioWords.parse(values(), word);
    }
}

package org.therapysim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happens when a patient reaches the plan's session cap. */
public enum AtCapRule {
    /** Treatment ends at the cap. */
    STOP,
    /** The patient may continue and pay the therapist's full fee. */
    SELF_PAY,
    /**
     * The patient moves to another therapist, matched as any waiting patient (in network first), who
     * has an allotment of its own; the alliance starts again.
     */
    SWITCH_THERAPIST,
    /** The therapist requests more sessions through utilization review. */
    REVIEW;

    /** @return the word used in scenario files */
    @JsonValue
    public String word() {
        return ScenarioWords.word(this);
    }

    /** Reads the scenario word; rejects anything else with the list of accepted words. */
    @JsonCreator
    public static AtCapRule parse(final String word) {
        return ScenarioWords.parse(values(), word);
    }
}

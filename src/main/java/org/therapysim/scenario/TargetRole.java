package org.therapysim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a published figure can show about the model. Only an independent figure is evidence of
 * validity: the model was never set or fitted to reproduce it. An input or a calibrated figure
 * shows that the model was set up as intended, nothing more.
 */
public enum TargetRole {
    /** A figure a default takes directly (the model reproduces its own input). */
    INPUT,
    /** A figure in the objective of {@code therapysim calibrate}, to which parameters were fitted. */
    CALIBRATED,
    /** A figure never used to set or fit a parameter. */
    INDEPENDENT;

    /** @return the word used in targets files */
    @JsonValue
    public String word() {
        return ScenarioWords.word(this);
    }

    /** Reads the word; rejects anything else with the list of accepted words. */
    @JsonCreator
    public static TargetRole parse(final String word) {
        return ScenarioWords.parse(values(), word);
    }
}

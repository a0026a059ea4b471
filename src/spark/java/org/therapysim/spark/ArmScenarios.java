package org.therapysim.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.therapysim.ExitCode;
import org.therapysim.TherapysimException;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;

/**
 * Ships each arm's scenario to the executors as YAML text (what scenario.yaml holds for it) and
 * binds it back there with the same strict mapper the loader uses.
 */
final class ArmScenarios {
    private static final ThreadLocal<ObjectMapper> YAML = ThreadLocal.withInitial(ScenarioLoader::newYamlMapper);

    private ArmScenarios() {
    }

    /**
     * @return each arm as YAML, checked to bind back to an equal scenario, so that the executors
     *     simulate exactly what the driver was given
     */
    static List<String> encode(final List<Scenario> arms) {
        final List<String> texts = new ArrayList<>();
        for (final Scenario arm : arms) {
            final String text;
            try {
                text = YAML.get().writeValueAsString(arm);
            } catch (JsonProcessingException e) {
                throw new TherapysimException(ExitCode.INTERNAL_ERROR, "cannot write arm '" + arm.name() + "'", e);
            }
            if (!decode(text).equals(arm)) {
                throw new TherapysimException(ExitCode.INTERNAL_ERROR, "arm '" + arm.name()
                        + "' does not read back equal to itself from YAML; it cannot be sent to Spark");
            }
            texts.add(text);
        }
        return texts;
    }

    /** @return the scenario of one arm's YAML text */
    static Scenario decode(final String text) {
        try {
            return YAML.get().readValue(text, Scenario.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read an arm back from YAML: " + e.getOriginalMessage(), e);
        }
    }
}

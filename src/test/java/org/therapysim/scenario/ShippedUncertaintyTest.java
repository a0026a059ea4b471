package org.therapysim.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped study's uncertain inputs are centred on the base case (docs/MODEL.md, "Sensitivity
 * analyses"): a refit that moves a default must move its distribution too, or the probabilistic
 * analysis would describe another model than the one the comparison runs.
 */
class ShippedUncertaintyTest {
    @Test
    void eachUncertainInputsMedianIsWithinATenthOfItsCentralRangeOfTheBaseCase() {
        final Study study = new ScenarioLoader().loadStudy(Path.of("scenarios", "benefit-designs.yaml"));
        assertFalse(study.uncertain().isEmpty());
        final JsonNode base = new ObjectMapper().valueToTree(study.arms().get(0));
        for (final UncertainParameter p : study.uncertain()) {
            JsonNode node = base;
            for (final String part : p.key().split("\\.")) {
                node = node.get(part);
                assertNotNull(node, p.key() + " in the reference arm");
            }
            final double value = node.asDouble();
            final double median = p.quantile(0.5);
            final double range = p.quantile(0.975) - p.quantile(0.025);
            assertTrue(Math.abs(median - value) <= 0.1 * range,
                    p.key() + ": median " + median + " against the base case's " + value + " (central 95% range "
                            + range + ")");
        }
    }
}

package org.therapysim.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.therapysim.scenario.ScenarioLoader;

/**
 * A scenario file that extends another and sets a few keys: what {@code calibrate} writes as
 * {@code fitted.yaml} and {@code optimize} as {@code optimum.yaml}. The file it extends is named
 * relative to the folder the overlay is written in, so the folder can be moved with its scenarios.
 */
final class ScenarioOverlay {
    private static final ObjectMapper YAML = ScenarioLoader.newYamlMapper();

    private ScenarioOverlay() {
    }

    /** @return {@code text} read as a YAML value, as the scenario would hold it (a number, a word) */
    static JsonNode value(final String text) throws IOException {
        return YAML.readTree(text);
    }

    /**
     * @param comment lines put first, each after "# "
     * @param scenarioFile the scenario extended
     * @param folder where the overlay is written
     * @param name the overlay's scenario name
     * @param values each dotted key and its value
     * @return the overlay's text
     */
    static String yaml(final String comment, final Path scenarioFile, final Path folder, final String name,
            final Map<String, JsonNode> values) throws IOException {
        final ObjectNode root = YAML.createObjectNode();
        final Path from = folder.toAbsolutePath().normalize();
        root.put("extends", from.relativize(scenarioFile.toAbsolutePath().normalize()).toString());
        root.put("name", name);
        for (final Map.Entry<String, JsonNode> entry : values.entrySet()) {
            ObjectNode node = root;
            final String[] parts = entry.getKey().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
            }
            node.set(parts[parts.length - 1], entry.getValue());
        }
        final StringBuilder out = new StringBuilder();
        for (final String line : comment.split("\n")) {
            out.append("# ").append(line).append('\n');
        }
        return out.append(YAML.writeValueAsString(root)).toString();
    }
}

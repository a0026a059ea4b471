package org.therapysim.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import org.therapysim.scenario.UncertainParameter;

/**
 * {@code scenario.yaml}: the study as run, every arm fully resolved with every default, the
 * replications and the master seed. It is itself a valid study file, so
 * {@code therapysim compare results/NAME/scenario.yaml} reproduces the folder's tables.
 */
public final class ScenarioFile {
    private static final ObjectMapper YAML = ScenarioLoader.newYamlMapper();

    private ScenarioFile() {
    }

    /** @return the resolved study as YAML text */
    public static String toYaml(final Study study) throws IOException {
        final ObjectNode root = YAML.createObjectNode();
        root.put("study", study.name());
        if (study.description() != null) {
            root.put("description", study.description());
        }
        root.put("replications", study.replications());
        root.put("seed", study.seed());
        final ArrayNode arms = root.putArray("arms");
        for (final Scenario arm : study.arms()) {
            arms.add(YAML.valueToTree(arm));
        }
        if (!study.uncertain().isEmpty()) {
            final ArrayNode psa = root.putArray("psa");
            for (final UncertainParameter p : study.uncertain()) {
                final ObjectNode item = psa.addObject();
                item.put("key", p.key());
                item.put("distribution", p.distribution().name().toLowerCase(Locale.ROOT));
                if (Double.isNaN(p.mean())) {
                    item.put("low", p.low());
                    item.put("high", p.high());
                } else {
                    item.put("mean", p.mean());
                    item.put("sd", p.sd());
                }
            }
        }
        return "# Resolved by therapysim " + BuildInfo.version() + ": every arm with every default.\n"
                + "# Rerun with: therapysim compare scenario.yaml\n" + YAML.writeValueAsString(root);
    }

    /** Writes the resolved study. */
    public static void write(final Study study, final Path file) throws IOException {
        Files.writeString(file, toYaml(study), StandardCharsets.UTF_8);
    }
}

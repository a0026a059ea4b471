package org.therapysim.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes manifests as indented JSON with ISO-8601 times. */
final class ManifestJson {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {
    }

    static void write(final Object manifest, final Path file) throws IOException {
        JSON.writeValue(file.toFile(), manifest);
    }

    /** Fields that differ between two runs of the same study: when and on how many threads. */
    private static final String[] RUN_DETAILS = {"startTime", "endTime", "wallTimeSeconds", "threads"};

    /**
     * @return the manifest as indented JSON without the times and the thread count, so that a page
     *     showing it is the same for every run of the same study
     */
    static String reproducibleText(final Object manifest) {
        final ObjectNode tree = JSON.valueToTree(manifest);
        tree.remove(java.util.List.of(RUN_DETAILS));
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

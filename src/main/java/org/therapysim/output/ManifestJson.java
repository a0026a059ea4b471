package org.therapysim.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
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
}

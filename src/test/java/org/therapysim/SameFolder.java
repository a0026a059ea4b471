package org.therapysim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Compares two results folders byte for byte, apart from the manifest's times. */
public final class SameFolder {
    private SameFolder() {
    }

    /** @return the files under a folder, relative to it, sorted */
    public static List<String> files(final Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /** @return the manifest without the times of the run */
    public static String untimed(final Path manifest) throws IOException {
        return Files.readString(manifest).replaceAll("\"(startTime|endTime|wallTimeSeconds)\" : [^,\n]*", "");
    }

    /** Asserts both folders hold the same files with the same bytes (the manifest apart from its times). */
    public static void assertSame(final Path expected, final Path actual) throws IOException {
        assertEquals(files(expected), files(actual), "the same files");
        for (final String f : files(expected)) {
            if (f.equals("manifest.json")) {
                assertEquals(untimed(expected.resolve(f)), untimed(actual.resolve(f)), f);
            } else {
                assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
            }
        }
    }
}

package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.ExitCode;
import org.therapysim.TherapysimException;

/** A results folder appears whole or not at all. */
class ResultsFolderTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anInterruptedRunLeavesNoFolderUnderTheTargetName() throws IOException {
        final Path target = dir.resolve("run");
        try (ResultsFolder folder = ResultsFolder.open(target, false)) {
            Files.writeString(folder.file("patients.csv"), "arm,replication\n");
            assertFalse(Files.exists(target), "nothing under the final name while writing");
            assertEquals(List.of(".run.partial"), names(), "only the hidden work folder");
        }
        assertFalse(Files.exists(target));
        assertEquals(List.of(), names(), "the work folder is removed");
    }

    @Test
    void aCommittedFolderReplacesTheOldOneOnlyWithOverwrite() throws IOException {
        final Path target = dir.resolve("run");
        try (ResultsFolder folder = ResultsFolder.open(target, false)) {
            Files.writeString(folder.file("summary.csv"), "old\n");
            // What --overwrite recognizes a folder of therapysim's by: its manifest listing its files.
            Files.writeString(folder.file("manifest.json"), "{\"tool\": \"therapysim\", \"files\": [\"summary.csv\"]}");
            folder.commit();
        }
        assertEquals("old\n", Files.readString(target.resolve("summary.csv")));
        final TherapysimException refused = assertThrows(TherapysimException.class,
                () -> ResultsFolder.open(target, false));
        assertEquals(ExitCode.OUTPUT_PROBLEM, refused.exitCode());
        try (ResultsFolder folder = ResultsFolder.open(target, true)) {
            Files.writeString(folder.file("summary.csv"), "new\n");
            Files.writeString(folder.file("charts/a.png"), "png");
            folder.commit();
        }
        assertEquals("new\n", Files.readString(target.resolve("summary.csv")));
        assertTrue(Files.exists(target.resolve("charts/a.png")));
        assertEquals(List.of("run"), names(), "no staging or old folders left");
    }
}

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

    /** @return a results folder "run" holding summary.csv "old", committed */
    private Path committedOldFolder() throws IOException {
        final Path target = dir.resolve("run");
        try (ResultsFolder folder = ResultsFolder.open(target, false)) {
            Files.writeString(folder.file("summary.csv"), "old\n");
            // What --overwrite recognizes a folder of therapysim's by: its manifest listing its files.
            Files.writeString(folder.file("manifest.json"), "{\"tool\": \"therapysim\", \"files\": [\"summary.csv\"]}");
            folder.commit();
        }
        return target;
    }

    @Test
    void aCommittedFolderReplacesTheOldOneOnlyWithOverwrite() throws IOException {
        final Path target = committedOldFolder();
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

    @Test
    void aFailedMovePutsThePreviousResultsBack() throws IOException {
        final Path target = committedOldFolder();
        try (ResultsFolder folder = ResultsFolder.open(target, true)) {
            final Path staging = folder.file("summary.csv").getParent();
            // The staging folder vanishes before the move, as if the disk refused it.
            ResultsFolder.deleteTree(staging);
            final TherapysimException failed = assertThrows(TherapysimException.class, folder::commit);
            assertEquals(ExitCode.OUTPUT_PROBLEM, failed.exitCode());
        }
        assertEquals("old\n", Files.readString(target.resolve("summary.csv")), "the previous results are back");
        assertEquals(List.of("run"), names());
    }

    @Test
    void aRunKilledBetweenTheTwoRenamesHasItsPreviousResultsPutBack() throws IOException {
        final Path target = dir.resolve("run");
        // What a kill between the renames leaves: the old folder aside, nothing under the name.
        final Path aside = Files.createDirectories(dir.resolve(".run.old-1f"));
        Files.writeString(aside.resolve("summary.csv"), "old\n");
        final List<String> notes = new java.util.ArrayList<>();
        final TherapysimException exists = assertThrows(TherapysimException.class,
                () -> WorkFolder.open(target, false, false, "", notes::add));
        assertEquals(ExitCode.OUTPUT_PROBLEM, exists.exitCode(), "put back, the folder exists again");
        assertEquals("old\n", Files.readString(target.resolve("summary.csv")));
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith("put back " + target.toAbsolutePath().normalize() + " from .run.old-1f"),
                notes.get(0));
    }
}

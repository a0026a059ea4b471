package org.therapysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.CommandRun;
import org.therapysim.TestScenarios;

/** {@code --overwrite} replaces a results folder as therapysim wrote it, and nothing else. */
class OverwriteTest {
    @TempDir
    Path dir;

    private CommandRun run(final Path out, final String... extra) {
        final Path scenario = TestScenarios.smallBaseline(dir, "s", "");
        final String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"run", scenario.toString(), "-o", out.toString(), "-q"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        return CommandRun.of(args);
    }

    @Test
    void aFolderTheToolDidNotWriteIsKept() throws IOException {
        final Path thesis = dir.resolve("thesis");
        Files.createDirectories(thesis.resolve("chapters"));
        Files.writeString(thesis.resolve("chapters/one.tex"), "years of work");
        Files.writeString(thesis.resolve("summary.csv"), "a,b\n");
        final CommandRun o = run(thesis, "--overwrite");
        assertEquals(3, o.status(), o.err());
        assertTrue(o.err().contains(thesis.toString()) && o.err().contains("was not written by therapysim"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertEquals("years of work", Files.readString(thesis.resolve("chapters/one.tex")));
        assertEquals("a,b\n", Files.readString(thesis.resolve("summary.csv")));
    }

    @Test
    void aManifestOfAnotherToolDoesNotCount() throws IOException {
        final Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("manifest.json"), "{\"tool\": \"something else\", \"files\": [\"notes.txt\"]}");
        Files.writeString(other.resolve("notes.txt"), "keep me");
        assertEquals(3, run(other, "--overwrite").status());
        assertEquals("keep me", Files.readString(other.resolve("notes.txt")));
    }

    @Test
    void aResultsFolderIsReplacedUnlessSomeoneAddedAFile() throws IOException {
        final Path out = dir.resolve("out");
        assertEquals(0, run(out).status());
        Files.writeString(out.resolve("my-notes.md"), "what I concluded");
        final CommandRun refused = run(out, "--overwrite");
        assertEquals(3, refused.status(), refused.err());
        assertTrue(refused.err().contains("my-notes.md") && refused.err().contains("did not write"), refused.err());
        assertEquals("what I concluded", Files.readString(out.resolve("my-notes.md")));

        Files.delete(out.resolve("my-notes.md"));
        final CommandRun replaced = run(out, "--overwrite");
        assertEquals(0, replaced.status(), replaced.err());
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
        // A file the tool wrote may have been edited: it is still the tool's, and replaced.
        Files.writeString(out.resolve("summary.csv"), "edited");
        assertEquals(0, run(out, "--overwrite").status());
        assertFalse(Files.readString(out.resolve("summary.csv")).equals("edited"));
    }

    @Test
    void anEmptyFolderMayBeUsed() throws IOException {
        final Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(0, run(empty, "--overwrite").status());
        assertTrue(Files.isRegularFile(empty.resolve("summary.csv")));
    }

    @Test
    void aLinkToAResultsFolderIsNotFollowed() throws IOException {
        final Path out = dir.resolve("out");
        assertEquals(0, run(out).status());
        final Path link = Files.createSymbolicLink(dir.resolve("link"), out);
        final CommandRun o = run(link, "--overwrite");
        assertEquals(3, o.status(), o.err());
        assertTrue(o.err().contains("symbolic link"), o.err());
        assertTrue(Files.isSymbolicLink(link) && Files.isRegularFile(out.resolve("manifest.json")));
    }

    @Test
    void theCurrentFolderAndItsParentsAreNeverReplaced() throws IOException {
        // The project folder has no manifest either; the first rule that refuses it is the one named.
        final Path here = Path.of("").toAbsolutePath();
        for (final Path target : new Path[] {here, here.getParent()}) {
            final CommandRun o = run(target, "--overwrite");
            assertEquals(3, o.status(), o.err());
            assertTrue(o.err().contains("is the current folder or contains it"), o.err());
        }
        assertTrue(Files.isRegularFile(here.resolve("pom.xml")));
    }
}

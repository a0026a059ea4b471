package org.therapysim.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files that appear under their name only when complete: written to a hidden temporary file in the
 * same folder, then renamed into place.
 */
final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes {@code text} as UTF-8 to {@code file}, atomically. */
    static void write(final Path file, final String text) throws IOException {
        final Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            place(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Moves a finished temporary file to its name, atomically where the file system can. */
    static void place(final Path temp, final Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package org.therapysim.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.therapysim.TherapysimException;

/**
 * Decides whether {@code --overwrite} may replace an existing folder. Only a folder as therapysim
 * wrote it may go: one whose {@code manifest.json} names therapysim as its tool and lists its
 * files, and which holds no file that list does not name. An empty folder may be used too. Never
 * replaced, whatever they hold: a symbolic link, the current folder or one containing it, and the
 * home folder or one containing it.
 */
final class ReplaceableFolder {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Names shown in a refusal, at most. */
    private static final int SHOWN = 3;

    private ReplaceableFolder() {
    }

    /**
     * @param target an existing path, absolute and normalized
     * @throws TherapysimException (exit 3) naming the folder and why it may not be replaced
     */
    static void check(final Path target) {
        if (Files.isSymbolicLink(target)) {
            throw refuse(target, "is a symbolic link");
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw TherapysimException.output(target + " exists and is not a folder", null);
        }
        final Path real = realPath(target);
        if (contains(real, Path.of("").toAbsolutePath())) {
            throw refuse(target, "is the current folder or contains it");
        }
        final String home = System.getProperty("user.home");
        if (home != null && !home.isEmpty() && contains(real, Path.of(home).toAbsolutePath())) {
            throw refuse(target, "is the home folder or contains it");
        }
        final List<Path> entries = entries(target);
        if (entries.isEmpty()) {
            return;
        }
        final Set<String> listed = listedFiles(target);
        final List<String> foreign = new ArrayList<>();
        for (final Path entry : entries) {
            final String relative = target.relativize(entry).toString();
            final boolean folder = Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
            final boolean file = Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
            if (!folder && !(file && listed.contains(relative))) {
                foreign.add(relative);
            }
        }
        if (!foreign.isEmpty()) {
            final String names = String.join(", ", foreign.subList(0, Math.min(SHOWN, foreign.size())));
            final String more = foreign.size() > SHOWN ? " and " + (foreign.size() - SHOWN) + " more" : "";
            throw refuse(target, "holds " + names + more + ", which therapysim did not write");
        }
    }

    /** @return whether {@code inner} is {@code outer} or lies inside it (both resolved) */
    private static boolean contains(final Path outer, final Path inner) {
        return realPath(inner).startsWith(outer);
    }

    private static Path realPath(final Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** @return every file and folder below {@code root}, not following links */
    private static List<Path> entries(final Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root)).sorted().toList();
        } catch (IOException e) {
            throw refuse(root, "cannot be read (" + TherapysimException.why(e) + ")");
        }
    }

    /** @return the files the folder's manifest lists, itself included */
    private static Set<String> listedFiles(final Path target) {
        final Path manifest = target.resolve("manifest.json");
        final String notOurs = "was not written by therapysim (it has no manifest.json of therapysim's listing its files)";
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(target, notOurs);
        }
        final JsonNode tree;
        try {
            tree = JSON.readTree(manifest.toFile());
        } catch (IOException e) {
            throw refuse(target, notOurs);
        }
        if (tree == null || !"therapysim".equals(tree.path("tool").asText()) || !tree.path("files").isArray()) {
            throw refuse(target, notOurs);
        }
        final Set<String> files = new HashSet<>();
        tree.path("files").forEach(f -> files.add(f.asText()));
        files.add("manifest.json");
        return files;
    }

    private static TherapysimException refuse(final Path target, final String why) {
        return TherapysimException.output(target + " " + why + ": --overwrite replaces only a results folder as"
                + " therapysim wrote it; move it away or choose another --output", null);
    }
}

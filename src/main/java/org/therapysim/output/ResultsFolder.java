package org.therapysim.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.therapysim.TherapysimException;

/**
 * A results folder written atomically: everything goes to a staging folder inside the hidden work
 * folder beside the target ({@code .NAME.partial/results}, see {@link WorkFolder}), which is
 * renamed to the target only when every file is complete. A run that is killed or fails leaves no
 * folder under the target name (a killed run may leave its hidden work folder, which never looks
 * like a result).
 */
public final class ResultsFolder implements AutoCloseable {
    /** Held while a results folder is moved into place. */
    private static final ReentrantLock MOVING = new ReentrantLock();
    private final Path target;
    private final boolean overwrite;
    private final Path staging;
    private final WorkFolder work;
    private final boolean ownsWork;
    private boolean committed;

    ResultsFolder(final Path target, final boolean overwrite, final Path staging, final WorkFolder work,
            final boolean ownsWork) {
        this.target = target;
        this.overwrite = overwrite;
        this.staging = staging;
        this.work = work;
        this.ownsWork = ownsWork;
    }

    /**
     * Checks the target can be written and creates the staging folder, for a run that keeps no
     * journal (an earlier unfinished run's work folder is discarded).
     *
     * @throws TherapysimException (exit 3) when the target exists and {@code overwrite} is false, or
     *     the folder cannot be created
     */
    public static ResultsFolder open(final Path target, final boolean overwrite) {
        final WorkFolder work = WorkFolder.open(target, overwrite, false, "", note -> System.err.println(
                "therapysim: " + note));
        try {
            return work.results(true);
        } catch (RuntimeException e) {
            work.close();
            throw e;
        }
    }

    /**
     * @throws TherapysimException (exit 3) when the target exists and may not be replaced: without
     *     {@code overwrite}, or when it is not a results folder as therapysim wrote it (see
     *     {@link ReplaceableFolder})
     */
    public static void checkTarget(final Path target, final boolean overwrite) {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!overwrite) {
            throw TherapysimException.output(target + " already exists: choose another --output or add --overwrite",
                    null);
        }
        ReplaceableFolder.check(target.toAbsolutePath().normalize());
    }

    /**
     * @param toCome files that will be written after this call
     * @return the folder's files so far and {@code toCome}, as paths relative to it, sorted: the
     *     list a manifest keeps, by which {@code --overwrite} recognizes the folder as therapysim's
     */
    public List<String> files(final String... toCome) throws IOException {
        try (Stream<Path> walk = Files.walk(staging)) {
            return Stream.concat(walk.filter(Files::isRegularFile).map(p -> staging.relativize(p).toString()),
                    Stream.of(toCome)).distinct().sorted().toList();
        }
    }

    /** @return a file's name without folders and extension, as used to name results folders */
    public static String nameOf(final Path file) {
        final String name = file.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** @return the folder's {@code charts/} folder, created if need be */
    public Path charts() {
        return file("charts/.keep").getParent();
    }

    /** @return the path of a file inside the staging folder (parent folders are created) */
    public Path file(final String relative) {
        final Path path = staging.resolve(relative);
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw TherapysimException.output("cannot create " + path.getParent() + ": " + TherapysimException.why(e), e);
        }
        return path;
    }

    /** @return the final location */
    public Path target() {
        return target;
    }

    /**
     * Moves the complete staging folder to the target, replacing an old one if allowed. The old
     * folder is first renamed aside ({@code .NAME.old-*}) and deleted only once the new one is in
     * place; if the move fails it is put back. A process that stops meanwhile (see
     * {@link #holdMoves}) waits for the two renames; after a kill between them, the next run puts
     * the old folder back ({@link #restoreInterrupted}).
     */
    public void commit() {
        Path old = null;
        MOVING.lock();
        try {
            checkTarget(target, overwrite);
            if (Files.exists(target)) {
                old = createUnique(target.getParent(), oldPrefix(target));
                Files.delete(old);
                move(target, old);
            }
            try {
                move(staging, target);
            } catch (IOException e) {
                if (old != null && !Files.exists(target)) {
                    move(old, target);
                    old = null;
                }
                throw e;
            }
            committed = true;
            work.finished();
        } catch (IOException e) {
            throw TherapysimException.output("cannot move the results into " + target + ": " + TherapysimException.why(e)
                    + (old != null ? "; the previous results are in " + old : ""), e);
        } finally {
            MOVING.unlock();
        }
        if (old != null) {
            try {
                deleteTree(old);
            } catch (IOException e) {
                throw TherapysimException.output("the results are in " + target + ", but the previous ones could not"
                        + " be deleted from " + old + ": " + TherapysimException.why(e), e);
            }
        }
    }

    /**
     * For a process about to stop (a signal, or out of memory): waits up to {@code millis} for a
     * results folder being moved into place, and keeps any other move from starting.
     *
     * @return whether no move is under way any more
     */
    public static boolean holdMoves(final long millis) {
        try {
            return MOVING.tryLock(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Puts back a results folder that a run stopped while replacing it (killed between renaming the
     * old folder aside and moving the new one in): when the target is missing and exactly one
     * {@code .NAME.old-*} is beside it.
     *
     * @return the note to give when one was put back, else null
     */
    static String restoreInterrupted(final Path target) {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || target.getParent() == null) {
            return null;
        }
        final List<Path> olds;
        try (Stream<Path> list = Files.list(target.getParent())) {
            olds = list.filter(p -> p.getFileName().toString().startsWith(oldPrefix(target))).toList();
        } catch (IOException e) {
            return null;
        }
        if (olds.size() != 1) {
            return null;
        }
        try {
            move(olds.get(0), target);
            return "put back " + target + " from " + olds.get(0).getFileName()
                    + ": an earlier run was stopped while replacing it";
        } catch (IOException e) {
            return null;
        }
    }

    private static String oldPrefix(final Path target) {
        return "." + target.getFileName() + ".old-";
    }

    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // Nothing more can be done; the staging folder is hidden and named partial.
            }
        }
        if (ownsWork) {
            work.close();
        }
    }

    /**
     * Creates a new folder {@code prefix + n} with the process's default permissions (unlike
     * {@link Files#createTempDirectory}, which makes it private to the owner).
     */
    static Path createUnique(final Path parent, final String prefix) throws IOException {
        final long base = ProcessHandle.current().pid() * 1_000_003L + System.nanoTime();
        for (int i = 0;; i++) {
            try {
                return Files.createDirectory(parent.resolve(prefix + Long.toHexString(base + i)));
            } catch (FileAlreadyExistsException e) {
                if (i > 1000) {
                    throw e;
                }
            }
        }
    }

    private static void move(final Path from, final Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(final Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(final Path dir, final IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

package org.therapysim.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.therapysim.TherapysimException;
import org.therapysim.scenario.Study;

/**
 * Where a run works: a hidden folder beside the results folder, {@code .NAME.partial}, found again
 * by a rerun because its name is fixed. It holds
 * <ul>
 * <li>{@code run.json}: which run this is (a fingerprint of the study as run, the options that
 * change results, and the therapysim build);
 * <li>{@code tasks/PART/}: the journal of each part of the run, to which each replication is
 * added as it finishes (see {@link TaskLog}), and the per-replication tables while they are
 * written (see {@link ReplicationTables});
 * <li>{@code results/}: the results folder being written, renamed to NAME only when complete;
 * <li>{@code lock}: held while a run works here, so two runs never write the same folder.
 * </ul>
 * A run that succeeds removes the work folder; one that is killed or fails keeps its journal, which
 * the same command with {@code --resume} continues. Without {@code --resume} an old journal is
 * discarded and the run starts afresh.
 *
 * <p>While a run works here, a shutdown hook says, if the process is stopped (Ctrl-C, SIGTERM),
 * how many replications the journal keeps and how to continue. It only reads the journal: the
 * replications still running go on appending whole records until the JVM halts, and a record cut
 * off by the halt is dropped when the journal is next opened.
 */
public final class WorkFolder implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOCK = "lock";
    private static final String RUN = "run.json";
    private static final String TASKS = "tasks";
    private static final String RESULTS = "results";

    private final Path target;
    private final boolean overwrite;
    private final Path root;
    private final String fingerprint;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Map<String, TaskLog> journals = new HashMap<>();
    private volatile boolean finished;
    private volatile boolean closed;
    private volatile long expected = -1;
    private Thread stopNote;
    private Path shown;

    private WorkFolder(final Path target, final boolean overwrite, final Path root, final String fingerprint,
            final FileChannel lockFile, final FileLock lock) {
        this.target = target;
        this.overwrite = overwrite;
        this.root = root;
        this.fingerprint = fingerprint;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /** @return the work folder of a results folder: {@code .NAME.partial} beside it */
    public static Path of(final Path target) {
        final Path absolute = target.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".partial");
    }

    /**
     * @return a fingerprint of a run: the study as {@code scenario.yaml} records it (arms,
     *     replications, seed, uncertain parameters), the settings that change results, and the build
     */
    public static String fingerprint(final Study study, final String... settings) {
        try {
            final MessageDigest sha = MessageDigest.getInstance("SHA-256");
            final String text = "therapysim " + BuildInfo.version() + " " + BuildInfo.commit() + "\n"
                    + String.join("\n", settings) + "\n" + ScenarioFile.toYaml(study);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the study", e);
        }
    }

    /**
     * Opens the work folder of {@code target} for a run.
     *
     * @param resume whether to keep the journal of an earlier attempt of the same run
     * @param fingerprint identifies the run (see {@link #fingerprint})
     * @param notes told, in one line, when a journal is kept or discarded, or there is none to resume
     * @throws TherapysimException exit 3 when the target exists and may not be replaced, or another
     *     run works in the folder; exit 2 when {@code resume} finds the journal of a different run
     */
    public static WorkFolder open(final Path target, final boolean overwrite, final boolean resume,
            final String fingerprint, final Consumer<String> notes) {
        final Path absolute = target.toAbsolutePath().normalize();
        final String restored = ResultsFolder.restoreInterrupted(absolute);
        if (restored != null) {
            notes.accept(restored);
        }
        ResultsFolder.checkTarget(absolute, overwrite);
        final Path root = of(absolute);
        FileChannel channel = null;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw TherapysimException.output("another therapysim run is writing " + target + " (its work folder "
                        + root + " is in use): wait for it to finish or choose another --output", null);
            }
            final WorkFolder work = new WorkFolder(absolute, overwrite, root, fingerprint, channel, lock);
            channel = null;
            try {
                work.prepare(resume, notes);
            } catch (RuntimeException | IOException e) {
                work.release();
                throw e;
            }
            work.shown = shown(target);
            work.sayWhatIsKeptIfStopped(notes);
            return work;
        } catch (IOException e) {
            throw TherapysimException.output("cannot create the work folder " + root + ": " + TherapysimException.why(e), e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // Nothing was locked.
                }
            }
        }
    }

    /** @return the work folder as the user named the results folder (relative if it was) */
    private static Path shown(final Path target) {
        final Path name = target.normalize().getFileName();
        return name == null ? of(target) : target.normalize().resolveSibling(of(target).getFileName());
    }

    /** Sets how many replications the whole run has, for the note given when it is stopped. */
    public void expect(final long replications) {
        expected = replications;
    }

    private void sayWhatIsKeptIfStopped(final Consumer<String> notes) {
        final Thread hook = new Thread(() -> {
            // A results folder being moved into place is let finish, and no other move starts.
            ResultsFolder.holdMoves(10_000);
            if (finished || closed) {
                return;
            }
            if (System.console() != null) {
                // Off the line of the progress bar and the terminal's ^C.
                System.err.println();
            }
            notes.accept(stoppedNote());
        }, "therapysim-stopped");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            stopNote = hook;
        } catch (IllegalStateException e) {
            // Already shutting down: there is nothing to say.
        }
    }

    /** @return what a stopped run keeps, as told on standard error */
    String stoppedNote() {
        final String kept = kept();
        return kept == null ? "interrupted before any replication finished: nothing is kept; run the command again"
                : "interrupted: " + kept + "; run the same command with --resume to continue";
    }

    /**
     * @return {@code e} itself, or, when it failed for want of disk space, an output error that
     *     adds what the work folder keeps and that {@code --resume} continues once space is freed
     */
    public RuntimeException explain(final RuntimeException e) {
        if (!diskFull(e)) {
            return e;
        }
        final String kept = kept();
        return TherapysimException.output(e.getMessage() + (kept == null
                ? "; no replication had finished: free some space and run the command again"
                : "; " + kept + ": free some space and run the same command with --resume to continue"), e);
    }

    /** @return whether a disk or a quota full caused the failure */
    static boolean diskFull(final Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            final String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (t instanceof IOException && (message.contains("no space left on device")
                    || message.contains("disk quota exceeded") || message.contains("not enough space"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return what the journal keeps, e.g. "37 of 120 replications are kept in results/.x.partial",
     *     or null when it keeps nothing
     */
    private String kept() {
        long kept;
        try {
            kept = TaskLog.count(root.resolve(TASKS), fingerprint);
        } catch (IOException | RuntimeException e) {
            kept = -1;
        }
        if (kept == 0) {
            return null;
        }
        final long total = expected;
        final String count = kept < 0 ? "the finished replications are"
                : kept + (total > 0 ? " of " + total + " replications" : kept == 1 ? " replication" : " replications")
                        + (kept == 1 ? " is" : " are");
        return count + " kept in " + shown;
    }

    private void prepare(final boolean resume, final Consumer<String> notes) throws IOException {
        final Path tasks = root.resolve(TASKS);
        final String recorded = recordedFingerprint();
        final long kept = recorded == null ? 0 : TaskLog.count(tasks, recorded);
        if (resume && kept > 0 && recorded != null) {
            if (!recorded.equals(fingerprint)) {
                throw TherapysimException.invalidInput("--resume: the unfinished run in " + root + " is a different run"
                        + " (scenario, seed, replications, draws, options or therapysim build differ): repeat its"
                        + " command exactly, or leave out --resume to start afresh");
            }
            notes.accept("resuming " + target + ": " + kept + " finished replication" + (kept == 1 ? "" : "s")
                    + " kept");
        } else {
            if (resume) {
                notes.accept("nothing to resume for " + target + ": starting afresh");
            } else if (kept > 0) {
                notes.accept("discarding the unfinished run in " + root + " (add --resume to continue it instead)");
            }
            clear();
            final ObjectNode run = JSON.createObjectNode();
            run.put("fingerprint", fingerprint);
            run.put("target", target.toString());
            run.put("started", Instant.now().toString());
            AtomicFile.write(root.resolve(RUN), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(run) + "\n");
        }
        ResultsFolder.deleteTree(root.resolve(RESULTS));
    }

    private String recordedFingerprint() {
        try {
            final JsonNode run = JSON.readTree(root.resolve(RUN).toFile());
            return run.path("fingerprint").asText(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Removes everything but the lock. */
    private void clear() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (final Path entry : entries.toList()) {
                if (!entry.getFileName().toString().equals(LOCK)) {
                    ResultsFolder.deleteTree(entry);
                }
            }
        }
    }

    /**
     * @return the journal of one part of the run ({@code tasks/PART/}), opened on first use with
     *     what an earlier attempt recorded, and closed with the work folder
     */
    public TaskLog journal(final String part) {
        TaskLog journal = journals.get(part);
        if (journal == null) {
            final Path folder = root.resolve(TASKS).resolve(part);
            try {
                journal = TaskLog.open(folder, fingerprint);
            } catch (IOException e) {
                throw TherapysimException.output("cannot open the journal in " + folder + ": " + TherapysimException.why(e), e);
            }
            journals.put(part, journal);
        }
        return journal;
    }

    /** @return a fresh results folder that becomes the target when committed */
    public ResultsFolder results() {
        return results(false);
    }

    ResultsFolder results(final boolean ownsThis) {
        final Path staging = root.resolve(RESULTS);
        try {
            ResultsFolder.deleteTree(staging);
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw TherapysimException.output("cannot create the results folder " + staging + ": " + TherapysimException.why(e), e);
        }
        return new ResultsFolder(target, overwrite, staging, this, ownsThis);
    }

    /** Called once the results are in place: the work folder is no longer needed. */
    void finished() {
        finished = true;
    }

    /**
     * Called when a run ends on an answer a rerun would repeat (a budget no design meets): the
     * work folder is removed on closing, with nothing kept for {@code --resume}.
     */
    public void discard() {
        finished = true;
    }

    /** @return the work folder */
    public Path root() {
        return root;
    }

    /**
     * Removes the work folder if the results were committed, or if nothing was journaled; else
     * keeps the journal for {@code --resume} and removes only the partial results.
     */
    @Override
    public void close() {
        closed = true;
        if (stopNote != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopNote);
            } catch (IllegalStateException e) {
                // The JVM is shutting down; the hook sees that the folder is closed.
            }
        }
        for (final TaskLog journal : journals.values()) {
            try {
                journal.close();
            } catch (IOException e) {
                // What was written stays written.
            }
        }
        try {
            if (finished || TaskLog.count(root.resolve(TASKS), fingerprint) == 0) {
                release();
                ResultsFolder.deleteTree(root);
            } else {
                ResultsFolder.deleteTree(root.resolve(RESULTS));
                release();
            }
        } catch (IOException e) {
            // Nothing more can be done; the folder is hidden and named partial.
            release();
        }
    }

    private void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            lockFile.close();
        } catch (IOException e) {
            // The lock goes with the process.
        }
    }
}

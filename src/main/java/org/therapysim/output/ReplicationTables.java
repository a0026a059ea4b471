package org.therapysim.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.therapysim.experiment.ReplicationSink;
import org.therapysim.model.Kept;
import org.therapysim.model.ReplicationResult;

/**
 * The per-replication tables of a run ({@code patients.csv}, and {@code sessions.csv} and
 * {@code evaluation.csv} when asked for), written in study order as the replications finish. Rows are rendered and encoded on the
 * worker that simulated the replication and written once, into the folder of the run's journal
 * ({@link TaskLog}). About once a second the tables are forced to disk and the journal records how
 * many replications they hold and how long they are, so a resumed run cuts each table back to
 * that length (dropping whatever a kill left after it) and carries on from there: rows are never
 * written twice, and the tables end byte for byte as an uninterrupted run's. When the run is
 * complete the tables are placed in the results folder.
 */
public final class ReplicationTables implements ReplicationSink<byte[][][]>, AutoCloseable {
    /** How often the tables' progress is recorded, by default. */
    private static final long MARK_EVERY_NANOS = 1_000_000_000L;
    private static final String EPISODES = "patients.csv";
    private static final String SESSIONS = "sessions.csv";
    private static final String EVALUATION = "evaluation.csv";

    private final TaskLog journal;
    private final String[] names;
    private final FileChannel[] channels;
    private final OutputStream[] streams;
    private final long[] lengths;
    private final int held;
    private final long markEvery;
    private int written;
    private long lastMark;

    private ReplicationTables(final TaskLog journal, final String[] names, final long markEvery) throws IOException {
        this.journal = journal;
        this.names = names;
        this.markEvery = markEvery;
        this.channels = new FileChannel[names.length];
        this.streams = new OutputStream[names.length];
        this.lengths = new long[names.length];
        final TaskLog.Mark mark = journal.mark();
        final boolean resumable = mark != null && mark.lengths().length == names.length && fits(journal.folder(), mark);
        try {
            for (int i = 0; i < names.length; i++) {
                final Path file = journal.folder().resolve(names[i]);
                channels[i] = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                streams[i] = new BufferedOutputStream(Channels.newOutputStream(channels[i]), 1 << 16);
                if (resumable) {
                    channels[i].truncate(mark.lengths()[i]);
                    channels[i].position(mark.lengths()[i]);
                    lengths[i] = mark.lengths()[i];
                } else {
                    channels[i].truncate(0);
                    final String line = Tables.ROWS.format((Object[]) header(names[i])) + "\n";
                    write(i, new byte[][] {line.getBytes(StandardCharsets.UTF_8)});
                }
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw e;
        }
        this.held = resumable ? mark.held() : 0;
        this.written = held;
        this.lastMark = System.nanoTime();
    }

    /**
     * Opens the tables of a run in its journal's folder, keeping the rows an earlier attempt
     * recorded as complete: {@code patients.csv}, and the detail tables of what replications keep
     * ({@link Kept}).
     */
    public static ReplicationTables open(final TaskLog journal, final Kept kept) throws IOException {
        return open(journal, kept, MARK_EVERY_NANOS);
    }

    /** As {@link #open(TaskLog, Kept)} with sessions only, recording progress at most every {@code markEvery} nanoseconds. */
    static ReplicationTables open(final TaskLog journal, final boolean sessions, final long markEvery)
            throws IOException {
        return open(journal, new Kept(sessions, false), markEvery);
    }

    private static ReplicationTables open(final TaskLog journal, final Kept kept, final long markEvery)
            throws IOException {
        final List<String> names = new ArrayList<>(List.of(EPISODES));
        if (kept.sessions()) {
            names.add(SESSIONS);
        }
        if (kept.patients()) {
            names.add(EVALUATION);
        }
        return new ReplicationTables(journal, names.toArray(String[]::new), markEvery);
    }

    private static String[] header(final String name) {
        return switch (name) {
            case EPISODES -> EpisodeTable.HEADER;
            case SESSIONS -> SessionTable.HEADER;
            default -> EvaluationTable.HEADER;
        };
    }

    /** @return whether every table is there and at least as long as the mark says */
    private boolean fits(final Path folder, final TaskLog.Mark mark) throws IOException {
        for (int i = 0; i < names.length; i++) {
            final Path file = folder.resolve(names[i]);
            if (!Files.isRegularFile(file) || Files.size(file) < mark.lengths()[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int held() {
        return held;
    }

    @Override
    public byte[][][] prepare(final int arm, final String armName, final int replication,
            final ReplicationResult result) throws IOException {
        final byte[][][] rows = new byte[names.length][][];
        for (int i = 0; i < names.length; i++) {
            rows[i] = switch (names[i]) {
                case EPISODES -> EpisodeTable.render(armName, replication, result);
                case SESSIONS -> SessionTable.render(armName, replication, result);
                default -> EvaluationTable.render(armName, replication, result);
            };
        }
        return rows;
    }

    @Override
    public void accept(final byte[][][] rows) throws IOException {
        for (int i = 0; i < names.length; i++) {
            write(i, rows[i]);
        }
        written++;
        if (System.nanoTime() - lastMark >= markEvery) {
            mark();
        }
    }

    private void write(final int table, final byte[][] pieces) throws IOException {
        for (final byte[] bytes : pieces) {
            streams[table].write(bytes);
            lengths[table] += bytes.length;
        }
    }

    /** Forces the tables to disk, then records in the journal how far they got. */
    private void mark() throws IOException {
        for (int i = 0; i < names.length; i++) {
            streams[i].flush();
            channels[i].force(false);
        }
        journal.mark(written, lengths.clone());
        lastMark = System.nanoTime();
    }

    /**
     * Completes the tables and places them in the results folder (linked where the file system
     * allows, else copied), keeping them in the journal's folder too until the run is committed.
     */
    public void placeIn(final ResultsFolder folder) throws IOException {
        mark();
        close();
        for (final String name : names) {
            final Path table = journal.folder().resolve(name);
            final Path placed = folder.file(name);
            try {
                Files.createLink(placed, table);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(table, placed);
            }
        }
    }

    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (int i = 0; i < names.length; i++) {
            try {
                if (streams[i] != null) {
                    streams[i].close();
                    streams[i] = null;
                }
            } catch (IOException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // Already failing.
        }
        for (final FileChannel channel : channels) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // Already failing.
            }
        }
    }
}

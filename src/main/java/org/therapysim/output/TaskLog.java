package org.therapysim.output;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.ReplicationSummary;
import org.therapysim.experiment.TaskJournal;
import org.therapysim.model.EndReason;

/**
 * The journal of one part of a run: a single file, {@code journal}, to which each finished
 * replication's summary (every number bit for bit) is appended as it finishes, and, for a run that
 * writes per-replication tables beside it, marks saying how far those tables got (see
 * {@link ReplicationTables}). A record is written whole by one call and ends with a checksum; on
 * opening, records are read up to the first that is incomplete or damaged (what a kill or a crash
 * can leave at the end), and the file is cut there, so everything after is simply run again.
 * Records are not forced to disk one by one: a killed process loses nothing the operating system
 * was given, and after a crash of the machine a lost or torn record only means that replication
 * runs again. The file starts with the run's fingerprint, so another run's journal is never taken.
 *
 * <p>Format (big-endian, {@link DataOutputStream}): magic, version, run fingerprint; then records,
 * each its length, its body and the CRC-32 of the body. A body is a kind, then for a replication
 * the task (group, arm, replication) and the summary (arm, replication, seed, patient-weeks;
 * metrics by name with their raw bits; the two curves; end reasons by name), and for a mark the
 * number of replications the tables hold and each table's length in bytes.
 */
public final class TaskLog implements TaskJournal, AutoCloseable {
    /** The journal's file name in its part's folder. */
    static final String FILE = "journal";
    private static final int MAGIC = 0x54534a4c;
    private static final int VERSION = 2;
    private static final byte REPLICATION = 1;
    private static final byte MARK = 2;
    private static final int MAX_RECORD = 1 << 26;

    /**
     * How far an earlier attempt's tables got.
     *
     * @param held replications, in study order from the first, whose rows the tables hold
     * @param lengths each table's length in bytes with those rows
     */
    record Mark(int held, long[] lengths) {
    }

    private final Path folder;
    private final FileChannel channel;
    private final Map<Task, ReplicationSummary> recorded;
    private final Mark mark;

    private TaskLog(final Path folder, final FileChannel channel, final Map<Task, ReplicationSummary> recorded,
            final Mark mark) {
        this.folder = folder;
        this.channel = channel;
        this.recorded = recorded;
        this.mark = mark;
    }

    /**
     * Opens the journal in {@code folder}, taking what an earlier attempt of the same run recorded
     * and cutting off anything incomplete, or starting it afresh.
     */
    static TaskLog open(final Path folder, final String fingerprint) throws IOException {
        Files.createDirectories(folder);
        final Path file = folder.resolve(FILE);
        final Contents contents = read(file, fingerprint);
        final FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (contents == null) {
                channel.truncate(0);
                final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                final DataOutputStream out = new DataOutputStream(bytes);
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(fingerprint);
                out.flush();
                final ByteBuffer header = ByteBuffer.wrap(bytes.toByteArray());
                while (header.hasRemaining()) {
                    channel.write(header);
                }
                return new TaskLog(folder, channel, new ConcurrentHashMap<>(), null);
            }
            channel.truncate(contents.end());
            channel.position(contents.end());
            return new TaskLog(folder, channel, contents.recorded(), contents.mark());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** What a journal file holds: the valid records up to {@code end}. */
    private record Contents(Map<Task, ReplicationSummary> recorded, Mark mark, long end) {
    }

    /** @return the file's valid records, or null when it is missing or is not this run's journal */
    private static Contents read(final Path file, final String fingerprint) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        final long size = Files.size(file);
        try (Counting counted = new Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                DataInputStream in = new DataInputStream(counted)) {
            try {
                if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(fingerprint)) {
                    return null;
                }
            } catch (IOException e) {
                return null;
            }
            long end = counted.count;
            final Map<Task, ReplicationSummary> recorded = new ConcurrentHashMap<>();
            Mark mark = null;
            final CRC32 crc = new CRC32();
            while (size - end >= Integer.BYTES) {
                final int length = in.readInt();
                if (length <= 0 || length > MAX_RECORD || size - counted.count < (long) length + Long.BYTES) {
                    break;
                }
                final byte[] body = new byte[length];
                in.readFully(body);
                crc.reset();
                crc.update(body);
                if (in.readLong() != crc.getValue()) {
                    break;
                }
                try {
                    final DataInputStream record = new DataInputStream(new ByteArrayInputStream(body));
                    final byte kind = record.readByte();
                    if (kind == REPLICATION) {
                        final Task task = new Task(record.readInt(), record.readInt(), record.readInt());
                        recorded.putIfAbsent(task, readSummary(record));
                    } else if (kind == MARK) {
                        final int held = record.readInt();
                        final long[] lengths = new long[record.readInt()];
                        for (int i = 0; i < lengths.length; i++) {
                            lengths[i] = record.readLong();
                        }
                        mark = new Mark(held, lengths);
                    } else {
                        break;
                    }
                    if (record.available() != 0) {
                        break;
                    }
                } catch (IOException | RuntimeException e) {
                    break;
                }
                end = counted.count;
            }
            return new Contents(recorded, mark, end);
        }
    }

    /** Counts the bytes read through it, so the reader knows where each record ends. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(final InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            final int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException {
            final int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(final long n) throws IOException {
            final long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** @return the folder of this part of the run, where its tables are kept too */
    Path folder() {
        return folder;
    }

    /** @return how far the tables got in an earlier attempt, or null if no mark was recorded */
    Mark mark() {
        return mark;
    }

    /** @return how many replications an earlier attempt recorded */
    int size() {
        return recorded.size();
    }

    @Override
    public ReplicationSummary recall(final Task task) {
        return recorded.get(task);
    }

    @Override
    public void record(final Task task, final ReplicationSummary summary) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        final DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(REPLICATION);
        out.writeInt(task.group());
        out.writeInt(task.arm());
        out.writeInt(task.replication());
        writeSummary(out, summary);
        out.flush();
        append(bytes.toByteArray());
    }

    /**
     * Records how far the tables got. The caller has forced the tables to disk first, so the mark
     * never claims rows a crash could lose; the journal is forced too.
     */
    void mark(final int held, final long[] lengths) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(MARK);
        out.writeInt(held);
        out.writeInt(lengths.length);
        for (final long length : lengths) {
            out.writeLong(length);
        }
        out.flush();
        append(bytes.toByteArray());
        channel.force(false);
    }

    private synchronized void append(final byte[] body) throws IOException {
        final CRC32 crc = new CRC32();
        crc.update(body);
        final ByteBuffer record = ByteBuffer.allocate(Integer.BYTES + body.length + Long.BYTES);
        record.putInt(body.length).put(body).putLong(crc.getValue()).flip();
        while (record.hasRemaining()) {
            channel.write(record);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void writeSummary(final DataOutputStream out, final ReplicationSummary summary) throws IOException {
        out.writeInt(summary.arm());
        out.writeInt(summary.replication());
        out.writeInt(summary.seed());
        out.writeLong(summary.patientWeeks());
        out.writeInt(summary.metrics().size());
        for (final Map.Entry<Metric, Double> m : new EnumMap<>(summary.metrics()).entrySet()) {
            out.writeUTF(m.getKey().name());
            out.writeLong(Double.doubleToRawLongBits(m.getValue()));
        }
        writeDoubles(out, summary.doseEffect());
        writeDoubles(out, summary.retention());
        out.writeInt(summary.endReasons().size());
        for (final Map.Entry<EndReason, Integer> r : new EnumMap<>(summary.endReasons()).entrySet()) {
            out.writeUTF(r.getKey().name());
            out.writeInt(r.getValue());
        }
    }

    private static ReplicationSummary readSummary(final DataInputStream in) throws IOException {
        final int arm = in.readInt();
        final int replication = in.readInt();
        final int seed = in.readInt();
        final long patientWeeks = in.readLong();
        final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
        for (int i = in.readInt(); i > 0; i--) {
            metrics.put(Metric.valueOf(in.readUTF()), Double.longBitsToDouble(in.readLong()));
        }
        final double[] doseEffect = readDoubles(in);
        final double[] retention = readDoubles(in);
        final Map<EndReason, Integer> reasons = new EnumMap<>(EndReason.class);
        for (int i = in.readInt(); i > 0; i--) {
            reasons.put(EndReason.valueOf(in.readUTF()), in.readInt());
        }
        return new ReplicationSummary(arm, replication, seed, metrics, doseEffect, retention, reasons, patientWeeks);
    }

    private static void writeDoubles(final DataOutputStream out, final double[] values) throws IOException {
        out.writeInt(values.length);
        for (final double v : values) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }

    private static double[] readDoubles(final DataInputStream in) throws IOException {
        final double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(in.readLong());
        }
        return values;
    }

    /**
     * @return how many replications the journals under a folder (one per part of a run) recorded,
     *     counting only this run's
     */
    static long count(final Path root, final String fingerprint) throws IOException {
        long count = 0;
        for (final Path file : files(root)) {
            final Contents contents = read(file, fingerprint);
            if (contents != null) {
                count += contents.recorded().size();
            }
        }
        return count;
    }

    private static List<Path> files(final Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().equals(FILE) && Files.isRegularFile(p)).sorted()
                    .toList();
        }
    }
}

package org.therapysim.output;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.ReplicationSummary;
import org.therapysim.experiment.TaskJournal;
import org.therapysim.model.EndReason;

/**
 * A journal of finished replications in a folder, one file per task,
 * {@code GROUP-ARM-REPLICATION.task}, holding the replication's summary (every number bit for
 * bit) and the table rows prepared from it. Each file is written to a hidden temporary file, forced
 * to disk and renamed, so a file under a task's name is always complete; it also ends with a
 * checksum, and names the run it belongs to, so a damaged or foreign file is never used: the task
 * is simply run again. Temporary files a kill leaves behind are ignored and removed.
 *
 * <p>Format (big-endian, {@link DataOutputStream}): magic, version, run fingerprint, the task
 * (group, arm, replication), the summary (arm, replication, seed, patient-weeks; metrics by name
 * with their raw bits; the two curves; end reasons by name), the prepared rows (count, then each
 * present or not and its UTF-8 bytes), then the CRC-32 of all that and an end mark.
 */
public final class TaskFiles implements TaskJournal<byte[][]> {
    private static final int MAGIC = 0x54534a54;
    private static final int VERSION = 1;
    private static final int END = 0x454e440a;
    private static final int TRAILER = Long.BYTES + Integer.BYTES;
    private static final String SUFFIX = ".task";
    private static final String TEMPORARY = ".tmp";

    private final Path folder;
    private final String fingerprint;

    TaskFiles(final Path folder, final String fingerprint) {
        this.folder = folder;
        this.fingerprint = fingerprint;
    }

    private Path file(final Task task) {
        return folder.resolve(String.format(Locale.ROOT, "%06d-%04d-%06d%s", task.group(), task.arm(),
                task.replication(), SUFFIX));
    }

    @Override
    public Entry<byte[][]> recall(final Task task) {
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(file(task));
        } catch (IOException e) {
            return null;
        }
        try {
            return decode(bytes, task);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Entry<byte[][]> decode(final byte[] bytes, final Task task) throws IOException {
        if (bytes.length < TRAILER) {
            return null;
        }
        final int body = bytes.length - TRAILER;
        final CRC32 crc = new CRC32();
        crc.update(bytes, 0, body);
        final DataInputStream trailer = new DataInputStream(new ByteArrayInputStream(bytes, body, TRAILER));
        if (trailer.readLong() != crc.getValue() || trailer.readInt() != END) {
            return null;
        }
        final DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
        if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(fingerprint)
                || in.readInt() != task.group() || in.readInt() != task.arm() || in.readInt() != task.replication()) {
            return null;
        }
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
        final int count = in.readInt();
        final byte[][] prepared = count < 0 ? null : new byte[count][];
        for (int i = 0; i < count; i++) {
            if (in.readBoolean()) {
                prepared[i] = new byte[in.readInt()];
                in.readFully(prepared[i]);
            }
        }
        if (in.available() != 0) {
            return null;
        }
        return new Entry<>(new ReplicationSummary(arm, replication, seed, metrics, doseEffect, retention, reasons,
                patientWeeks), prepared);
    }

    private static double[] readDoubles(final DataInputStream in) throws IOException {
        final double[] values = new double[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Double.longBitsToDouble(in.readLong());
        }
        return values;
    }

    @Override
    public void record(final Task task, final ReplicationSummary summary, final byte[][] prepared) throws IOException {
        Files.createDirectories(folder);
        final Path file = file(task);
        final Path temp = folder.resolve("." + file.getFileName() + "." + Thread.currentThread().getId() + TEMPORARY);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                final OutputStream raw = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                final CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
                final DataOutputStream out = new DataOutputStream(checked);
                encode(out, task, summary, prepared);
                out.flush();
                final DataOutputStream trailer = new DataOutputStream(raw);
                trailer.writeLong(checked.getChecksum().getValue());
                trailer.writeInt(END);
                trailer.flush();
                channel.force(true);
            }
            AtomicFile.place(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void encode(final DataOutputStream out, final Task task, final ReplicationSummary summary,
            final byte[][] prepared) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(fingerprint);
        out.writeInt(task.group());
        out.writeInt(task.arm());
        out.writeInt(task.replication());
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
        out.writeInt(prepared == null ? -1 : prepared.length);
        if (prepared != null) {
            for (final byte[] rows : prepared) {
                out.writeBoolean(rows != null);
                if (rows != null) {
                    out.writeInt(rows.length);
                    out.write(rows);
                }
            }
        }
    }

    private static void writeDoubles(final DataOutputStream out, final double[] values) throws IOException {
        out.writeInt(values.length);
        for (final double v : values) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }

    /** @return the task files under a folder (any part), in name order */
    static List<Path> list(final Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p)).sorted()
                    .toList();
        }
    }

    /** @return how many task files are under a folder (any part) */
    static long count(final Path root) throws IOException {
        return list(root).size();
    }

    /** Removes the temporary files of writes a kill interrupted. */
    static void removeTemporary(final Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (final Path p : walk.filter(p -> p.getFileName().toString().endsWith(TEMPORARY)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

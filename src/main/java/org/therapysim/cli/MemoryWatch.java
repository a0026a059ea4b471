package org.therapysim.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.therapysim.output.ResultsFolder;

/**
 * Notices a Java heap too small for the run before the JVM gives up on it. With the heap full of
 * live data the collector runs back to back, each collection freeing almost nothing, and the JVM
 * throws OutOfMemoryError only when an allocation fails outright, which took over 90 s for a
 * million-member cohort in a 1 GiB heap (docs/PERFORMANCE.md). The JVM's own overhead limit
 * (GCTimeLimit, GCHeapFreeLimit) did not fire there: the young generation kept enough free space.
 *
 * <p>The watch samples, every {@link #PERIOD_MS} ms, the time spent collecting, the collections
 * made and the old generation's occupancy after its last collection; it reports the heap as
 * exhausted when over the last {@link #WINDOW_MS} ms, reaching further back if need be to take in
 * at least {@link #MIN_COLLECTIONS} collections, more than {@link #GC_SHARE} of the time went to
 * collecting and the old generation stayed more than {@link #FULL} full after collection. A run in
 * that state advances at a fraction of its speed and almost always ends in OutOfMemoryError. The
 * collections are counted because one long full collection of a nearly full heap, on a busy
 * machine, fills a window by itself in a run that then finishes (docs/PERFORMANCE.md, measured at
 * {@code -Xmx2050m}): back-to-back collections are what exhaustion looks like.
 */
final class MemoryWatch {
    static final long PERIOD_MS = 250;
    static final long WINDOW_MS = 5_000;
    static final double GC_SHARE = 0.8;
    static final double FULL = 0.9;
    static final int MIN_COLLECTIONS = 3;
    /** How far back the samples go: a window stretched to take in its collections ends there. */
    private static final long HISTORY_MS = 120_000;
    private static final int SAMPLES = (int) (HISTORY_MS / PERIOD_MS) + 2;

    // Everything the watch needs is allocated before the heap fills: sampling allocates nothing.
    private final GarbageCollectorMXBean[] collectors;
    private final MemoryPoolMXBean old;
    private final long[] wall = new long[SAMPLES];
    private final long[] collecting = new long[SAMPLES];
    private final long[] collections = new long[SAMPLES];
    private int taken;

    private MemoryWatch(final MemoryPoolMXBean old) {
        this.collectors = ManagementFactory.getGarbageCollectorMXBeans().toArray(GarbageCollectorMXBean[]::new);
        this.old = old;
        final long max = old.getUsage().getMax();
        old.setCollectionUsageThreshold(max > 0 ? (long) (FULL * max) : Long.MAX_VALUE / 2);
    }

    /**
     * Starts a daemon thread that, if the heap is found exhausted, writes {@code message} (a line)
     * to standard error and halts the JVM with {@code status}. The message is encoded beforehand and
     * written straight to the file descriptor, as a full heap may refuse a PrintStream's buffers.
     */
    static void start(final String message, final int status) {
        final byte[] line = (message + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        final FileOutputStream err = new FileOutputStream(FileDescriptor.err);
        start(() -> {
            // A results folder being moved into place is let finish, and no other move starts.
            ResultsFolder.holdMoves(10_000);
            try {
                err.write(line);
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                // The status still says that the run failed.
            }
            Runtime.getRuntime().halt(status);
        });
    }

    /** Starts a daemon thread that calls {@code exhausted} once, from that thread, if the heap is found exhausted. */
    static void start(final Runnable exhausted) {
        final MemoryPoolMXBean pool = oldGeneration();
        if (pool == null || pool.getUsage().getMax() <= 0) {
            return;
        }
        final MemoryWatch watch = new MemoryWatch(pool);
        final Thread thread = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(PERIOD_MS);
                    if (watch.sample(System.nanoTime() / 1_000_000)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (OutOfMemoryError e) {
                    // Not even the watch's few bytes could be had: the heap is full of live data.
                    break;
                }
            }
            exhausted.run();
        }, "therapysim-memory-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return whether the heap is exhausted, after adding a sample taken at {@code now} ms */
    private boolean sample(final long now) {
        long total = 0;
        long count = 0;
        for (final GarbageCollectorMXBean gc : collectors) {
            total += Math.max(0, gc.getCollectionTime());
            count += Math.max(0, gc.getCollectionCount());
        }
        wall[taken % SAMPLES] = now;
        collecting[taken % SAMPLES] = total;
        collections[taken % SAMPLES] = count;
        taken++;
        final double share = collectingShare(wall, collecting, collections, taken);
        return !Double.isNaN(share) && exhausted(share, old.isCollectionUsageThresholdExceeded());
    }

    /**
     * The share of the time spent collecting since the latest sample that is at least a window old
     * and has at least {@link #MIN_COLLECTIONS} collections after it. While the collector runs back
     * to back the watch wakes only between collections, so samples are further apart than the period.
     *
     * @param wall each sample's time (ms), in a ring of {@code wall.length}; the latest is {@code taken - 1}
     * @param collecting the cumulative time spent collecting at each sample (ms)
     * @param collections the cumulative collections at each sample
     * @param taken the samples taken so far
     * @return the share, or NaN when no sample qualifies
     */
    static double collectingShare(final long[] wall, final long[] collecting, final long[] collections,
            final int taken) {
        final int n = wall.length;
        final int last = (taken - 1) % n;
        for (int back = 1; back < Math.min(taken, n); back++) {
            final int i = (taken - 1 - back) % n;
            final long span = wall[last] - wall[i];
            if (span >= WINDOW_MS && collections[last] - collections[i] >= MIN_COLLECTIONS) {
                return (double) (collecting[last] - collecting[i]) / span;
            }
        }
        return Double.NaN;
    }

    /** @return whether a share of time collecting, with the old generation full after collection, means exhaustion */
    static boolean exhausted(final double gcShare, final boolean fullAfterCollection) {
        return gcShare > GC_SHARE && fullAfterCollection;
    }

    /** @return the heap pool that holds long-lived objects (Parallel's, G1's or Serial's old generation) */
    private static MemoryPoolMXBean oldGeneration() {
        for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            final String name = pool.getName().toLowerCase(Locale.ROOT);
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                    && (name.contains("old") || name.contains("tenured"))) {
                return pool;
            }
        }
        return null;
    }
}

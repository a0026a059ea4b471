package org.therapysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryWatchTest {
    /** Samples as the watch takes them: time, cumulative ms collecting, cumulative collections. */
    private final List<long[]> samples = new ArrayList<>();

    private void sample(final long ms, final long collectingMs, final long collections) {
        samples.add(new long[] {ms, collectingMs, collections});
    }

    private double share() {
        final int n = 482;
        final long[] wall = new long[n];
        final long[] collecting = new long[n];
        final long[] collections = new long[n];
        for (int k = 0; k < samples.size(); k++) {
            wall[k % n] = samples.get(k)[0];
            collecting[k % n] = samples.get(k)[1];
            collections[k % n] = samples.get(k)[2];
        }
        return MemoryWatch.collectingShare(wall, collecting, collections, samples.size());
    }

    @Test
    void oneLongCollectionOfANearlyFullHeapIsNotExhaustion() {
        // As at -Xmx2050m on a busy machine (docs/PERFORMANCE.md): 80 s of running with 12 collections
        // (3 s collecting in all), then one full collection of 9 s, during which the watch cannot wake.
        for (long t = 0; t <= 80_000; t += 250) {
            sample(t, 3_000 * t / 80_000, 12 * t / 80_000);
        }
        sample(89_250, 12_000, 13);
        final double share = share();
        // The window reaches back to take in 3 collections: 9 s of 9.25 s would have looked exhausted.
        assertTrue(share < MemoryWatch.GC_SHARE, "share " + share);
        assertFalse(MemoryWatch.exhausted(share, true));
    }

    @Test
    void collectionsBackToBackAreExhaustion() {
        // As at -Xmx1500m: after 5 s of running, collections of 1 s each with 0.2 s of work between.
        for (long t = 0; t <= 5_000; t += 250) {
            sample(t, 0, 0);
        }
        long t = 5_000;
        for (int c = 1; c <= 6; c++) {
            t += 1_200;
            sample(t, 1_000L * c, c);
        }
        final double share = share();
        assertEquals(5.0 / 6.0, share, 1e-9, "five collections in the 6 s since the sample at 6.2 s");
        assertTrue(MemoryWatch.exhausted(share, true));
    }

    @Test
    void tooFewSamplesOrCollectionsGiveNoJudgement() {
        sample(0, 0, 0);
        sample(6_000, 5_900, 2);
        assertTrue(Double.isNaN(share()), "two collections are not back to back");
    }
}

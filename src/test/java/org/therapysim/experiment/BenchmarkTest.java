package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How many replications the benchmark's parallel runs take when not told. */
class BenchmarkTest {
    private static List<Benchmark.Measurement> singles(final double... seconds) {
        return java.util.Arrays.stream(seconds)
                .mapToObj(s -> new Benchmark.Measurement("single thread", 1, 1, 1, 1, s)).toList();
    }

    @Test
    void parallelRunsLastAboutFiveSecondsOnOneThreadInWholeRoundsOfThreads() {
        // Median 0.023 s: 5 s / 0.023 = 217.4, so 218, a multiple of 2.
        assertEquals(218, Benchmark.replicationsFor(singles(0.030, 0.023, 0.020), 2));
        assertEquals(219, Benchmark.replicationsFor(singles(0.030, 0.023, 0.020), 3));
        // Median 0.35 s: 15 replications, rounded up to 16 on 2 threads.
        assertEquals(16, Benchmark.replicationsFor(singles(0.35, 0.46, 0.33), 2));
    }

    @Test
    void atLeastFourPerThreadAndEight() {
        assertEquals(8, Benchmark.replicationsFor(singles(5.2, 4.8, 5.0), 2));
        assertEquals(16, Benchmark.replicationsFor(singles(5.2), 4));
        assertEquals(1_000_000, Benchmark.replicationsFor(singles(0.0), 1), "bounded");
    }
}

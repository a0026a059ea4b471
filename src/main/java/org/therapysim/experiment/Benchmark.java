package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;

/**
 * Measures simulation speed in patient-weeks per second (one patient stepped for one week),
 * single-threaded and with several replications in parallel. Not a test: figures depend on the
 * machine and are recorded in docs/PERFORMANCE.md.
 */
public final class Benchmark {
    /**
     * One timing.
     *
     * @param mode what was timed
     * @param threads worker threads
     * @param replications replications run
     * @param patientWeeks patient-weeks simulated
     * @param seconds wall time
     */
    public record Measurement(String mode, int threads, int replications, long patientWeeks, double seconds) {
        /** @return patient-weeks per second */
        public double rate() {
            return patientWeeks / seconds;
        }
    }

    private Benchmark() {
    }

    /** Runs one replication per repeat on the calling thread, after one untimed warm-up. */
    public static List<Measurement> singleThread(final Scenario scenario, final int repeats) {
        new TherapySim(scenario, RandomStreams.replicationSeed(1, 0), false).run();
        final List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            final long start = System.nanoTime();
            final ReplicationResult result = new TherapySim(scenario, RandomStreams.replicationSeed(1, i + 1), false).run();
            final double seconds = (System.nanoTime() - start) / 1e9;
            out.add(new Measurement("single thread", 1, 1, result.patientWeeks(), seconds));
        }
        return out;
    }

    /** Runs {@code replications} replications on {@code threads} threads and times the whole. */
    public static Measurement parallel(final Scenario scenario, final int threads, final int replications) {
        final Study study = new Study("bench", "benchmark", List.of(scenario), replications, 2);
        final long start = System.nanoTime();
        final ExperimentResult result = new Experiment(study, false, threads).run(null, ProgressListener.NONE);
        final double seconds = (System.nanoTime() - start) / 1e9;
        return new Measurement(threads + " threads", threads, replications, result.reference().patientWeeks(),
                seconds);
    }
}

package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;

/**
 * Measures simulation speed in patient-weeks per second, single-threaded and with several
 * replications in parallel. A patient-week is one patient of the cohort followed through one week:
 * stepped when an episode is under way (attendance, alliance, symptoms, endings), otherwise
 * carried along the untreated course by the patient's account (utility, productivity, medical
 * cost, discounting). The weeks stepped in an episode are reported too. Not a test: figures depend
 * on the machine and are recorded in docs/PERFORMANCE.md.
 */
public final class Benchmark {
    /**
     * One timing.
     *
     * @param mode what was timed
     * @param threads worker threads
     * @param replications replications run
     * @param patientWeeks patients followed times weeks, over all replications
     * @param episodeWeeks of which weeks stepped in an episode
     * @param seconds wall time
     */
    public record Measurement(String mode, int threads, int replications, long patientWeeks, long episodeWeeks,
            double seconds) {
        /** @return patient-weeks per second */
        public double rate() {
            return patientWeeks / seconds;
        }
    }

    /** @return the patient-weeks of one replication of a closed cohort */
    private static long followed(final Scenario scenario) {
        return (long) scenario.population().cohortSize() * scenario.simulation().weeks();
    }

    private Benchmark() {
    }

    /** Untimed work before any timing, so that the compiler has done most of its work. */
    private static final double WARM_UP_SECONDS = 3.0;

    /**
     * Runs one replication of a closed cohort per repeat on the calling thread, after untimed
     * replications for at least {@link #WARM_UP_SECONDS} (at least one).
     */
    public static List<Measurement> singleThread(final Scenario scenario, final int repeats) {
        final long warmUp = System.nanoTime();
        int w = 0;
        do {
            new TherapySim(scenario, RandomStreams.replicationSeed(2, w++), false).run();
        } while ((System.nanoTime() - warmUp) / 1e9 < WARM_UP_SECONDS);
        final List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            final long start = System.nanoTime();
            final long episodeWeeks = episodeWeeks(scenario, RandomStreams.replicationSeed(1, i + 1));
            final double seconds = (System.nanoTime() - start) / 1e9;
            out.add(new Measurement("single thread", 1, 1, followed(scenario), episodeWeeks, seconds));
        }
        return out;
    }

    /**
     * Runs one replication and keeps only its count of weeks stepped in an episode: a result held in
     * the loop's variable would stay reachable while the next replication runs (the interpreter keeps a
     * frame's variables until they are overwritten), and a million-patient result is a sixth of a
     * gigabyte.
     */
    private static long episodeWeeks(final Scenario scenario, final int seed) {
        return new TherapySim(scenario, seed, false).run().patientWeeks();
    }

    /** Single-thread work the parallel runs are sized for: shorter runs measure a ratio poorly. */
    private static final double PARALLEL_SECONDS = 5.0;

    /**
     * @return replications for the parallel runs: about {@link #PARALLEL_SECONDS} of work on one
     *     thread at the median single-thread time, at least 4 per thread and 8, a multiple of the
     *     thread count
     */
    public static int replicationsFor(final List<Measurement> singleThread, final int threads) {
        final double[] seconds = singleThread.stream().mapToDouble(Measurement::seconds).sorted().toArray();
        final double median = seconds.length == 0 ? PARALLEL_SECONDS : seconds[seconds.length / 2];
        final int wanted = (int) Math.min(1_000_000, Math.max(Math.max(8, 4 * threads),
                Math.ceil(PARALLEL_SECONDS / median)));
        return (wanted + threads - 1) / threads * threads;
    }

    /** Runs {@code replications} replications on {@code threads} threads and times the whole. */
    public static Measurement parallel(final Scenario scenario, final int threads, final int replications) {
        final Study study = new Study("bench", "benchmark", List.of(scenario), replications, 2);
        final long start = System.nanoTime();
        final ExperimentResult result = new Experiment(study, false, threads).run(null, ProgressListener.NONE);
        final double seconds = (System.nanoTime() - start) / 1e9;
        return new Measurement(threads + (threads == 1 ? " thread" : " threads"), threads, replications,
                followed(scenario) * replications, result.reference().patientWeeks(), seconds);
    }
}

package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.therapysim.ExitCode;
import org.therapysim.TherapysimException;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;

/**
 * Runs every arm of a study for the same replications, in parallel. Replication r's seed derives
 * from the master seed and r alone and is shared by every arm (common random numbers), so results
 * are identical whatever the thread count, and differences between arms are paired.
 */
public final class Experiment {
    private final Study study;
    private final boolean keepSessions;
    private final int threads;

    /**
     * @param study what to run
     * @param keepSessions whether replications keep every session (for the session table)
     * @param threads worker threads (at least 1)
     */
    public Experiment(final Study study, final boolean keepSessions, final int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.study = study;
        this.keepSessions = keepSessions;
        this.threads = threads;
    }

    /** @return the seed of each replication, by index */
    public static List<Integer> seeds(final Study study) {
        final List<Integer> seeds = new ArrayList<>();
        for (int r = 0; r < study.replications(); r++) {
            seeds.add(RandomStreams.replicationSeed(study.seed(), r));
        }
        return seeds;
    }

    /** What a worker hands back: the replication's summary and what the sink prepared from it. */
    private record Done<T>(ReplicationSummary summary, T prepared) {
    }

    /**
     * Runs the study.
     *
     * @param sink prepares each full replication result on its worker and receives it in study
     *     order (may be null)
     * @param progress told after each replication
     */
    public <T> ExperimentResult run(final ReplicationSink<T> sink, final ProgressListener progress) {
        final List<Integer> seeds = seeds(study);
        final int arms = study.arms().size();
        final int reps = study.replications();
        final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            final Thread t = new Thread(r, "therapysim-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            final List<Future<Done<T>>> futures = new ArrayList<>();
            for (int a = 0; a < arms; a++) {
                final int arm = a;
                final Scenario scenario = study.arms().get(a);
                for (int r = 0; r < reps; r++) {
                    final int replication = r;
                    final int seed = seeds.get(r);
                    futures.add(pool.submit(() -> {
                        final ReplicationResult result = new TherapySim(scenario, seed, keepSessions).run();
                        final T prepared = sink == null ? null
                                : sink.prepare(arm, scenario.name(), replication, result);
                        return new Done<>(ReplicationSummary.of(arm, replication, result), prepared);
                    }));
                }
            }
            final List<ArmResult> results = new ArrayList<>();
            int done = 0;
            for (int a = 0; a < arms; a++) {
                final List<ReplicationSummary> summaries = new ArrayList<>();
                for (int r = 0; r < reps; r++) {
                    final int index = a * reps + r;
                    final Done<T> finished = await(futures.get(index), a, r);
                    futures.set(index, null);
                    if (sink != null) {
                        sink.accept(finished.prepared());
                    }
                    summaries.add(finished.summary());
                    progress.progress(++done, arms * reps);
                }
                results.add(new ArmResult(a, study.arms().get(a), summaries));
            }
            return new ExperimentResult(study, results, seeds);
        } catch (TherapysimException e) {
            throw e;
        } catch (Exception e) {
            throw new TherapysimException(ExitCode.OUTPUT_PROBLEM, "could not record results: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private <T> Done<T> await(final Future<Done<T>> future, final int arm, final int replication) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TherapysimException(ExitCode.RUN_FAILED, "interrupted");
        } catch (ExecutionException e) {
            throw new TherapysimException(ExitCode.RUN_FAILED, "arm '" + study.arms().get(arm).name()
                    + "', replication " + replication + " failed: " + e.getCause(), e.getCause());
        }
    }
}

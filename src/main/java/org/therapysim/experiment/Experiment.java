package org.therapysim.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.therapysim.ExitCode;
import org.therapysim.TherapysimException;
import org.therapysim.engine.Engine;
import org.therapysim.engine.ReplicationTask;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.Kept;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;

/**
 * Runs every arm of a study for the same replications, in parallel. Replication r's seed derives
 * from the master seed and r alone and is shared by every arm (common random numbers), so results
 * are identical whatever the thread count, and differences between arms are paired. A
 * {@link TaskJournal} may record each replication as it finishes and hand back those an earlier,
 * stopped attempt finished, so that the run resumes with the same results.
 */
public final class Experiment {
    /** Replications that may run ahead of the next to be taken, per thread. */
    private static final int AHEAD_PER_THREAD = 16;

    private final Study study;
    private final Kept kept;
    private final int threads;

    /**
     * @param study what to run
     * @param keepSessions whether replications keep every session (for the session table)
     * @param threads worker threads (at least 1)
     */
    public Experiment(final Study study, final boolean keepSessions, final int threads) {
        this(study, new Kept(keepSessions, false), threads);
    }

    /**
     * @param study what to run
     * @param kept which records besides the episodes replications keep (for the detail tables)
     * @param threads worker threads (at least 1)
     */
    public Experiment(final Study study, final Kept kept, final int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.study = study;
        this.kept = kept;
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

    /** @return every task of the study, arm by arm then replication by replication (canonical order) */
    public static List<ReplicationTask> tasks(final Study study) {
        final List<Integer> seeds = seeds(study);
        final List<ReplicationTask> tasks = new ArrayList<>();
        for (int a = 0; a < study.arms().size(); a++) {
            for (int r = 0; r < study.replications(); r++) {
                tasks.add(new ReplicationTask(a, r, seeds.get(r)));
            }
        }
        return tasks;
    }

    /**
     * Runs the study on another engine (such as Spark) instead of this JVM's threads. The tasks and
     * their seeds are the same, so the summaries are identical to {@link #run}'s.
     *
     * @param episodes folder for the engine's per-episode table, or null for none
     */
    public ExperimentResult run(final Engine engine, final java.nio.file.Path episodes, final ProgressListener progress) {
        return onEngine(List.of(study), engine, episodes, progress).get(0);
    }

    /**
     * Runs several studies on another engine (such as Spark) as one job: every arm of every study
     * for every replication, each with the seed {@link #runAll(List, int, ProgressListener,
     * TaskJournal)} gives it, so the results are identical to a local run's.
     *
     * @param progress told as replications finish, over all studies
     * @return each study's result, in order
     */
    public static List<ExperimentResult> runAll(final List<Study> studies, final Engine engine,
            final ProgressListener progress) {
        return onEngine(studies, engine, null, progress);
    }

    /** Runs the studies' tasks as one job on {@code engine} and sorts the summaries back into studies. */
    private static List<ExperimentResult> onEngine(final List<Study> studies, final Engine engine,
            final java.nio.file.Path episodes, final ProgressListener progress) {
        final List<Scenario> all = new ArrayList<>();
        final List<ReplicationTask> tasks = new ArrayList<>();
        for (int g = 0; g < studies.size(); g++) {
            final Study study = studies.get(g);
            final List<Integer> seeds = seeds(study);
            for (final Scenario arm : study.arms()) {
                // Arm names must differ across the job; a single study keeps its own, which name the
                // episode table's partitions. The results keep each study's own arms.
                all.add(studies.size() == 1 ? arm : arm.withName("run " + (g + 1) + ": " + arm.name()));
                for (int r = 0; r < study.replications(); r++) {
                    tasks.add(new ReplicationTask(all.size() - 1, r, seeds.get(r)));
                }
            }
        }
        final Study first = studies.get(0);
        final Study combined = studies.size() == 1 ? first : new Study(first.name() + ": " + studies.size() + " runs",
                first.description(), all, first.replications(), first.seed());
        final List<ReplicationSummary> summaries = engine.run(combined, tasks, episodes, progress);
        if (summaries.size() != tasks.size()) {
            throw new TherapysimException(ExitCode.RUN_FAILED, "the engine returned " + summaries.size()
                    + " replications of " + tasks.size());
        }
        final List<ExperimentResult> out = new ArrayList<>();
        int index = 0;
        int from = 0;
        for (final Study study : studies) {
            final List<ArmResult> arms = new ArrayList<>();
            for (int a = 0; a < study.arms().size(); a++, index++) {
                final List<ReplicationSummary> reps = new ArrayList<>();
                for (int r = 0; r < study.replications(); r++) {
                    final ReplicationSummary summary = summaries.get(from++);
                    if (summary.arm() != index || summary.replication() != r) {
                        throw new TherapysimException(ExitCode.RUN_FAILED,
                                "the engine returned replications out of order");
                    }
                    reps.add(summary.withArm(a));
                }
                arms.add(new ArmResult(a, study.arms().get(a), reps));
            }
            out.add(new ExperimentResult(study, arms, seeds(study)));
        }
        return out;
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
        return run(sink, progress, null);
    }

    /**
     * Runs the study, skipping the replications a journal already holds (group 0).
     *
     * @param sink prepares each full replication result on its worker and receives it in study
     *     order (may be null)
     * @param progress told after each replication
     * @param journal records each finished replication and recalls those finished before (may be null)
     */
    public <T> ExperimentResult run(final ReplicationSink<T> sink, final ProgressListener progress,
            final TaskJournal journal) {
        return execute(List.of(study), kept, threads, sink, progress, journal).get(0);
    }

    /**
     * Runs several studies on one pool of threads, so that no core waits for the slowest
     * replication of one study before the next study starts (sensitivity analyses run many small
     * variants of a study). Results are identical to running each study alone.
     *
     * @param journal records each finished replication, group = index of the study (may be null)
     * @param progress told after each replication, over all studies
     * @return each study's result, in order
     */
    public static List<ExperimentResult> runAll(final List<Study> studies, final int threads,
            final ProgressListener progress, final TaskJournal journal) {
        return execute(studies, Kept.EPISODES, threads, null, progress, journal);
    }

    /** Runs every replication of every study on one pool; the sink receives them in canonical order. */
    private static <T> List<ExperimentResult> execute(final List<Study> studies, final Kept kept,
            final int threads, final ReplicationSink<T> sink, final ProgressListener progress,
            final TaskJournal journal) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        int total = 0;
        for (final Study study : studies) {
            total += study.arms().size() * study.replications();
        }
        // The sink of a single study may hold the first replications' results from an earlier attempt.
        final int held = sink == null ? 0 : sink.held();
        final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            final Thread t = new Thread(r, "therapysim-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            final List<Callable<Done<T>>> tasks = new ArrayList<>();
            for (int g = 0; g < studies.size(); g++) {
                final Study study = studies.get(g);
                final List<Integer> seeds = seeds(study);
                for (int a = 0; a < study.arms().size(); a++) {
                    final Scenario scenario = study.arms().get(a);
                    for (int r = 0; r < study.replications(); r++) {
                        final TaskJournal.Task task = new TaskJournal.Task(g, a, r);
                        final int seed = seeds.get(r);
                        final ReplicationSink<T> wanted = tasks.size() < held ? null : sink;
                        tasks.add(() -> runTask(task, scenario, seed, kept, wanted, journal));
                    }
                }
            }
            // Only a window of replications runs ahead of the one to be taken next, so finished
            // replications waiting for their turn (those recalled from a journal come fast) never
            // fill the memory.
            final List<Future<Done<T>>> futures = new ArrayList<>(Collections.nCopies(tasks.size(), null));
            int submitted = 0;
            while (submitted < Math.min(tasks.size(), threads * AHEAD_PER_THREAD)) {
                futures.set(submitted, pool.submit(tasks.get(submitted++)));
            }
            final List<ExperimentResult> out = new ArrayList<>();
            int done = 0;
            int index = 0;
            for (final Study study : studies) {
                final List<ArmResult> results = new ArrayList<>();
                for (int a = 0; a < study.arms().size(); a++) {
                    final List<ReplicationSummary> summaries = new ArrayList<>();
                    for (int r = 0; r < study.replications(); r++) {
                        final int taken = index++;
                        final Done<T> finished = await(futures.get(taken), study, a, r);
                        futures.set(taken, null);
                        if (submitted < tasks.size()) {
                            futures.set(submitted, pool.submit(tasks.get(submitted++)));
                        }
                        if (sink != null && taken >= held) {
                            sink.accept(finished.prepared());
                        }
                        summaries.add(finished.summary());
                        progress.progress(++done, total);
                    }
                    results.add(new ArmResult(a, study.arms().get(a), summaries));
                }
                out.add(new ExperimentResult(study, results, seeds(study)));
            }
            return out;
        } catch (TherapysimException e) {
            throw e;
        } catch (Exception e) {
            throw new TherapysimException(ExitCode.OUTPUT_PROBLEM, "could not record results: " + e.getMessage(), e);
        } finally {
            stop(pool);
        }
    }

    /**
     * Stops the workers and waits a while for those still simulating (a replication cannot be
     * interrupted), so none records a replication after the run has ended.
     */
    private static void stop(final ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One replication on a worker: recalled from the journal if it holds it and the sink (if any)
     * does not need its full result, else simulated, recorded and prepared for the sink.
     */
    private static <T> Done<T> runTask(final TaskJournal.Task task, final Scenario scenario, final int seed,
            final Kept records, final ReplicationSink<T> sink, final TaskJournal journal) throws Exception {
        final ReplicationSummary kept = journal == null ? null : journal.recall(task);
        final boolean known = kept != null && kept.seed() == seed && kept.arm() == task.arm()
                && kept.replication() == task.replication();
        if (known && sink == null) {
            return new Done<>(kept, null);
        }
        final ReplicationResult result = new TherapySim(scenario, seed, records).run();
        final T prepared = sink == null ? null : sink.prepare(task.arm(), scenario.name(), task.replication(), result);
        final ReplicationSummary summary = ReplicationSummary.of(task.arm(), task.replication(), result);
        if (journal != null && !known) {
            try {
                journal.record(task, summary);
            } catch (IOException e) {
                throw new TherapysimException(ExitCode.OUTPUT_PROBLEM, "cannot record a finished replication in"
                        + " the journal: " + e.getMessage(), e);
            }
        }
        return new Done<>(summary, prepared);
    }

    private static <T> Done<T> await(final Future<Done<T>> future, final Study study, final int arm,
            final int replication) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TherapysimException(ExitCode.RUN_FAILED, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TherapysimException known) {
                throw known;
            }
            throw new TherapysimException(ExitCode.RUN_FAILED, "arm '" + study.arms().get(arm).name()
                    + "', replication " + replication + " failed: " + e.getCause(), e.getCause());
        }
    }
}

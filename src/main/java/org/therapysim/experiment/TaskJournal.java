package org.therapysim.experiment;

import java.io.IOException;

/**
 * Remembers finished replications so that a run that was stopped can continue where it stopped.
 * A task is one replication of one arm of one of the studies run together (a sensitivity analysis
 * runs many variants of a study at once; a plain run has one, group 0). The experiment asks for a
 * task before running it and records it as soon as it finishes, both on the worker thread, so
 * implementations must be safe to call from several threads at once (tasks never repeat).
 *
 * @param <T> what the experiment's sink prepared from a replication (null without a sink)
 */
public interface TaskJournal<T> {
    /**
     * One task.
     *
     * @param group index of the study among those run together (0 for a single study)
     * @param arm index of the arm in its study
     * @param replication replication index
     */
    record Task(int group, int arm, int replication) {
    }

    /**
     * A finished task as recorded.
     *
     * @param summary the replication's summary
     * @param prepared what the sink prepared from it (null without a sink)
     */
    record Entry<T>(ReplicationSummary summary, T prepared) {
    }

    /**
     * @return the task as recorded by an earlier attempt of the same run, or null when it has to
     *     be run (never recorded, or the record is unreadable)
     */
    Entry<T> recall(Task task);

    /** Records a finished task durably before returning. */
    void record(Task task, ReplicationSummary summary, T prepared) throws IOException;
}

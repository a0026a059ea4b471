package org.therapysim.experiment;

import java.io.IOException;

/**
 * Remembers finished replications so that a run that was stopped can continue where it stopped.
 * A task is one replication of one arm of one of the studies run together (a sensitivity analysis
 * runs many variants of a study at once; a plain run has one, group 0). The experiment asks for a
 * task before running it and records it as soon as it finishes, both on the worker thread, so
 * implementations must be safe to call from several threads at once (tasks never repeat).
 */
public interface TaskJournal {
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
     * @return the task's summary as recorded by an earlier attempt of the same run, or null when it
     *     has to be run (never recorded, or the record is unreadable)
     */
    ReplicationSummary recall(Task task);

    /** Records a finished task (what a killed process handed over is kept). */
    void record(Task task, ReplicationSummary summary) throws IOException;
}

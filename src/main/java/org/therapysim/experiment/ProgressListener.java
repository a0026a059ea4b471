package org.therapysim.experiment;

/** Told when replications finish, to show progress. */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that does nothing. */
    ProgressListener NONE = (done, total) -> { };

    /** Called after each finished replication, from the experiment's thread. */
    void progress(int done, int total);
}

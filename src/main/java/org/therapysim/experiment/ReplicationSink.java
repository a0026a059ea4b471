package org.therapysim.experiment;

import org.therapysim.model.ReplicationResult;

/**
 * Receives each replication's full result, in study order (arm by arm, replication by
 * replication) whatever order they were computed in, for example to write table rows.
 */
@FunctionalInterface
public interface ReplicationSink {
    /** Called once per replication, in canonical order, on the thread that runs the experiment. */
    void accept(int arm, String armName, int replication, ReplicationResult result) throws Exception;
}

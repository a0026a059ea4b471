package org.therapysim.experiment;

import org.therapysim.model.ReplicationResult;

/**
 * Receives each replication's full result, for example to write table rows. {@link #prepare}
 * runs on the worker thread that simulated the replication, in any order, so costly work such as
 * formatting rows is spread over all cores; {@link #accept} then receives the prepared values in
 * study order (arm by arm, replication by replication) on the experiment's thread.
 *
 * @param <T> what a replication is prepared into
 */
public interface ReplicationSink<T> {
    /** Called once per replication on a worker thread; must not touch shared state. */
    T prepare(int arm, String armName, int replication, ReplicationResult result) throws Exception;

    /** Called once per replication, in canonical order, on the thread that runs the experiment. */
    void accept(T prepared) throws Exception;

    /**
     * @return how many replications, counted in study order from the first, the sink already holds
     *     from an earlier attempt of the same run; it is neither asked to prepare nor given them
     */
    default int held() {
        return 0;
    }
}

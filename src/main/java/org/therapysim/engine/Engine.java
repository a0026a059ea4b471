package org.therapysim.engine;

import java.nio.file.Path;
import java.util.List;
import org.therapysim.experiment.ProgressListener;
import org.therapysim.experiment.ReplicationSummary;
import org.therapysim.scenario.Study;

/**
 * Where a study's tasks run when they do not run on this JVM's thread pool (the local engine, the
 * default, is {@link org.therapysim.experiment.Experiment} itself). An engine is found by name
 * through an {@link EngineProvider}; see {@link Engines}.
 */
public interface Engine extends AutoCloseable {
    /**
     * Runs every task and returns each task's summary in the order of {@code tasks}.
     *
     * @param study the study whose arms the tasks index
     * @param tasks what to run: each arm for each replication, arm by arm
     * @param episodes folder to write the per-episode table to (Parquet, one sub-folder per arm),
     *     or null to write none
     * @param progress told as tasks finish
     */
    List<ReplicationSummary> run(Study study, List<ReplicationTask> tasks, Path episodes, ProgressListener progress);

    /** Releases the engine's resources (for Spark: stops the session it started). */
    @Override
    void close();
}

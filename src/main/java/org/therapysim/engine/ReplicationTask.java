package org.therapysim.engine;

import java.io.Serializable;

/**
 * One unit of work of a study: one arm for one replication. The seed derives from the study's
 * master seed and the replication alone (common random numbers across arms), so a task gives the
 * same result wherever and in whatever order it runs.
 *
 * @param arm index of the arm in the study
 * @param replication replication index
 * @param seed the replication's seed
 */
public record ReplicationTask(int arm, int replication, int seed) implements Serializable {
    private static final long serialVersionUID = 1L;
}

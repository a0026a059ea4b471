package org.therapysim.model;

/**
 * Which per-item records a replication keeps besides its episodes, for the detail tables a user
 * asks for: every attended session ({@code sessions.csv}) and every patient's evaluation over the
 * horizon ({@code evaluation.csv}). Both cost memory in proportion to the run, so both are off
 * unless asked for.
 *
 * @param sessions whether to keep a record of every attended session
 * @param patients whether to keep each patient's outcomes and costs over the evaluation horizon
 */
public record Kept(boolean sessions, boolean patients) {
    /** Episodes only. */
    public static final Kept EPISODES = new Kept(false, false);
}

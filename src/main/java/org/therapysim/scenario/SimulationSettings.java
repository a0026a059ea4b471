package org.therapysim.scenario;

/**
 * How long and how often a scenario is simulated.
 *
 * @param weeks horizon in weeks (the clock of the model is one week); episodes still open at the
 *     horizon are censored
 * @param replications independent replications (each with its own derived seed)
 * @param seed master seed; replication r's seed derives from it and r alone
 */
public record SimulationSettings(int weeks, int replications, long seed) {
    public SimulationSettings {
        Check.intRange("weeks", weeks, 1, 52 * 50);
        Check.intRange("replications", replications, 1, 100_000);
    }
}

package org.therapysim.scenario;

/**
 * Relapse after an episode that ended below caseness.
 *
 * @param oneYearRisk probability of relapse within a year after a planned ending in remission
 * @param prematureEndMultiplier hazard multiplier after any other ending (dropout, cap, denial)
 */
public record RelapseSpec(double oneYearRisk, double prematureEndMultiplier) {
    public RelapseSpec {
        Check.range("oneYearRisk", oneYearRisk, 0.0, 0.999);
        Check.range("prematureEndMultiplier", prematureEndMultiplier, 0.0, 20.0);
    }
}

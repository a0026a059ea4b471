package org.therapysim.scenario;

/**
 * Relapse after an episode that ended below caseness.
 *
 * @param oneYearRisk probability of relapse within a year after a planned ending in remission
 *     without residual symptoms
 * @param prematureEndMultiplier hazard multiplier after any other ending (dropout, cap, denial)
 * @param residualHazardRatio hazard multiplier when the end score shows residual symptoms (at or
 *     above {@code residualShareOfCaseness} of the caseness cut-off); 1 turns it off
 * @param residualShareOfCaseness the lowest end score with residual symptoms, as a share of the
 *     measure's caseness cut-off (0.5: PHQ-9 5 of 10, GAD-7 4 of 8)
 */
public record RelapseSpec(double oneYearRisk, double prematureEndMultiplier, double residualHazardRatio,
        double residualShareOfCaseness) {
    public RelapseSpec {
        Check.range("oneYearRisk", oneYearRisk, 0.0, 0.999);
        Check.range("prematureEndMultiplier", prematureEndMultiplier, 0.0, 20.0);
        Check.range("residualHazardRatio", residualHazardRatio, 0.0, 20.0);
        Check.probability("residualShareOfCaseness", residualShareOfCaseness);
    }
}

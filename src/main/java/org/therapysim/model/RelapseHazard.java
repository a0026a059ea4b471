package org.therapysim.model;

import org.therapysim.scenario.RelapseSpec;

/**
 * Relapse after an episode that ended below caseness: a constant weekly hazard h with
 * 1 - (1 - h)^52 equal to the published one-year risk after a planned ending (Vittengl et al.
 * 2007: 29% within a year of acute cognitive therapy), multiplied after premature endings and
 * again when the end score shows residual symptoms (Ali et al. 2017: hazard ratio 1.90 for a
 * PHQ-9 of 5-9 at discharge against lower scores). The product is capped at 0.999 a week.
 */
final class RelapseHazard {
    private final double plannedHazard;
    private final double prematureHazard;
    private final double plannedResidualHazard;
    private final double prematureResidualHazard;
    private final double residualShare;

    RelapseHazard(final RelapseSpec spec) {
        final double h = 1 - Math.pow(1 - spec.oneYearRisk(), 1.0 / 52.0);
        this.plannedHazard = h;
        this.prematureHazard = Math.min(0.999, h * spec.prematureEndMultiplier());
        this.plannedResidualHazard = Math.min(0.999, h * spec.residualHazardRatio());
        this.prematureResidualHazard = Math.min(0.999,
                h * spec.prematureEndMultiplier() * spec.residualHazardRatio());
        this.residualShare = spec.residualShareOfCaseness();
    }

    /**
     * @param endScore the observed score at the end of the episode
     * @param caseness the measure's caseness cut-off
     * @return whether the end score shows residual symptoms: at or above the residual share of caseness
     */
    boolean residual(final int endScore, final int caseness) {
        return endScore >= residualShare * caseness;
    }

    /**
     * @param planned whether the episode ended by plan
     * @param residual whether the end score shows residual symptoms (see {@link #residual})
     * @param u a uniform draw in [0, 1)
     * @return weeks until relapse (geometric, at least 1), or {@link Integer#MAX_VALUE} for never
     */
    int weeksToRelapse(final boolean planned, final boolean residual, final double u) {
        final double h = planned ? (residual ? plannedResidualHazard : plannedHazard)
                : (residual ? prematureResidualHazard : prematureHazard);
        if (h <= 0) {
            return Integer.MAX_VALUE;
        }
        final double weeks = Math.ceil(Math.log(1 - u) / Math.log(1 - h));
        return weeks >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, (int) weeks);
    }
}

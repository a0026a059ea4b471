package org.therapysim.model;

import org.therapysim.scenario.RelapseSpec;

/**
 * Relapse after an episode that ended below caseness: a constant weekly hazard h with
 * 1 - (1 - h)^52 equal to the published one-year risk after a planned ending (Vittengl et al.
 * 2007: 29% within a year of acute cognitive therapy), multiplied after premature endings.
 */
final class RelapseHazard {
    private final double plannedHazard;
    private final double prematureHazard;

    RelapseHazard(final RelapseSpec spec) {
        this.plannedHazard = 1 - Math.pow(1 - spec.oneYearRisk(), 1.0 / 52.0);
        this.prematureHazard = Math.min(0.999, plannedHazard * spec.prematureEndMultiplier());
    }

    /**
     * @param planned whether the episode ended by plan
     * @param u a uniform draw in [0, 1)
     * @return weeks until relapse (geometric, at least 1), or {@link Integer#MAX_VALUE} for never
     */
    int weeksToRelapse(final boolean planned, final double u) {
        final double h = planned ? plannedHazard : prematureHazard;
        if (h <= 0) {
            return Integer.MAX_VALUE;
        }
        final double weeks = Math.ceil(Math.log(1 - u) / Math.log(1 - h));
        return weeks >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(1, (int) weeks);
    }
}

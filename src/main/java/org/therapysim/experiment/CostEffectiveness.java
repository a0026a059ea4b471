package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The payer's comparison of benefit designs: plan cost (sessions and administration) per member
 * per month against recoveries per 1,000 member-years, each arm against the reference with
 * paired intervals on common random numbers, the incremental analysis over all arms
 * ({@link IncrementalAnalysis}: dominance, extended dominance, cost per additional recovery along
 * the frontier), and the budget impact for the covered membership.
 */
public final class CostEffectiveness {
    /** The perspective of this comparison (the payer: plan payments and administration). */
    public static final String PERSPECTIVE = "payer";

    /**
     * One arm.
     *
     * @param arm the arm's name
     * @param cost plan cost per member per month
     * @param effect recoveries per 1,000 member-years
     * @param incrementalCost paired difference in cost from the reference (null for the reference)
     * @param incrementalEffect paired difference in effect from the reference (null for the reference)
     * @param icerVsReference difference in cost per member-year over difference in recoveries per
     *     member-year against the reference (cost per additional recovery; NaN for the reference)
     * @param analysis where the arm stands in the incremental analysis of all arms
     * @param budgetImpactPerYear incremental plan cost a year for the covered members (0 for the reference)
     */
    public record Row(String arm, MetricSummary cost, MetricSummary effect, MetricSummary incrementalCost,
            MetricSummary incrementalEffect, double icerVsReference, IncrementalAnalysis.Row analysis,
            double budgetImpactPerYear) {
    }

    private CostEffectiveness() {
    }

    /** @return one row per arm, in study order */
    public static List<Row> of(final ExperimentResult result) {
        final ArmResult reference = result.reference();
        final List<IncrementalAnalysis.Strategy> strategies = new ArrayList<>();
        for (final ArmResult arm : result.arms()) {
            // Cost per 1,000 member-years, so that the ICER is a cost per additional recovery.
            strategies.add(new IncrementalAnalysis.Strategy(arm.name(),
                    12_000 * arm.summary(Metric.PLAN_COST_PMPM).mean(), arm.summary(Metric.RECOVERIES_PER_1000).mean()));
        }
        final List<IncrementalAnalysis.Row> analysis = IncrementalAnalysis.analyse(strategies);
        final int members = reference.scenario().population().covered();
        final List<Row> rows = new ArrayList<>();
        for (final ArmResult arm : result.arms()) {
            final boolean compared = arm.index() > 0;
            final MetricSummary dCost = compared ? arm.differenceFrom(reference, Metric.PLAN_COST_PMPM) : null;
            final MetricSummary dEffect = compared ? arm.differenceFrom(reference, Metric.RECOVERIES_PER_1000) : null;
            rows.add(new Row(arm.name(), arm.summary(Metric.PLAN_COST_PMPM), arm.summary(Metric.RECOVERIES_PER_1000),
                    dCost, dEffect, compared ? 12_000 * dCost.mean() / dEffect.mean() : Double.NaN,
                    analysis.get(arm.index()), compared ? 12.0 * members * dCost.mean() : 0.0));
        }
        return rows;
    }
}

package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The economic comparison of benefit designs in one perspective. Per patient who sought care,
 * followed for the evaluation horizon: cost in the perspective and QALYs (both discounted) and
 * recoveries. Each arm is set against the reference with paired intervals on common random
 * numbers (incremental cost, QALYs, recoveries, net monetary benefit), with its ICERs against the
 * reference; all arms together go through the incremental analysis ({@link IncrementalAnalysis}:
 * dominance, extended dominance, cost per QALY along the efficiency frontier). The budget impact
 * is the plan's: the change in plan cost (sessions and administration) per covered member per
 * month, undiscounted, and a year of it for the covered membership.
 *
 * <p>A cost per unit of effect is a detected difference only when the paired interval of the
 * incremental cost or that of the incremental effect, against the comparator of that ratio,
 * excludes zero ({@link #differenceDetected}). Against the reference the comparator is the
 * reference; along the frontier it is the previous frontier arm, and the paired differences from it
 * are taken replication by replication on the same common random numbers. When both intervals
 * include zero the arms cannot be told apart and the ratio is noise.
 */
public final class CostEffectiveness {

    /**
     * One arm in one perspective.
     *
     * @param perspective whose costs are counted
     * @param arm the arm's name
     * @param cost cost per patient
     * @param qalys QALYs per patient
     * @param recoveries recoveries per patient
     * @param incrementalCost paired difference in cost from the reference (null for the reference)
     * @param incrementalQalys paired difference in QALYs (null for the reference)
     * @param incrementalRecoveries paired difference in recoveries (null for the reference)
     * @param icerPerQaly mean incremental cost over mean incremental QALYs against the reference (NaN for the reference)
     * @param icerPerRecovery mean incremental cost over mean incremental recoveries (NaN for the reference)
     * @param analysis where the arm stands in the incremental analysis of all arms (cost per QALY)
     * @param netMonetaryBenefit willingness to pay x QALYs - cost, per patient
     * @param incrementalNetMonetaryBenefit paired difference in net monetary benefit (null for the reference)
     * @param budgetImpactPmpm change in plan cost per member per month (0 for the reference)
     * @param budgetImpactPerYear change in plan cost a year for the covered members (0 for the reference)
     * @param frontierCost paired difference in cost from the arm's frontier comparator (null without one)
     * @param frontierQalys paired difference in QALYs from the arm's frontier comparator (null without one)
     */
    public record Row(Perspective perspective, String arm, MetricSummary cost, MetricSummary qalys,
            MetricSummary recoveries, MetricSummary incrementalCost, MetricSummary incrementalQalys,
            MetricSummary incrementalRecoveries, double icerPerQaly, double icerPerRecovery,
            IncrementalAnalysis.Row analysis, MetricSummary netMonetaryBenefit,
            MetricSummary incrementalNetMonetaryBenefit, double budgetImpactPmpm, double budgetImpactPerYear,
            MetricSummary frontierCost, MetricSummary frontierQalys) {

        /** @return whether cost or QALYs differ detectably from the reference (false for the reference) */
        public boolean qalyDifferenceDetected() {
            return differenceDetected(incrementalCost, incrementalQalys);
        }

        /** @return whether cost or recoveries differ detectably from the reference (false for the reference) */
        public boolean recoveryDifferenceDetected() {
            return differenceDetected(incrementalCost, incrementalRecoveries);
        }

        /**
         * @return whether cost or QALYs differ detectably from the frontier comparator (false
         *     without one)
         */
        public boolean frontierDifferenceDetected() {
            return differenceDetected(frontierCost, frontierQalys);
        }
    }

    /**
     * @param cost paired difference in cost from a comparator (null without a comparator)
     * @param effect paired difference in effect from the same comparator
     * @return whether the interval of either excludes zero; when both include zero, no difference
     *     is detectable and their ratio is not reported as a cost per unit of effect
     */
    public static boolean differenceDetected(final MetricSummary cost, final MetricSummary effect) {
        return cost != null && effect != null && (cost.excludesZero() || effect.excludesZero());
    }

    private CostEffectiveness() {
    }

    /** @return one row per arm, in study order, for each perspective in turn */
    public static List<Row> of(final ExperimentResult result, final double willingnessToPay) {
        final List<Row> rows = new ArrayList<>();
        for (final Perspective perspective : Perspective.values()) {
            rows.addAll(of(result, perspective, willingnessToPay));
        }
        return rows;
    }

    /** @return one row per arm, in study order, in one perspective */
    public static List<Row> of(final ExperimentResult result, final Perspective perspective,
            final double willingnessToPay) {
        final ArmResult reference = result.reference();
        final Metric costMetric = perspective.cost();
        final List<IncrementalAnalysis.Strategy> strategies = new ArrayList<>();
        for (final ArmResult arm : result.arms()) {
            strategies.add(new IncrementalAnalysis.Strategy(arm.name(), arm.summary(costMetric).mean(),
                    arm.summary(Metric.QALYS_PER_PATIENT).mean()));
        }
        final List<IncrementalAnalysis.Row> analysis = IncrementalAnalysis.analyse(strategies);
        final int members = reference.scenario().population().covered();
        final double[] referenceNmb = netMonetaryBenefit(reference, costMetric, willingnessToPay);
        final List<Row> rows = new ArrayList<>();
        for (final ArmResult arm : result.arms()) {
            final boolean compared = arm.index() > 0;
            final MetricSummary dCost = compared ? arm.differenceFrom(reference, costMetric) : null;
            final MetricSummary dQalys = compared ? arm.differenceFrom(reference, Metric.QALYS_PER_PATIENT) : null;
            final MetricSummary dRecoveries = compared
                    ? arm.differenceFrom(reference, Metric.RECOVERIES_PER_PATIENT) : null;
            final double[] nmb = netMonetaryBenefit(arm, costMetric, willingnessToPay);
            final double dPmpm = compared ? arm.differenceFrom(reference, Metric.PLAN_COST_PMPM).mean() : 0.0;
            final IncrementalAnalysis.Row standing = analysis.get(arm.index());
            final ArmResult comparator = standing.status() == IncrementalAnalysis.Status.FRONTIER
                    ? armOf(result, strategies, standing.comparator()) : null;
            rows.add(new Row(perspective, arm.name(), arm.summary(costMetric), arm.summary(Metric.QALYS_PER_PATIENT),
                    arm.summary(Metric.RECOVERIES_PER_PATIENT), dCost, dQalys, dRecoveries,
                    compared ? dCost.mean() / dQalys.mean() : Double.NaN,
                    compared ? dCost.mean() / dRecoveries.mean() : Double.NaN, standing,
                    MetricSummary.of(nmb), compared ? MetricSummary.paired(nmb, referenceNmb) : null, dPmpm,
                    12.0 * members * dPmpm, comparator == null ? null : arm.differenceFrom(comparator, costMetric),
                    comparator == null ? null : arm.differenceFrom(comparator, Metric.QALYS_PER_PATIENT)));
        }
        return rows;
    }

    /** @return the arm whose strategy this is (null for null) */
    private static ArmResult armOf(final ExperimentResult result, final List<IncrementalAnalysis.Strategy> strategies,
            final IncrementalAnalysis.Strategy strategy) {
        for (int i = 0; i < strategies.size(); i++) {
            if (strategies.get(i) == strategy) {
                return result.arms().get(i);
            }
        }
        return null;
    }

    /**
     * Incremental net monetary benefit against the reference over a range of willingness to pay,
     * paired replication by replication.
     *
     * @return for each arm after the reference (in study order), a summary at each value of {@code wtps}
     */
    public static List<List<MetricSummary>> netBenefitByWillingnessToPay(final ExperimentResult result,
            final Perspective perspective, final double[] wtps) {
        final ArmResult reference = result.reference();
        final List<List<MetricSummary>> out = new ArrayList<>();
        for (final ArmResult arm : result.arms().subList(1, result.arms().size())) {
            final List<MetricSummary> curve = new ArrayList<>();
            for (final double wtp : wtps) {
                curve.add(MetricSummary.paired(netMonetaryBenefit(arm, perspective.cost(), wtp),
                        netMonetaryBenefit(reference, perspective.cost(), wtp)));
            }
            out.add(curve);
        }
        return out;
    }

    /** @return the arm's net monetary benefit per patient, replication by replication */
    private static double[] netMonetaryBenefit(final ArmResult arm, final Metric cost, final double wtp) {
        final double[] costs = arm.values(cost);
        final double[] qalys = arm.values(Metric.QALYS_PER_PATIENT);
        final double[] nmb = new double[costs.length];
        for (int r = 0; r < nmb.length; r++) {
            nmb[r] = IncrementalAnalysis.netMonetaryBenefit(costs[r], qalys[r], wtp);
        }
        return nmb;
    }
}

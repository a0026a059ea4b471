package org.therapysim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.therapysim.experiment.CostEffectiveness;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.IncrementalAnalysis;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.experiment.Perspective;
import org.therapysim.scenario.Evaluation;

/**
 * {@code cost_effectiveness.csv}: one row per perspective and arm. Per patient who sought care,
 * over the evaluation horizon: cost in the perspective and QALYs (discounted) and recoveries, with
 * 95% intervals; the paired differences from the reference; where the arm lies against the
 * reference on the cost-effectiveness plane, with the cost per QALY and per recovery for a
 * trade-off; the arm's standing in the incremental analysis (frontier, dominated, extendedly
 * dominated) with the paired differences from the previous frontier arm and the cost per QALY
 * along the frontier. Each cost per unit of effect comes with whether a difference is detected
 * against its comparator (the paired interval of the cost or of the effect excludes zero); when
 * none is, the ratio is noise and left blank. Net monetary benefit at the willingness to
 * pay; and the plan's budget impact for the covered members. Costs are in the scenario's currency
 * and price year.
 */
public final class CostEffectivenessTable {
    /** Column names, in order. */
    public static final String[] HEADER = {"perspective", "arm", "currency", "price_year", "horizon_weeks",
        "discount_rate", "willingness_to_pay", "cost", "cost_ci_low", "cost_ci_high", "qalys", "qalys_ci_low",
        "qalys_ci_high", "recoveries", "recoveries_ci_low", "recoveries_ci_high", "incremental_cost",
        "incremental_cost_ci_low", "incremental_cost_ci_high", "incremental_qalys", "incremental_qalys_ci_low",
        "incremental_qalys_ci_high", "incremental_recoveries", "incremental_recoveries_ci_low",
        "incremental_recoveries_ci_high", "vs_reference", "difference_detected_vs_reference",
        "cost_per_qaly_vs_reference", "recovery_difference_detected_vs_reference", "cost_per_recovery_vs_reference",
        "status", "frontier_comparator", "frontier_incremental_cost", "frontier_incremental_cost_ci_low",
        "frontier_incremental_cost_ci_high", "frontier_incremental_qalys", "frontier_incremental_qalys_ci_low",
        "frontier_incremental_qalys_ci_high", "difference_detected_on_frontier", "cost_per_qaly_on_frontier",
        "dominated_by", "net_monetary_benefit", "net_monetary_benefit_ci_low", "net_monetary_benefit_ci_high",
        "incremental_net_monetary_benefit", "incremental_net_monetary_benefit_ci_low",
        "incremental_net_monetary_benefit_ci_high", "budget_impact_pmpm", "budget_impact_per_year"};

    private CostEffectivenessTable() {
    }

    /** Writes the table. */
    public static void write(final ExperimentResult result, final Path file) throws IOException {
        final String currency = result.reference().scenario().costs().currency();
        final int priceYear = result.reference().scenario().costs().priceYear();
        final Evaluation evaluation = result.reference().scenario().evaluation();
        try (Tables.Printer out = Tables.open(file, HEADER)) {
            for (final CostEffectiveness.Row row : CostEffectiveness.of(result, evaluation.willingnessToPay())) {
                final var analysis = row.analysis();
                final boolean dominated = analysis.status() == IncrementalAnalysis.Status.DOMINATED;
                out.printRecord(row.perspective().id(), row.arm(), currency, priceYear, evaluation.horizonWeeks(),
                        n(evaluation.discountRate()), n(evaluation.willingnessToPay()),
                        n(row.cost().mean()), n(row.cost().ciLow()), n(row.cost().ciHigh()),
                        n(row.qalys().mean()), n(row.qalys().ciLow()), n(row.qalys().ciHigh()),
                        n(row.recoveries().mean()), n(row.recoveries().ciLow()), n(row.recoveries().ciHigh()),
                        mean(row.incrementalCost()), low(row.incrementalCost()), high(row.incrementalCost()),
                        mean(row.incrementalQalys()), low(row.incrementalQalys()), high(row.incrementalQalys()),
                        mean(row.incrementalRecoveries()), low(row.incrementalRecoveries()),
                        high(row.incrementalRecoveries()),
                        quadrant(row.incrementalCost(), row.incrementalQalys(), "QALYs"),
                        detected(row.incrementalCost(), row.qalyDifferenceDetected()),
                        trade(row.incrementalCost(), row.incrementalQalys()) && row.qalyDifferenceDetected()
                                ? n(row.icerPerQaly()) : "",
                        detected(row.incrementalCost(), row.recoveryDifferenceDetected()),
                        trade(row.incrementalCost(), row.incrementalRecoveries()) && row.recoveryDifferenceDetected()
                                ? n(row.icerPerRecovery()) : "",
                        analysis.status().name().toLowerCase(Locale.ROOT),
                        !dominated && analysis.comparator() != null ? analysis.comparator().name() : "",
                        mean(row.frontierCost()), low(row.frontierCost()), high(row.frontierCost()),
                        mean(row.frontierQalys()), low(row.frontierQalys()), high(row.frontierQalys()),
                        detected(row.frontierCost(), row.frontierDifferenceDetected()),
                        row.frontierDifferenceDetected() ? n(analysis.icer()) : "",
                        dominated ? analysis.comparator().name() : "",
                        n(row.netMonetaryBenefit().mean()), n(row.netMonetaryBenefit().ciLow()),
                        n(row.netMonetaryBenefit().ciHigh()), mean(row.incrementalNetMonetaryBenefit()),
                        low(row.incrementalNetMonetaryBenefit()), high(row.incrementalNetMonetaryBenefit()),
                        n(row.budgetImpactPmpm()), n(row.budgetImpactPerYear()));
            }
        }
    }

    /**
     * Writes {@code net_benefit_by_wtp.csv}: each arm's incremental net monetary benefit against the
     * reference, per perspective, over the range of willingness to pay, with 95% paired intervals.
     */
    public static void writeNetBenefit(final ExperimentResult result, final Path file) throws IOException {
        final Evaluation evaluation = result.reference().scenario().evaluation();
        final double[] wtps = evaluation.willingnessToPayGrid();
        try (Tables.Printer out = Tables.open(file, "perspective", "arm", "willingness_to_pay",
                "incremental_net_monetary_benefit", "ci_low", "ci_high")) {
            for (final Perspective perspective : Perspective.values()) {
                final List<List<MetricSummary>> curves = CostEffectiveness.netBenefitByWillingnessToPay(result,
                        perspective, wtps);
                for (int a = 0; a < curves.size(); a++) {
                    for (int w = 0; w < wtps.length; w++) {
                        final MetricSummary s = curves.get(a).get(w);
                        out.printRecord(perspective.id(), result.arms().get(a + 1).name(), n(wtps[w]), n(s.mean()),
                                n(s.ciLow()), n(s.ciHigh()));
                    }
                }
            }
        }
    }

    /**
     * @param cost incremental cost against the reference (null for the reference)
     * @param effect incremental effect
     * @param effectName what the effect counts, in words
     * @return where the arm lies against the reference on the cost-effectiveness plane
     */
    public static String quadrant(final MetricSummary cost, final MetricSummary effect, final String effectName) {
        if (cost == null) {
            return "reference";
        }
        final double c = cost.mean();
        final double e = effect.mean();
        if (c == 0 && e == 0) {
            // Neither better in one and no worse in the other: no dominance either way.
            return "same cost and " + effectName + " as the reference";
        }
        if (c <= 0 && e >= 0) {
            return "dominates the reference";
        }
        if (c >= 0 && e <= 0) {
            return "dominated by the reference";
        }
        return c > 0 ? "costs more, more " + effectName : "costs less, fewer " + effectName;
    }

    /** @return whether a cost per unit of effect against the reference means a trade-off (not dominance) */
    private static boolean trade(final MetricSummary cost, final MetricSummary effect) {
        return cost != null && tradeOff(cost.mean(), effect.mean());
    }

    /**
     * @return whether an incremental cost and effect trade one against the other (both more or both
     *     less), so that their ratio is a cost per unit of effect; under dominance either way it is not
     */
    static boolean tradeOff(final double cost, final double effect) {
        return cost > 0 && effect > 0 || cost < 0 && effect < 0;
    }

    /** @return true or false, or blank without a comparator */
    private static String detected(final MetricSummary comparison, final boolean detected) {
        return comparison == null ? "" : Boolean.toString(detected);
    }

    private static String n(final double value) {
        return Numbers.significant(value);
    }

    private static String mean(final MetricSummary s) {
        return s == null ? "" : n(s.mean());
    }

    private static String low(final MetricSummary s) {
        return s == null ? "" : n(s.ciLow());
    }

    private static String high(final MetricSummary s) {
        return s == null ? "" : n(s.ciHigh());
    }
}

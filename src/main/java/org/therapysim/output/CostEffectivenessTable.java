package org.therapysim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import org.therapysim.experiment.CostEffectiveness;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.IncrementalAnalysis;
import org.therapysim.experiment.MetricSummary;

/**
 * {@code cost_effectiveness.csv}: one row per arm in the payer's perspective: plan cost per member
 * per month and recoveries per 1,000 member-years with 95% intervals, the paired differences from
 * the reference, where the arm lies against the reference (dominating, dominated, or a
 * trade-off) with the cost per recovery gained or lost for a trade-off, the cost per additional
 * recovery along the efficiency frontier, the arm's standing (frontier, dominated, extendedly dominated) and the budget impact a
 * year for the covered members. Costs are in the scenario's currency and price year.
 */
public final class CostEffectivenessTable {
    /** Column names, in order. */
    public static final String[] HEADER = {"perspective", "arm", "currency", "price_year", "cost_pmpm",
        "cost_pmpm_ci_low", "cost_pmpm_ci_high", "recoveries_per_1000", "recoveries_ci_low", "recoveries_ci_high",
        "incremental_cost_pmpm", "incremental_cost_ci_low", "incremental_cost_ci_high", "incremental_recoveries",
        "incremental_recoveries_ci_low", "incremental_recoveries_ci_high", "vs_reference", "cost_per_recovery_vs_reference",
        "status", "frontier_comparator", "cost_per_recovery_on_frontier", "dominated_by", "budget_impact_per_year"};

    private CostEffectivenessTable() {
    }

    /** Writes the table. */
    public static void write(final ExperimentResult result, final Path file) throws IOException {
        final String currency = result.reference().scenario().costs().currency();
        final int priceYear = result.reference().scenario().costs().priceYear();
        try (CSVPrinter out = Tables.open(file, HEADER)) {
            for (final CostEffectiveness.Row row : CostEffectiveness.of(result)) {
                final var analysis = row.analysis();
                final boolean dominated = analysis.status() == IncrementalAnalysis.Status.DOMINATED;
                out.printRecord(CostEffectiveness.PERSPECTIVE, row.arm(), currency, priceYear,
                        n(row.cost().mean()), n(row.cost().ciLow()), n(row.cost().ciHigh()),
                        n(row.effect().mean()), n(row.effect().ciLow()), n(row.effect().ciHigh()),
                        mean(row.incrementalCost()), low(row.incrementalCost()), high(row.incrementalCost()),
                        mean(row.incrementalEffect()), low(row.incrementalEffect()), high(row.incrementalEffect()),
                        quadrant(row), trade(row) ? n(row.icerVsReference()) : "", analysis.status().name().toLowerCase(Locale.ROOT),
                        !dominated && analysis.comparator() != null ? analysis.comparator().name() : "",
                        n(analysis.icer()), dominated ? analysis.comparator().name() : "",
                        n(row.budgetImpactPerYear()));
            }
        }
    }

    /** @return where the arm lies against the reference on the cost-effectiveness plane */
    static String quadrant(final CostEffectiveness.Row row) {
        if (row.incrementalCost() == null) {
            return "reference";
        }
        final double c = row.incrementalCost().mean();
        final double e = row.incrementalEffect().mean();
        if (c <= 0 && e >= 0) {
            return "dominates the reference";
        }
        if (c >= 0 && e <= 0) {
            return "dominated by the reference";
        }
        return c > 0 ? "costs more, more recoveries" : "costs less, fewer recoveries";
    }

    /** @return whether a cost per recovery against the reference means a trade-off (not dominance) */
    private static boolean trade(final CostEffectiveness.Row row) {
        return row.incrementalCost() != null && quadrant(row).startsWith("costs");
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

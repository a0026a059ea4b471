package org.therapysim.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.DesignSearch;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.MetricSummary;

/**
 * Writes what {@code optimize} adds to the folder of its confirmation run (the scenario as given
 * against the optimum, on new seeds): {@code optimum.yaml}, the winning design as a scenario that
 * extends the file searched; {@code evaluations.csv}, every design simulated, by phase (the search,
 * the re-evaluation of the best on new seeds, and the winner's confirmation), with its objective,
 * plan cost per member per month, their intervals, the one-sided 95% bound of the cost, whether it
 * met the budget and whether it is on the Pareto front; {@code charts/pareto.png} and {@code .svg};
 * and the report's "Optimisation" section.
 */
public final class OptimizationWriter {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 620;
    private static final Color TRIED = new Color(0xB0, 0xB0, 0xB0);
    private static final Color FRONT = new Color(0x44, 0x44, 0x44);
    private static final Color AGAIN = new Color(0x1F, 0x77, 0xB4);
    private static final Color WINNER = new Color(0xD6, 0x27, 0x28);

    /**
     * What was searched, as the command line gave it.
     *
     * @param scenarioFile the scenario searched
     * @param settings the search's settings
     * @param keys the keys searched, free keys then choices
     * @param ranges how each key was searched, e.g. "0 to 60, whole numbers" or "stop, self_pay"
     * @param method how the keys were searched, in words, e.g. "CMA-ES over plan.copay"
     * @param currency the scenario's currency
     */
    public record Search(Path scenarioFile, DesignSearch.Settings settings, List<String> keys, List<String> ranges,
            String method, String currency) {
        public Search {
            keys = List.copyOf(keys);
            ranges = List.copyOf(ranges);
        }
    }

    private OptimizationWriter() {
    }

    /**
     * Writes the files and returns the report section.
     *
     * @param result the search
     * @param confirmation the confirmation run: arm 0 the scenario as given, arm 1 the optimum
     */
    public static UncertaintyResults write(final DesignSearch.Result result, final Search search,
            final ExperimentResult confirmation, final ResultsFolder folder, final Path target) throws IOException {
        final DesignSearch.Settings settings = search.settings();
        final ArmResult optimum = confirmation.arms().get(1);
        final DesignSearch.Evaluation confirmed = confirmed(result, settings, optimum,
                confirmation.study().seed());
        Files.writeString(folder.file("optimum.yaml"), overlay(result, search, target), StandardCharsets.UTF_8);
        writeEvaluations(result, search, confirmed, folder.file("evaluations.csv"));
        final JFreeChart chart = pareto(result, search);
        ChartFiles.write(chart, folder.charts(), "pareto", WIDTH, HEIGHT);
        return section(result, search, confirmed, confirmation, chart);
    }

    /** @return the winner's figures on the confirmation run's replications */
    static DesignSearch.Evaluation confirmed(final DesignSearch.Result result, final DesignSearch.Settings settings,
            final ArmResult optimum, final long seed) {
        final MetricSummary objective = MetricSummary.of(settings.objective().values(optimum, settings.perspective()));
        final MetricSummary cost = optimum.summary(Metric.PLAN_COST_PMPM);
        final double upper = DesignSearch.upperBound(cost, DesignSearch.BUDGET_CONFIDENCE);
        return new DesignSearch.Evaluation(result.winner().design(), result.winner().values(), seed, objective, cost,
                DesignSearch.BUDGET_CONFIDENCE, upper, settings.budgetPmpm() == null || upper <= settings.budgetPmpm());
    }

    private static String overlay(final DesignSearch.Result result, final Search search, final Path target)
            throws IOException {
        final Map<String, JsonNode> values = new LinkedHashMap<>();
        for (final Map.Entry<String, String> kv : result.winner().values().entrySet()) {
            values.put(kv.getKey(), ScenarioOverlay.value(kv.getValue()));
        }
        final DesignSearch.Settings s = search.settings();
        return ScenarioOverlay.yaml("Found by therapysim optimize: the design with the highest "
                + s.objective().label() + (s.objective() == DesignSearch.Objective.NMB ? " (" + s.perspective().id()
                        + " perspective)" : "")
                + (s.budgetPmpm() == null ? "" : " whose plan cost per member per month stays within "
                        + budget(s.budgetPmpm()) + " with 95% confidence")
                + ",\namong " + result.search().size() + " designs tried; design " + result.winner().design()
                + " in evaluations.csv. Run it with: therapysim run optimum.yaml", search.scenarioFile(), target,
                result.optimum().name(), values);
    }

    private static void writeEvaluations(final DesignSearch.Result result, final Search search,
            final DesignSearch.Evaluation confirmed, final Path file) throws IOException {
        final List<String> header = new ArrayList<>(List.of("phase", "design"));
        header.addAll(search.keys());
        header.addAll(List.of("master_seed", "replications", "objective", "perspective", "objective_mean",
                "objective_sd", "objective_ci_low", "objective_ci_high", "plan_cost_pmpm_mean", "plan_cost_pmpm_sd",
                "plan_cost_pmpm_ci_low", "plan_cost_pmpm_ci_high", "bound_confidence", "plan_cost_pmpm_upper_bound",
                "budget_pmpm",
                "feasible", "pareto", "winner"));
        final DesignSearch.Settings s = search.settings();
        try (Tables.Printer out = Tables.open(file, header.toArray(String[]::new))) {
            for (int i = 0; i < result.search().size(); i++) {
                row(out, "search", result.search().get(i), s, search, result.pareto().get(i), result);
            }
            for (final DesignSearch.Evaluation e : result.reevaluated()) {
                row(out, "reevaluation", e, s, search, null, result);
            }
            row(out, "confirmation", confirmed, s, search, null, result);
        }
    }

    private static void row(final Tables.Printer out, final String phase, final DesignSearch.Evaluation e,
            final DesignSearch.Settings s, final Search search, final Boolean pareto, final DesignSearch.Result result)
            throws IOException {
        final List<Object> cells = new ArrayList<>(List.of(phase, e.design()));
        for (final String key : search.keys()) {
            cells.add(e.values().get(key));
        }
        cells.addAll(List.of(e.masterSeed(), e.objective().n(), s.objective().id(), s.perspective().id(),
                Numbers.significant(e.objective().mean()), Numbers.significant(e.objective().sd()),
                Numbers.significant(e.objective().ciLow()), Numbers.significant(e.objective().ciHigh()),
                Numbers.significant(e.planCost().mean()), Numbers.significant(e.planCost().sd()),
                Numbers.significant(e.planCost().ciLow()), Numbers.significant(e.planCost().ciHigh()),
                Numbers.significant(e.confidence()), Numbers.significant(e.planCostUpper()),
                s.budgetPmpm() == null ? "" : Numbers.significant(s.budgetPmpm()), e.feasible(),
                pareto == null ? "" : pareto, e.design() == result.winner().design()));
        out.printRecord(cells.toArray());
    }

    /**
     * The Pareto chart: every design of the search by mean plan cost per member per month and mean
     * objective, the front joined by a line, the best designs again on new seeds, the winner, and
     * the budget as a vertical line.
     */
    static JFreeChart pareto(final DesignSearch.Result result, final Search search) {
        final DesignSearch.Settings s = search.settings();
        final XYSeriesCollection points = new XYSeriesCollection();
        final XYSeries tried = new XYSeries("Designs tried (search replications)", false, true);
        final XYSeries front = new XYSeries("Pareto front of the search", false, true);
        final List<DesignSearch.Evaluation> onFront = new ArrayList<>();
        for (int i = 0; i < result.search().size(); i++) {
            final DesignSearch.Evaluation e = result.search().get(i);
            tried.add(e.planCost().mean(), e.objective().mean());
            if (result.pareto().get(i)) {
                onFront.add(e);
            }
        }
        onFront.sort(Comparator.comparingDouble((DesignSearch.Evaluation e) -> e.planCost().mean())
                .thenComparingDouble(e -> e.objective().mean()));
        onFront.forEach(e -> front.add(e.planCost().mean(), e.objective().mean()));
        final XYSeries again = new XYSeries("Best designs again, on new seeds", false, true);
        result.reevaluated().forEach(e -> again.add(e.planCost().mean(), e.objective().mean()));
        final XYSeries winner = new XYSeries("Winner, on new seeds (design " + result.winner().design() + ")", false,
                true);
        winner.add(result.winner().planCost().mean(), result.winner().objective().mean());
        points.addSeries(tried);
        points.addSeries(front);
        points.addSeries(again);
        points.addSeries(winner);
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, TRIED);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        renderer.setSeriesPaint(1, FRONT);
        renderer.setSeriesLinesVisible(1, true);
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        renderer.setSeriesShape(1, new Rectangle2D.Double(-3.5, -3.5, 7, 7));
        renderer.setSeriesPaint(2, AGAIN);
        renderer.setSeriesShape(2, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesShapesFilled(2, false);
        renderer.setSeriesPaint(3, WINNER);
        renderer.setSeriesShape(3, new Ellipse2D.Double(-7, -7, 14, 14));
        final NumberAxis x = new NumberAxis("Plan cost per member per month (" + search.currency() + ")");
        final NumberAxis y = new NumberAxis(capitalised(s.objective().label()));
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        final XYPlot plot = new XYPlot(points, x, y, renderer);
        String note = result.search().size() + " designs, " + s.replications() + " replications each on common seeds";
        if (s.budgetPmpm() != null) {
            final ValueMarker budget = new ValueMarker(s.budgetPmpm(), Color.DARK_GRAY,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
            plot.addDomainMarker(budget);
            // Keep the budget line in view even when every design lies on one side of it.
            x.setAutoRange(true);
            final double low = Math.min(s.budgetPmpm(), tried.getMinX());
            final double high = Math.max(s.budgetPmpm(), tried.getMaxX());
            final double pad = Math.max(1e-6, (high - low) * 0.06);
            x.setRange(low - pad, high + pad);
            note += "; dashed line: the budget, " + budget(s.budgetPmpm()) + " " + search.currency()
                    + " (a design meets it when the 95% upper bound of its cost does)";
        }
        return Charts.finish(new JFreeChart("Plan cost against " + s.objective().label(), Charts.TITLE, plot, true),
                plot, note);
    }

    private static UncertaintyResults section(final DesignSearch.Result result, final Search search,
            final DesignSearch.Evaluation confirmed, final ExperimentResult confirmation, final JFreeChart chart) {
        final DesignSearch.Settings s = search.settings();
        final String currency = search.currency();
        final List<String> warnings = new ArrayList<>();
        final StringBuilder summary = new StringBuilder();
        summary.append(String.format(Locale.ROOT, "The design with the highest %s%s%s was searched among %d designs"
                + " (%d calls of the objective: %s), each simulated for %d replications on the same"
                + " seeds (common random numbers). The %d best that met the budget were simulated again on new seeds%s,"
                + " and the winner chosen on those: design %d, with %s. ",
                s.objective().label(), s.objective() == DesignSearch.Objective.NMB ? " in the " + s.perspective().id()
                        + " perspective" : "",
                s.budgetPmpm() == null ? "" : ", with a plan cost per member per month within " + budget(s.budgetPmpm())
                        + " " + currency + " with 95% confidence",
                result.search().size(), result.calls(), search.method(), s.replications(), result.reevaluated().size(),
                s.budgetPmpm() == null ? "" : ", each held to a one-sided bound on its plan cost at "
                        + percent(result.reevaluated().get(0).confidence()) + " confidence (so that the winner, chosen"
                        + " among them, meets the budget with 95% confidence)",
                result.winner().design(),
                describe(result.winner().values())));
        summary.append(String.format(Locale.ROOT, "The results above compare it with the scenario as given on a"
                + " third set of seeds, which played no part in choosing it (the optimizer's curse): %s %s"
                + " [%s, %s] against %s, and a plan cost of %s [%s, %s] %s per member per month against %s.",
                s.objective().label(), number(confirmed.objective().mean()), number(confirmed.objective().ciLow()),
                number(confirmed.objective().ciHigh()),
                number(MetricSummary.of(s.objective().values(confirmation.arms().get(0), s.perspective())).mean()),
                money(confirmed.planCost().mean()), money(confirmed.planCost().ciLow()),
                money(confirmed.planCost().ciHigh()), currency,
                money(confirmation.arms().get(0).summary(Metric.PLAN_COST_PMPM).mean())));
        if (s.budgetPmpm() != null && !confirmed.feasible()) {
            warnings.add(String.format(Locale.ROOT, "On the confirmation run the optimum's 95%% upper bound of plan"
                    + " cost per member per month, %s %s, is above the budget of %s: the budget is at the edge of"
                    + " what the design meets; rerun with more replications (-n) before relying on it.",
                    money(confirmed.planCostUpper()), currency, budget(s.budgetPmpm())));
        }
        final DesignSearch.Evaluation top = result.reevaluated().get(0);
        if (top.design() != result.winner().design()) {
            summary.append(top.feasible()
                    ? " The design that looked best in the search is not the winner once simulated again on new seeds:"
                            + " the differences among the best designs are within the noise of the replications."
                    : " The design that looked best in the search did not meet the budget at the re-evaluation's"
                            + " bound on new seeds; the winner is the best of those that did.");
        }
        final List<List<String>> searched = new ArrayList<>();
        for (int i = 0; i < search.keys().size(); i++) {
            searched.add(List.of(search.keys().get(i), search.ranges().get(i),
                    result.winner().values().get(search.keys().get(i))));
        }
        final List<List<String>> rows = new ArrayList<>();
        for (final DesignSearch.Evaluation e : result.reevaluated()) {
            final DesignSearch.Evaluation first = result.search().get(e.design() - 1);
            rows.add(List.of(Integer.toString(e.design()), describe(e.values()),
                    number(first.objective().mean()), number(e.objective().mean()) + " [" + number(e.objective().ciLow())
                            + ", " + number(e.objective().ciHigh()) + "]",
                    money(e.planCost().mean()) + " [" + money(e.planCost().ciLow()) + ", "
                            + money(e.planCost().ciHigh()) + "]", money(e.planCostUpper()),
                    e.feasible() ? "yes" : "no", e.design() == result.winner().design() ? "winner" : ""));
        }
        return new UncertaintyResults(summary.toString(), warnings,
                List.of(new UncertaintyResults.Figure(HtmlReport.inlineSvg(chart, "pareto", "Plan cost against "
                        + s.objective().label()), "Every design of the search (grey), the Pareto front of plan cost"
                        + " against the objective, the best designs again on new seeds (rings) and the winner (red)."
                        + " charts/pareto.png; every figure in evaluations.csv.")),
                List.of(new UncertaintyResults.Table("Keys searched and the optimum's values (optimum.yaml)",
                        List.of("key", "searched", "optimum"), searched),
                        new UncertaintyResults.Table("The best designs of the search, simulated again on new seeds"
                                + " (" + s.replications() + " replications; objective and plan cost per member per"
                                + " month with 95% intervals; budget met when the one-sided bound is within it)",
                                List.of("design", "values", "objective in the search", "objective again",
                                        "plan cost PMPM again (" + currency + ")", "upper bound at "
                                                + percent(result.reevaluated().get(0).confidence()),
                                        "meets budget", ""),
                                rows)),
                UncertaintyResults.Kind.OPTIMIZATION);
    }

    private static String describe(final Map<String, String> values) {
        final StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(out.length() == 0 ? "" : ", ").append(k).append(" = ").append(v));
        return out.toString();
    }

    private static String number(final double value) {
        if (!Double.isFinite(value)) {
            return ReportFormat.UNDEFINED;
        }
        final double abs = Math.abs(value);
        return String.format(Locale.ROOT, abs >= 100 ? "%,.0f" : abs >= 1 ? "%.2f" : "%.4f", value);
    }

    /** @return an amount per member per month, to the cent */
    private static String money(final double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : ReportFormat.UNDEFINED;
    }

    /** @return a budget as given, at least to the cent: 1.2 reads 1.20, 1.205 stays 1.205 */
    private static String budget(final double value) {
        final BigDecimal given = BigDecimal.valueOf(value).stripTrailingZeros();
        return given.scale() <= 2 ? given.setScale(2).toPlainString() : given.toPlainString();
    }

    private static String percent(final double share) {
        return DesignSearch.plain(Math.round(share * 10000) / 100.0) + "%";
    }

    private static String capitalised(final String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

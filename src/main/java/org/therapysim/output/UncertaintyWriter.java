package org.therapysim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.therapysim.experiment.IncrementalAnalysis;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.experiment.OneWaySensitivity;
import org.therapysim.experiment.Perspective;
import org.therapysim.experiment.ProbabilisticAnalysis;
import org.therapysim.experiment.SimulationNoise;
import org.therapysim.experiment.ValueOfInformation;
import org.therapysim.scenario.Evaluation;
import org.therapysim.scenario.Population;
import org.therapysim.scenario.PopulationMode;
import org.therapysim.scenario.Scenario;

/**
 * The files of the sensitivity analyses, added to a results folder beside the base case, and what
 * the report shows of them. A probabilistic analysis writes {@code psa_draws.csv} (every draw's
 * parameter values and each arm's outcomes), {@code psa_summary.csv} (per perspective and arm:
 * means and 95% percentile intervals, incremental values against the reference, the probability
 * of being cost-effective at the willingness to pay), {@code acceptability.csv} (the
 * acceptability curve and the expected value of perfect information over the range of willingness
 * to pay) and their charts; a one-way analysis writes {@code tornado.csv} and its diagram.
 */
public final class UncertaintyWriter {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 620;

    private UncertaintyWriter() {
    }

    /** @return patients who seek care in a year (open population) or the cohort */
    public static double patientsPerYear(final Population population) {
        return population.mode() == PopulationMode.OPEN ? population.members() * population.annualIncidence()
                : population.cohortSize();
    }

    /** Writes a probabilistic analysis's files and returns the report's section. */
    public static UncertaintyResults psa(final ProbabilisticAnalysis.Result result, final ResultsFolder folder)
            throws IOException {
        final Scenario reference = result.study().reference();
        final Evaluation evaluation = reference.evaluation();
        final String currency = reference.costs().currency();
        final double wtp = evaluation.willingnessToPay();
        final ReportFormat format = new ReportFormat(currency);
        writeDraws(result, folder.file("psa_draws.csv"));
        writeSummary(result, wtp, folder.file("psa_summary.csv"));
        final double[] wtps = evaluation.willingnessToPayGrid();
        final double population = patientsPerYear(reference.population());
        final Path charts = folder.charts();
        final List<UncertaintyResults.Figure> figures = new ArrayList<>();
        final List<List<String>> rows = new ArrayList<>();
        try (Tables.Printer out = Tables.open(folder.file("acceptability.csv"), "perspective", "willingness_to_pay",
                "arm", "probability_cost_effective", "evpi_per_patient", "evpi_per_year",
                "probability_cost_effective_corrected", "evpi_corrected_per_patient", "evpi_corrected_se_per_patient",
                "evpi_corrected_per_year");
                Tables.Printer ceafOut = Tables.open(folder.file("ceaf.csv"), "perspective", "willingness_to_pay",
                        "optimal_arm", "expected_net_benefit_per_patient", "probability_cost_effective",
                        "probability_cost_effective_corrected");
                Tables.Printer lossOut = Tables.open(folder.file("expected_loss.csv"), "perspective",
                        "willingness_to_pay", "arm", "optimal", "expected_loss_per_patient",
                        "expected_loss_corrected_per_patient");
                Tables.Printer planeOut = Tables.open(folder.file("ce_plane.csv"), "perspective", "arm",
                        "mean_incremental_qalys", "mean_incremental_cost", "sd_incremental_qalys", "sd_incremental_cost",
                        "correlation", "frontier_status");
                Tables.Printer convergenceOut = Tables.open(folder.file("psa_convergence.csv"), "perspective",
                        "willingness_to_pay", "draws", "arm", "mean_incremental_net_benefit", "ci_half_width")) {
            for (final Perspective p : Perspective.values()) {
                final double[][] probability = result.acceptability(p, wtps);
                final ValueOfInformation corrected = result.corrected(p);
                final double[][] correctedProbability = corrected.acceptability(wtps);
                final ValueOfInformation.Estimate[] correctedEvpi = corrected.evppi(wtps);
                for (int w = 0; w < wtps.length; w++) {
                    final double evpi = result.evpi(p, wtps[w]);
                    final ValueOfInformation.Estimate c = correctedEvpi[w];
                    for (int a = 0; a < result.arms().size(); a++) {
                        out.printRecord(p.id(), n(wtps[w]), result.arms().get(a), n(probability[a][w]), n(evpi),
                                n(evpi * population), n(correctedProbability[a][w]), n(c.value()),
                                n(c.standardError()), n(c.value() * population));
                    }
                }
                // The frontier and the losses: the arm chosen on expected net benefit, which the
                // regression (with its constant) leaves as it is.
                final double[][] costs = result.costs(p);
                final double[][] qalys = result.qalys();
                final int[] optimal = IncrementalAnalysis.optimal(costs, qalys, wtps);
                final double[] frontierRaw = new double[wtps.length];
                final double[] frontierCorrected = new double[wtps.length];
                final double[][] loss = IncrementalAnalysis.expectedLoss(costs, qalys, wtps);
                final double[][] lossCorrected = IncrementalAnalysis.expectedLoss(corrected.fittedCosts(),
                        corrected.fittedQalys(), wtps);
                for (int w = 0; w < wtps.length; w++) {
                    frontierRaw[w] = probability[optimal[w]][w];
                    frontierCorrected[w] = correctedProbability[optimal[w]][w];
                    ceafOut.printRecord(p.id(), n(wtps[w]), result.arms().get(optimal[w]),
                            n(IncrementalAnalysis.meanNetBenefit(costs, qalys, wtps[w])[optimal[w]]),
                            n(frontierRaw[w]), n(frontierCorrected[w]));
                    for (int a = 0; a < result.arms().size(); a++) {
                        lossOut.printRecord(p.id(), n(wtps[w]), result.arms().get(a), optimal[w] == a,
                                n(loss[a][w]), n(lossCorrected[a][w]));
                    }
                }
                for (final PlaneSummary arm : PlaneSummary.of(result, p)) {
                    planeOut.printRecord(p.id(), arm.arm(), n(arm.qalys()), n(arm.cost()), n(arm.sdQalys()),
                            n(arm.sdCost()), n(arm.correlation()), arm.status().name().toLowerCase(Locale.ROOT));
                }
                final double[][][] running = runningMeans(result, p, wtp);
                for (int k = 0; k < result.draws().size(); k++) {
                    for (int a = 1; a < result.arms().size(); a++) {
                        convergenceOut.printRecord(p.id(), n(wtp), k + 1, result.arms().get(a), n(running[0][a][k]),
                                n(running[1][a][k]));
                    }
                }
                final var ceac = UncertaintyCharts.acceptability(result, p, wtps, probability, currency);
                final var plane = UncertaintyCharts.plane(result, p, wtp, currency);
                final var ceaf = UncertaintyCharts.frontier(result, p, wtps, optimal, frontierCorrected, frontierRaw,
                        currency);
                final var losses = UncertaintyCharts.expectedLoss(result, p, wtps, lossCorrected, currency);
                final var convergence = UncertaintyCharts.convergence(result, p, wtp, running[0], running[1], currency);
                ChartFiles.write(ceac, charts, "acceptability_" + p.id(), WIDTH, HEIGHT);
                ChartFiles.write(plane, charts, "ce_plane_" + p.id(), WIDTH, HEIGHT);
                ChartFiles.write(ceaf, charts, "acceptability_frontier_" + p.id(), WIDTH, HEIGHT);
                ChartFiles.write(losses, charts, "expected_loss_" + p.id(), WIDTH, HEIGHT);
                ChartFiles.write(convergence, charts, "psa_convergence_" + p.id(), WIDTH, HEIGHT);
                figures.add(new UncertaintyResults.Figure(HtmlReport.inlineSvg(plane, "psa-plane-" + p.id(),
                        "Cost-effectiveness plane, " + p.id() + " perspective"), "Each point is one draw: an arm's "
                        + "incremental cost against its incremental QALYs per patient, both against the reference; "
                        + "each arm's 95% ellipse and the efficiency frontier of the means (ce_plane.csv)."));
                figures.add(new UncertaintyResults.Figure(HtmlReport.inlineSvg(ceac, "psa-ceac-" + p.id(),
                        "Acceptability curve, " + p.id() + " perspective"), "The share of draws in which each arm "
                        + "has the highest net monetary benefit, over the value of a QALY, each draw's simulation "
                        + "noise included (acceptability.csv also has the curve corrected for it)."));
                figures.add(new UncertaintyResults.Figure(HtmlReport.inlineSvg(ceaf, "psa-ceaf-" + p.id(),
                        "Acceptability frontier, " + p.id() + " perspective"), "The arm with the highest expected net "
                        + "benefit and the probability that it is the best (ceaf.csv)."));
                figures.add(new UncertaintyResults.Figure(HtmlReport.inlineSvg(losses, "psa-loss-" + p.id(),
                        "Expected loss, " + p.id() + " perspective"), "The net benefit each arm is expected to forgo "
                        + "against the best arm of each draw, noise regressed away (expected_loss.csv)."));
                figures.add(new UncertaintyResults.Figure(HtmlReport.inlineSvg(convergence, "psa-convergence-" + p.id(),
                        "Convergence, " + p.id() + " perspective"), "Each arm's mean incremental net benefit over the "
                        + "first draws, with its 95% interval (psa_convergence.csv)."));
                final double[][] at = corrected.acceptability(new double[] {wtp});
                int best = 0;
                for (int a = 1; a < result.arms().size(); a++) {
                    best = at[a][0] > at[best][0] ? a : best;
                }
                final ValueOfInformation.Estimate c = corrected.evppi(new double[] {wtp})[0];
                rows.add(List.of(p.label(), result.arms().get(best), ReportFormat.percent(at[best][0]),
                        format.money(c.value()) + " \u00b1 " + format.money(c.standardError()),
                        format.roundedMoney(c.value() * population), format.money(result.evpi(p, wtp))));
            }
        }
        final List<UncertaintyResults.Table> tables = new ArrayList<>();
        tables.add(new UncertaintyResults.Table(
                "Probabilistic sensitivity analysis at " + format.roundedMoney(wtp) + " per QALY, parameter "
                        + "uncertainty alone (simulation noise regressed away): the arm most often cost-effective, "
                        + "and the expected value of perfect information (EVPI, with its standard error) per patient "
                        + "and for a year's " + Math.round(population) + " treatment-seekers; last, the EVPI of the "
                        + "draws as run, noise included",
                List.of("Perspective", "Most often cost-effective", "Share of draws", "EVPI per patient",
                        "EVPI a year", "EVPI with noise, per patient"), rows));
        tables.add(writeNoise(result, wtp, folder.file("psa_noise.csv")));
        tables.add(writeEvppi(result, wtp, population, format, folder.file("evppi.csv")));
        final String summary = result.draws().size() + " draws of " + result.study().uncertain().size()
                + " uncertain inputs (" + String.join("; ", result.study().uncertain().stream()
                        .map(u -> u.key() + " " + u.describe()).toList()) + "), each draw running every arm with "
                + result.replicationsPerDraw() + (result.replicationsPerDraw() == 1 ? " replication" : " replications")
                + " on common random numbers. Each draw's means carry the simulation's own noise as well as the "
                + "inputs' uncertainty: the noise is estimated from the replications within each draw, and the "
                + "acceptability and value of information are corrected for it by regressing the draws' outcomes on "
                + "the inputs. Files: psa_draws.csv, psa_summary.csv, acceptability.csv, psa_noise.csv, evppi.csv, "
                + "ceaf.csv, expected_loss.csv, ce_plane.csv, psa_convergence.csv.";
        return new UncertaintyResults(summary, SimulationNoise.warnings(result), figures, tables);
    }

    /**
     * @return [0][arm][k]: the mean of each arm's incremental net benefit at {@code wtp} over the first
     *     k + 1 draws; [1][arm][k]: the half-width of its 95% t interval (NaN for one draw)
     */
    static double[][][] runningMeans(final ProbabilisticAnalysis.Result result, final Perspective perspective,
            final double wtp) {
        final double[][] costs = result.costs(perspective);
        final double[][] qalys = result.qalys();
        final int arms = result.arms().size();
        final double[][][] out = new double[2][arms][costs.length];
        for (int a = 0; a < arms; a++) {
            final SummaryStatistics stats = new SummaryStatistics();
            for (int k = 0; k < costs.length; k++) {
                stats.addValue(IncrementalAnalysis.netMonetaryBenefit(costs[k][a] - costs[k][0], qalys[k][a]
                        - qalys[k][0], wtp));
                out[0][a][k] = stats.getMean();
                out[1][a][k] = k == 0 ? Double.NaN : new TDistribution(null, k)
                        .inverseCumulativeProbability(0.975) * stats.getStandardDeviation() / Math.sqrt(k + 1);
            }
        }
        return out;
    }

    /** Writes psa_noise.csv and returns the report's table of the incremental net benefit's noise shares. */
    private static UncertaintyResults.Table writeNoise(final ProbabilisticAnalysis.Result result, final double wtp,
            final Path file) throws IOException {
        final List<List<String>> rows = new ArrayList<>();
        try (Tables.Printer out = Tables.open(file, "perspective", "arm", "quantity", "willingness_to_pay", "draws",
                "replications_per_draw", "variance_of_draw_means", "noise_variance", "parameter_variance",
                "noise_share")) {
            for (final Perspective p : Perspective.values()) {
                for (int a = 0; a < result.arms().size(); a++) {
                    for (final boolean incremental : new boolean[] {false, true}) {
                        if (incremental && a == 0) {
                            continue;
                        }
                        final SimulationNoise.Share share = SimulationNoise.of(result, p, wtp, a, incremental ? 0 : -1);
                        out.printRecord(p.id(), result.arms().get(a), incremental ? "incremental_net_benefit"
                                : "net_benefit", n(wtp), result.draws().size(), result.replicationsPerDraw(),
                                n(share.total()), n(share.noise()), n(share.parameter()), n(share.share()));
                        if (incremental && p == Perspective.PAYER) {
                            final List<String> row = new ArrayList<>(List.of(result.arms().get(a)));
                            for (final Perspective each : Perspective.values()) {
                                row.add(noiseShare(SimulationNoise.of(result, each, wtp, a, 0).share()));
                            }
                            rows.add(row);
                        }
                    }
                }
                if (result.arms().size() > 2) {
                    final SimulationNoise.Share all = SimulationNoise.pooled(result, p, wtp);
                    out.printRecord(p.id(), "", "incremental_net_benefit_all_arms", n(wtp), result.draws().size(),
                            result.replicationsPerDraw(), n(all.total()), n(all.noise()), n(all.parameter()),
                            n(all.share()));
                }
            }
            if (result.arms().size() > 2) {
                final List<String> all = new ArrayList<>(List.of(ALL_ARMS));
                for (final Perspective p : Perspective.values()) {
                    all.add(noiseShare(SimulationNoise.pooled(result, p, wtp).share()));
                }
                rows.add(all);
            }
        }
        return new UncertaintyResults.Table("Simulation noise as a share of the variance across draws of each arm's "
                + "incremental net benefit against the reference, at the willingness to pay (psa_noise.csv); the rest "
                + "is parameter uncertainty", perspectiveHeaders("Arm"), rows);
    }

    /** @return the first column's header, then each perspective's label */
    private static List<String> perspectiveHeaders(final String first) {
        final List<String> headers = new ArrayList<>(List.of(first));
        for (final Perspective p : Perspective.values()) {
            headers.add(p.label());
        }
        return headers;
    }

    /** The row of the noise table that sums over the arms. */
    static final String ALL_ARMS = "All arms together";

    private static String noiseShare(final double share) {
        return Double.isNaN(share) ? "not estimable" : ReportFormat.percent(share);
    }

    /** Writes evppi.csv and returns the report's table of it. */
    private static UncertaintyResults.Table writeEvppi(final ProbabilisticAnalysis.Result result, final double wtp,
            final double population, final ReportFormat format, final Path file) throws IOException {
        final List<ValueOfInformation.Inputs> sets = ValueOfInformation.sets(result.study().uncertain());
        final List<List<String>> rows = new ArrayList<>();
        final double[][] values = new double[sets.size()][Perspective.values().length];
        final double[][] errors = new double[sets.size()][Perspective.values().length];
        try (Tables.Printer out = Tables.open(file, "perspective", "willingness_to_pay", "inputs", "kind", "keys",
                "evppi_per_patient", "se_per_patient", "evppi_per_year")) {
            for (final Perspective p : Perspective.values()) {
                for (int s = 0; s < sets.size(); s++) {
                    final ValueOfInformation.Inputs set = sets.get(s);
                    final ValueOfInformation.Estimate e = ValueOfInformation.fit(result, p, set.indexes(), wtp,
                            Perspective.values().length * (s + 1) + p.ordinal()).evppi(new double[] {wtp})[0];
                    values[s][p.ordinal()] = e.value();
                    errors[s][p.ordinal()] = e.standardError();
                    out.printRecord(p.id(), n(wtp), set.name(), set.kind(), String.join(";", set.indexes().stream()
                            .map(i -> result.study().uncertain().get(i).key()).toList()), n(e.value()),
                            n(e.standardError()), n(e.value() * population));
                }
            }
        }
        for (int s = 0; s < sets.size(); s++) {
            final List<String> row = new ArrayList<>(List.of(sets.get(s).name()));
            for (final Perspective p : Perspective.values()) {
                row.add(format.money(values[s][p.ordinal()]) + " \u00b1 " + format.money(errors[s][p.ordinal()]));
            }
            rows.add(row);
        }
        return new UncertaintyResults.Table("Expected value of partial perfect information (EVPPI) per patient at "
                + format.roundedMoney(wtp) + " per QALY, with its standard error, for each input, each group of "
                + "inputs and all together (evppi.csv; regression on the inputs, Strong, Oakley and Brennan 2014)",
                perspectiveHeaders("Inputs"), rows);
    }

    private static void writeDraws(final ProbabilisticAnalysis.Result result, final Path file) throws IOException {
        final List<String> header = new ArrayList<>(List.of("draw", "seed"));
        result.study().uncertain().forEach(p -> header.add(p.key()));
        header.add("arm");
        for (final Perspective p : Perspective.values()) {
            header.add(p.cost().id());
        }
        header.addAll(List.of("qalys_per_patient", "recoveries_per_patient"));
        try (Tables.Printer out = Tables.open(file, header.toArray(String[]::new))) {
            for (final ProbabilisticAnalysis.Draw d : result.draws()) {
                for (int a = 0; a < result.arms().size(); a++) {
                    final List<String> row = new ArrayList<>(List.of(Integer.toString(d.index() + 1),
                            Long.toString(d.seed())));
                    for (final double v : d.values()) {
                        row.add(n(v));
                    }
                    row.add(result.arms().get(a));
                    for (final Perspective p : Perspective.values()) {
                        row.add(n(d.costs()[a][p.ordinal()]));
                    }
                    row.add(n(d.qalys()[a]));
                    row.add(n(d.recoveries()[a]));
                    out.printRecord(row);
                }
            }
        }
    }

    private static void writeSummary(final ProbabilisticAnalysis.Result result, final double wtp, final Path file)
            throws IOException {
        try (Tables.Printer out = Tables.open(file, "perspective", "arm", "willingness_to_pay", "cost", "cost_p2_5",
                "cost_p97_5", "qalys", "qalys_p2_5", "qalys_p97_5", "incremental_cost", "incremental_cost_p2_5",
                "incremental_cost_p97_5", "incremental_qalys", "incremental_qalys_p2_5", "incremental_qalys_p97_5",
                "cost_per_qaly_vs_reference", "probability_cost_effective", "probability_better_than_reference")) {
            for (final Perspective p : Perspective.values()) {
                final double[][] costs = result.costs(p);
                final double[][] qalys = result.qalys();
                final double[][] best = result.acceptability(p, new double[] {wtp});
                for (int a = 0; a < result.arms().size(); a++) {
                    final DescriptiveStatistics c = new DescriptiveStatistics();
                    final DescriptiveStatistics q = new DescriptiveStatistics();
                    final DescriptiveStatistics dc = new DescriptiveStatistics();
                    final DescriptiveStatistics dq = new DescriptiveStatistics();
                    int better = 0;
                    for (int d = 0; d < costs.length; d++) {
                        c.addValue(costs[d][a]);
                        q.addValue(qalys[d][a]);
                        dc.addValue(costs[d][a] - costs[d][0]);
                        dq.addValue(qalys[d][a] - qalys[d][0]);
                        if (wtp * (qalys[d][a] - qalys[d][0]) - (costs[d][a] - costs[d][0]) > 0) {
                            better++;
                        }
                    }
                    final boolean compared = a > 0;
                    out.printRecord(p.id(), result.arms().get(a), n(wtp), n(c.getMean()), n(c.getPercentile(2.5)),
                            n(c.getPercentile(97.5)), n(q.getMean()), n(q.getPercentile(2.5)),
                            n(q.getPercentile(97.5)), compared ? n(dc.getMean()) : "",
                            compared ? n(dc.getPercentile(2.5)) : "", compared ? n(dc.getPercentile(97.5)) : "",
                            compared ? n(dq.getMean()) : "", compared ? n(dq.getPercentile(2.5)) : "",
                            compared ? n(dq.getPercentile(97.5)) : "",
                            compared && CostEffectivenessTable.tradeOff(dc.getMean(), dq.getMean())
                                    ? n(dc.getMean() / dq.getMean()) : "", n(best[a][0]),
                            compared ? n((double) better / costs.length) : "");
                }
            }
        }
    }

    /** Writes a one-way analysis's files and returns the report's section. */
    public static UncertaintyResults tornado(final OneWaySensitivity.Result result, final ResultsFolder folder)
            throws IOException {
        final String currency = result.study().reference().costs().currency();
        final String unit = result.outcome() == OneWaySensitivity.Outcome.RECOVERY ? " (share)"
                : result.outcome() == OneWaySensitivity.Outcome.NMB ? " (" + currency + ")"
                : " (" + currency + " per QALY)";
        final List<List<String>> rows = new ArrayList<>();
        try (Tables.Printer out = Tables.open(folder.file("tornado.csv"), "parameter", "distribution", "arm",
                "outcome", "perspective", "willingness_to_pay", "base", "low_value", "high_value",
                "outcome_at_low", "outcome_at_high", "swing", "low_less_base_ci_low", "low_less_base_ci_high",
                "high_less_base_ci_low", "high_less_base_ci_high", "high_less_low", "high_less_low_ci_low",
                "high_less_low_ci_high", "outside_noise")) {
            for (final OneWaySensitivity.Bar bar : result.bars()) {
                final MetricSummary low = bar.lowError();
                final MetricSummary high = bar.highError();
                final MetricSummary difference = bar.differenceError();
                out.printRecord(bar.parameter().key(), bar.parameter().describe(), result.arm(),
                        result.outcome().name().toLowerCase(Locale.ROOT), result.perspective().id(),
                        n(result.willingnessToPay()), n(result.base()), n(bar.lowValue()), n(bar.highValue()),
                        n(bar.atLow()), n(bar.atHigh()), n(bar.swing()), low == null ? "" : n(low.ciLow()),
                        low == null ? "" : n(low.ciHigh()), high == null ? "" : n(high.ciLow()),
                        high == null ? "" : n(high.ciHigh()), difference == null ? "" : n(difference.mean()),
                        difference == null ? "" : n(difference.ciLow()), difference == null ? "" : n(difference.ciHigh()),
                        difference == null ? "" : Boolean.toString(bar.detected()));
                rows.add(List.of(bar.parameter().key(), UncertaintyCharts.rounded(bar.lowValue()) + " to "
                        + UncertaintyCharts.rounded(bar.highValue()), end(bar.atLow()), end(bar.atHigh()),
                        difference(bar)));
            }
        }
        final boolean partial = result.bars().stream().anyMatch(OneWaySensitivity.Bar::partial);
        final int height = Math.max(HEIGHT, 160 + 70 * result.bars().size());
        final var chart = UncertaintyCharts.tornado(result, unit);
        ChartFiles.write(chart, folder.charts(), "tornado", WIDTH, height);
        final String what = capitalised(result.outcome().label()) + " of " + result.arm()
                + (result.outcome() == OneWaySensitivity.Outcome.RECOVERY ? ""
                        : " against the reference, " + result.perspective().id() + " perspective");
        return new UncertaintyResults("One-way sensitivity analysis: each uncertain input in turn at the 2.5th and "
                + "97.5th percentile of its distribution (for a uniform, 2.5% and 97.5% of the way across its range, "
                + "not its bounds), all others as given, on the study's own seeds. File: tornado.csv.", List.of(new UncertaintyResults.Figure(HtmlReport.inlineSvg(chart, "tornado",
                        "Tornado diagram"), what + " as each input moves across its range; the line is the value with "
                        + "every input as given (" + UncertaintyCharts.rounded(result.base()) + ")."
                        + (partial ? " " + UncertaintyCharts.UNDEFINED_NOTE : ""))),
                List.of(new UncertaintyResults.Table(what + unit + ", widest first; last, the outcome at the high "
                        + "end less that at the low end, replication by replication on the same seeds, with its 95% "
                        + "Monte Carlo interval (an interval that includes zero: the bar is within the simulation's "
                        + "noise)", List.of("Input", "2.5th to 97.5th percentile", "At low end", "At high end",
                                "High less low (95% interval)"), rows)));
    }

    /** @return the difference between a bar's ends with its interval, or why there is none */
    private static String difference(final OneWaySensitivity.Bar bar) {
        final MetricSummary d = bar.differenceError();
        if (d == null) {
            return "no interval (a ratio of means)";
        }
        if (!Double.isFinite(d.ciLow())) {
            return UncertaintyCharts.rounded(d.mean()) + " (one replication: no interval)";
        }
        return UncertaintyCharts.rounded(d.mean()) + " [" + UncertaintyCharts.rounded(d.ciLow()) + ", "
                + UncertaintyCharts.rounded(d.ciHigh()) + "]" + (bar.detected() ? "" : " within noise");
    }

    /** @return a bar end rounded, or why it is undefined */
    private static String end(final double value) {
        return Double.isNaN(value) ? HtmlReport.NO_DETECTABLE_DIFFERENCE : UncertaintyCharts.rounded(value);
    }

    private static String capitalised(final String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String n(final double value) {
        return Numbers.significant(value);
    }
}

package org.therapysim.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryLineAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.experiment.OneWaySensitivity;
import org.therapysim.experiment.Perspective;
import org.therapysim.experiment.ProbabilisticAnalysis;

/**
 * Charts of the sensitivity analyses: the cost-effectiveness plane and the acceptability curve of
 * a probabilistic analysis, and the tornado diagram of a one-way analysis. Arm i has the same
 * colour as in every other chart of the folder.
 */
public final class UncertaintyCharts {
    /** The efficiency frontier's colour: a grey no arm has. */
    private static final Color FRONTIER = new Color(0x77, 0x77, 0x77);

    private UncertaintyCharts() {
    }

    /**
     * Scatter of incremental cost against incremental QALYs per patient, every arm against the
     * reference, one point per draw, with the willingness-to-pay line through the origin.
     */
    public static JFreeChart plane(final ProbabilisticAnalysis.Result result, final Perspective perspective,
            final double wtp, final String currency) {
        final double[][] costs = result.costs(perspective);
        final double[][] qalys = result.qalys();
        final XYSeriesCollection data = new XYSeriesCollection();
        final List<String> arms = result.arms();
        double maxAbsQ = 0;
        for (int a = 1; a < arms.size(); a++) {
            final XYSeries series = new XYSeries(arms.get(a), false, true);
            for (int d = 0; d < costs.length; d++) {
                final double dq = qalys[d][a] - qalys[d][0];
                series.add(dq, costs[d][a] - costs[d][0]);
                maxAbsQ = Math.max(maxAbsQ, Math.abs(dq));
            }
            data.addSeries(series);
        }
        final NumberAxis x = new NumberAxis("Incremental QALYs per patient");
        final NumberAxis y = new NumberAxis("Incremental cost per patient (" + currency + ")");
        x.setAutoRangeIncludesZero(true);
        y.setAutoRangeIncludesZero(true);
        // Room beyond the origin, so that its tick label is not cut at the edge.
        x.setUpperMargin(0.08);
        x.setLowerMargin(0.05);
        y.setUpperMargin(0.08);
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int a = 1; a < arms.size(); a++) {
            renderer.setSeriesPaint(a - 1, Charts.armColour(a));
            renderer.setSeriesShape(a - 1, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        final XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.addDomainMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        // The 95% ellipses and the efficiency frontier of the means, drawn over the draws.
        final XYSeriesCollection lines = new XYSeriesCollection();
        final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        final List<PlaneSummary> summaries = PlaneSummary.of(result, perspective);
        for (int a = 1; a < arms.size(); a++) {
            final XYSeries ellipse = new XYSeries(arms.get(a) + " 95% ellipse", false, true);
            for (final double[] point : summaries.get(a).ellipse(72)) {
                ellipse.add(point[0], point[1]);
            }
            lines.addSeries(ellipse);
            lineRenderer.setSeriesPaint(a - 1, Charts.armColour(a));
            lineRenderer.setSeriesStroke(a - 1, new BasicStroke(1.2f));
            lineRenderer.setSeriesVisibleInLegend(a - 1, false);
        }
        final XYSeries frontier = new XYSeries("Efficiency frontier", false, true);
        summaries.stream().filter(PlaneSummary::onFrontier)
                .sorted(Comparator.comparingDouble(PlaneSummary::cost))
                .forEach(sm -> frontier.add(sm.qalys(), sm.cost()));
        lines.addSeries(frontier);
        final int f = arms.size() - 1;
        lineRenderer.setSeriesPaint(f, FRONTIER);
        lineRenderer.setSeriesStroke(f, new BasicStroke(2.2f));
        lineRenderer.setSeriesShapesVisible(f, true);
        lineRenderer.setSeriesShape(f, new Rectangle2D.Double(-4, -4, 8, 8));
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        final double reach = maxAbsQ > 0 ? maxAbsQ * 1.1 : 1e-3;
        plot.addAnnotation(new XYLineAnnotation(-reach, -reach * wtp, reach, reach * wtp,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f),
                Color.DARK_GRAY));
        return Charts.finish(new JFreeChart("Cost-effectiveness plane, " + perspective.label().toLowerCase() + " perspective",
                Charts.TITLE, plot, true), plot, result.draws().size() + " draws, each arm against " + arms.get(0)
                + "; dashed line: " + String.format(Locale.ROOT, "%,.0f", wtp) + " " + currency + " per QALY (below it: "
                + "cost-effective); ellipses: 95% of each arm's draws; grey squares: efficiency frontier of the means");
    }

    /** The probability that each arm has the highest net monetary benefit, over willingness to pay. */
    public static JFreeChart acceptability(final ProbabilisticAnalysis.Result result, final Perspective perspective,
            final double[] wtps, final double[][] probability, final String currency) {
        final XYSeriesCollection data = new XYSeriesCollection();
        final List<String> arms = result.arms();
        for (int a = 0; a < arms.size(); a++) {
            final XYSeries series = new XYSeries(arms.get(a), false, true);
            for (int w = 0; w < wtps.length; w++) {
                series.add(wtps[w], probability[a][w]);
            }
            data.addSeries(series);
        }
        final NumberAxis x = new NumberAxis("Willingness to pay per QALY (" + currency + ")");
        final NumberAxis y = new NumberAxis("Probability cost-effective");
        y.setRange(0, 1.02);
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int a = 0; a < arms.size(); a++) {
            renderer.setSeriesPaint(a, Charts.armColour(a));
            renderer.setSeriesStroke(a, new BasicStroke(2.2f));
        }
        final XYPlot plot = new XYPlot(data, x, y, renderer);
        return Charts.finish(new JFreeChart("Cost-effectiveness acceptability, " + perspective.label().toLowerCase()
                + " perspective", Charts.TITLE, plot, true), plot, "Share of " + result.draws().size()
                + " draws in which the arm has the highest net monetary benefit");
    }

    /**
     * The cost-effectiveness acceptability frontier: at each willingness to pay, the probability that
     * the arm with the highest expected net benefit is the best, coloured by that arm; the thin grey
     * line is the same from the draws as run, noise included.
     *
     * @param optimal the chosen arm by willingness-to-pay index
     * @param corrected its probability with the noise regressed away
     * @param raw its probability in the draws as run
     */
    public static JFreeChart frontier(final ProbabilisticAnalysis.Result result, final Perspective perspective,
            final double[] wtps, final int[] optimal, final double[] corrected, final double[] raw,
            final String currency) {
        final XYSeriesCollection data = new XYSeriesCollection();
        final List<String> arms = result.arms();
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int series = 0;
        for (int a = 0; a < arms.size(); a++) {
            final XYSeries s = new XYSeries(arms.get(a), false, true);
            boolean any = false;
            for (int w = 0; w < wtps.length; w++) {
                // A gap where another arm is chosen, so that the line breaks there.
                s.add(wtps[w], optimal[w] == a ? corrected[w] : Double.NaN);
                any |= optimal[w] == a;
            }
            if (any) {
                data.addSeries(s);
                renderer.setSeriesPaint(series, Charts.armColour(a));
                renderer.setSeriesStroke(series, new BasicStroke(3f));
                renderer.setSeriesShape(series, new Ellipse2D.Double(-3, -3, 6, 6));
                series++;
            }
        }
        final XYSeries asRun = new XYSeries("Draws as run (noise included)", false, true);
        for (int w = 0; w < wtps.length; w++) {
            asRun.add(wtps[w], raw[w]);
        }
        data.addSeries(asRun);
        renderer.setSeriesPaint(series, Color.GRAY);
        renderer.setSeriesStroke(series, new BasicStroke(1.2f));
        renderer.setSeriesShapesVisible(series, false);
        final NumberAxis x = new NumberAxis("Willingness to pay per QALY (" + currency + ")");
        final NumberAxis y = new NumberAxis("Probability the chosen arm is cost-effective");
        y.setRange(0, 1.02);
        final XYPlot plot = new XYPlot(data, x, y, renderer);
        return Charts.finish(new JFreeChart("Acceptability frontier, " + perspective.label().toLowerCase(Locale.ROOT)
                + " perspective", Charts.TITLE, plot, true), plot, "The arm with the highest expected net benefit at "
                + "each value of a QALY, and the probability that it is the best (noise regressed away)");
    }

    /** Expected loss of choosing each arm, over willingness to pay; the lowest curve is the arm to choose. */
    public static JFreeChart expectedLoss(final ProbabilisticAnalysis.Result result, final Perspective perspective,
            final double[] wtps, final double[][] loss, final String currency) {
        final XYSeriesCollection data = new XYSeriesCollection();
        final List<String> arms = result.arms();
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int a = 0; a < arms.size(); a++) {
            final XYSeries s = new XYSeries(arms.get(a), false, true);
            for (int w = 0; w < wtps.length; w++) {
                s.add(wtps[w], loss[a][w]);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(a, Charts.armColour(a));
            renderer.setSeriesStroke(a, new BasicStroke(2.2f));
        }
        final NumberAxis x = new NumberAxis("Willingness to pay per QALY (" + currency + ")");
        final NumberAxis y = new NumberAxis("Expected loss per patient (" + currency + ")");
        final XYPlot plot = new XYPlot(data, x, y, renderer);
        return Charts.finish(new JFreeChart("Expected loss, " + perspective.label().toLowerCase(Locale.ROOT)
                + " perspective", Charts.TITLE, plot, true), plot, "Mean over draws of the net benefit forgone by "
                + "choosing the arm (noise regressed away); the lowest curve is the arm to choose, its value the EVPI");
    }

    /**
     * The running mean of each arm's incremental net benefit over the draws, with its 95% interval:
     * whether the PSA's means have settled.
     *
     * @param means mean[arm][k]: the mean over the first k + 1 draws
     * @param halfWidths the 95% half-width of each
     */
    public static JFreeChart convergence(final ProbabilisticAnalysis.Result result, final Perspective perspective,
            final double wtp, final double[][] means, final double[][] halfWidths, final String currency) {
        final XYSeriesCollection data = new XYSeriesCollection();
        final List<String> arms = result.arms();
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int series = 0;
        for (int a = 1; a < arms.size(); a++) {
            final XYSeries mean = new XYSeries(arms.get(a), false, true);
            final XYSeries low = new XYSeries(arms.get(a) + " low", false, true);
            final XYSeries high = new XYSeries(arms.get(a) + " high", false, true);
            for (int k = 0; k < means[a].length; k++) {
                mean.add(k + 1, means[a][k]);
                // The interval from 5 draws on: before that, its t quantile alone would stretch the axis.
                low.add(k + 1, k + 1 < 5 ? Double.NaN : means[a][k] - halfWidths[a][k]);
                high.add(k + 1, k + 1 < 5 ? Double.NaN : means[a][k] + halfWidths[a][k]);
            }
            for (final XYSeries s : List.of(mean, low, high)) {
                data.addSeries(s);
                renderer.setSeriesPaint(series, Charts.armColour(a));
                final boolean central = s == mean;
                renderer.setSeriesStroke(series, central ? new BasicStroke(2f)
                        : new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 3f},
                                0f));
                renderer.setSeriesVisibleInLegend(series, central);
                series++;
            }
        }
        final NumberAxis x = new NumberAxis("Draws");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        final NumberAxis y = new NumberAxis("Mean incremental net benefit per patient (" + currency + ")");
        y.setAutoRangeIncludesZero(false);
        final XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        return Charts.finish(new JFreeChart("Convergence of the PSA means, " + perspective.label().toLowerCase(Locale.ROOT)
                + " perspective", Charts.TITLE, plot, true), plot, "Each arm's mean incremental net benefit against "
                + arms.get(0) + " over the first draws, at " + String.format(Locale.ROOT, "%,.0f", wtp) + " " + currency
                + " per QALY; dashed: its 95% interval (from 5 draws)");
    }

    /** Bars from the base value to the outcome at each end of each parameter's range, widest on top. */
    public static JFreeChart tornado(final OneWaySensitivity.Result result, final String unit) {
        final List<OneWaySensitivity.Bar> bars = result.bars();
        final String[] names = new String[bars.size()];
        final Number[][] starts = new Number[2][bars.size()];
        final Number[][] ends = new Number[2][bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            final OneWaySensitivity.Bar bar = bars.get(i);
            names[i] = bar.parameter().key() + " (" + rounded(bar.lowValue()) + " to " + rounded(bar.highValue()) + ")";
            // An undefined end (an ICER without a detectable QALY difference) is drawn as no bar.
            final double low = Double.isNaN(bar.atLow()) ? result.base() : bar.atLow();
            final double high = Double.isNaN(bar.atHigh()) ? result.base() : bar.atHigh();
            if (bar.partial()) {
                names[i] += " *";
            }
            starts[0][i] = Math.min(result.base(), low);
            ends[0][i] = Math.max(result.base(), low);
            starts[1][i] = Math.min(result.base(), high);
            ends[1][i] = Math.max(result.base(), high);
        }
        final boolean partial = bars.stream().anyMatch(OneWaySensitivity.Bar::partial);
        final DefaultIntervalCategoryDataset data = new DefaultIntervalCategoryDataset(
                new String[] {"low end of range", "high end of range"}, names, starts, ends);
        final IntervalBarRenderer renderer = new IntervalBarRenderer();
        renderer.setSeriesPaint(0, Charts.armColour(0));
        renderer.setSeriesPaint(1, Charts.armColour(1));
        renderer.setItemMargin(0.0);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setIncludeBaseInRange(false);
        final CategoryAxis categories = new CategoryAxis(null);
        categories.setMaximumCategoryLabelWidthRatio(0.45f);
        categories.setMaximumCategoryLabelLines(2);
        final NumberAxis value = new NumberAxis(capitalised(result.outcome().label()) + unit);
        value.setAutoRangeIncludesZero(false);
        final CategoryPlot plot = new CategoryPlot(data, categories, value, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.addRangeMarker(new ValueMarker(result.base(), Color.DARK_GRAY, new BasicStroke(1.5f)));
        // Each end's 95% Monte Carlo interval (its difference from the base case on the same seeds),
        // a whisker across the middle of its bar.
        for (int i = 0; i < bars.size(); i++) {
            final OneWaySensitivity.Bar bar = bars.get(i);
            for (final MetricSummary end : new MetricSummary[] {bar.lowError(), bar.highError()}) {
                if (end != null && Double.isFinite(end.ciLow()) && Double.isFinite(end.ciHigh())) {
                    plot.addAnnotation(new CategoryLineAnnotation(names[i], result.base() + end.ciLow(), names[i],
                            result.base() + end.ciHigh(), Color.BLACK, new BasicStroke(1.6f)));
                }
            }
        }
        return Charts.finish(new JFreeChart("One-way sensitivity: " + result.arm(), Charts.TITLE, plot, true), plot,
                "Each parameter at the 2.5th and 97.5th percentile of its distribution (a uniform's too, not its "
                        + "bounds), all others as given; line: " + rounded(result.base()) + " with every value as given;"
                        + " whiskers: each end's 95% Monte Carlo interval (paired with the base case)"
                        + (partial ? ". * " + UNDEFINED_NOTE : ""));
    }

    /** Says why an ICER bar end is missing. */
    static final String UNDEFINED_NOTE = "An ICER end whose QALY difference has a 95% paired interval including zero "
            + "is undefined (no detectable difference) and left out of its bar.";

    /** @return the value to 3 significant digits, without an exponent */
    static String rounded(final double value) {
        if (!Double.isFinite(value) || value == 0) {
            return Numbers.significant(value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String capitalised(final String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

}

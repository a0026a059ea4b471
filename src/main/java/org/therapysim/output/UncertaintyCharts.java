package org.therapysim.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
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
import org.therapysim.experiment.OneWaySensitivity;
import org.therapysim.experiment.Perspective;
import org.therapysim.experiment.ProbabilisticAnalysis;

/**
 * Charts of the sensitivity analyses: the cost-effectiveness plane and the acceptability curve of
 * a probabilistic analysis, and the tornado diagram of a one-way analysis. Arm i has the same
 * colour as in every other chart of the folder.
 */
public final class UncertaintyCharts {
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
        final double reach = maxAbsQ > 0 ? maxAbsQ * 1.1 : 1e-3;
        plot.addAnnotation(new XYLineAnnotation(-reach, -reach * wtp, reach, reach * wtp,
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f),
                Color.DARK_GRAY));
        return Charts.finish(new JFreeChart("Cost-effectiveness plane, " + perspective.label().toLowerCase() + " perspective",
                Charts.TITLE, plot, true), plot, result.draws().size() + " draws, each arm against " + arms.get(0)
                + "; dashed line: " + String.format(Locale.ROOT, "%,.0f", wtp) + " " + currency + " per QALY (below it: cost-effective)");
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
        return Charts.finish(new JFreeChart("One-way sensitivity: " + result.arm(), Charts.TITLE, plot, true), plot,
                "Each parameter at the 2.5th and 97.5th percentile of its distribution (a uniform's too, not its "
                        + "bounds), all others as given; line: " + rounded(result.base()) + " with every value as given"
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

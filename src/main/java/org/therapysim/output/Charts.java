package org.therapysim.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.model.EndReason;

/**
 * The charts of a results folder, drawn from result records only (never from a live model), with
 * titles, axis labels with units, legends and 95% intervals. JFreeChart 1.5.
 */
public final class Charts {
    private static final Paint[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color GRID = new Color(0xdddddd);

    private Charts() {
    }

    /** Cumulative percent reliably improved by session, one line and 95% band per arm. */
    public static JFreeChart doseEffect(final ExperimentResult result) {
        return curveChart(result, true, "Dose-effect: patients reliably improved by session",
                "Reliably improved (%, Kaplan-Meier)");
    }

    /**
     * The dose-effect curve of each arm with published points and their bands drawn over it.
     *
     * @param points published values at given sessions
     */
    public static JFreeChart doseEffectAgainst(final ExperimentResult result, final List<PublishedPoint> points) {
        final JFreeChart chart = doseEffect(result);
        chart.setTitle(new TextTitle("Dose-effect: simulated against published", TITLE));
        final XYPlot plot = chart.getXYPlot();
        final YIntervalSeriesCollection published = new YIntervalSeriesCollection();
        for (final PublishedPoint point : points) {
            YIntervalSeries series = null;
            for (int i = 0; i < published.getSeriesCount(); i++) {
                if (published.getSeries(i).getKey().equals("Published: " + point.label())) {
                    series = published.getSeries(i);
                }
            }
            if (series == null) {
                series = new YIntervalSeries("Published: " + point.label());
                published.addSeries(series);
            }
            series.add(point.x(), 100 * point.value(), 100 * point.low(), 100 * point.high());
        }
        final XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorPaint(Color.BLACK);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        for (int i = 0; i < published.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Color.BLACK);
            renderer.setSeriesShape(i, new Rectangle2D.Double(-5, -5, 10, 10));
        }
        plot.setDataset(1, published);
        plot.setRenderer(1, renderer);
        return chart;
    }

    /** Percent of started episodes still in treatment by session, one line and 95% band per arm. */
    public static JFreeChart retention(final ExperimentResult result) {
        return curveChart(result, false, "Retention: patients still in treatment by session",
                "Still in treatment (%)");
    }

    private static JFreeChart curveChart(final ExperimentResult result, final boolean doseEffect, final String title,
            final String yLabel) {
        final YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (final ArmResult arm : result.arms()) {
            final YIntervalSeries series = new YIntervalSeries(arm.name());
            final List<MetricSummary> points = doseEffect ? arm.doseEffect() : arm.retention();
            for (int k = 0; k < points.size(); k++) {
                final MetricSummary s = points.get(k);
                if (Double.isFinite(s.mean())) {
                    final double low = Double.isFinite(s.ciLow()) ? s.ciLow() : s.mean();
                    final double high = Double.isFinite(s.ciHigh()) ? s.ciHigh() : s.mean();
                    series.add(k + 1, 100 * s.mean(), 100 * Math.max(0, low), 100 * Math.min(1, high));
                }
            }
            data.addSeries(series);
        }
        final NumberAxis x = new NumberAxis("Sessions attended");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5, points(result) + 0.5);
        final NumberAxis y = new NumberAxis(yLabel);
        y.setRange(0, 100);
        final DeviationRenderer renderer = new DeviationRenderer(true, false);
        renderer.setAlpha(0.15f);
        for (int i = 0; i < result.arms().size(); i++) {
            final Paint paint = PALETTE[i % PALETTE.length];
            renderer.setSeriesPaint(i, paint);
            renderer.setSeriesFillPaint(i, paint);
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        final XYPlot plot = new XYPlot(data, x, y, renderer);
        return finish(new JFreeChart(title, TITLE, plot, true), plot, subtitle(result, "shaded band"));
    }

    private static int points(final ExperimentResult result) {
        return result.reference().doseEffect().size();
    }

    /** One bar per arm with its 95% interval. */
    public static JFreeChart metricByArm(final ExperimentResult result, final Metric metric) {
        final DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        final double scale = metric.isShare() ? 100 : 1;
        for (final ArmResult arm : result.arms()) {
            final MetricSummary s = arm.summary(metric);
            data.add(scale * s.mean(), halfWidth(s) * scale, metric.label(), arm.name());
        }
        final StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, PALETTE[0]);
        renderer.setErrorIndicatorPaint(Color.BLACK);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        renderer.setMaximumBarWidth(0.12);
        final CategoryPlot plot = new CategoryPlot(data, armAxis(result.arms().size()),
                new NumberAxis(axisLabel(result, metric)), renderer);
        final JFreeChart chart = new JFreeChart(metric.label() + " by benefit design", TITLE, plot, false);
        return finish(chart, plot, subtitle(result, "error bars"));
    }

    /** Share of episodes by end reason, one stacked bar per arm. */
    public static JFreeChart endReasons(final ExperimentResult result) {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (final ArmResult arm : result.arms()) {
            final Map<EndReason, Double> shares = arm.endReasonShares();
            for (final EndReason reason : EndReason.values()) {
                data.addValue(100 * shares.get(reason), reason.word(), arm.name());
            }
        }
        final StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < EndReason.values().length; i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        final NumberAxis y = new NumberAxis("Share of episodes (%)");
        y.setRange(0, 100);
        final CategoryPlot plot = new CategoryPlot(data, armAxis(result.arms().size()), y, renderer);
        final JFreeChart chart = new JFreeChart("How episodes ended", TITLE, plot, true);
        return finish(chart, plot, new TextTitle(String.format(Locale.ROOT,
                "Mean over %d replications; horizon = still open when the simulation ended",
                result.study().replications()), SUBTITLE));
    }

    /** A metric against the values of a swept parameter (arm i ran with values.get(i)), with 95% intervals. */
    public static JFreeChart sweep(final String key, final List<String> values, final ExperimentResult result,
            final Metric metric) {
        if (values.size() != result.arms().size()) {
            throw new IllegalArgumentException("one value per arm is needed");
        }
        final DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        final double scale = metric.isShare() ? 100 : 1;
        for (int i = 0; i < values.size(); i++) {
            final MetricSummary s = result.arms().get(i).summary(metric);
            data.add(scale * s.mean(), halfWidth(s) * scale, metric.label(), values.get(i));
        }
        final StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, PALETTE[0]);
        renderer.setSeriesStroke(0, new BasicStroke(2.2f));
        renderer.setErrorIndicatorPaint(Color.BLACK);
        final NumberAxis y = new NumberAxis(axisLabel(result, metric));
        y.setAutoRangeIncludesZero(false);
        final CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(key), y, renderer);
        final JFreeChart chart = new JFreeChart(metric.label() + " by " + key, TITLE, plot, false);
        return finish(chart, plot, subtitle(result, "error bars"));
    }

    private static double halfWidth(final MetricSummary s) {
        return Double.isFinite(s.ciHigh()) ? s.ciHigh() - s.mean() : 0.0;
    }

    private static CategoryAxis armAxis(final int arms) {
        final CategoryAxis axis = new CategoryAxis("Benefit design");
        axis.setMaximumCategoryLabelLines(3);
        if (arms > 5) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return axis;
    }

    private static String axisLabel(final ExperimentResult result, final Metric metric) {
        if (metric.isShare()) {
            return metric.label() + " (% of " + metric.unit().substring("share of ".length()) + ")";
        }
        if ("currency".equals(metric.unit())) {
            return metric.label() + " (" + result.reference().scenario().costs().currency() + ", "
                    + result.reference().scenario().costs().priceYear() + ")";
        }
        return metric.label() + " (" + metric.unit() + ")";
    }

    private static TextTitle subtitle(final ExperimentResult result, final String what) {
        return new TextTitle(String.format(Locale.ROOT, "Mean over %d replications; %s: 95%% confidence interval",
                result.study().replications(), what), SUBTITLE);
    }

    private static JFreeChart finish(final JFreeChart chart, final Plot plot,
            final TextTitle subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(subtitle);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            styleAxes(xy.getDomainAxis(), xy.getRangeAxis());
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        } else if (plot instanceof CategoryPlot category) {
            styleAxes(category.getDomainAxis(), category.getRangeAxis());
            category.setRangeGridlinePaint(GRID);
        }
        final LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(TICK);
        }
        return chart;
    }

    private static void styleAxes(final Axis... axes) {
        for (final Axis axis : axes) {
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(TICK);
        }
    }
}

package org.therapysim.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.CategoryAnchor;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.CostEffectiveness;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.experiment.Perspective;
import org.therapysim.model.EndReason;
import org.therapysim.scenario.CostSettings;

/**
 * The charts of a results folder, drawn from result records only (never from a live model), with
 * titles, axis labels with units, legends and 95% intervals. JFreeChart 1.5.
 *
 * <p>Every interval is the two-sided 95% t interval of {@link MetricSummary} across replications;
 * where it is undefined (one replication) only the mean is drawn and the subtitle says so.
 * Undefined means (NaN, e.g. a rate whose denominator was empty) are left out, never drawn as zero.
 * Shares are shown as percentages and money in the reference scenario's currency and price year.
 * Arm i has the same colour in every chart, from Okabe and Ito's colour-blind-safe palette
 * ("Color Universal Design", 2008), yellow left out because it is unreadable on white.
 */
public final class Charts {
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xE69F00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0x882255),
        new Color(0x44AA99), new Color(0x999933), new Color(0x661100), new Color(0x6699CC)};
    /** Fixed colours by meaning, so that a reason looks the same whichever reasons occur. */
    private static final Map<EndReason, Paint> REASON_PAINT = new EnumMap<>(Map.of(
            EndReason.PLANNED, new Color(0x009E73),
            EndReason.NOT_HELPED, new Color(0x0072B2),
            EndReason.DROPOUT, new Color(0xD55E00),
            EndReason.CAP_REACHED, new Color(0xE69F00),
            EndReason.REVIEW_DENIED, new Color(0xCC79A7),
            EndReason.DECLINED, new Color(0x4D4D4D),
            EndReason.NOT_BOOKED, new Color(0xBDBDBD),
            EndReason.GAVE_UP_WAITING, new Color(0x8C8C8C),
            EndReason.HORIZON, new Color(0x56B4E9)));
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font NOTE = new Font(Font.SANS_SERIF, Font.ITALIC, 13);
    private static final Font ITEM_LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Color TEXT = new Color(0x222222);
    private static final Color MUTED = new Color(0x555555);
    private static final Color GRID = new Color(0xdddddd);
    private static final Color ERROR_BAR = new Color(0x222222);
    private static final Stroke LINE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** Once colours repeat (more arms than colours), lines are dashed to stay distinguishable. */
    private static final Stroke DASHED = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {8f, 5f}, 0f);
    private static final Stroke ERROR_STROKE = new BasicStroke(1.5f);
    /** More categories than this: labels turned 45 degrees rather than wrapped under each bar. */
    private static final int WRAPPED_CATEGORY_LIMIT = 5;
    /** Stacked segments thinner than this share get no percentage label (it would not fit). */
    private static final double MIN_LABELLED_SHARE = 0.04;

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
        final TextTitle title = new TextTitle("Dose-effect: simulated against published", TITLE);
        title.setPaint(TEXT);
        chart.setTitle(title);
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
        renderer.setErrorStroke(ERROR_STROKE);
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
        boolean cut = false;
        for (final ArmResult arm : result.arms()) {
            final YIntervalSeries series = new YIntervalSeries(arm.name());
            final List<MetricSummary> points = doseEffect ? arm.doseEffect() : arm.retention();
            // A replication's curve is undefined once nobody in it is at risk and the last was censored;
            // a mean over the replications that remain would jump about, so the line ends where the
            // first one stops.
            final long full = points.isEmpty() ? 0 : points.get(0).n();
            double[] held = null;
            for (int k = 0; k < points.size(); k++) {
                final MetricSummary s = points.get(k);
                if (!Double.isFinite(s.mean()) || s.n() < full) {
                    cut |= s.n() > 0;
                    continue;
                }
                final double low = Double.isFinite(s.ciLow()) ? s.ciLow() : s.mean();
                final double high = Double.isFinite(s.ciHigh()) ? s.ciHigh() : s.mean();
                if (doseEffect && held != null) {
                    // Kaplan-Meier steps: the share reached after a session holds until the next one.
                    series.add(k + 1, held[0], held[1], held[2]);
                }
                held = new double[] {100 * s.mean(), 100 * Math.max(0, low), 100 * Math.min(1, high)};
                series.add(k + 1, held[0], held[1], held[2]);
            }
            data.addSeries(series);
        }
        final NumberAxis x = new NumberAxis("Sessions attended");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5, points(result) + 0.5);
        final NumberAxis y = new NumberAxis(yLabel);
        y.setRange(0, 100);
        y.setTickUnit(new NumberTickUnit(10));
        final DeviationRenderer renderer = new DeviationRenderer(true, false);
        // Fainter bands as arms multiply, so overlapping bands stay see-through.
        renderer.setAlpha(Math.min(0.18f, 0.5f / result.arms().size()));
        for (int i = 0; i < result.arms().size(); i++) {
            renderer.setSeriesPaint(i, armColour(i));
            renderer.setSeriesFillPaint(i, armColour(i));
            renderer.setSeriesStroke(i, i < PALETTE.length ? LINE : DASHED);
        }
        final XYPlot plot = new XYPlot(data, x, y, renderer);
        final String what = doseEffect
                ? "Kaplan-Meier steps over started episodes; unimproved endings censored at their last session"
                : "Started episodes; episodes open at the horizon censored";
        return finish(new JFreeChart(title, TITLE, plot, true), plot, what + ". "
                + intervalNote(result, "Lines: mean", "shaded bands")
                + (cut ? ". A line ends where a replication has nobody left at risk" : ""));
    }

    private static int points(final ExperimentResult result) {
        return result.reference().doseEffect().size();
    }

    /** One bar per arm (in the arm's colour) with its 95% interval. */
    public static JFreeChart metricByArm(final ExperimentResult result, final Metric metric) {
        final DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        final double scale = metric.isShare() ? 100 : 1;
        for (final ArmResult arm : result.arms()) {
            add(data, arm.summary(metric), scale, metric.label(), arm.name());
        }
        final StatisticalBarRenderer renderer = new ArmColouredBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setErrorIndicatorPaint(ERROR_BAR);
        renderer.setErrorIndicatorStroke(ERROR_STROKE);
        renderer.setMaximumBarWidth(0.12);
        final NumberAxis y = new NumberAxis(axisLabel(result, metric));
        final CategoryPlot plot = new CategoryPlot(data, categoryAxis("Benefit design", result.arms().size()), y,
                renderer);
        floorAtZero(y, data);
        markUndefined(plot, data);
        final JFreeChart chart = new JFreeChart(metric.label(), TITLE, plot, false);
        return finish(chart, plot, intervalNote(result, "Bars: mean", "error bars"));
    }

    /**
     * A forest plot: each design's paired difference from the reference with its 95% interval, one
     * panel per outcome (recovery among finished courses, recoveries per 1,000 people who sought
     * care, the plan's cost per member per month, QALYs per patient), designs in rows, a line at no
     * difference. Only for two arms or more.
     */
    public static JFreeChart forest(final ExperimentResult result) {
        final CostSettings costs = result.reference().scenario().costs();
        final String money = costs.currency() + ", " + costs.priceYear() + " prices";
        final Object[][] panels = {
            {Metric.RECOVERY_RATE, 100.0, "Recovery, pp"},
            {Metric.RECOVERIES_PER_PATIENT, 1000.0, "Recov. /1,000 seekers"},
            {Metric.PLAN_COST_PMPM, 1.0, "Plan cost PMPM"},
            {Metric.QALYS_PER_PATIENT, 1.0, "QALYs /patient"}};
        final CategoryAxis designs = categoryAxis(null, result.arms().size() - 1);
        designs.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        final CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(designs);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setGap(12);
        for (final Object[] panel : panels) {
            final Metric metric = (Metric) panel[0];
            final DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
            for (final ArmResult arm : result.arms()) {
                if (arm.index() > 0) {
                    add(data, arm.differenceFrom(result.reference(), metric), (Double) panel[1], "difference",
                            arm.name());
                }
            }
            final StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true);
            renderer.setSeriesPaint(0, TEXT);
            renderer.setSeriesShape(0, new Rectangle2D.Double(-4, -4, 8, 8));
            renderer.setErrorIndicatorPaint(TEXT);
            renderer.setErrorIndicatorStroke(ERROR_STROKE);
            final NumberAxis value = new NumberAxis((String) panel[2]);
            value.setAutoRangeIncludesZero(true);
            // Room at both ends, so that neighbouring panels' end labels do not touch.
            value.setLowerMargin(0.12);
            value.setUpperMargin(0.12);
            final CategoryPlot sub = new CategoryPlot(data, null, value, renderer);
            final ValueMarker zero = new ValueMarker(0, MUTED, new BasicStroke(1f));
            sub.addRangeMarker(zero);
            sub.setBackgroundPaint(Color.WHITE);
            sub.setOutlineVisible(false);
            sub.setRangeGridlinePaint(GRID);
            styleAxes(designs, value);
            plot.add(sub, 1);
        }
        final JFreeChart chart = new JFreeChart("Paired differences from " + result.reference().name(), TITLE, plot,
                false);
        return finish(chart, plot, intervalNote(result, "Squares: mean paired difference", "lines")
                + "; the grey line is no difference; plan cost in " + money);
    }

    /** Share of episodes by end reason, one bar per arm stacked to 100%. */
    public static JFreeChart endReasons(final ExperimentResult result) {
        final List<EndReason> shown = new ArrayList<>();
        for (final EndReason reason : EndReason.values()) {
            if (result.arms().stream().anyMatch(arm -> arm.endReasonShares().get(reason) > 0)) {
                shown.add(reason);
            }
        }
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (final ArmResult arm : result.arms()) {
            final Map<EndReason, Double> shares = arm.endReasonShares();
            for (final EndReason reason : shown) {
                final double share = shares.get(reason);
                // Null, not zero: an arm without episodes then draws nothing instead of 0/0.
                data.addValue(share > 0 ? share : null, reason.word(), arm.name());
            }
        }
        final StackedBarRenderer renderer = new StackedBarRenderer(true);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < shown.size(); i++) {
            renderer.setSeriesPaint(i, REASON_PAINT.get(shown.get(i)));
        }
        renderer.setDefaultItemLabelGenerator(new ShareLabels());
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ITEM_LABEL);
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        final NumberAxis y = new NumberAxis("Share of episodes (%)");
        y.setRange(0, 1);
        y.setTickUnit(new NumberTickUnit(0.1));
        // The renderer stacks shares of the column total (0 to 1); the ticks read as percent.
        final DecimalFormat percent = new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        percent.setMultiplier(100);
        y.setNumberFormatOverride(percent);
        final CategoryPlot plot = new CategoryPlot(data, categoryAxis("Benefit design", result.arms().size()), y,
                renderer);
        final JFreeChart chart = new JFreeChart("How episodes ended", TITLE, plot, true);
        final int n = replications(result);
        return finish(chart, plot, String.format(Locale.ROOT,
                "All episodes, mean share over %d replication%s; horizon = still open when the simulation ended", n,
                n == 1 ? "" : "s"));
    }

    /** A metric against the values of a swept parameter (arm i ran with values.get(i)), with 95% intervals. */
    public static JFreeChart sweep(final String key, final List<String> values, final ExperimentResult result,
            final Metric metric) {
        if (values.size() != result.arms().size()) {
            throw new IllegalArgumentException("one value per arm is needed: " + values.size() + " values for "
                    + result.arms().size() + " arms");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("the values of " + key + " must differ: " + values);
        }
        final DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        final double scale = metric.isShare() ? 100 : 1;
        for (int i = 0; i < values.size(); i++) {
            add(data, result.arms().get(i).summary(metric), scale, metric.label(), values.get(i));
        }
        return valuesLine(data, key, result, metric, intervalNote(result, "Points: mean", "error bars"));
    }

    /**
     * Incremental net monetary benefit of each arm against the reference over a range of
     * willingness to pay, with its 95% paired interval as a band and zero marked: where a line
     * crosses zero, the arm stops (or starts) being worth its cost against the reference.
     *
     * @param curves for each arm after the reference, a summary at each value of {@code wtps}
     */
    public static JFreeChart netBenefitByWillingnessToPay(final ExperimentResult result,
            final Perspective perspective, final double[] wtps, final List<List<MetricSummary>> curves) {
        final YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        final DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int a = 0; a < curves.size(); a++) {
            final YIntervalSeries series = new YIntervalSeries(result.arms().get(a + 1).name());
            for (int w = 0; w < wtps.length; w++) {
                final MetricSummary s = curves.get(a).get(w);
                if (Double.isFinite(s.mean())) {
                    series.add(wtps[w], s.mean(), Double.isFinite(s.ciLow()) ? s.ciLow() : s.mean(),
                            Double.isFinite(s.ciHigh()) ? s.ciHigh() : s.mean());
                }
            }
            data.addSeries(series);
            final Color colour = PALETTE[(a + 1) % PALETTE.length];
            renderer.setSeriesPaint(a, colour);
            renderer.setSeriesFillPaint(a, colour);
            renderer.setSeriesStroke(a, LINE);
        }
        renderer.setAlpha(0.15f);
        final String currency = result.reference().scenario().costs().currency();
        final NumberAxis x = new NumberAxis("Willingness to pay per QALY (" + currency + ")");
        final NumberAxis y = new NumberAxis("Incremental net monetary benefit per patient (" + currency + ")");
        y.setAutoRangeIncludesZero(true);
        final XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(0, Color.GRAY, new BasicStroke(1.2f)));
        return finish(new JFreeChart("Net monetary benefit against " + result.reference().name() + ", "
                + perspective.label().toLowerCase(java.util.Locale.ROOT) + " perspective", TITLE, plot, true), plot,
                "Lines: mean over " + replications(result) + " replications; bands: 95% paired interval; above zero the"
                        + " arm is worth its cost at that value of a QALY");
    }

    /**
     * One outcome against one key of a sweep over several keys or a sampled design. A numeric key:
     * each design point at its value, with its 95% interval over replications (the other keys vary
     * between points, so the scatter shows the key's effect and theirs). Other keys: the mean over
     * the design points sharing each value, with the spread (sd) across them. Arms that left the
     * key as given (an empty value) are left out.
     *
     * @param values the key's value in each arm, in arm order
     */
    public static JFreeChart sweepEffect(final String key, final List<String> values, final ExperimentResult result,
            final Metric metric) {
        final double scale = metric.isShare() ? 100 : 1;
        final boolean numeric = values.stream().filter(v -> !v.isEmpty()).allMatch(Charts::isNumber);
        if (numeric) {
            final YIntervalSeries series = new YIntervalSeries(metric.label());
            for (int i = 0; i < values.size(); i++) {
                final MetricSummary s = result.arms().get(i).summary(metric);
                if (values.get(i).isEmpty() || !Double.isFinite(s.mean())) {
                    continue;
                }
                final double mean = scale * s.mean();
                series.add(Double.parseDouble(values.get(i)), mean,
                        Double.isFinite(s.ciLow()) ? scale * s.ciLow() : mean,
                        Double.isFinite(s.ciHigh()) ? scale * s.ciHigh() : mean);
            }
            final XYErrorRenderer renderer = new XYErrorRenderer();
            renderer.setDefaultLinesVisible(false);
            renderer.setSeriesPaint(0, PALETTE[0]);
            renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
            renderer.setErrorPaint(ERROR_BAR);
            renderer.setDrawXError(false);
            final NumberAxis x = new NumberAxis(key);
            x.setAutoRangeIncludesZero(false);
            final NumberAxis y = new NumberAxis(axisLabel(result, metric));
            y.setAutoRangeIncludesZero(false);
            final YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            data.addSeries(series);
            final XYPlot plot = new XYPlot(data, x, y, renderer);
            return finish(new JFreeChart(metric.label() + " by " + key, TITLE, plot, false), plot,
                    "Each point: one design point (the other keys vary between points); error bars: 95% interval over "
                            + replications(result) + " replications");
        }
        final Map<String, org.apache.commons.math3.stat.descriptive.SummaryStatistics> groups =
                new java.util.LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            final double mean = result.arms().get(i).summary(metric).mean();
            if (!values.get(i).isEmpty() && Double.isFinite(mean)) {
                groups.computeIfAbsent(values.get(i), v -> new org.apache.commons.math3.stat.descriptive
                        .SummaryStatistics()).addValue(scale * mean);
            }
        }
        final DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        groups.forEach((value, stats) -> data.add((Number) stats.getMean(),
                stats.getN() > 1 ? (Number) stats.getStandardDeviation() : null, metric.label(), value));
        return valuesLine(data, key, result, metric,
                "Points: mean over the design points with that value; error bars: their spread (sd)");
    }

    /** One outcome at each value of a key (the columns of {@code data}), joined by a line, with error bars. */
    private static JFreeChart valuesLine(final DefaultStatisticalCategoryDataset data, final String key,
            final ExperimentResult result, final Metric metric, final String note) {
        final StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, PALETTE[0]);
        renderer.setSeriesStroke(0, LINE);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setErrorIndicatorPaint(ERROR_BAR);
        renderer.setErrorIndicatorStroke(ERROR_STROKE);
        final NumberAxis y = new NumberAxis(axisLabel(result, metric));
        y.setAutoRangeIncludesZero(false);
        final CategoryPlot plot = new CategoryPlot(data, categoryAxis(key, data.getColumnCount()), y, renderer);
        floorAtZero(y, data);
        markUndefined(plot, data);
        return finish(new JFreeChart(metric.label() + " by " + key, TITLE, plot, false), plot, note);
    }

    private static boolean isNumber(final String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The cost-effectiveness plane in one perspective: each arm other than the reference as a point
     * at its mean incremental QALYs (x) and incremental cost (y) per patient against the reference,
     * with its 95% paired intervals as error bars in both directions, labelled with the arm's name
     * and in the arm's colour; the reference sits at the origin. A dashed line through the origin
     * has the willingness to pay as its slope: an arm below it (to the right) is cost-effective
     * against the reference at that value of a QALY.
     *
     * @param willingnessToPay value of one QALY in the reference scenario's currency
     */
    public static JFreeChart costEffectivenessPlane(final ExperimentResult result, final Perspective perspective,
            final double willingnessToPay) {
        final XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        final List<Integer> armOfSeries = new ArrayList<>();
        double xMin = 0;
        double xMax = 0;
        double yMin = 0;
        double yMax = 0;
        int arm = -1;
        for (final CostEffectiveness.Row row : CostEffectiveness.of(result, perspective, willingnessToPay)) {
            arm++;
            if (row.incrementalCost() == null) {
                continue;
            }
            final MetricSummary cost = row.incrementalCost();
            final MetricSummary qalys = row.incrementalQalys();
            if (!Double.isFinite(cost.mean()) || !Double.isFinite(qalys.mean())) {
                armOfSeries.add(-1);
                continue;
            }
            final double qLow = Double.isFinite(qalys.ciLow()) ? qalys.ciLow() : qalys.mean();
            final double qHigh = Double.isFinite(qalys.ciHigh()) ? qalys.ciHigh() : qalys.mean();
            final double cLow = Double.isFinite(cost.ciLow()) ? cost.ciLow() : cost.mean();
            final double cHigh = Double.isFinite(cost.ciHigh()) ? cost.ciHigh() : cost.mean();
            final XYIntervalSeries series = new XYIntervalSeries(row.arm());
            series.add(qalys.mean(), qLow, qHigh, cost.mean(), cLow, cHigh);
            data.addSeries(series);
            armOfSeries.add(arm);
            xMin = Math.min(xMin, qLow);
            xMax = Math.max(xMax, qHigh);
            yMin = Math.min(yMin, cLow);
            yMax = Math.max(yMax, cHigh);
        }
        final double xPad = xMax > xMin ? 0.12 * (xMax - xMin) : 0.001;
        final double yPad = yMax > yMin ? 0.12 * (yMax - yMin) : 1;
        xMin -= xPad;
        xMax += xPad;
        yMin -= yPad;
        yMax += yPad;
        final CostSettings costs = result.reference().scenario().costs();
        final NumberAxis x = new NumberAxis("Incremental QALYs per patient vs " + result.reference().name());
        x.setRange(xMin, xMax);
        final NumberAxis y = new NumberAxis("Incremental cost per patient (" + costs.currency() + ", "
                + costs.priceYear() + " prices)");
        y.setRange(yMin, yMax);
        y.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        final XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(ERROR_STROKE);
        renderer.setCapLength(6);
        int series = 0;
        for (final int index : armOfSeries) {
            if (index < 0) {
                continue;
            }
            renderer.setSeriesPaint(series, armColour(index));
            renderer.setSeriesShape(series, new Ellipse2D.Double(-6, -6, 12, 12));
            series++;
        }
        renderer.setDefaultItemLabelGenerator((dataset, s, item) -> dataset.getSeriesKey(s).toString());
        renderer.setDefaultItemLabelFont(TICK);
        renderer.setDefaultItemLabelPaint(TEXT);
        labelPoints(renderer, data, xMin, xMax, yMin, yMax);
        final XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainZeroBaselineVisible(true);
        plot.setRangeZeroBaselineVisible(true);
        plot.setDomainZeroBaselinePaint(MUTED);
        plot.setRangeZeroBaselinePaint(MUTED);
        // The willingness-to-pay line y = wtp x, cut to the visible box so it never stretches the axes.
        final double from = willingnessToPay > 0 ? Math.max(xMin, yMin / willingnessToPay) : xMin;
        final double to = willingnessToPay > 0 ? Math.min(xMax, yMax / willingnessToPay) : xMax;
        if (to > from) {
            plot.addAnnotation(new XYLineAnnotation(from, willingnessToPay * from, to, willingnessToPay * to,
                    new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f},
                            0f), TEXT));
        }
        final JFreeChart chart = new JFreeChart("Cost-effectiveness plane, " + perspective.label().toLowerCase(
                Locale.ROOT) + " perspective", TITLE, plot, true);
        final NumberFormat money = NumberFormat.getIntegerInstance(Locale.US);
        return finish(chart, plot, String.format(Locale.ROOT,
                "Each arm against %s (origin); error bars: paired 95%% intervals over %d replications. Dashed line:"
                        + " willingness to pay, %s %s per QALY (below or right of it: cost-effective)",
                result.reference().name(), replications(result), money.format(willingnessToPay), costs.currency()));
    }

    /**
     * Names each point of a cost-effectiveness plane beside it, to the right (to the left in the
     * right fifth of the plot); a point that crowds another gets no name, the legend naming it by
     * colour instead, so that names do not print over each other.
     */
    private static void labelPoints(final XYErrorRenderer renderer, final XYIntervalSeriesCollection data,
            final double xMin, final double xMax, final double yMin, final double yMax) {
        final int n = data.getSeriesCount();
        final double[] x = new double[n];
        final double[] y = new double[n];
        for (int s = 0; s < n; s++) {
            x[s] = (data.getXValue(s, 0) - xMin) / (xMax - xMin);
            y[s] = (data.getYValue(s, 0) - yMin) / (yMax - yMin);
        }
        // Above and beside the point, clear of its error bars.
        final ItemLabelPosition right = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE1, TextAnchor.BOTTOM_LEFT);
        final ItemLabelPosition left = new ItemLabelPosition(ItemLabelAnchor.OUTSIDE11, TextAnchor.BOTTOM_RIGHT);
        renderer.setItemLabelAnchorOffset(4);
        for (int s = 0; s < n; s++) {
            boolean crowded = false;
            for (int o = 0; o < n; o++) {
                crowded |= o != s && Math.abs(x[o] - x[s]) < 0.25 && Math.abs(y[o] - y[s]) < 0.06;
            }
            renderer.setSeriesItemLabelsVisible(s, !crowded);
            final ItemLabelPosition position = x[s] > 0.8 ? left : right;
            renderer.setSeriesPositiveItemLabelPosition(s, position);
            renderer.setSeriesNegativeItemLabelPosition(s, position);
        }
    }

    /**
     * Adds a mean and the half-width of its interval (the statistical renderers draw mean plus or
     * minus the "standard deviation" they are given). Undefined values are added as null, which the
     * renderers skip: no bar, no point, no error bar.
     */
    private static void add(final DefaultStatisticalCategoryDataset data, final MetricSummary s, final double scale,
            final String row, final String column) {
        final Double mean = Double.isFinite(s.mean()) ? scale * s.mean() : null;
        final Double half = mean != null && Double.isFinite(s.ciHigh()) ? scale * (s.ciHigh() - s.mean()) : null;
        data.add(mean, half, row, column);
    }

    /**
     * Starts the value axis at zero when no mean is negative (every metric is non-negative), so a
     * wide interval from few replications does not stretch the axis to meaningless negative values.
     */
    private static void floorAtZero(final NumberAxis axis, final DefaultStatisticalCategoryDataset data) {
        for (int c = 0; c < data.getColumnCount(); c++) {
            final Number mean = data.getMeanValue(0, c);
            if (mean != null && mean.doubleValue() < 0) {
                return;
            }
        }
        if (axis.getLowerBound() < 0) {
            axis.setLowerBound(0);
        }
    }

    /** Writes "not defined" where a mean is undefined, so a missing bar or point is not taken for zero. */
    private static void markUndefined(final CategoryPlot plot, final DefaultStatisticalCategoryDataset data) {
        for (int c = 0; c < data.getColumnCount(); c++) {
            if (data.getMeanValue(0, c) == null) {
                final CategoryTextAnnotation note = new CategoryTextAnnotation("not defined", data.getColumnKey(c),
                        Math.max(0, plot.getRangeAxis().getLowerBound()));
                note.setFont(NOTE);
                note.setPaint(MUTED);
                note.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                note.setCategoryAnchor(CategoryAnchor.MIDDLE);
                plot.addAnnotation(note);
            }
        }
    }

    private static CategoryAxis categoryAxis(final String label, final int categories) {
        final CategoryAxis axis = new CategoryAxis(label);
        axis.setMaximumCategoryLabelLines(3);
        axis.setCategoryMargin(0.3);
        if (categories > WRAPPED_CATEGORY_LIMIT) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return axis;
    }

    private static String axisLabel(final ExperimentResult result, final Metric metric) {
        if (metric.isShare()) {
            return metric.label() + " (% of " + metric.unit().substring("share of ".length()) + ")";
        }
        if ("currency".equals(metric.unit())) {
            final CostSettings costs = result.reference().scenario().costs();
            return metric.label() + " (" + costs.currency() + ", " + costs.priceYear() + " prices)";
        }
        return metric.label() + " (" + metric.unit() + ")";
    }

    private static int replications(final ExperimentResult result) {
        return result.study().replications();
    }

    private static String intervalNote(final ExperimentResult result, final String mean, final String interval) {
        final int n = replications(result);
        if (n < 2) {
            return mean + " of 1 replication (no confidence interval from a single replication)";
        }
        return String.format(Locale.ROOT, "%s; %s: 95%% confidence interval over %d replications", mean, interval, n);
    }

    /** @return the colour of arm {@code arm} (by study position) in every chart */
    static Color armColour(final int arm) {
        return PALETTE[arm % PALETTE.length];
    }

    /** Gives a chart the house style: white ground, muted subtitle, light grid, legend below. */
    static JFreeChart finish(final JFreeChart chart, final Plot plot, final String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 8, 4, 16));
        chart.getTitle().setPaint(TEXT);
        final TextTitle note = new TextTitle(subtitle, SUBTITLE);
        note.setPaint(MUTED);
        note.setMargin(2, 0, 8, 0);
        chart.addSubtitle(note);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            styleAxes(xy.getDomainAxis(), xy.getRangeAxis());
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlineStroke(new BasicStroke(1f));
            xy.setRangeGridlineStroke(new BasicStroke(1f));
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        } else if (plot instanceof CategoryPlot category && !(plot instanceof CombinedDomainCategoryPlot)) {
            styleAxes(category.getDomainAxis(), category.getRangeAxis());
            category.setRangeGridlinePaint(GRID);
            category.setRangeGridlineStroke(new BasicStroke(1f));
            category.getRangeAxis().setUpperMargin(0.08);
        }
        final LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(TICK);
            legend.setItemPaint(TEXT);
        }
        return chart;
    }

    private static void styleAxes(final Axis... axes) {
        for (final Axis axis : axes) {
            axis.setLabelFont(LABEL);
            axis.setLabelPaint(TEXT);
            axis.setTickLabelFont(TICK);
            axis.setTickLabelPaint(TEXT);
            axis.setAxisLinePaint(MUTED);
            axis.setTickMarkPaint(MUTED);
        }
    }

    /** Colours each bar by its arm (the column), matching the arm's line in the curve charts. */
    private static final class ArmColouredBarRenderer extends StatisticalBarRenderer {
        @Override
        public Paint getItemPaint(final int row, final int column) {
            return armColour(column);
        }
    }

    /** Percentage labels inside stacked segments, left out where a segment is too thin to hold one. */
    private static final class ShareLabels extends StandardCategoryItemLabelGenerator {
        ShareLabels() {
            super("{2}", NumberFormat.getPercentInstance(Locale.ROOT));
        }

        @Override
        public String generateLabel(final CategoryDataset dataset, final int row, final int column) {
            final Number value = dataset.getValue(row, column);
            double total = 0;
            for (int r = 0; r < dataset.getRowCount(); r++) {
                final Number v = dataset.getValue(r, column);
                total += v == null ? 0 : v.doubleValue();
            }
            if (value == null || total <= 0 || value.doubleValue() / total < MIN_LABELLED_SHARE) {
                return null;
            }
            return String.format(Locale.ROOT, "%.0f%%", 100 * value.doubleValue() / total);
        }
    }
}

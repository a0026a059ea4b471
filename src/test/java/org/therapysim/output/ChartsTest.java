package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.title.TextTitle;
import org.jfree.svg.SVGUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.Experiment;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.ProgressListener;
import org.therapysim.experiment.ReplicationSummary;
import org.therapysim.experiment.SessionCurves;
import org.therapysim.model.EndReason;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;

/**
 * Every chart, drawn from a real (small) experiment, renders headless to a readable PNG of the
 * requested size and to an SVG carrying its title; edge cases (undefined values, one replication,
 * a sweep over non-numeric values) render too.
 */
class ChartsTest {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final List<String> SWEEP_VALUES = List.of("4", "12", "unlimited");

    private static ExperimentResult twoArms;
    private static ExperimentResult sweep;

    @TempDir
    static Path scenarios;

    @TempDir
    Path dir;

    @BeforeAll
    static void runSmallExperiments() throws IOException {
        final ScenarioLoader loader = new ScenarioLoader();
        final Path file = scenarios.resolve("small.yaml");
        // No relapse or return to care: every course begins near week 0, so a capped course reaches its
        // cap long before the horizon and is never censored at the cap (see the retention test).
        Files.writeString(file, "name: small\npopulation: {mode: cohort, cohortSize: 300}\nsimulation: {weeks: 52}\n"
                + "dynamics: {relapse: {oneYearRisk: 0}, returnToCare: {oneYearProbability: 0}}\n");
        final ResolvedTree small = loader.resolve(file);
        final Scenario a = loader.bind(small);
        final Scenario b = loader.bind(loader.override(loader.override(small, "plan.sessionCap.sessions", "6", "test"),
                "name", "Cap 6", "test"));
        twoArms = new Experiment(new Study("t", "d", List.of(a, b), 3, 42L), false, 2).run(null,
                ProgressListener.NONE);

        final List<Scenario> arms = new ArrayList<>();
        for (final String value : SWEEP_VALUES) {
            arms.add(loader.bind(loader.override(loader.override(small, "plan.sessionCap.sessions", value, "test"),
                    "name", "sessions=" + value, "test")));
        }
        sweep = new Experiment(new Study("s", "d", arms, 2, 42L), false, 2).run(null, ProgressListener.NONE);
    }

    /** Writes the chart and checks both files; returns the decoded PNG. */
    private BufferedImage render(final JFreeChart chart, final String name) throws IOException {
        ChartFiles.write(chart, dir, name, WIDTH, HEIGHT);
        final Path png = dir.resolve(name + ".png");
        final Path svg = dir.resolve(name + ".svg");
        assertTrue(Files.isRegularFile(png) && Files.isRegularFile(svg), name + ": both files written");

        final BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth(), name + ": width");
        assertEquals(HEIGHT, image.getHeight(), name + ": height");
        final int background = image.getRGB(0, 0);
        assertEquals(Color.WHITE.getRGB(), background, name + ": white background");
        final Set<Integer> colours = new HashSet<>();
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                final int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    drawn++;
                }
            }
        }
        final double share = (double) drawn / (WIDTH * HEIGHT);
        assertTrue(share > 0.02, name + ": only " + share + " of the pixels drawn");
        assertTrue(colours.size() >= 3, name + ": only " + colours.size() + " colours");

        final String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), name + ": an SVG document");
        assertTrue(text.contains(SVGUtils.escapeForXML(chart.getTitle().getText())), name + ": SVG carries the title");
        return image;
    }

    private static boolean hasColour(final BufferedImage image, final Color colour) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) == colour.getRGB()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void curvesDrawOneLineAndLegendEntryPerArm() throws IOException {
        for (final JFreeChart chart : List.of(Charts.doseEffect(twoArms), Charts.retention(twoArms))) {
            final String name = chart.getTitle().getText().substring(0, 4);
            final BufferedImage image = render(chart, name);
            assertEquals(2, chart.getXYPlot().getDataset().getSeriesCount(), name);
            assertEquals("Cap 6", chart.getXYPlot().getDataset().getSeriesKey(1), name);
            assertEquals(2, chart.getLegend().getSources()[0].getLegendItems().getItemCount(), name);
            assertTrue(hasColour(image, Charts.armColour(0)) && hasColour(image, Charts.armColour(1)),
                    name + ": both arms drawn");
        }
        final JFreeChart dose = Charts.doseEffect(twoArms);
        for (final ArmResult arm : twoArms.arms()) {
            final var data = dose.getXYPlot().getDataset();
            final int items = data.getItemCount(arm.index());
            assertTrue(items > 10, arm.name());
            // Kaplan-Meier steps: session 1's share, then for each later session s the share of s - 1
            // held up to s, then s's own: items 2s - 3 and 2s - 2 (from 0) sit at x = s.
            assertEquals(1, (int) data.getXValue(arm.index(), 0), arm.name() + ": the line starts at session 1");
            for (int i = 0; i < items; i++) {
                final int session = (i + 3) / 2;
                assertEquals(session, data.getXValue(arm.index(), i), 0.0, arm.name() + ": item " + i);
                final int shown = i % 2 == 1 ? session - 1 : session;
                assertEquals(100 * arm.doseEffect().get(shown - 1).mean(), data.getYValue(arm.index(), i), 1e-9,
                        arm.name() + ": item " + i + " at session " + session + " holds the share of session " + shown);
            }
        }
        assertEquals("Dose-effect: patients reliably improved by session", dose.getTitle().getText());
        assertEquals("Sessions attended", dose.getXYPlot().getDomainAxis().getLabel());
        assertEquals("Reliably improved (%, Kaplan-Meier)", dose.getXYPlot().getRangeAxis().getLabel());
        assertEquals("Still in treatment (%)", Charts.retention(twoArms).getXYPlot().getRangeAxis().getLabel());
    }

    @Test
    void cappedArmsRetentionFallsToZeroAfterTheCap() {
        // Every course of the capped arm that reaches session 6 ends there: no one is in treatment at
        // session 7 or later, a share known to be 0 (the curve used to stop at the cap instead). A course
        // censored at session 6 by the horizon would leave it undefined; none begins late enough.
        final var data = Charts.retention(twoArms).getXYPlot().getDataset();
        assertEquals(SessionCurves.MAX_SESSION, data.getItemCount(1));
        assertTrue(data.getYValue(1, 5) > 0, "some patients reach session 6");
        for (int i = 6; i < data.getItemCount(1); i++) {
            assertEquals(0.0, data.getYValue(1, i), "Cap 6: no one in treatment at session " + (i + 1));
        }
    }

    @Test
    void theForestPlotShowsEachDesignsPairedDifferenceAndItsInterval() throws IOException {
        final JFreeChart chart = Charts.forest(twoArms);
        render(chart, "paired_differences");
        final var combined = (org.jfree.chart.plot.CombinedDomainCategoryPlot) chart.getPlot();
        final List<?> panels = combined.getSubplots();
        final Metric[] metrics = {Metric.RECOVERY_RATE, Metric.RECOVERIES_PER_PATIENT, Metric.PLAN_COST_PMPM,
            Metric.QALYS_PER_PATIENT};
        final double[] scales = {100, 1000, 1, 1};
        assertEquals(metrics.length, panels.size());
        final ArmResult cap = twoArms.arms().get(1);
        for (int p = 0; p < metrics.length; p++) {
            final DefaultStatisticalCategoryDataset data = (DefaultStatisticalCategoryDataset)
                    ((org.jfree.chart.plot.CategoryPlot) panels.get(p)).getDataset();
            assertEquals(List.of("Cap 6"), data.getColumnKeys(), "the reference has no row of its own");
            // Recomputed here from the replications: mean of the paired differences and a t interval.
            final double[] d = new double[cap.replications().size()];
            for (int r = 0; r < d.length; r++) {
                d[r] = scales[p] * (cap.replications().get(r).metrics().get(metrics[p])
                        - twoArms.reference().replications().get(r).metrics().get(metrics[p]));
            }
            final double mean = Arrays.stream(d).average().orElseThrow();
            final double sd = Math.sqrt(Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1));
            final double half = new org.apache.commons.math3.distribution.TDistribution(d.length - 1)
                    .inverseCumulativeProbability(0.975) * sd / Math.sqrt(d.length);
            assertEquals(mean, data.getMeanValue(0, 0).doubleValue(), 1e-9 * Math.max(1, Math.abs(mean)),
                    metrics[p].id());
            assertEquals(half, data.getStdDevValue(0, 0).doubleValue(), 1e-9 * Math.max(1, Math.abs(half)),
                    metrics[p].id() + ": the line is the 95% interval");
        }
    }

    @Test
    void everyMetricRendersAsBarsWithIntervalsAndUnits() throws IOException {
        for (final Metric metric : Metric.values()) {
            final JFreeChart chart = Charts.metricByArm(twoArms, metric);
            final BufferedImage image = render(chart, metric.id());
            assertEquals(metric.label(), chart.getTitle().getText());
            final String subtitle = ((TextTitle) chart.getSubtitle(0)).getText();
            assertTrue(subtitle.contains("error bars: 95% confidence interval over 3 replications"), subtitle);
            final String yLabel = chart.getCategoryPlot().getRangeAxis().getLabel();
            if (metric.isShare()) {
                assertTrue(yLabel.contains("(%"), yLabel);
            } else if (metric.unit().equals("currency")) {
                assertTrue(yLabel.contains("USD"), yLabel);
            } else {
                assertTrue(yLabel.contains(metric.unit()), yLabel);
            }
            final boolean defined = twoArms.arms().stream()
                    .allMatch(arm -> Double.isFinite(arm.summary(metric).mean()) && arm.summary(metric).mean() > 0);
            if (defined) {
                assertTrue(hasColour(image, Charts.armColour(0)) && hasColour(image, Charts.armColour(1)),
                        metric.id() + ": a bar in each arm's colour");
            }
        }
    }

    /**
     * @return the mean of the finite values of a metric over an arm's replications, computed here;
     *     undefined for a point of the dose-effect curve unless every replication defines it
     */
    private static double meanOverReplications(final ArmResult arm, final Metric metric) {
        final double[] values = arm.replications().stream().mapToDouble(r -> r.metrics().get(metric)).toArray();
        if (metric.everyReplication() && Arrays.stream(values).anyMatch(v -> !Double.isFinite(v))) {
            return Double.NaN;
        }
        return Arrays.stream(values).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    @Test
    void barsCarryEachArmsMeanAndIntervalAsThePlotsData() {
        for (final Metric metric : Metric.values()) {
            final JFreeChart chart = Charts.metricByArm(twoArms, metric);
            final DefaultStatisticalCategoryDataset data = (DefaultStatisticalCategoryDataset) chart.getCategoryPlot()
                    .getDataset();
            assertEquals(List.of("small", "Cap 6"), data.getColumnKeys(), metric.id());
            final double scale = metric.isShare() ? 100 : 1;
            for (final ArmResult arm : twoArms.arms()) {
                final double mean = meanOverReplications(arm, metric);
                final Number bar = data.getMeanValue(0, arm.index());
                final String where = metric.id() + " / " + arm.name();
                if (!Double.isFinite(mean)) {
                    assertEquals(null, bar, where + ": no bar for an undefined mean");
                    continue;
                }
                assertEquals(scale * mean, bar.doubleValue(), 1e-9 * Math.max(1, Math.abs(scale * mean)), where);
                final double half = arm.summary(metric).ciHigh() - arm.summary(metric).mean();
                if (Double.isFinite(half)) {
                    assertEquals(scale * half, data.getStdDevValue(0, arm.index()).doubleValue(),
                            1e-9 * Math.max(1, Math.abs(scale * half)), where + ": error bar to the interval's end");
                }
            }
        }
    }

    @Test
    void renderedBarsStandAsHighAsTheMeansAndTheirErrorBarsReachTheIntervals() {
        for (final Metric metric : List.of(Metric.RECOVERY_RATE, Metric.DROPOUT_RATE, Metric.MEAN_SESSIONS,
                Metric.PAYER_COST_PMPM)) {
            final JFreeChart chart = Charts.metricByArm(twoArms, metric);
            final ChartRenderingInfo info = new ChartRenderingInfo();
            final BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT, info);
            final Rectangle2D area = info.getPlotInfo().getDataArea();
            final ValueAxis axis = chart.getCategoryPlot().getRangeAxis();
            final double pixel = (axis.getUpperBound() - axis.getLowerBound()) / area.getHeight();
            final double scale = metric.isShare() ? 100 : 1;
            int previousRight = -1;
            for (final ArmResult arm : twoArms.arms()) {
                final String where = metric.id() + " / " + arm.name();
                final int colour = Charts.armColour(arm.index()).getRGB();
                int left = Integer.MAX_VALUE;
                int right = -1;
                int top = Integer.MAX_VALUE;
                int bottom = -1;
                for (int y = (int) area.getMinY(); y < area.getMaxY(); y++) {
                    for (int x = (int) area.getMinX(); x < area.getMaxX(); x++) {
                        if (image.getRGB(x, y) == colour) {
                            left = Math.min(left, x);
                            right = Math.max(right, x);
                            top = Math.min(top, y);
                            bottom = Math.max(bottom, y);
                        }
                    }
                }
                assertTrue(right >= left + 3, where + ": a bar in the arm's colour");
                assertTrue(left > previousRight, where + ": bars in arm order, left to right");
                previousRight = right;
                final double mean = scale * meanOverReplications(arm, metric);
                final double shownTop = axis.java2DToValue(top, area, RectangleEdge.LEFT);
                final double shownBottom = axis.java2DToValue(bottom + 1, area, RectangleEdge.LEFT);
                assertEquals(mean, shownTop, 2 * pixel, where + ": bar top at the mean");
                assertEquals(0, shownBottom, 2 * pixel, where + ": bar from zero");
                // The error bar's upper cap: the highest dark pixel above the bar's middle.
                int cap = Integer.MAX_VALUE;
                for (int y = (int) area.getMinY(); y < top; y++) {
                    for (int x = left; x <= right; x++) {
                        final int rgb = image.getRGB(x, y);
                        if (((rgb >> 16) & 0xFF) < 0x80 && ((rgb >> 8) & 0xFF) < 0x80 && (rgb & 0xFF) < 0x80) {
                            cap = Math.min(cap, y);
                        }
                    }
                }
                final double high = scale * arm.summary(metric).ciHigh();
                assertTrue(cap < top, where + ": an error bar above the bar");
                assertEquals(high, axis.java2DToValue(cap, area, RectangleEdge.LEFT), 3 * pixel,
                        where + ": error bar up to the interval's upper end");
            }
        }
    }

    @Test
    void endReasonsStackToAHundredPercentWithOnlyReasonsThatOccur() throws IOException {
        final JFreeChart chart = Charts.endReasons(twoArms);
        render(chart, "end_reasons");
        assertEquals("How episodes ended", chart.getTitle().getText());
        final List<?> reasons = chart.getCategoryPlot().getDataset().getRowKeys();
        assertTrue(reasons.contains(EndReason.PLANNED.word()) && reasons.contains(EndReason.CAP_REACHED.word()),
                reasons.toString());
        assertFalse(reasons.contains(EndReason.REVIEW_DENIED.word()), "no review in either arm: " + reasons);
        assertEquals(List.of("small", "Cap 6"), chart.getCategoryPlot().getDataset().getColumnKeys());
        final var data = chart.getCategoryPlot().getDataset();
        for (final ArmResult arm : twoArms.arms()) {
            double stacked = 0;
            for (final EndReason reason : EndReason.values()) {
                double share = 0;
                for (final ReplicationSummary r : arm.replications()) {
                    final int total = r.endReasons().values().stream().mapToInt(Integer::intValue).sum();
                    share += (double) r.endReasons().get(reason) / total;
                }
                share /= arm.replications().size();
                final int row = data.getRowIndex(reason.word());
                if (share == 0) {
                    assertTrue(row < 0 || data.getValue(row, arm.index()) == null, arm.name() + " " + reason);
                } else {
                    assertEquals(share, data.getValue(row, arm.index()).doubleValue(), 1e-12,
                            arm.name() + ": share ended " + reason.word());
                    stacked += data.getValue(row, arm.index()).doubleValue();
                }
            }
            assertEquals(1.0, stacked, 1e-9, arm.name() + ": the shares stack to 100%");
        }
    }

    @Test
    void sweepWorksWithNonNumericValues() throws IOException {
        for (final Metric metric : List.of(Metric.RECOVERY_RATE, Metric.MEAN_SESSIONS, Metric.PAYER_COST_PER_EPISODE)) {
            final JFreeChart chart = Charts.sweep("plan.sessionCap.sessions", SWEEP_VALUES, sweep, metric);
            render(chart, "sweep_" + metric.id());
            assertEquals(metric.label() + " by plan.sessionCap.sessions", chart.getTitle().getText());
            assertEquals("plan.sessionCap.sessions", chart.getCategoryPlot().getDomainAxis().getLabel());
            assertEquals(SWEEP_VALUES, chart.getCategoryPlot().getDataset().getColumnKeys());
        }
    }

    @Test
    void sweepNeedsOneDistinctValuePerArm() {
        assertThrows(IllegalArgumentException.class,
                () -> Charts.sweep("k", List.of("4", "12"), sweep, Metric.RECOVERY_RATE));
        assertThrows(IllegalArgumentException.class,
                () -> Charts.sweep("k", List.of("4", "4", "5"), sweep, Metric.RECOVERY_RATE));
    }

    @Test
    void manyLongArmNamesAreTurnedToStayReadable() {
        final List<ArmResult> arms = new ArrayList<>();
        final List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            scenarios.add(twoArms.reference().scenario().withName("Cap " + (4 * i + 4) + ", review at cap"));
        }
        final Study study = new Study("many", "d", scenarios, 3, 42L);
        for (int i = 0; i < 8; i++) {
            arms.add(new ArmResult(i, study.arms().get(i), twoArms.reference().replications()));
        }
        final ExperimentResult many = new ExperimentResult(study, arms, twoArms.seeds());
        assertEquals(CategoryLabelPositions.UP_45,
                Charts.metricByArm(many, Metric.RECOVERY_RATE).getCategoryPlot().getDomainAxis()
                        .getCategoryLabelPositions());
        assertEquals(CategoryLabelPositions.STANDARD,
                Charts.metricByArm(twoArms, Metric.RECOVERY_RATE).getCategoryPlot().getDomainAxis()
                        .getCategoryLabelPositions());
    }

    @Test
    void undefinedValuesAreLeftOutAndMarked() throws IOException {
        final ExperimentResult result = synthetic(2, true);
        final JFreeChart bars = Charts.metricByArm(result, Metric.RECOVERY_RATE);
        render(bars, "undefined_bars");
        assertEquals(null, bars.getCategoryPlot().getDataset().getValue(0, 1));
        assertTrue(Files.readString(dir.resolve("undefined_bars.svg")).contains("not defined"));
        render(Charts.sweep("k", List.of("a", "b", "c"), result, Metric.RECOVERY_RATE), "undefined_sweep");
        final JFreeChart dose = Charts.doseEffect(result);
        render(dose, "undefined_dose");
        assertEquals(0, dose.getXYPlot().getDataset().getItemCount(1), "an arm without curves draws no line");
        render(Charts.endReasons(result), "undefined_end_reasons");
    }

    @Test
    void curveEndsWhereAReplicationRunsOutOfPatientsAtRisk() {
        final ExperimentResult result = synthetic(2, false);
        // Replication 0 has values up to session 10, replication 1 up to session 5.
        assertEquals(5, Charts.retention(result).getXYPlot().getDataset().getItemCount(0));
    }

    @Test
    void oneArmAndOneReplicationRenderWithoutIntervals() throws IOException {
        final ExperimentResult one = synthetic(1, false);
        assertEquals(1, one.arms().size());
        final JFreeChart bars = Charts.metricByArm(one, Metric.RECOVERY_RATE);
        render(bars, "one_bar");
        final String subtitle = ((TextTitle) bars.getSubtitle(0)).getText();
        assertTrue(subtitle.contains("no confidence interval"), subtitle);
        render(Charts.doseEffect(one), "one_dose");
        render(Charts.endReasons(one), "one_end_reasons");
        render(Charts.sweep("k", List.of("only"), one, Metric.PAYER_COST_PMPM), "one_sweep");
    }

    @Test
    void filesAreReplacedWholeAndNoTemporaryFileIsLeft() throws IOException {
        final JFreeChart chart = Charts.endReasons(twoArms);
        ChartFiles.write(chart, dir.resolve("charts"), "end", WIDTH, HEIGHT);
        final byte[] svg = Files.readAllBytes(dir.resolve("charts/end.svg"));
        final byte[] png = Files.readAllBytes(dir.resolve("charts/end.png"));
        ChartFiles.write(chart, dir.resolve("charts"), "end", WIDTH, HEIGHT);
        assertArrayEquals(svg, Files.readAllBytes(dir.resolve("charts/end.svg")), "same chart, same SVG bytes");
        assertArrayEquals(png, Files.readAllBytes(dir.resolve("charts/end.png")), "same chart, same PNG bytes");
        try (Stream<Path> files = Files.list(dir.resolve("charts"))) {
            assertEquals(List.of("end.png", "end.svg"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /**
     * A result built by hand: arm 0 has defined values; arm 1 (when {@code undefinedArm}) has every
     * metric and curve undefined and no episodes. Replication r's curves are defined up to session
     * 10 / (r + 1).
     */
    private static ExperimentResult synthetic(final int replications, final boolean undefinedArm) {
        final Scenario base = twoArms.reference().scenario();
        final List<Scenario> scenarios = new ArrayList<>(List.of(base.withName("defined")));
        if (undefinedArm) {
            scenarios.add(base.withName("undefined"));
            scenarios.add(base.withName("also defined"));
        }
        final Study study = new Study("synthetic", "d", scenarios, replications, 1L);
        final List<ArmResult> arms = new ArrayList<>();
        for (int a = 0; a < scenarios.size(); a++) {
            final boolean undefined = undefinedArm && a == 1;
            final List<ReplicationSummary> reps = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
                for (final Metric m : Metric.values()) {
                    metrics.put(m, undefined ? Double.NaN : 0.3 + 0.05 * r + 0.1 * a);
                }
                final double[] curve = new double[SessionCurves.MAX_SESSION];
                Arrays.fill(curve, Double.NaN);
                if (!undefined) {
                    for (int k = 0; k < 10 / (r + 1); k++) {
                        curve[k] = 1.0 - 0.05 * k;
                    }
                }
                final Map<EndReason, Integer> reasons = new EnumMap<>(EndReason.class);
                for (final EndReason reason : EndReason.values()) {
                    reasons.put(reason, undefined ? 0 : reason.ordinal() + 1);
                }
                reps.add(new ReplicationSummary(a, r, r + 1, metrics, curve, curve, reasons, 100));
            }
            arms.add(new ArmResult(a, study.arms().get(a), reps));
        }
        final List<Integer> seeds = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            seeds.add(r + 1);
        }
        return new ExperimentResult(study, arms, seeds);
    }
}

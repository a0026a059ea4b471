package org.therapysim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GridLayout;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Four live charts (JFreeChart 1.5) of one or two clinics: recovered, dropped out and in treatment;
 * the waiting list; the plan's cumulative payments; and the dose-effect curve as it forms. Colour
 * tells the measure, line style the clinic (solid the first, dashed the second), so the two
 * clinics are read as pairs. Points are added on Swing's thread.
 */
final class LiveCharts {
    private static final Color[] MEASURES = {new Color(0x009E73), new Color(0xD55E00), new Color(0x0072B2)};
    private static final Stroke SOLID = new BasicStroke(2f);
    private static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 4f}, 0f);

    private final JPanel panel = new JPanel(new GridLayout(2, 2));
    private final List<XYSeries[]> outcomes = new ArrayList<>();
    private final List<XYSeries> waiting = new ArrayList<>();
    private final List<XYSeries> cost = new ArrayList<>();
    private final List<XYSeries> doseEffect = new ArrayList<>();

    /** @param clinics the clinics' names, first solid, second dashed */
    LiveCharts(final List<String> clinics) {
        final XYSeriesCollection outcomeData = new XYSeriesCollection();
        final XYSeriesCollection waitingData = new XYSeriesCollection();
        final XYSeriesCollection costData = new XYSeriesCollection();
        final XYSeriesCollection curveData = new XYSeriesCollection();
        for (final String clinic : clinics) {
            final XYSeries[] three = {new XYSeries("recovered, " + clinic), new XYSeries("dropped out, " + clinic),
                new XYSeries("in treatment, " + clinic)};
            for (final XYSeries s : three) {
                outcomeData.addSeries(s);
            }
            outcomes.add(three);
            waiting.add(add(waitingData, "waiting, " + clinic));
            cost.add(add(costData, "payer, " + clinic));
            doseEffect.add(add(curveData, clinic));
        }
        panel.add(chart("Patients: recovered, dropped out, in treatment", "patients", outcomeData, 3, clinics.size()));
        panel.add(chart("Waiting list", "patients waiting", waitingData, 1, clinics.size()));
        panel.add(chart("Plan payments for sessions, cumulative", "currency", costData, 1, clinics.size()));
        final ChartPanel curve = chart("Dose-effect: reliably improved by session", "share of started episodes",
                curveData, 1, clinics.size());
        ((XYPlot) curve.getChart().getPlot()).getDomainAxis().setLabel("session");
        ((NumberAxis) ((XYPlot) curve.getChart().getPlot()).getRangeAxis()).setRange(0, 1);
        panel.add(curve);
    }

    private static XYSeries add(final XYSeriesCollection data, final String name) {
        final XYSeries s = new XYSeries(name);
        data.addSeries(s);
        return s;
    }

    private static ChartPanel chart(final String title, final String yLabel, final XYSeriesCollection data,
            final int perClinic, final int clinics) {
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int c = 0; c < clinics; c++) {
            for (int m = 0; m < perClinic; m++) {
                final int series = c * perClinic + m;
                renderer.setSeriesPaint(series, perClinic > 1 ? MEASURES[m] : c == 0 ? MEASURES[2] : MEASURES[1]);
                renderer.setSeriesStroke(series, c == 0 ? SOLID : DASHED);
            }
        }
        final XYPlot plot = new XYPlot(data, new NumberAxis("week"), new NumberAxis(yLabel), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        final JFreeChart chart = new JFreeChart(title, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD,
                13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        final ChartPanel panel = new ChartPanel(chart);
        panel.setPreferredSize(new java.awt.Dimension(520, 320));
        return panel;
    }

    /** @return the panel holding the four charts */
    JPanel panel() {
        return panel;
    }

    /** Adds a week of every clinic (in the clinics' order). */
    void add(final List<ClinicWeek> weeks) {
        SwingUtilities.invokeLater(() -> {
            for (int c = 0; c < weeks.size(); c++) {
                final ClinicWeek w = weeks.get(c);
                outcomes.get(c)[0].add(w.week(), w.recovered());
                outcomes.get(c)[1].add(w.week(), w.droppedOut());
                outcomes.get(c)[2].add(w.week(), w.inTreatment());
                waiting.get(c).add(w.week(), w.waiting());
                cost.get(c).add(w.week(), w.payerCost());
                if (w.doseEffect() != null) {
                    final XYSeries curve = doseEffect.get(c);
                    curve.clear();
                    final double[] share = w.doseEffect();
                    for (int k = 0; k < share.length; k++) {
                        curve.add(k + 1, share[k]);
                    }
                }
            }
        });
    }

    /** Empties every chart (a new start). */
    void clear() {
        SwingUtilities.invokeLater(() -> {
            outcomes.forEach(three -> {
                for (final XYSeries s : three) {
                    s.clear();
                }
            });
            waiting.forEach(XYSeries::clear);
            cost.forEach(XYSeries::clear);
            doseEffect.forEach(XYSeries::clear);
        });
    }

    /** @return the number of points in the waiting-list and outcome series (for checks) */
    int points() {
        return waiting.stream().mapToInt(XYSeries::getItemCount).sum();
    }
}

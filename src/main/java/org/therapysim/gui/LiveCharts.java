package org.therapysim.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridLayout;
import java.awt.Stroke;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Four live charts (JFreeChart 1.5) of one or two clinics: recoveries and dropouts so far; patients
 * in treatment and waiting now; the plan's payments so far, in the scenario's currency; and the
 * dose-effect curve as it forms. Colour tells the clinic ({@link #clinicColour}), line style the
 * measure. The dose-effect line stops at the last session that enough started episodes reached
 * ({@link #MIN_REACHED_SHARE}), so a capped clinic's line ends at its cap instead of trailing off on
 * the few episodes that crossed into a new plan year. Points are added on Swing's thread.
 */
final class LiveCharts {
    /**
     * Fewest started episodes that must have reached a session for the dose-effect line to show it,
     * as a share of the started episodes and as a count: past that the share improved rests on a
     * handful of patients (in a capped clinic, the few whose course crossed into a new plan year).
     * Cutting a Kaplan-Meier plot short where few remain at risk is the practice Gebski et al. (2018)
     * argue for; the thresholds are this classroom's choice for clinics of about 300 courses.
     */
    static final double MIN_REACHED_SHARE = 0.05;
    static final int MIN_REACHED = 10;
    /** Okabe and Ito's colour-blind-safe blue and vermillion: clinic A, clinic B. */
    private static final Color[] CLINICS = {new Color(0x0072B2), new Color(0xD55E00)};
    private static final Stroke SOLID = new BasicStroke(2.2f);
    private static final Stroke DASHED = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {7f, 4f}, 0f);

    private final JPanel panel = new JPanel(new GridLayout(2, 2, 4, 4));
    private final List<ChartPanel> charts = new ArrayList<>();
    private final List<XYSeries[]> ended = new ArrayList<>();
    private final List<XYSeries[]> now = new ArrayList<>();
    private final List<XYSeries> cost = new ArrayList<>();
    private final List<XYSeries> doseEffect = new ArrayList<>();

    /**
     * @param clinics the clinics' names, A first
     * @param currency the currency code of the payments, e.g. USD
     */
    LiveCharts(final List<String> clinics, final String currency) {
        final XYSeriesCollection endedData = new XYSeriesCollection();
        final XYSeriesCollection nowData = new XYSeriesCollection();
        final XYSeriesCollection costData = new XYSeriesCollection();
        final XYSeriesCollection curveData = new XYSeriesCollection();
        for (int c = 0; c < clinics.size(); c++) {
            // Two clinics are A and B, as in the picture and the rates above the charts, where their names are.
            final String name = clinics.size() == 2 ? (c == 0 ? "A" : "B") : clinics.get(c);
            ended.add(new XYSeries[] {add(endedData, name + " recovered"), add(endedData, name + " dropped out")});
            now.add(new XYSeries[] {add(nowData, name + " in treatment"), add(nowData, name + " waiting")});
            cost.add(add(costData, name));
            doseEffect.add(add(curveData, name));
        }
        charts.add(chart("Recovered and dropped out, so far", "week", "patients", endedData, 2, clinics.size()));
        charts.add(chart("In treatment and waiting, this week", "week", "patients", nowData, 2, clinics.size()));
        final ChartPanel payments = chart("Plan payments for sessions, so far", "week",
                symbol(currency).equals(currency) ? currency : symbol(currency) + " (" + currency + ")", costData, 1,
                clinics.size());
        ((NumberAxis) ((XYPlot) payments.getChart().getPlot()).getRangeAxis()).setNumberFormatOverride(money(currency));
        charts.add(payments);
        final ChartPanel curve = chart("Dose-effect: reliably improved by session", "session", "% improved",
                curveData, 1, clinics.size());
        final NumberAxis share = (NumberAxis) ((XYPlot) curve.getChart().getPlot()).getRangeAxis();
        share.setRange(0, 1);
        share.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.US));
        charts.add(curve);
        charts.forEach(panel::add);
        setFontScale(1f);
    }

    /** @return "A" or "B" with the clinic's name, or the name alone for one clinic */
    static String tag(final List<String> clinics, final int c) {
        return clinics.size() == 2 ? (c == 0 ? "A: " : "B: ") + clinics.get(c) : clinics.get(c);
    }

    /** @return the colour of clinic {@code c} wherever it appears */
    static Color clinicColour(final int c) {
        return CLINICS[c];
    }

    /** @return whole amounts of the currency, e.g. $12,000 */
    static NumberFormat money(final String currency) {
        final NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        try {
            format.setCurrency(Currency.getInstance(currency));
        } catch (final IllegalArgumentException unknown) {
            // A code Java does not know is still shown, as a prefix.
            final java.text.DecimalFormat plain = new java.text.DecimalFormat("#,##0");
            plain.setPositivePrefix(currency + " ");
            return plain;
        }
        format.setMaximumFractionDigits(0);
        return format;
    }

    /** @return the currency's symbol, e.g. $ for USD, or the code itself if Java does not know it */
    static String symbol(final String currency) {
        try {
            return Currency.getInstance(currency).getSymbol(Locale.US);
        } catch (final IllegalArgumentException unknown) {
            return currency;
        }
    }

    private static XYSeries add(final XYSeriesCollection data, final String name) {
        final XYSeries s = new XYSeries(name);
        data.addSeries(s);
        return s;
    }

    private static ChartPanel chart(final String title, final String xLabel, final String yLabel,
            final XYSeriesCollection data, final int perClinic, final int clinics) {
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int c = 0; c < clinics; c++) {
            for (int m = 0; m < perClinic; m++) {
                final int series = c * perClinic + m;
                renderer.setSeriesPaint(series, CLINICS[c]);
                renderer.setSeriesStroke(series, m == 0 ? SOLID : DASHED);
            }
        }
        final XYPlot plot = new XYPlot(data, new NumberAxis(xLabel), new NumberAxis(yLabel), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        final JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 12), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        final ChartPanel panel = new ChartPanel(chart);
        panel.setPreferredSize(new Dimension(320, 200));
        panel.setMinimumSize(new Dimension(120, 80));
        // Draw at the panel's own size (the defaults stretch a small bitmap) so text stays sharp.
        panel.setMinimumDrawWidth(50);
        panel.setMinimumDrawHeight(50);
        panel.setMaximumDrawWidth(4000);
        panel.setMaximumDrawHeight(3000);
        return panel;
    }

    /** Sets the charts' text size: 1 for a screen, larger for a projector. */
    void setFontScale(final float scale) {
        for (final ChartPanel p : charts) {
            final JFreeChart chart = p.getChart();
            final XYPlot plot = (XYPlot) chart.getPlot();
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(12 * scale)));
            for (final var axis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
                axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(11 * scale)));
                axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(10 * scale)));
            }
            final LegendTitle legend = chart.getLegend();
            if (legend != null) {
                legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(10 * scale)));
            }
        }
    }

    /** @return the panel holding the four charts */
    JPanel panel() {
        return panel;
    }

    /** @return the charts (for checks) */
    List<ChartPanel> charts() {
        return List.copyOf(charts);
    }

    /** Adds a week of every clinic (in the clinics' order). */
    void add(final List<ClinicWeek> weeks) {
        SwingUtilities.invokeLater(() -> {
            for (int c = 0; c < weeks.size(); c++) {
                final ClinicWeek w = weeks.get(c);
                ended.get(c)[0].add(w.week(), w.recovered());
                ended.get(c)[1].add(w.week(), w.droppedOut());
                now.get(c)[0].add(w.week(), w.inTreatment());
                now.get(c)[1].add(w.week(), w.waiting());
                cost.get(c).add(w.week(), w.payerCost());
                if (w.doseEffect() != null) {
                    final XYSeries curve = doseEffect.get(c);
                    curve.clear();
                    final double[] share = w.doseEffect();
                    final int[] reached = w.reached();
                    final double enough = Math.max(MIN_REACHED, MIN_REACHED_SHARE * reached[0]);
                    for (int k = 0; k < share.length && reached[k] >= enough && reached[k] > 0; k++) {
                        if (!Double.isNaN(share[k])) {
                            curve.add(k + 1, share[k]);
                        }
                    }
                }
            }
        });
    }

    /** Empties every chart (a new start). */
    void clear() {
        SwingUtilities.invokeLater(() -> {
            for (final List<XYSeries[]> group : List.of(ended, now)) {
                group.forEach(pair -> {
                    for (final XYSeries s : pair) {
                        s.clear();
                    }
                });
            }
            cost.forEach(XYSeries::clear);
            doseEffect.forEach(XYSeries::clear);
        });
    }

    /** @return the number of points in the waiting-list series (for checks) */
    int points() {
        return now.stream().mapToInt(pair -> pair[1].getItemCount()).sum();
    }

    /** @return the last session on clinic {@code c}'s dose-effect line, 0 if none (for checks) */
    int lastCurveSession(final int c) {
        final XYSeries s = doseEffect.get(c);
        return s.getItemCount() == 0 ? 0 : s.getX(s.getItemCount() - 1).intValue();
    }
}

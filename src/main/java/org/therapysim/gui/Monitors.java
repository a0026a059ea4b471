package org.therapysim.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.GridLayout;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;

/**
 * The rates under the picture, one row per clinic in its colour: recovery among finished courses,
 * dropout among started episodes, and the plan's cost per member per month, so far (defined as in
 * summary.csv; see {@link ClinicWeek}).
 */
final class Monitors {
    private static final String[] CAPTIONS = {"<html>recovered<br>of finished courses</html>",
        "<html>dropped out<br>of those who started</html>", "<html>plan cost per member<br>per month</html>"};

    private final JPanel panel;
    private final List<JLabel[]> values = new ArrayList<>();
    private final List<JLabel> captions = new ArrayList<>();
    private final List<JLabel> names = new ArrayList<>();
    private final NumberFormat money;
    private final NumberFormat percent = NumberFormat.getPercentInstance(Locale.US);

    /**
     * @param clinics the clinics' names, A first
     * @param currency the currency code of the costs
     */
    Monitors(final List<String> clinics, final String currency) {
        money = LiveCharts.money(currency);
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        percent.setMaximumFractionDigits(1);
        percent.setMinimumFractionDigits(1);
        panel = new JPanel(new GridLayout(1, clinics.size(), 8, 0));
        panel.setBackground(Color.WHITE);
        for (int c = 0; c < clinics.size(); c++) {
            final JPanel clinic = new JPanel(new BorderLayout());
            clinic.setBackground(Color.WHITE);
            clinic.setBorder(BorderFactory.createCompoundBorder(
                    BorderFactory.createMatteBorder(0, 6, 0, 0, LiveCharts.clinicColour(c)),
                    BorderFactory.createEmptyBorder(0, 6, 0, 4)));
            final JLabel name = new JLabel(LiveCharts.tag(clinics, c));
            name.setForeground(LiveCharts.clinicColour(c));
            names.add(name);
            clinic.add(name, BorderLayout.NORTH);
            final JPanel cells = new JPanel(new GridLayout(2, 3, 6, 0));
            cells.setBackground(Color.WHITE);
            final JLabel[] three = new JLabel[3];
            for (int m = 0; m < 3; m++) {
                three[m] = new JLabel("–", SwingConstants.LEFT);
                cells.add(three[m]);
            }
            for (int m = 0; m < 3; m++) {
                final JLabel caption = new JLabel(CAPTIONS[m]);
                caption.setForeground(Color.DARK_GRAY);
                captions.add(caption);
                cells.add(caption);
            }
            clinic.add(cells, BorderLayout.CENTER);
            values.add(three);
            panel.add(clinic);
        }
        setFontScale(1f);
    }

    /** @return the panel with every clinic's rates */
    JPanel panel() {
        return panel;
    }

    /** Shows a week of every clinic (in the clinics' order). */
    void show(final List<ClinicWeek> weeks) {
        SwingUtilities.invokeLater(() -> {
            for (int c = 0; c < weeks.size() && c < values.size(); c++) {
                final ClinicWeek w = weeks.get(c);
                values.get(c)[0].setText(format(percent, w.recoveryRate()));
                values.get(c)[1].setText(format(percent, w.dropoutRate()));
                values.get(c)[2].setText(format(money, w.planCostPmpm()));
            }
        });
    }

    /** Shows dashes (a new start). */
    void clear() {
        SwingUtilities.invokeLater(() -> values.forEach(three -> {
            for (final JLabel l : three) {
                l.setText("–");
            }
        }));
    }

    /** @return the text shown for clinic {@code c}'s rates (for checks) */
    List<String> shown(final int c) {
        return List.of(values.get(c)[0].getText(), values.get(c)[1].getText(), values.get(c)[2].getText());
    }

    private static String format(final NumberFormat format, final double value) {
        return Double.isNaN(value) ? "–" : format.format(value);
    }

    /** Sets the text size: 1 for a screen, larger for a projector. */
    void setFontScale(final float scale) {
        names.forEach(l -> l.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(12 * scale))));
        // Captions grow half as much as the figures, so that they still fit two lines.
        captions.forEach(l -> l.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(11 * (1 + (scale - 1) / 2)))));
        values.forEach(three -> {
            for (final JLabel l : three) {
                l.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(17 * scale)));
            }
        });
    }
}

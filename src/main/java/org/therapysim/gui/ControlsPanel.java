package org.therapysim.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import javax.swing.SwingUtilities;
import org.therapysim.scenario.AtCapRule;
import sim.portrayal.Inspector;

/**
 * The teacher's settings in plain words with their units, a column per clinic, in the Console's
 * Controls tab. The plan's settings apply from the next week of a run (or at the start); those of
 * therapists and patients, who are drawn at the start, need a restart: the panel says which, says
 * when a change waits for one, and offers to restart with it.
 */
final class ControlsPanel extends Inspector {
    private static final long serialVersionUID = 1L;
    /** The rules at the cap, in the order of {@link AtCapRule}, in a few words each. */
    private static final String[] RULE_WORDS = {"stops", "patient pays", "new therapist", "review"};
    /** The width of the text, in CSS pixels, so that it wraps within the tab. */
    private static final int TEXT_WIDTH = 225;

    private final transient Runnable restart;
    private final JPanel grid = new JPanel(new GridBagLayout());
    private final JLabel pending = new JLabel(" ");
    private final JButton restartButton = new JButton("Restart with these settings");
    private final List<JComponent> texts = new ArrayList<>();
    private transient Runnable changed = () -> { };
    private float scale = 1f;

    /** @param restart stops the run and starts it again with the settings */
    ControlsPanel(final Runnable restart) {
        this.restart = restart;
        setName("Controls");
        setVolatile(false);
        setLayout(new BorderLayout());
        grid.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        final JPanel top = new JPanel(new BorderLayout());
        top.add(grid, BorderLayout.NORTH);
        add(top, BorderLayout.NORTH);
        final JPanel foot = new JPanel(new BorderLayout(0, 4));
        foot.setBorder(BorderFactory.createEmptyBorder(4, 6, 6, 6));
        pending.setForeground(new Color(0xB00020));
        texts.add(pending);
        foot.add(pending, BorderLayout.CENTER);
        restartButton.addActionListener(e -> this.restart.run());
        texts.add(restartButton);
        foot.add(restartButton, BorderLayout.SOUTH);
        top.add(foot, BorderLayout.CENTER);
    }

    /**
     * Shows the settings of a lesson's clinics.
     *
     * @param knobs the settings
     * @param names the clinics' names, A first
     * @param onChange called after any change (to say whether a restart is pending)
     */
    void show(final Knobs knobs, final List<String> names, final Runnable onChange) {
        this.changed = onChange;
        texts.removeIf(c -> SwingUtilities.isDescendingFrom(c, grid));
        grid.removeAll();
        final int n = knobs.clinics();
        for (int c = 0; c < n; c++) {
            final JLabel head = new JLabel("<html><body style='width: " + (TEXT_WIDTH / n - 12) + "px'>"
                    + LiveCharts.tag(names, c) + "</body></html>");
            head.setForeground(LiveCharts.clinicColour(c));
            head.putClientProperty("bold", Boolean.TRUE);
            put(head, c, 0, 1);
        }
        final Knobs.Clinic first = knobs.clinic(0);
        final String money = LiveCharts.symbol(first.currency());
        heading(1, "The plan: a change applies from next week, to every patient of the clinic");
        row(2, "Sessions the plan pays " + (first.capPerYear() ? "per year" : "per episode") + " (0: no limit)", knobs,
                k -> spinner(k.getSessionCap(), 0, Knobs.Clinic.MAX_CAP, 1, v -> k.setSessionCap(v.intValue())));
        row(3, "What happens at the cap", knobs, k -> {
            final JComboBox<String> box = new JComboBox<>(RULE_WORDS);
            box.setSelectedIndex(k.getAtCap().ordinal());
            box.addActionListener(e -> {
                k.setAtCap(AtCapRule.values()[box.getSelectedIndex()]);
                changed.run();
            });
            return box;
        });
        row(4, "Copay (" + money + " per session)", knobs,
                k -> spinner(k.getCopay(), 0, Knobs.Clinic.MAX_COPAY, 5, v -> k.setCopay(v.doubleValue())));
        row(5, "Review of the need for more after session (0: none)", knobs,
                k -> spinner(k.getReviewSession(), 0, Knobs.Clinic.MAX_REVIEW, 1, v -> k.setReviewSession(v.intValue())));
        heading(6, "Therapists and patients: a change needs a restart (they are drawn at the start)");
        row(7, "Therapists' skill at repairing a rupture (0.05 to 0.95)", knobs,
                k -> spinner(k.getRepairSkill(), 0.05, 0.95, 0.05, v -> k.setRepairSkill(v.doubleValue())));
        row(8, "How much therapists differ at forming an alliance (0: all alike, up to 3)", knobs,
                k -> spinner(k.getAllianceSkillSd(), 0, 3, 0.1, v -> k.setAllianceSkillSd(v.doubleValue())));
        row(9, "Patients' resistance to change (0.05 to 0.9)", knobs,
                k -> spinner(k.getResistance(), 0.05, 0.9, 0.05, v -> k.setResistance(v.doubleValue())));
        setStatus("", false);
        setFontScale(scale);
        revalidate();
        repaint();
    }

    /** A setting: its words across the tab, and below them each clinic's control in the clinic's colour. */
    private void row(final int y, final String text, final Knobs knobs, final Function<Knobs.Clinic, JComponent> control) {
        put(new JLabel("<html><body style='width: " + TEXT_WIDTH + "px'>" + text + "</body></html>"), 0, 2 * y,
                GridBagConstraints.REMAINDER);
        for (int c = 0; c < knobs.clinics(); c++) {
            final JComponent field = control.apply(knobs.clinic(c));
            field.setName("clinic " + c + ": " + text);
            field.setToolTipText(text);
            final JPanel cell = new JPanel(new BorderLayout());
            cell.setBorder(BorderFactory.createCompoundBorder(
                    BorderFactory.createMatteBorder(0, 4, 0, 0, LiveCharts.clinicColour(c)),
                    BorderFactory.createEmptyBorder(0, 3, 0, 0)));
            cell.add(field, BorderLayout.WEST);
            put(cell, c, 2 * y + 1, 1);
        }
    }

    private void heading(final int y, final String text) {
        final JLabel label = new JLabel("<html><body style='width: " + TEXT_WIDTH + "px'>" + text + "</body></html>");
        label.putClientProperty("bold", Boolean.TRUE);
        final GridBagConstraints at = new GridBagConstraints();
        at.gridx = 0;
        at.gridy = 2 * y;
        at.gridwidth = GridBagConstraints.REMAINDER;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.insets = new Insets(y == 1 ? 6 : 14, 2, 0, 2);
        grid.add(label, at);
        texts.add(label);
    }

    private void put(final JComponent component, final int x, final int y, final int width) {
        final GridBagConstraints at = new GridBagConstraints();
        at.gridx = x;
        at.gridy = y;
        at.gridwidth = width;
        at.weightx = 1;
        at.fill = GridBagConstraints.HORIZONTAL;
        at.anchor = GridBagConstraints.WEST;
        at.insets = new Insets(y % 2 == 0 ? 5 : 1, 2, 1, 2);
        grid.add(component, at);
        if (component instanceof JPanel cell) {
            texts.add((JComponent) cell.getComponent(0));
        } else {
            texts.add(component);
        }
    }

    private JSpinner spinner(final double value, final double min, final double max, final double step,
            final Consumer<Number> set) {
        final boolean whole = step >= 1 && value == Math.rint(value);
        final SpinnerNumberModel model = whole
                ? new SpinnerNumberModel((int) value, (int) min, (int) max, (int) step)
                : new SpinnerNumberModel(value, min, max, step);
        final JSpinner spinner = new JSpinner(model);
        ((JSpinner.DefaultEditor) spinner.getEditor()).getTextField().setColumns(whole ? 3 : 4);
        spinner.addChangeListener(e -> {
            set.accept((Number) spinner.getValue());
            changed.run();
        });
        return spinner;
    }

    /**
     * Says what the settings wait for.
     *
     * @param plan what the plan's change waits for (empty: nothing)
     * @param restart whether a change of therapists or patients waits for a restart
     */
    void setStatus(final String plan, final boolean restart) {
        final String text = plan + (restart ? (plan.isEmpty() ? "" : " ")
                + "Therapists' or patients' settings changed: press Restart to apply them." : "");
        pending.setText(text.isEmpty() ? " " : "<html>" + text + "</html>");
    }

    /** @return what the panel says about changes waiting (for checks) */
    String status() {
        return pending.getText();
    }

    /** @return the restart button (for checks) */
    JButton restartButton() {
        return restartButton;
    }

    /** Sets the text size: 1 for a screen, larger for a projector. */
    void setFontScale(final float factor) {
        scale = factor;
        for (final Component c : texts) {
            final boolean bold = c instanceof JComponent j && Boolean.TRUE.equals(j.getClientProperty("bold"));
            c.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, Math.round(12 * factor)));
            if (c instanceof JSpinner s) {
                ((JSpinner.DefaultEditor) s.getEditor()).getTextField().setFont(c.getFont());
            }
        }
    }

    @Override
    public void updateInspector() {
        // The settings change only through the panel itself.
    }
}

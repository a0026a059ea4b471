package org.therapysim.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.therapysim.model.Patient;
import sim.display.GUIState;
import sim.portrayal.Inspector;
import sim.portrayal.LocationWrapper;
import sim.portrayal.SimpleInspector;

/**
 * A patient's inspector: a chart of the score and the alliance over the weeks seen with a
 * therapist, above the patient's state (MASON's property list).
 */
final class PatientInspector extends Inspector {
    private static final long serialVersionUID = 1L;

    private final transient Patient patient;
    private final transient PatientHistories histories;
    private final SimpleInspector properties;
    private final XYSeries score = new XYSeries("score (left axis)");
    private final XYSeries alliance = new XYSeries("alliance (right axis)");

    PatientInspector(final LocationWrapper wrapper, final GUIState state, final PatientHistories histories) {
        this.patient = (Patient) wrapper.getObject();
        this.histories = histories;
        this.properties = new SimpleInspector(patient, state, "Patient " + patient.getId());
        setLayout(new BorderLayout());
        final XYLineAndShapeRenderer scoreLine = new XYLineAndShapeRenderer(true, true);
        scoreLine.setSeriesPaint(0, new Color(0xD55E00));
        final XYPlot plot = new XYPlot(new XYSeriesCollection(score), new NumberAxis("week"),
                new NumberAxis("questionnaire score"), scoreLine);
        final NumberAxis allianceAxis = new NumberAxis("alliance");
        allianceAxis.setRange(0, 1);
        final XYLineAndShapeRenderer allianceLine = new XYLineAndShapeRenderer(true, true);
        allianceLine.setSeriesPaint(0, new Color(0x0072B2));
        plot.setRangeAxis(1, allianceAxis);
        plot.setDataset(1, new XYSeriesCollection(alliance));
        plot.setRenderer(1, allianceLine);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setBackgroundPaint(Color.WHITE);
        final ChartPanel chart = new ChartPanel(new JFreeChart("History with a therapist", new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 13),
                plot, true));
        chart.setPreferredSize(new Dimension(290, 220));
        // The history first: in the Console's narrow Inspectors tab it is seen without scrolling.
        // Kept at its own width at the left: a long property can make the inspector wider than the tab.
        final javax.swing.JPanel left = new javax.swing.JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
        left.add(chart);
        add(left, BorderLayout.NORTH);
        add(properties, BorderLayout.CENTER);
        setTitle("Patient " + patient.getId());
        refresh();
    }

    private void refresh() {
        final var weeks = histories.of(patient);
        score.clear();
        alliance.clear();
        for (final PatientHistories.Week w : weeks) {
            score.add(w.week(), w.score());
            alliance.add(w.week(), w.alliance());
        }
    }

    /** @return the weeks shown in the history chart */
    int historyPoints() {
        return score.getItemCount();
    }

    @Override
    public void updateInspector() {
        properties.updateInspector();
        javax.swing.SwingUtilities.invokeLater(this::refresh);
    }
}

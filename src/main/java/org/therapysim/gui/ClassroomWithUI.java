package org.therapysim.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import org.therapysim.model.Patient;
import org.therapysim.model.TherapySim;
import org.therapysim.model.Therapist;
import org.therapysim.scenario.Study;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.field.continuous.Continuous2D;
import sim.portrayal.continuous.ContinuousPortrayal2D;

/**
 * The classroom in MASON's Console: a picture of each clinic (therapists with their patients, the
 * waiting room, those who ended, grouped by how), a legend, four live charts, and the teacher's
 * settings in the model inspector ({@link Knobs}). Clicking a patient or a therapist opens an
 * inspector; a patient's shows the score and alliance over the weeks seen. The GUI only watches:
 * it reads the clinics after each week and never changes them, so the numbers are those of the
 * command line for the same scenario and seed.
 */
public final class ClassroomWithUI extends GUIState {
    private static final double TWO_CLINIC_WIDTH = 1400;
    private static final int CURVE_EVERY = 4;

    private final Study study;
    private final PatientHistories histories = new PatientHistories();
    private final ContinuousPortrayal2D portrayal = new ContinuousPortrayal2D();
    private Display2D display;
    private JFrame displayFrame;
    private JFrame chartsFrame;
    private LiveCharts charts;
    private Continuous2D field;
    private List<ClinicLayout> layouts = List.of();
    private List<ClinicWeek.Tally> tallies = List.of();

    /** @param study one or two arms, the first the reference */
    public ClassroomWithUI(final Study study) {
        super(new Classroom(study));
        this.study = study;
    }

    /**
     * The classroom of MASON's File &gt; New Simulation: the 10-or-20-sessions lesson when it is at
     * hand (in the current or the installation folder), else one clinic with the built-in defaults.
     */
    public ClassroomWithUI() {
        this(defaultStudy());
    }

    private static Study defaultStudy() {
        final java.nio.file.Path preset = org.therapysim.Installation.shipped("scenarios/classroom/ten-vs-twenty.yaml");
        final org.therapysim.scenario.ScenarioLoader loader = new org.therapysim.scenario.ScenarioLoader();
        return java.nio.file.Files.exists(preset) ? loader.loadStudy(preset) : Study.of(loader.defaultScenario());
    }

    /** @return the name in the Console's title */
    public static String getName() {
        return "therapysim classroom";
    }

    /** @return the classroom being shown */
    public Classroom classroom() {
        return (Classroom) state;
    }

    @Override
    public Object getSimulationInspectedObject() {
        return classroom().knobs();
    }

    /**
     * Refuses MASON checkpoints: a clinic is rebuilt from its scenario and seed, which the Console's
     * Open and Save do not carry.
     */
    @Override
    public boolean validSimState(final SimState loaded) {
        return false;
    }

    @Override
    public void init(final Controller controller) {
        super.init(controller);
        final boolean two = study.arms().size() == 2;
        final double width = two ? TWO_CLINIC_WIDTH : ClinicLayout.WIDTH;
        final double height = width / (ClinicLayout.WIDTH * study.arms().size()) * ClinicLayout.HEIGHT;
        display = new Display2D(width, height, this);
        display.setBackdrop(Color.WHITE);
        display.attach(portrayal, "Clinics");
        // Movies and PDF snapshots need libraries this build leaves out.
        display.movieButton.setVisible(false);
        display.snapshotButton.setVisible(false);
        displayFrame = display.createFrame();
        displayFrame.setTitle("Clinic" + (two ? "s side by side: " + study.arms().get(0).name() + " | "
                + study.arms().get(1).name() : ": " + study.arms().get(0).name()));
        displayFrame.getContentPane().add(legend(), BorderLayout.SOUTH);
        displayFrame.pack();
        controller.registerFrame(displayFrame);
        displayFrame.setVisible(true);
        charts = new LiveCharts(study.arms().stream().map(a -> a.name()).toList());
        chartsFrame = new JFrame("Live charts");
        chartsFrame.getContentPane().add(charts.panel());
        chartsFrame.pack();
        chartsFrame.setLocation((int) Math.min(width, 900), 40);
        controller.registerFrame(chartsFrame);
        chartsFrame.setVisible(true);
    }

    @Override
    public void start() {
        super.start();
        setUp();
    }

    @Override
    public void load(final SimState loaded) {
        super.load(loaded);
        setUp();
    }

    private void setUp() {
        final List<TherapySim> clinics = classroom().clinics();
        field = new Continuous2D(ClinicLayout.DOT, ClinicLayout.WIDTH * clinics.size(), ClinicLayout.HEIGHT);
        portrayal.setField(field);
        portrayal.setPortrayalForClass(Patient.class, new Portrayals.PatientPortrayal(this::week, histories));
        portrayal.setPortrayalForClass(Therapist.class, new Portrayals.TherapistPortrayal());
        portrayal.setPortrayalForClass(ClinicLayout.Label.class, new Portrayals.LabelPortrayal());
        final List<ClinicLayout> built = new ArrayList<>();
        final List<ClinicWeek.Tally> counters = new ArrayList<>();
        for (int i = 0; i < clinics.size(); i++) {
            built.add(new ClinicLayout(i * ClinicLayout.WIDTH, (clinics.size() == 2 ? (i == 0 ? "A: " : "B: ") : "")
                    + classroom().arms().get(i).name()));
            counters.add(new ClinicWeek.Tally());
        }
        layouts = List.copyOf(built);
        tallies = List.copyOf(counters);
        histories.clear();
        if (charts != null) {
            charts.clear();
        }
        place();
        scheduleRepeatingImmediatelyAfter(s -> afterWeek());
        if (display != null) {
            display.reset();
            display.repaint();
        }
    }

    /** @return the week just simulated (-1 before the first) */
    int week() {
        final List<TherapySim> clinics = classroom().clinics();
        return clinics.isEmpty() ? -1 : clinics.get(0).weeksDone() - 1;
    }

    private void place() {
        field.clear();
        final List<TherapySim> clinics = classroom().clinics();
        for (int i = 0; i < clinics.size(); i++) {
            layouts.get(i).place(clinics.get(i), field);
        }
    }

    private void afterWeek() {
        place();
        final List<TherapySim> clinics = classroom().clinics();
        final List<ClinicWeek> weeks = new ArrayList<>();
        for (int i = 0; i < clinics.size(); i++) {
            final TherapySim clinic = clinics.get(i);
            histories.observe(clinic.patients(), week());
            weeks.add(tallies.get(i).observe(clinic, clinic.weeksDone() % CURVE_EVERY == 0));
        }
        if (charts != null) {
            charts.add(weeks);
        }
    }

    /** @return what has been seen of each patient */
    PatientHistories histories() {
        return histories;
    }

    /** @return the live charts (for checks) */
    LiveCharts charts() {
        return charts;
    }

    /** @return the window with the clinics (for checks) */
    JFrame displayFrame() {
        return displayFrame;
    }

    /** @return the window with the charts (for checks) */
    JFrame chartsFrame() {
        return chartsFrame;
    }

    @Override
    public void quit() {
        super.quit();
        for (final JFrame frame : new JFrame[] {displayFrame, chartsFrame}) {
            if (frame != null) {
                frame.dispose();
            }
        }
        displayFrame = null;
        chartsFrame = null;
        display = null;
    }

    private static JComponent legend() {
        final JPanel legend = new JPanel(new FlowLayout(FlowLayout.LEFT, 14, 4));
        legend.setBackground(Color.WHITE);
        legend.add(new Swatch(g -> {
            for (int i = 0; i < 5; i++) {
                g.setColor(Portrayals.severity(i / 4.0));
                g.fillOval(2 + i * 14, 3, 12, 12);
            }
        }, 74));
        legend.add(label("severity: mild to severe"));
        legend.add(new Swatch(g -> {
            g.setColor(Color.GRAY);
            g.fillOval(2, 6, 6, 6);
            g.fillOval(14, 2, 14, 14);
        }, 30));
        legend.add(label("size: alliance, weak to strong"));
        legend.add(new Swatch(g -> {
            g.setColor(Portrayals.RUPTURE);
            ((Graphics2D) g).setStroke(new java.awt.BasicStroke(2.2f));
            g.drawOval(2, 1, 16, 16);
        }, 20));
        legend.add(label("rupture this week"));
        legend.add(new Swatch(g -> {
            g.setColor(Portrayals.REPAIR);
            ((Graphics2D) g).setStroke(new java.awt.BasicStroke(2.2f));
            g.drawLine(10, 2, 10, 16);
            g.drawLine(3, 9, 17, 9);
        }, 20));
        legend.add(label("repaired this week"));
        legend.add(new Swatch(g -> {
            g.setColor(Color.getHSBColor(0.6f, 0.6f, 0.5f));
            g.fillRect(2, 2, 14, 14);
        }, 20));
        legend.add(label("therapist (darker: more alliance skill; grey frame: trainee)"));
        return legend;
    }

    private static JLabel label(final String text) {
        final JLabel label = new JLabel(text);
        label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return label;
    }

    /** A small drawn symbol for the legend. */
    private static final class Swatch extends JComponent {
        private static final long serialVersionUID = 1L;
        private final transient java.util.function.Consumer<Graphics> painter;

        Swatch(final java.util.function.Consumer<Graphics> painter, final int width) {
            this.painter = painter;
            setPreferredSize(new Dimension(width, 18));
        }

        @Override
        protected void paintComponent(final Graphics g) {
            ((Graphics2D) g).setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            painter.accept(g);
        }
    }
}

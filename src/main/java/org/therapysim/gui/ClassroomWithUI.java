package org.therapysim.gui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JEditorPane;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSlider;
import javax.swing.JTabbedPane;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import javax.swing.text.html.HTMLEditorKit;
import org.therapysim.Installation;
import org.therapysim.model.Patient;
import org.therapysim.model.TherapySim;
import org.therapysim.model.Therapist;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import sim.display.Console;
import sim.display.Controller;
import sim.display.Display2D;
import sim.display.GUIState;
import sim.engine.SimState;
import sim.field.continuous.Continuous2D;
import sim.portrayal.Inspector;
import sim.portrayal.continuous.ContinuousPortrayal2D;

/**
 * The classroom in one window, as NetLogo shows a model: MASON's Console is that window. On its left
 * the lesson menu, MASON's Play, Pause and Stop, the speed, presenter mode, and the Console's tabs
 * (About: the lesson's text from docs/CLASSROOM.md; Controls: the settings of each clinic in plain
 * words; Console and Inspectors as MASON has them). On its right the clinics side by side (therapists
 * with their patients, the waiting room, those who ended, grouped by how), a legend, each clinic's
 * rates so far, and four live charts. The window takes the screen's usable area and the picture
 * scales to fit it, so nothing overlaps and nothing leaves the screen at 1366 x 768 or larger.
 * Double-clicking a patient or a therapist opens its inspector in the Inspectors tab. The GUI only
 * watches: it reads the clinics after each week and never changes them, so the numbers are those of
 * the command line for the same scenario and seed.
 */
public final class ClassroomWithUI extends GUIState {
    /** Weeks simulated per second at each stop of the speed slider; the last is as fast as the machine goes. */
    static final int[] WEEKS_PER_SECOND = {1, 2, 4, 8, 16, 0};
    /**
     * The speed at which a lesson opens: 2 weeks a second, so a two-year run takes about a minute,
     * time enough to talk over what happens.
     */
    static final int DEFAULT_SPEED = 1;
    /** The text size in presenter mode, relative to the screen's. */
    static final float PRESENTER_SCALE = 1.45f;
    private static final int SIDE_WIDTH = 350;
    private static final int CURVE_EVERY = 4;
    /** The largest share of the right-hand side's height the picture may take; the charts get the rest. */
    private static final double PICTURE_SHARE = 0.47;
    /** The same in presenter mode, whose larger rates and chart text need more of the height. */
    private static final double PRESENTER_PICTURE_SHARE = 0.4;

    private final PatientHistories histories = new PatientHistories();
    private final ContinuousPortrayal2D portrayal = new ContinuousPortrayal2D();
    private final ControlsPanel controls = new ControlsPanel(this::restart);
    private final String firstFile;
    private Display2D display;
    private JFrame window;
    private JPanel stage;
    private JPanel picture;
    private JComponent side;
    private LiveCharts charts;
    private Monitors monitors;
    private JEditorPane about;
    private JLabel weekLabel;
    private JSlider speed;
    private JCheckBox presenter;
    private boolean presenting;
    private JComboBox<LessonChoice> lessonMenu;
    private final List<JComponent> sideTexts = new ArrayList<>();
    private Continuous2D field;
    private List<ClinicLayout> layouts = List.of();
    private List<ClinicWeek.Tally> tallies = List.of();

    /** A study offered in the lesson menu. */
    private record LessonChoice(String label, Path file, Study study) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * @param study one or two arms, the first the reference
     * @param file the file it was read from (its lesson is chosen in the menu), or null
     */
    public ClassroomWithUI(final Study study, final Path file) {
        super(new Classroom(study));
        this.firstFile = file == null ? null : file.getFileName().toString();
    }

    /** @param study one or two arms, the first the reference */
    public ClassroomWithUI(final Study study) {
        this(study, null);
    }

    /**
     * The classroom of MASON's File &gt; New Simulation: the 10-or-20-sessions lesson when it is at
     * hand (in the current or the installation folder), else one clinic with the built-in defaults.
     */
    public ClassroomWithUI() {
        this(defaultStudy(), Path.of("ten-vs-twenty.yaml"));
    }

    private static Study defaultStudy() {
        final Path preset = Installation.shipped("scenarios/classroom/ten-vs-twenty.yaml");
        final ScenarioLoader loader = new ScenarioLoader();
        return Files.exists(preset) ? loader.loadStudy(preset) : Study.of(loader.defaultScenario());
    }

    /** @return the name in the Console's title */
    public static String getName() {
        return "therapysim classroom";
    }

    /** @return the classroom being shown */
    public Classroom classroom() {
        return (Classroom) state;
    }

    private Study study() {
        return classroom().study();
    }

    private List<String> names() {
        return study().arms().stream().map(a -> a.name()).toList();
    }

    @Override
    public Inspector getInspector() {
        return controls;
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
        stage = new JPanel(new BorderLayout(0, 4));
        stage.setBackground(Color.WHITE);
        picture = new JPanel(new BorderLayout());
        picture.setBackground(Color.WHITE);
        stage.add(picture, BorderLayout.NORTH);
        stage.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(final ComponentEvent e) {
                fitPicture();
            }
        });
        about = new JEditorPane();
        about.setEditorKit(new HTMLEditorKit());
        about.setEditable(false);
        side = sidePanel(controller);
        showStudy(false);
        final Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        if (controller instanceof Console console) {
            final Container pane = console.getContentPane();
            final JTabbedPane tabs = console.getTabPane();
            final Component buttons = ((BorderLayout) pane.getLayout()).getLayoutComponent(BorderLayout.SOUTH);
            pane.removeAll();
            final JPanel left = new JPanel(new BorderLayout());
            left.add(side, BorderLayout.NORTH);
            left.add(tabs, BorderLayout.CENTER);
            if (buttons != null) {
                ((JPanel) side).add(buttons, 1);
            }
            left.setPreferredSize(new Dimension(SIDE_WIDTH, 100));
            pane.add(left, BorderLayout.WEST);
            pane.add(stage, BorderLayout.CENTER);
            tabs.setComponentAt(tabs.indexOfTab("About"), new JScrollPane(about));
            final int displays = tabs.indexOfTab("Displays");
            if (displays >= 0) {
                tabs.removeTabAt(displays);
            }
            // The settings next to the lesson's text, under a plain name.
            for (int i = 0; i < tabs.getTabCount(); i++) {
                if (SwingUtilities.isDescendingFrom(controls, tabs.getComponentAt(i))) {
                    final Component settings = tabs.getComponentAt(i);
                    tabs.removeTabAt(i);
                    tabs.insertTab("Controls", null, settings, "The settings of each clinic", 1);
                    break;
                }
            }
            if (buttons instanceof Container box) {
                // MASON's step counter starts at 0; the week label above says which week it is.
                for (final Component c : box.getComponents()) {
                    c.setVisible(c instanceof javax.swing.AbstractButton);
                }
            }
            tabs.setSelectedIndex(tabs.indexOfTab("About"));
            console.setTitle(getName());
            console.setBounds(screen);
            console.setPlaySleep(sleepOf(DEFAULT_SPEED));
            window = console;
        } else {
            window = new JFrame(getName());
            window.getContentPane().add(side, BorderLayout.WEST);
            window.getContentPane().add(stage, BorderLayout.CENTER);
            window.setBounds(screen);
            controller.registerFrame(window);
            window.setVisible(true);
        }
    }

    private JComponent sidePanel(final Controller controller) {
        final JPanel panel = new JPanel();
        panel.setLayout(new BoxLayout(panel, BoxLayout.Y_AXIS));
        panel.setBorder(BorderFactory.createEmptyBorder(4, 6, 4, 6));
        final JPanel lessonRow = new JPanel(new BorderLayout(4, 0));
        final JLabel lessonLabel = new JLabel("Lesson:");
        sideTexts.add(lessonLabel);
        lessonMenu = new JComboBox<>(lessonChoices().toArray(new LessonChoice[0]));
        sideTexts.add(lessonMenu);
        lessonMenu.addActionListener(e -> {
            final LessonChoice chosen = (LessonChoice) lessonMenu.getSelectedItem();
            if (chosen != null && chosen.study() != study()) {
                useLesson(chosen.study());
            }
        });
        lessonRow.add(lessonLabel, BorderLayout.WEST);
        lessonRow.add(lessonMenu, BorderLayout.CENTER);
        panel.add(lessonRow);
        weekLabel = new JLabel("Press Play to start: one step is one week.");
        sideTexts.add(weekLabel);
        panel.add(row(weekLabel));
        final JLabel speedLabel = new JLabel("Speed (weeks a second):");
        sideTexts.add(speedLabel);
        panel.add(row(speedLabel));
        speed = new JSlider(0, WEEKS_PER_SECOND.length - 1, DEFAULT_SPEED);
        final Hashtable<Integer, JComponent> marks = new Hashtable<>();
        for (int i = 0; i < WEEKS_PER_SECOND.length; i++) {
            // The marks keep their size in presenter mode, so that all of them fit the slider.
            marks.put(i, new JLabel(WEEKS_PER_SECOND[i] == 0 ? "fastest" : Integer.toString(WEEKS_PER_SECOND[i])));
        }
        speed.setLabelTable(marks);
        speed.setPaintLabels(true);
        speed.setSnapToTicks(true);
        speed.setMajorTickSpacing(1);
        speed.addChangeListener(e -> {
            if (controller instanceof Console console) {
                console.setPlaySleep(sleepOf(speed.getValue()));
            }
        });
        panel.add(speed);
        presenter = new JCheckBox("Presenter mode (larger text)");
        sideTexts.add(presenter);
        presenter.addActionListener(e -> setPresenterMode(presenter.isSelected()));
        panel.add(row(presenter));
        setFontScale(1f);
        return panel;
    }

    private static JComponent row(final JComponent c) {
        final JPanel row = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 2));
        row.add(c);
        return row;
    }

    /** @return the pause between weeks, in milliseconds, at a stop of the speed slider */
    static long sleepOf(final int stop) {
        final int wps = WEEKS_PER_SECOND[Math.max(0, Math.min(WEEKS_PER_SECOND.length - 1, stop))];
        return wps == 0 ? 0 : 1000 / wps;
    }

    /** Sets the speed slider (and so the pace of play) to one of its stops. */
    void setSpeed(final int stop) {
        speed.setValue(stop);
    }

    private List<LessonChoice> lessonChoices() {
        final List<LessonChoice> choices = new ArrayList<>();
        final ScenarioLoader loader = new ScenarioLoader();
        boolean current = false;
        for (final Lessons.Lesson lesson : Lessons.all()) {
            final Path file = Installation.shipped("scenarios/classroom/" + lesson.file());
            if (!Files.exists(file)) {
                continue;
            }
            final boolean isCurrent = lesson.file().equals(firstFile)
                    || firstFile == null && lesson.title().equals(studyTitle(study()));
            choices.add(new LessonChoice(lesson.title(), file, isCurrent ? study() : loader.loadStudy(file)));
            current |= isCurrent;
        }
        if (!current) {
            choices.add(0, new LessonChoice(studyTitle(study()), null, study()));
        }
        return choices;
    }

    private static String studyTitle(final Study study) {
        return study.name() != null && !study.name().isBlank() ? study.name() : study.arms().get(0).name();
    }

    private void useLesson(final Study next) {
        if (controller instanceof Console console) {
            console.pressStop();
        }
        classroom().use(next);
        showStudy(true);
    }

    /** Builds the picture, rates, charts, controls and text of the study being shown. */
    private void showStudy(final boolean replacing) {
        final int n = study().arms().size();
        if (display != null) {
            display.quit();
        }
        display = new Display2D(ClinicLayout.WIDTH * n, ClinicLayout.HEIGHT, this);
        display.setBackdrop(Color.WHITE);
        display.attach(portrayal, "Clinics");
        display.header.setVisible(false);
        display.display.setHorizontalScrollBarPolicy(ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        display.display.setVerticalScrollBarPolicy(ScrollPaneConstants.VERTICAL_SCROLLBAR_NEVER);
        final String currency = study().arms().get(0).costs().currency();
        charts = new LiveCharts(names(), currency);
        monitors = new Monitors(names(), currency);
        picture.removeAll();
        picture.add(display, BorderLayout.NORTH);
        final JPanel under = new JPanel(new BorderLayout(0, 2));
        under.setBackground(Color.WHITE);
        under.add(legend(), BorderLayout.NORTH);
        under.add(monitors.panel(), BorderLayout.CENTER);
        picture.add(under, BorderLayout.CENTER);
        final Component old = ((BorderLayout) stage.getLayout()).getLayoutComponent(BorderLayout.CENTER);
        if (old != null) {
            stage.remove(old);
        }
        stage.add(charts.panel(), BorderLayout.CENTER);
        controls.show(classroom().knobs(), names(), this::settingsChanged);
        final Lessons.Lesson lesson = lessonOf(study());
        about.setText("<html><body style='font-family:sans-serif'>" + (lesson != null ? lesson.html()
                : "<h2>" + studyTitle(study()) + "</h2><p>" + (study().description() == null ? ""
                        : study().description()) + "</p>") + "</body></html>");
        about.setCaretPosition(0);
        weekLabel.setText("Press Play to start: one step is one week.");
        setFontScale(presenting ? PRESENTER_SCALE : 1f);
        if (replacing) {
            stage.revalidate();
            fitPicture();
            stage.repaint();
        }
    }

    private Lessons.Lesson lessonOf(final Study study) {
        final LessonChoice chosen = lessonMenu == null ? null : (LessonChoice) lessonMenu.getSelectedItem();
        if (chosen != null && chosen.study() == study && chosen.file() != null) {
            return Lessons.of(chosen.file().getFileName().toString());
        }
        return firstFile != null ? Lessons.of(firstFile) : null;
    }

    /** Scales the picture to the width of the window's right-hand side, leaving the charts room below. */
    private void fitPicture() {
        if (display == null || stage.getWidth() <= 0) {
            return;
        }
        final double naturalWidth = ClinicLayout.WIDTH * study().arms().size();
        final double scale = Math.min((stage.getWidth() - 4) / naturalWidth,
                (stage.getHeight() * (presenting ? PRESENTER_PICTURE_SHARE : PICTURE_SHARE) - 4)
                        / ClinicLayout.HEIGHT);
        display.setScale(scale);
        display.setPreferredSize(new Dimension((int) Math.ceil(naturalWidth * scale) + 4,
                (int) Math.ceil(ClinicLayout.HEIGHT * scale) + 4));
        picture.revalidate();
    }

    private void settingsChanged() {
        final boolean running = controller instanceof Console console && console.getPlayState() != Console.PS_STOPPED
                && classroom().results().isEmpty();
        if (!running) {
            controls.setStatus("", false);
            return;
        }
        final boolean plan = classroom().changePlansNextWeek();
        controls.setStatus(plan ? "The new plan applies from week " + (week() + 2) + "." : "",
                classroom().restartNeeded());
    }

    private void restart() {
        if (controller instanceof Console console) {
            console.pressStop();
            console.pressPlay();
        }
    }

    /** Presenter mode on or off: larger text (by {@link #PRESENTER_SCALE}) for a projector. */
    void setPresenterMode(final boolean on) {
        presenting = on;
        presenter.setSelected(on);
        setFontScale(on ? PRESENTER_SCALE : 1f);
    }

    /** Sets the size of every text in the window: 1 for a screen, {@link #PRESENTER_SCALE} for a projector. */
    private void setFontScale(final float scale) {
        for (final JComponent c : sideTexts) {
            c.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(12 * scale)));
        }
        if (charts != null) {
            charts.setFontScale(scale);
            monitors.setFontScale(scale);
        }
        controls.setFontScale(scale);
        if (about != null) {
            ((HTMLEditorKit) about.getEditorKit()).getStyleSheet()
                    .addRule("body { font-size: " + Math.round(12 * scale) + "pt; }");
            about.setText(about.getText());
            about.setCaretPosition(0);
        }
        if (side != null) {
            side.revalidate();
        }
        if (stage != null) {
            fitPicture();
        }
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
        final List<String> names = classroom().arms().stream().map(a -> a.name()).toList();
        for (int i = 0; i < clinics.size(); i++) {
            built.add(new ClinicLayout(i * ClinicLayout.WIDTH, LiveCharts.tag(names, i)));
            counters.add(new ClinicWeek.Tally());
        }
        layouts = List.copyOf(built);
        tallies = List.copyOf(counters);
        histories.clear();
        if (charts != null) {
            charts.clear();
            monitors.clear();
            SwingUtilities.invokeLater(() -> controls.setStatus("", false));
        }
        place();
        classroom().observeWeeks(this::afterWeek);
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
            final boolean last = !classroom().results().isEmpty();
            weeks.add(tallies.get(i).observe(clinic, last || clinic.weeksDone() % CURVE_EVERY == 0, last));
        }
        if (charts != null) {
            charts.add(weeks);
            monitors.show(weeks);
            final int done = clinics.get(0).weeksDone();
            final int horizon = clinics.get(0).horizon();
            SwingUtilities.invokeLater(() -> weekLabel.setText(done >= horizon
                    ? "Week " + done + " of " + horizon + ": the end. Stop, then Play to run again."
                    : "Week " + done + " of " + horizon));
            if (done >= horizon && display != null) {
                // The run ends in this step, so the picture's own weekly update will not come.
                display.repaint();
            }
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

    /** @return the rates under the picture (for checks) */
    Monitors monitors() {
        return monitors;
    }

    /** @return the settings panel (for checks) */
    ControlsPanel controls() {
        return controls;
    }

    /** @return the window (for checks) */
    JFrame window() {
        return window;
    }

    /** @return the picture of the clinics (for checks) */
    Display2D display() {
        return display;
    }

    /** @return the About text shown (for checks) */
    String aboutText() {
        return about.getText();
    }

    /** @return the lesson menu (for checks) */
    JComboBox<?> lessonMenu() {
        return lessonMenu;
    }

    /** @return the picture, its legend and the rates (for checks) */
    JComponent picturePanel() {
        return picture;
    }

    @Override
    public void quit() {
        super.quit();
        if (display != null) {
            display.quit();
        }
        if (window != null && !(window instanceof Console)) {
            window.dispose();
        }
        window = null;
        display = null;
    }

    private static JComponent legend() {
        final JPanel legend = new JPanel(new FlowLayout(FlowLayout.LEFT, 10, 1));
        legend.setBackground(Color.WHITE);
        legend.add(new Swatch(g -> {
            for (int i = 0; i < 5; i++) {
                g.setColor(Portrayals.severity(i / 4.0));
                g.fillOval(2 + i * 12, 3, 10, 10);
            }
        }, 64));
        legend.add(label("severity: mild to severe"));
        legend.add(new Swatch(g -> {
            g.setColor(Color.GRAY);
            g.fillOval(2, 6, 5, 5);
            g.fillOval(12, 2, 12, 12);
        }, 26));
        legend.add(label("size: alliance"));
        legend.add(new Swatch(g -> {
            g.setColor(Portrayals.RUPTURE);
            ((Graphics2D) g).setStroke(new java.awt.BasicStroke(2.2f));
            g.drawOval(2, 1, 14, 14);
        }, 18));
        legend.add(label("rupture this week"));
        legend.add(new Swatch(g -> {
            g.setColor(Portrayals.REPAIR);
            ((Graphics2D) g).setStroke(new java.awt.BasicStroke(2.2f));
            g.drawLine(9, 2, 9, 15);
            g.drawLine(3, 8, 15, 8);
        }, 18));
        legend.add(label("repair this week"));
        legend.add(new Swatch(g -> {
            g.setColor(Color.getHSBColor(0.6f, 0.6f, 0.5f));
            g.fillRect(2, 2, 12, 12);
        }, 16));
        legend.add(label("therapist: darker = more skilled, grey frame = trainee"));
        return legend;
    }

    private static JLabel label(final String text) {
        final JLabel label = new JLabel(text);
        label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return label;
    }

    /** A small drawn symbol for the legend. */
    private static final class Swatch extends JComponent {
        private static final long serialVersionUID = 1L;
        private final transient java.util.function.Consumer<Graphics> painter;

        Swatch(final java.util.function.Consumer<Graphics> painter, final int width) {
            this.painter = painter;
            setPreferredSize(new Dimension(width, 16));
        }

        @Override
        protected void paintComponent(final Graphics g) {
            ((Graphics2D) g).setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING,
                    java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            painter.accept(g);
        }
    }
}

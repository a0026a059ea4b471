package org.therapysim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.therapysim.Prerequisite;
import org.therapysim.experiment.EpisodeMetrics;
import org.therapysim.experiment.Metric;
import org.therapysim.model.ReplicationResult;
import org.therapysim.scenario.Study;
import sim.display.Console;

/**
 * The classroom on a laptop's screen: every lesson from the menu, played a while, with every window
 * on the screen and none over another, and the window's parts (settings, picture, rates, charts)
 * side by side rather than on top of each other; and a lesson played to its end, whose rates are the
 * command line's. Run on CI under Xvfb at 1366 x 768; on a larger screen the same checks hold.
 * Needs a display; screenshots of the whole screen stay in {@code target/gui/}.
 */
class ClassroomLayoutTest {
    private static final Path SHOTS = Path.of("target", "gui");

    private static void assumeDisplay() {
        Prerequisite.require(!GraphicsEnvironment.isHeadless(),
                "the layout test needs a display (run it under xvfb-run where there is none)");
    }

    /**
     * Fails when a visible window leaves the screen or overlaps another.
     *
     * @return the problems found, empty when there are none
     */
    static List<String> windowProblems(final Rectangle screen, final List<Window> windows) {
        final List<String> problems = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            final Rectangle a = windows.get(i).getBounds();
            if (!screen.contains(a)) {
                problems.add(title(windows.get(i)) + " " + a + " leaves the screen " + screen);
            }
            for (int j = i + 1; j < windows.size(); j++) {
                final Rectangle b = windows.get(j).getBounds();
                if (a.intersects(b)) {
                    problems.add(title(windows.get(i)) + " " + a + " overlaps " + title(windows.get(j)) + " " + b);
                }
            }
        }
        return problems;
    }

    /** @return problems of parts of one window: outside it, empty, or overlapping one another */
    static List<String> partProblems(final Window window, final Map<String, Component> parts) {
        final List<String> problems = new ArrayList<>();
        final Rectangle inside = new Rectangle(0, 0, window.getWidth(), window.getHeight());
        final List<Map.Entry<String, Component>> list = new ArrayList<>(parts.entrySet());
        final List<Rectangle> bounds = new ArrayList<>();
        for (final Map.Entry<String, Component> part : list) {
            final Component c = part.getValue();
            final Rectangle r = SwingUtilities.convertRectangle(c.getParent(), c.getBounds(), window);
            bounds.add(r);
            if (!c.isShowing() || r.width < 40 || r.height < 40) {
                problems.add(part.getKey() + " is not shown at a usable size: " + r);
            } else if (!inside.contains(r)) {
                problems.add(part.getKey() + " " + r + " leaves the window " + inside);
            }
        }
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                if (bounds.get(i).intersects(bounds.get(j))) {
                    problems.add(list.get(i).getKey() + " " + bounds.get(i) + " overlaps " + list.get(j).getKey() + " "
                            + bounds.get(j));
                }
            }
        }
        return problems;
    }

    private static Component find(final java.awt.Container in, final String name) {
        for (final Component c : in.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof java.awt.Container inner) {
                final Component found = find(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String title(final Window w) {
        return w instanceof java.awt.Frame f ? "'" + f.getTitle() + "'" : w.getClass().getSimpleName();
    }

    private static List<Window> visibleWindows() throws Exception {
        final List<Window> shown = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            for (final Window w : Window.getWindows()) {
                if (w.isShowing()) {
                    shown.add(w);
                }
            }
        });
        return shown;
    }

    private static Console open(final ClassroomWithUI gui) throws Exception {
        final Console[] console = new Console[1];
        SwingUtilities.invokeAndWait(() -> {
            console[0] = new Console(gui);
            console[0].setVisible(true);
            gui.setSpeed(ClassroomWithUI.WEEKS_PER_SECOND.length - 1);
        });
        return console[0];
    }

    private static void close(final Console console, final ClassroomWithUI gui) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            console.pressStop();
            gui.quit();
            console.dispose();
        });
    }

    /** Presses a button as a teacher does, on Swing's thread: off it, MASON's Console can deadlock with Swing. */
    static void press(final Runnable button) throws Exception {
        SwingUtilities.invokeAndWait(button);
    }

    private static void playWeeks(final Console console, final ClassroomWithUI gui, final long weeks) throws Exception {
        console.setWhenShouldPause(weeks);
        press(console::pressPlay);
        final long deadline = System.currentTimeMillis() + 120_000;
        while (gui.classroom().schedule.getSteps() < weeks && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(gui.classroom().schedule.getSteps() >= weeks, "played " + weeks + " weeks: "
                + gui.classroom().schedule.getSteps());
        Thread.sleep(300);
        SwingUtilities.invokeAndWait(() -> { });
    }

    @Test
    void everyLessonFitsTheScreenWithNothingOverlappingOrOffScreen() throws Exception {
        assumeDisplay();
        Files.createDirectories(SHOTS);
        final Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
                .getDefaultConfiguration().getBounds();
        final ClassroomWithUI gui = new ClassroomWithUI(ClassroomTest.preset("ten-vs-twenty.yaml"),
                Path.of("ten-vs-twenty.yaml"));
        final Console console = open(gui);
        try {
            checkEveryLesson(screen, gui, console);
        } finally {
            close(console, gui);
        }
    }

    private static void checkEveryLesson(final Rectangle screen, final ClassroomWithUI gui, final Console console)
            throws Exception {
        final int lessons = gui.lessonMenu().getItemCount();
        assertEquals(Lessons.all().size(), lessons, "the menu offers every lesson of docs/CLASSROOM.md");
        for (int i = 0; i < lessons; i++) {
            final int index = i;
            SwingUtilities.invokeAndWait(() -> gui.lessonMenu().setSelectedIndex(index));
            final Lessons.Lesson lesson = Lessons.all().get(i);
            assertTrue(gui.aboutText().contains("Question."), lesson.file() + ": the About tab tells the lesson");
            SwingUtilities.invokeAndWait(() -> gui.setSpeed(ClassroomWithUI.WEEKS_PER_SECOND.length - 1));
            playWeeks(console, gui, 40);
            final List<String> problems = new ArrayList<>(windowProblems(screen, visibleWindows()));
            final JComponent picture = gui.picturePanel();
            problems.addAll(partProblems(console, Map.of("settings and tabs", console.getTabPane(),
                    "clinics", gui.display(), "rates", gui.monitors().panel(), "charts", gui.charts().panel())));
            final Rectangle view = gui.display().display.getViewport().getViewRect();
            final java.awt.Dimension whole = gui.display().display.getViewport().getViewSize();
            if (whole.width > view.width + 1 || whole.height > view.height + 1) {
                problems.add("the clinics' picture " + whole + " is cut to " + view);
            }
            // Paused: the slider back at the pace a lesson opens with, as a teacher first sees it.
            SwingUtilities.invokeAndWait(() -> gui.setSpeed(ClassroomWithUI.DEFAULT_SPEED));
            Thread.sleep(200);
            final BufferedImage shot = new Robot().createScreenCapture(screen);
            ImageIO.write(shot, "png", SHOTS.resolve("layout-" + lesson.file().replace(".yaml", ".png")).toFile());
            assertTrue(problems.isEmpty(), lesson.file() + " at " + screen.width + "x" + screen.height + ": "
                    + String.join("; ", problems) + " (see " + SHOTS + ")");
            assertTrue(picture.isShowing());
            SwingUtilities.invokeAndWait(console::pressStop);
        }
        SwingUtilities.invokeAndWait(() -> {
            gui.lessonMenu().setSelectedIndex(0);
            gui.setPresenterMode(true);
        });
        playWeeks(console, gui, 20);
        final List<String> presenter = new ArrayList<>(windowProblems(screen, visibleWindows()));
        presenter.addAll(partProblems(console, Map.of("settings and tabs", console.getTabPane(),
                "clinics", gui.display(), "rates", gui.monitors().panel(), "charts", gui.charts().panel())));
        ImageIO.write(new Robot().createScreenCapture(screen), "png", SHOTS.resolve("layout-presenter.png").toFile());
        assertTrue(presenter.isEmpty(), "presenter mode: " + String.join("; ", presenter));

        // A plan setting changed in the Controls tab while paused applies from the next week.
        SwingUtilities.invokeAndWait(() -> {
            gui.setPresenterMode(false);
            console.getTabPane().setSelectedIndex(console.getTabPane().indexOfTab("Controls"));
            final javax.swing.JSpinner cap = (javax.swing.JSpinner) find(gui.controls(),
                    "clinic 1: Sessions the plan pays per year (0: no limit)");
            cap.setValue(4);
        });
        assertTrue(gui.controls().status().contains("applies from week 21"), gui.controls().status());
        Thread.sleep(300);
        ImageIO.write(new Robot().createScreenCapture(screen), "png", SHOTS.resolve("layout-controls.png").toFile());
        playWeeks(console, gui, 21);
        assertEquals(4, (int) gui.classroom().clinics().get(1).plan().spec().sessionCap().sessions().value());

        // A patient inspected as a double-click does it: in the Inspectors tab of the same window.
        final org.therapysim.model.Patient patient = gui.classroom().clinics().get(1).patients().stream()
                .filter(p -> p.getTherapist() != null && p.getSessions() >= 4).findFirst().orElseThrow();
        SwingUtilities.invokeAndWait(() -> {
            final sim.util.Bag inspectors = new sim.util.Bag();
            inspectors.add(new Portrayals.PatientPortrayal(gui::week, gui.histories())
                    .getInspector(new sim.portrayal.LocationWrapper(patient, null, null), gui));
            final sim.util.Bag names = new sim.util.Bag();
            names.add("Patient " + patient.getId());
            console.setInspectors(inspectors, names);
        });
        Thread.sleep(500);
        SwingUtilities.invokeAndWait(() -> { });
        assertEquals(console.getTabPane().indexOfTab("Inspectors"), console.getTabPane().getSelectedIndex());
        final List<String> inspecting = windowProblems(screen, visibleWindows());
        ImageIO.write(new Robot().createScreenCapture(screen), "png", SHOTS.resolve("layout-inspector.png").toFile());
        assertTrue(inspecting.isEmpty(), "with an inspector: " + String.join("; ", inspecting));
    }

    @Test
    void theOverlapCheckCatchesAWindowOverAnotherOrOffTheScreen() {
        final Rectangle screen = new Rectangle(0, 0, 1366, 768);
        final java.awt.Frame a = new java.awt.Frame("a");
        final java.awt.Frame b = new java.awt.Frame("b");
        try {
            a.setBounds(0, 0, 900, 700);
            b.setBounds(900, 0, 466, 700);
            assertEquals(List.of(), windowProblems(screen, List.of(a, b)));
            b.setBounds(880, 0, 466, 700);
            assertEquals(1, windowProblems(screen, List.of(a, b)).size(), "overlap");
            b.setBounds(900, 0, 1040, 700);
            assertEquals(1, windowProblems(screen, List.of(a, b)).size(), "off the right edge");
        } finally {
            a.dispose();
            b.dispose();
        }
    }

    @Test
    void aLessonPlayedToItsEndShowsTheCommandLinesRates() throws Exception {
        assumeDisplay();
        final Study study = ClassroomTest.preset("ten-vs-twenty.yaml");
        final ClassroomWithUI gui = new ClassroomWithUI(study, Path.of("ten-vs-twenty.yaml"));
        final Console console = open(gui);
        try {
            checkTheEnd(gui, console);
        } finally {
            close(console, gui);
        }
    }

    private static void checkTheEnd(final ClassroomWithUI gui, final Console console) throws Exception {
        press(console::pressPlay);
        final long deadline = System.currentTimeMillis() + 180_000;
        while (gui.classroom().results().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        final List<ReplicationResult> results = gui.classroom().results();
        assertEquals(2, results.size(), "played to the horizon");
        Thread.sleep(300);
        SwingUtilities.invokeAndWait(() -> { });
        for (int c = 0; c < 2; c++) {
            final Map<Metric, Double> cli = EpisodeMetrics.of(results.get(c));
            final java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(java.util.Locale.US);
            percent.setMinimumFractionDigits(1);
            percent.setMaximumFractionDigits(1);
            final java.text.NumberFormat money = LiveCharts.money("USD");
            money.setMinimumFractionDigits(2);
            money.setMaximumFractionDigits(2);
            assertEquals(List.of(percent.format(cli.get(Metric.RECOVERY_RATE)), percent.format(cli.get(Metric.DROPOUT_RATE)),
                    money.format(cli.get(Metric.PLAN_COST_PMPM))), gui.monitors().shown(c), "clinic " + c);
        }
        // The cap counts per plan year: a course that began late in the first year may use some of
        // that year's 10 sessions and all of the next year's, so the capped line may pass 10, but
        // never 20, and it stops before the line of the clinic with 20 a year.
        final int capped = gui.charts().lastCurveSession(0);
        final int other = gui.charts().lastCurveSession(1);
        assertTrue(capped <= 20, "the capped clinic's dose-effect line ends within two years' caps: " + capped);
        assertTrue(other > 10, "the other's goes on past 10: " + other);
        assertTrue(capped < other, "the capped clinic's line stops first: " + capped + " against " + other);
    }
}

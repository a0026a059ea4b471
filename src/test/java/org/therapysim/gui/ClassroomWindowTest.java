package org.therapysim.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.therapysim.Prerequisite;
import org.therapysim.model.Patient;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.Study;
import sim.display.Console;
import sim.portrayal.LocationWrapper;

/**
 * The classroom as a teacher sees it: MASON's Console holding the two clinics and the live charts,
 * played to the horizon on a real (virtual) display. Needs a display: under CI it runs in Xvfb
 * ({@code xvfb-run}); elsewhere without one it is skipped. Screenshots stay in {@code target/gui/}.
 */
class ClassroomWindowTest {
    private static final Path SHOTS = Path.of("target", "gui");

    private static void assumeDisplay() {
        Prerequisite.require(!GraphicsEnvironment.isHeadless(),
                "the window test needs a display (run it under xvfb-run where there is none)");
    }

    private static BufferedImage shot(final Component component) throws Exception {
        final BufferedImage[] image = new BufferedImage[1];
        SwingUtilities.invokeAndWait(() -> {
            image[0] = new BufferedImage(component.getWidth(), component.getHeight(), BufferedImage.TYPE_INT_RGB);
            component.printAll(image[0].getGraphics());
        });
        return image[0];
    }

    /** @return the number of distinct colours and the share of pixels that are not white */
    private static double[] content(final BufferedImage image) {
        final Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                final int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return new double[] {colours.size(), ink / (image.getWidth() * image.getHeight() / 4.0)};
    }

    @Test
    void theTwoClinicsAndTheirChartsFillTheWindowsAndEndWithTheCommandLinesNumbers() throws Exception {
        assumeDisplay();
        final Study study = ClassroomTest.preset("ten-vs-twenty.yaml");
        final ClassroomWithUI gui = new ClassroomWithUI(study);
        final Console[] console = new Console[1];
        SwingUtilities.invokeAndWait(() -> {
            console[0] = new Console(gui);
            console[0].setVisible(true);
            gui.setSpeed(ClassroomWithUI.WEEKS_PER_SECOND.length - 1);
        });
        Files.createDirectories(SHOTS);
        console[0].setWhenShouldPause(60);
        ClassroomLayoutTest.press(console[0]::pressPlay);
        final long deadline = System.currentTimeMillis() + 120_000;
        while (gui.classroom().schedule.getSteps() < 60 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(gui.classroom().schedule.getSteps() >= 60, "played 60 weeks within two minutes: "
                + gui.classroom().schedule.getSteps());
        Thread.sleep(500);
        SwingUtilities.invokeAndWait(() -> { });
        final BufferedImage clinics = shot(gui.picturePanel());
        final BufferedImage charts = shot(gui.charts().panel());
        ImageIO.write(clinics, "png", SHOTS.resolve("classroom-clinics.png").toFile());
        ImageIO.write(charts, "png", SHOTS.resolve("classroom-charts.png").toFile());
        final double[] c = content(clinics);
        assertTrue(c[0] > 30 && c[1] > 0.02, "the clinics are drawn: " + (int) c[0] + " colours, " + c[1] + " ink");
        final double[] k = content(charts);
        assertTrue(k[0] > 30 && k[1] > 0.05, "the charts are drawn: " + (int) k[0] + " colours, " + k[1] + " ink");
        assertTrue(gui.charts().points() >= 2 * 50, "a point a week for each clinic: " + gui.charts().points());

        // A patient in treatment, inspected as a double-click would: its state and its history.
        final Patient patient = gui.classroom().clinics().get(1).patients().stream()
                .filter(p -> p.getTherapist() != null && p.getSessions() >= 4).findFirst().orElseThrow();
        final PatientInspector[] inspector = new PatientInspector[1];
        final JFrame frame = new JFrame("Patient");
        SwingUtilities.invokeAndWait(() -> {
            inspector[0] = (PatientInspector) new Portrayals.PatientPortrayal(gui::week, gui.histories())
                    .getInspector(new LocationWrapper(patient, null, null), gui);
            frame.getContentPane().add(inspector[0]);
            frame.pack();
            frame.setVisible(true);
        });
        Thread.sleep(300);
        assertTrue(inspector[0].historyPoints() >= 4, "the history has a point a week: " + inspector[0].historyPoints());
        final BufferedImage inspected = shot(frame.getContentPane());
        ImageIO.write(inspected, "png", SHOTS.resolve("classroom-patient.png").toFile());
        assertTrue(content(inspected)[0] > 20, "the inspector is drawn");
        SwingUtilities.invokeAndWait(frame::dispose);

        console[0].setWhenShouldPause(Long.MAX_VALUE);
        ClassroomLayoutTest.press(console[0]::pressPause);
        while (gui.classroom().results().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        final List<ReplicationResult> watched = gui.classroom().results();
        assertEquals(2, watched.size(), "played to the horizon");
        for (int i = 0; i < 2; i++) {
            final ReplicationResult cli = new TherapySim(study.arms().get(i),
                    RandomStreams.replicationSeed(study.seed(), 0), false).run();
            assertEquals(cli.episodes(), watched.get(i).episodes(), "clinic " + i + " as on the command line");
        }
        SwingUtilities.invokeAndWait(() -> {
            console[0].pressStop();
            gui.quit();
            console[0].dispose();
        });
    }
}

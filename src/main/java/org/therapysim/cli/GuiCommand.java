package org.therapysim.cli;

import java.awt.GraphicsEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import javax.swing.SwingUtilities;
import org.therapysim.Installation;
import org.therapysim.TherapysimException;
import org.therapysim.gui.ClassroomWithUI;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import sim.display.Console;

/**
 * {@code therapysim gui [SCENARIO]}: the classroom in MASON's Console. A scenario shows one clinic;
 * a study of two arms shows two clinics side by side on the same patients and random draws.
 */
@Command(name = "gui", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Watch one clinic, or two side by side, week by week (MASON Console).",
    "Default: " + GuiCommand.DEFAULT_PRESET + " (scenarios/classroom/ holds the lesson presets)."})
final class GuiCommand implements Callable<Integer> {
    static final String DEFAULT_PRESET = "scenarios/classroom/ten-vs-twenty.yaml";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "A scenario, or a study of two arms to compare side by side.")
    Path file;

    @Override
    public Integer call() throws InterruptedException {
        final Path chosen = file != null ? file : Installation.shipped(DEFAULT_PRESET);
        if (file == null && !Files.exists(chosen)) {
            throw TherapysimException.invalidInput(chosen + ": not found: give a scenario file, e.g. "
                    + "scenarios/baseline.yaml");
        }
        final Study study = new ScenarioLoader().loadStudy(chosen);
        if (study.arms().size() > 2) {
            throw TherapysimException.invalidInput(chosen + ": arms: " + study.arms().size()
                    + " arms: the classroom shows one clinic or two side by side");
        }
        if (GraphicsEnvironment.isHeadless()) {
            throw TherapysimException.invalidInput("gui: no display: the classroom needs a graphical display"
                    + " (set DISPLAY, or run under xvfb-run)");
        }
        final CountDownLatch closed = new CountDownLatch(1);
        SwingUtilities.invokeLater(() -> {
            final Console console = new Console(new ClassroomWithUI(study, chosen));
            console.addWindowListener(new java.awt.event.WindowAdapter() {
                @Override
                public void windowClosed(final java.awt.event.WindowEvent e) {
                    closed.countDown();
                }
            });
            console.setVisible(true);
        });
        closed.await();
        return 0;
    }
}

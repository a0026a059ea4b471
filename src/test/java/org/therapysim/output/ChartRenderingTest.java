package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.TestScenarios;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;

/** Every chart renders headless to a PNG a person can read (not blank, titled) and to SVG. */
class ChartRenderingTest {
    private static ExperimentResult result;

    @TempDir
    Path dir;

    @BeforeAll
    static void run() {
        result = TestScenarios.compare(3, TestScenarios.cohort(400, 40),
                TestScenarios.cohort(400, 40, "plan.sessionCap.sessions=6", "name=Cap 6"),
                TestScenarios.cohort(400, 40, "plan.copay=60", "name=Copay 60"));
    }

    private void check(final JFreeChart chart, final String name) throws IOException {
        ChartFiles.write(chart, dir, name, 800, 500);
        final BufferedImage image = ImageIO.read(dir.resolve(name + ".png").toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        final int background = image.getRGB(2, 2);
        final Set<Integer> colours = new HashSet<>();
        int drawn = 0;
        for (int x = 0; x < image.getWidth(); x += 2) {
            for (int y = 0; y < image.getHeight(); y += 2) {
                final int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    drawn++;
                }
            }
        }
        assertTrue(drawn > 0.03 * (400 * 250), name + ": too little drawn (" + drawn + ")");
        assertTrue(colours.size() >= 4, name + ": too few colours");
        final String svg = Files.readString(dir.resolve(name + ".svg"));
        assertTrue(svg.contains("<svg") && svg.contains(chart.getTitle().getText().split(":")[0]), name);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void curvesRender() throws IOException {
        check(Charts.doseEffect(result), "dose_effect");
        check(Charts.retention(result), "retention");
    }

    @Test
    void armChartsRender() throws IOException {
        check(Charts.metricByArm(result, Metric.RECOVERY_RATE), "recovery");
        check(Charts.metricByArm(result, Metric.PAYER_COST_PER_EPISODE), "payer");
        check(Charts.endReasons(result), "end_reasons");
    }

    @Test
    void sweepChartAcceptsNonNumericValues() throws IOException {
        check(Charts.sweep("plan.sessionCap.sessions", List.of("unlimited", "6", "12"), result, Metric.RECOVERY_RATE),
                "sweep");
        assertEquals("Recovery by plan.sessionCap.sessions",
                Charts.sweep("plan.sessionCap.sessions", List.of("a", "b", "c"), result, Metric.RECOVERY_RATE)
                        .getTitle().getText());
    }
}

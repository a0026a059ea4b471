package org.therapysim.output;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG and SVG, each through a temporary file renamed into place. The same chart
 * gives the same bytes.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** Writes {@code baseName.png} and {@code baseName.svg} in {@code directory}. */
    public static void write(final JFreeChart chart, final Path directory, final String baseName, final int width,
            final int height) throws IOException {
        Files.createDirectories(directory);
        final Path png = directory.resolve("." + baseName + ".png.tmp");
        try (OutputStream out = Files.newOutputStream(png)) {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        }
        place(png, directory.resolve(baseName + ".png"));
        final SVGGraphics2D svg = new SVGGraphics2D(width, height);
        // A fixed prefix instead of JFreeSVG's clock-based one: same chart, same bytes, and ids
        // that stay unique when several charts are embedded in one page.
        svg.setDefsKeyPrefix(baseName.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        chart.draw(svg, new Rectangle(0, 0, width, height));
        final Path svgTemp = directory.resolve("." + baseName + ".svg.tmp");
        Files.writeString(svgTemp, svg.getSVGDocument(), StandardCharsets.UTF_8);
        place(svgTemp, directory.resolve(baseName + ".svg"));
    }

    private static void place(final Path temp, final Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package org.therapysim.output;

import java.awt.Rectangle;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG and SVG, each through a hidden temporary file in the same folder renamed
 * into place, so an interrupted write never leaves a partial file under the final name. Drawing
 * needs no display (works with {@code java.awt.headless=true}). The same chart gives the same bytes.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    /**
     * Writes {@code baseName.png} and {@code baseName.svg} in {@code directory} (created if missing),
     * replacing files of those names.
     *
     * @param width width in pixels (PNG) and user units (SVG)
     * @param height height in pixels and user units
     */
    public static void write(final JFreeChart chart, final Path directory, final String baseName, final int width,
            final int height) throws IOException {
        Files.createDirectories(directory);
        // Fixed temporary names (not Files.createTempFile) so the charts get the folder's default
        // permissions, like every other file of a results folder.
        final Path png = directory.resolve("." + baseName + ".png.tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(png))) {
                ChartUtils.writeChartAsPNG(out, chart, width, height);
            }
            AtomicFile.place(png, directory.resolve(baseName + ".png"));
        } finally {
            Files.deleteIfExists(png);
        }
        final SVGGraphics2D svg = new SVGGraphics2D(width, height);
        // A fixed prefix instead of JFreeSVG's clock-based one: same chart, same bytes, and ids
        // that stay unique when several charts are embedded in one page.
        svg.setDefsKeyPrefix(baseName.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        chart.draw(svg, new Rectangle(0, 0, width, height));
        final Path svgTemp = directory.resolve("." + baseName + ".svg.tmp");
        try {
            Files.writeString(svgTemp, svg.getSVGDocument(), StandardCharsets.UTF_8);
            AtomicFile.place(svgTemp, directory.resolve(baseName + ".svg"));
        } finally {
            Files.deleteIfExists(svgTemp);
        }
    }
}

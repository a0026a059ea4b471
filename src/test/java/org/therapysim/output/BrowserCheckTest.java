package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The headless-browser harness finds what it is meant to find: a clean, self-contained page passes
 * every check, and console errors, uncaught exceptions, missing images, collapsed SVGs, wide
 * tables and remote resources are each reported. Skipped where Chromium is not installed, unless
 * CI=true.
 */
class BrowserCheckTest {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private static BrowserPage browser;

    @TempDir
    Path dir;

    /** One browser for the whole class, started by the first test that needs it. */
    private static BrowserPage browser() {
        BrowserPage.assumeAvailable();
        if (browser == null) {
            browser = new BrowserPage();
        }
        return browser;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private BrowserPage open(String name, String body) throws IOException {
        final Path html = dir.resolve(name);
        Files.writeString(html, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + name
                + "</title></head>\n<body>\n" + body + "\n</body></html>\n", StandardCharsets.UTF_8);
        return browser().open(html, WIDTH, HEIGHT);
    }

    private static byte[] png(int width, int height) throws IOException {
        final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void cleanSelfContainedPagePassesEveryCheck() throws IOException {
        Files.write(dir.resolve("local.png"), png(40, 30));
        final String inline = Base64.getEncoder().encodeToString(png(8, 8));
        final BrowserPage page = open("clean.html", """
                <style>body { font-family: sans-serif; } .bar { fill: steelblue; }</style>
                <h1 id="top">Results</h1>
                <p><a href="#tables">Tables</a></p>
                <img id="local" src="local.png" alt="local file">
                <img id="inline" src="data:image/png;base64,%s" alt="data URI">
                <svg id="chart" width="200" height="100" viewBox="0 0 200 100">
                  <rect class="bar" x="10" y="10" width="50" height="80"/><svg width="0" height="0"></svg>
                </svg>
                <table id="tables"><caption>Summary</caption>
                  <thead><tr><th>Arm</th><th>Recovery</th></tr></thead>
                  <tbody><tr><td>Cap 6</td><td>0.41</td></tr></tbody>
                </table>
                <script>document.getElementById('top').textContent += ' (loaded)';</script>
                <div style="height: 2500px"></div>
                <p id="bottom">end</p>
                """.formatted(inline));

        assertEquals(List.of(), page.consoleErrors());
        assertEquals(List.of(), page.brokenImages());
        assertEquals(List.of(), page.overflowingTables());
        assertEquals(List.of(), page.externalRequests());

        final Path shot = dir.resolve("shots/clean.png");
        page.screenshot(shot);
        final BufferedImage image = ImageIO.read(shot.toFile());
        assertNotNull(image, "screenshot is not a readable PNG");
        assertEquals(WIDTH, image.getWidth());
        assertTrue(image.getHeight() > 2500, "screenshot covers the whole page: " + image.getHeight() + " px");

        final Path pdf = dir.resolve("clean.pdf");
        page.printToPdf(pdf);
        final byte[] bytes = Files.readAllBytes(pdf);
        assertTrue(bytes.length > 1000 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"),
                "printed PDF");
    }

    @Test
    void consoleErrorAndUncaughtExceptionAreReported() throws IOException {
        final BrowserPage page = open("errors.html", """
                <p>text</p>
                <script>console.log('just information'); console.error('x-console-marker');</script>
                <script>throw new Error('thrown-marker');</script>
                """);

        final List<String> errors = page.consoleErrors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("x-console-marker")), "console.error: " + errors);
        assertEquals(1, errors.stream().filter(e -> e.contains("thrown-marker")).count(), "exception once: " + errors);
        assertTrue(errors.stream().noneMatch(e -> e.contains("just information")), "only errors: " + errors);
        assertEquals(errors, page.consoleErrors(), "asking twice gives the same answer");
    }

    @Test
    void unhandledRejectionIsReported() throws IOException {
        final BrowserPage page = open("rejection.html", """
                <script>Promise.reject(new Error('rejected-marker'));</script>
                """);

        final List<String> errors = page.consoleErrors();
        assertEquals(1, errors.stream().filter(e -> e.contains("rejected-marker")).count(), "rejection once: " + errors);
    }

    @Test
    void missingImageAndCollapsedSvgAreReported() throws IOException {
        final BrowserPage page = open("images.html", """
                <img id="logo" src="missing.png" alt="Logo">
                <img src="also-missing.png">
                <svg id="flat" width="300" height="0"><circle cx="5" cy="5" r="5"/></svg>
                <svg id="fine" width="30" height="30"><circle cx="5" cy="5" r="5"/></svg>
                """);

        final List<String> broken = page.brokenImages();
        assertEquals(List.of("img#logo", "img[src=\"also-missing.png\"]", "svg#flat"), broken);
        assertTrue(page.consoleErrors().stream().anyMatch(e -> e.contains("missing.png")),
                "failed load is in the console too");
    }

    @Test
    void tableWiderThanViewportIsReported() throws IOException {
        final BrowserPage page = open("tables.html", """
                <table style="width: 3000px"><caption>Wide comparison</caption>
                  <tr><th>Arm</th><th>Cost</th></tr><tr><td>a</td><td>1</td></tr>
                </table>
                <table><thead><tr><th>Narrow</th><th>Fits</th></tr></thead><tr><td>a</td><td>1</td></tr></table>
                <div style="width: 300px"><table style="width: 500px"><tr><th>Inner</th><th>Too wide</th></tr></table></div>
                """);

        final List<String> wide = page.overflowingTables();
        assertEquals(2, wide.size(), wide::toString);
        assertTrue(wide.get(0).startsWith("table \"Wide comparison\": 3000 px wide"), wide::toString);
        assertTrue(wide.get(1).startsWith("table [Inner | Too wide]: 500 px wide, container 300 px"),
                wide::toString);
    }

    @Test
    void remoteResourcesAreReported() throws IOException {
        final BrowserPage page = open("remote.html", """
                <style>.hero { background: url("https://example.com/bg.png"); }</style>
                <p class="hero">hero</p>
                <a href="results.csv">local link</a>
                <script src="https://example.com/x.js"></script>
                """);

        final List<String> external = page.externalRequests();
        assertTrue(external.contains("<script src> https://example.com/x.js"), external::toString);
        assertTrue(external.contains("css url(https://example.com/bg.png)"), external::toString);
        assertTrue(external.stream().noneMatch(e -> e.contains("results.csv")), external::toString);
    }

    @Test
    void missingBrowserSkipsLocallyAndFailsOnCi() {
        BrowserPage.assumeAvailable(true, "true");
        assertThrows(TestAbortedException.class, () -> BrowserPage.assumeAvailable(false, null));
        assertThrows(TestAbortedException.class, () -> BrowserPage.assumeAvailable(false, "false"));
        assertThrows(AssertionFailedError.class, () -> BrowserPage.assumeAvailable(false, "true"));
    }
}

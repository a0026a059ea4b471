package org.therapysim.output;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;
import org.therapysim.Prerequisite;

/**
 * One local HTML file loaded in headless Chromium through ChromeDriver, with checks a generated,
 * self-contained page should pass: no console errors or uncaught exceptions, no broken images or
 * collapsed inline SVGs, no tables wider than their container or the viewport, and no references
 * to http(s) resources. Also takes full-page screenshots and prints the page to PDF.
 *
 * <p>The browser runs with a fresh temporary profile and with the background services that would
 * otherwise try to reach the network turned off. One instance may {@link #open} several pages in
 * turn; every check refers to the page opened last. Close it to stop the browser and delete the
 * profile:
 *
 * <pre>{@code
 * BrowserPage.assumeAvailable();
 * try (BrowserPage page = new BrowserPage()) {
 *     page.open(report, 1280, 800);
 *     assertEquals(List.of(), page.consoleErrors());
 * }
 * }</pre>
 */
public final class BrowserPage implements AutoCloseable {
    /** The Chromium launcher used as the browser binary. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** The ChromeDriver matching {@link #CHROMIUM}. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Tallest window used for a full-page screenshot; taller pages are cut at this height. */
    public static final int MAX_SCREENSHOT_HEIGHT = 20_000;

    /**
     * Selenium warns at every start that it has no DevTools bindings for this Chromium version;
     * nothing here uses those bindings ({@code executeCdpCommand} goes through ChromeDriver), so
     * the warning is silenced. The field keeps the configured logger from being collected.
     */
    private static final Logger CDP_VERSION_LOGGER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_LABEL = 80;

    /**
     * Records uncaught exceptions and unhandled promise rejections of every document, from before
     * the page's own scripts run, so that they are reported even if the browser log misses them.
     */
    private static final String ERROR_RECORDER = """
            (() => {
              const seen = [];
              Object.defineProperty(window, '__browserPageErrors', {value: seen});
              const text = v => v && v.stack ? String(v.stack).split('\\n')[0] : String(v);
              window.addEventListener('error', e => {
                if (e instanceof ErrorEvent) {
                  seen.push(['Uncaught', e.error ? text(e.error) : e.message, e.filename + ':' + e.lineno]);
                }
              });
              window.addEventListener('unhandledrejection', e => {
                seen.push(['Unhandled rejection', text(e.reason), '']);
              });
            })();
            """;

    /** Shared helper: a short label for an element (tag with id, alt or src, else its start). */
    private static final String LABEL_FUNCTION = """
            const max = arguments[0];
            const label = el => {
              const tag = el.tagName.toLowerCase();
              if (el.id) return tag + '#' + el.id;
              const alt = el.getAttribute('alt');
              if (alt) return tag + '[alt="' + alt + '"]';
              const src = el.getAttribute('src');
              if (src) return tag + '[src="' + src + '"]';
              return el.outerHTML.replace(/\\s+/g, ' ').slice(0, max);
            };
            """;

    private static final String BROKEN_IMAGES = LABEL_FUNCTION + """
            const found = [];
            for (const img of document.querySelectorAll('img')) {
              if (!img.complete || img.naturalWidth === 0) found.push(label(img));
            }
            for (const svg of document.querySelectorAll('svg')) {
              if (svg.parentElement && svg.parentElement.closest('svg')) continue;
              const box = svg.getBoundingClientRect();
              if (box.width === 0 || box.height === 0) found.push(label(svg));
            }
            return found;
            """;

    private static final String OVERFLOWING_TABLES = """
            const max = arguments[0];
            const viewport = document.documentElement.clientWidth;
            const clip = s => { s = s.replace(/\\s+/g, ' ').trim(); return s.length > max ? s.slice(0, max) + '…' : s; };
            const name = t => {
              if (t.caption && t.caption.textContent.trim()) return 'table "' + clip(t.caption.textContent) + '"';
              const head = t.querySelector('thead tr') || t.querySelector('tr');
              const cells = head ? Array.from(head.cells).slice(0, 3).map(c => c.textContent.trim()) : [];
              if (cells.some(c => c)) return 'table [' + clip(cells.join(' | ')) + ']';
              if (t.id) return 'table#' + t.id;
              return clip(t.outerHTML);
            };
            const found = [];
            for (const t of document.querySelectorAll('table')) {
              const parent = t.parentElement;
              const box = t.getBoundingClientRect();
              let outside = false;
              if (parent) {
                const left = parent.getBoundingClientRect().left + parent.clientLeft;
                outside = box.left < left - 0.5 || box.right > left + parent.clientWidth + 0.5;
              }
              if (outside || box.right > viewport + 0.5) {
                found.push(name(t) + ': ' + Math.round(box.width) + ' px wide, container '
                    + (parent ? parent.clientWidth : '-') + ' px, viewport ' + viewport + ' px');
              }
            }
            return found;
            """;

    private static final String EXTERNAL_REFERENCES = """
            const remote = /^\\s*(https?:)?\\/\\//i;
            const found = new Set();
            const XLINK = 'http://www.w3.org/1999/xlink';
            for (const el of document.querySelectorAll('*')) {
              const tag = el.tagName.toLowerCase();
              const refs = [['src', el.getAttribute('src')], ['href', el.getAttribute('href')],
                            ['xlink:href', el.getAttributeNS(XLINK, 'href')], ['poster', el.getAttribute('poster')],
                            ['data', tag === 'object' ? el.getAttribute('data') : null]];
              for (const [attr, value] of refs) {
                if (value && remote.test(value)) found.add('<' + tag + ' ' + attr + '> ' + value.trim());
              }
              const srcset = el.getAttribute('srcset');
              if (srcset) {
                for (const part of srcset.split(',')) {
                  const u = part.trim().split(/\\s+/)[0];
                  if (remote.test(u)) found.add('<' + tag + ' srcset> ' + u);
                }
              }
              const style = el.getAttribute('style');
              if (style) {
                for (const m of style.matchAll(/url\\(\\s*['"]?([^'")]+)/gi)) {
                  if (remote.test(m[1])) found.add('<' + tag + ' style> url(' + m[1] + ')');
                }
              }
            }
            const cssUrls = text => {
              for (const m of text.matchAll(/url\\(\\s*['"]?([^'")]+)/gi)) {
                if (remote.test(m[1])) found.add('css url(' + m[1] + ')');
              }
            };
            for (const sheet of document.styleSheets) {
              let rules;
              try { rules = sheet.cssRules; } catch (e) { continue; }
              for (const rule of rules) {
                if (rule.href && remote.test(rule.href)) found.add('css @import ' + rule.href);
                cssUrls(rule.cssText);
              }
            }
            for (const entry of performance.getEntriesByType('resource')) {
              if (/^https?:/i.test(entry.name)) found.add('request ' + entry.name);
            }
            return Array.from(found);
            """;

    private static final String DOCUMENT_HEIGHT = """
            const d = document.documentElement, b = document.body;
            return Math.max(d.scrollHeight, d.offsetHeight, b ? b.scrollHeight : 0, b ? b.offsetHeight : 0);
            """;

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final List<String> browserLog = new ArrayList<>();
    private int viewportWidth;
    private int viewportHeight;

    /**
     * Whether the Chromium binary and ChromeDriver are installed where this class expects them.
     */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Skips the calling test if the browser is not {@link #available()}, or fails it when the
     * environment variable {@code CI} is {@code "true"}, where a missing browser is a setup error.
     */
    public static void assumeAvailable() {
        assumeAvailable(available(), System.getenv("CI"));
    }

    /** The decision of {@link #assumeAvailable()} for a given availability and value of CI. */
    static void assumeAvailable(boolean available, String ci) {
        Prerequisite.require(available, "headless browser checks need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian packages chromium and chromium-driver)", ci);
    }

    /** Starts a headless browser with a fresh profile; nothing is loaded yet. */
    public BrowserPage() {
        try {
            profile = Files.createTempDirectory("browser-page-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--user-data-dir=" + profile);
        final LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);

        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeDriver started = null;
        try {
            started = new ChromeDriver(service, options);
            started.manage().timeouts().pageLoadTimeout(PAGE_LOAD_TIMEOUT);
            started.manage().timeouts().scriptTimeout(PAGE_LOAD_TIMEOUT);
            started.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_RECORDER));
        } catch (RuntimeException e) {
            if (started != null) {
                started.quit();
            }
            service.stop();
            deleteProfile(profile);
            throw e;
        }
        driver = started;
    }

    /**
     * Loads {@code html} (a local file) with a viewport of the given size and waits for its load
     * event. Browser messages from an earlier page are dropped.
     */
    public BrowserPage open(Path html, int widthPx, int heightPx) {
        if (!Files.isRegularFile(html)) {
            throw new IllegalArgumentException("not a file: " + html);
        }
        viewportWidth = widthPx;
        viewportHeight = heightPx;
        resizeViewport(widthPx, heightPx);
        driver.manage().logs().get(LogType.BROWSER);
        browserLog.clear();
        driver.get(html.toAbsolutePath().toUri().toString());
        return this;
    }

    /**
     * Console messages at SEVERE level (console.error, failed resource loads, uncaught exceptions)
     * plus any uncaught exception or unhandled rejection the browser log did not carry, in order.
     */
    public List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                browserLog.add(entry.getMessage());
            }
        }
        final List<String> errors = new ArrayList<>(browserLog);
        for (Object recorded : (List<?>) script("return window.__browserPageErrors || [];")) {
            final List<?> parts = (List<?>) recorded;
            final String message = String.valueOf(parts.get(1));
            if (errors.stream().noneMatch(e -> e.contains(message))) {
                final String where = String.valueOf(parts.get(2));
                errors.add(parts.get(0) + " " + message + (where.isEmpty() ? "" : " (" + where + ")"));
            }
        }
        return errors;
    }

    /**
     * Every {@code <img>} that did not load (not complete, or natural width 0) and every outermost
     * inline {@code <svg>} whose box has zero width or height, as {@code tag#id},
     * {@code tag[alt=...]}, {@code tag[src=...]} or the start of its markup. An SVG inside a hidden
     * container (display: none, a closed details element) counts as collapsed.
     */
    public List<String> brokenImages() {
        return strings(script(BROKEN_IMAGES, MAX_LABEL));
    }

    /**
     * Every {@code <table>} that sticks out of its parent's client box (so the parent overflows or
     * scrolls sideways) or whose right edge is past the viewport, named by its caption or by its
     * first header cells, with its width, the parent's client width and the viewport width.
     */
    public List<String> overflowingTables() {
        return strings(script(OVERFLOWING_TABLES, MAX_LABEL));
    }

    /**
     * Every reference to a remote (http, https or protocol-relative) resource: src, href (links
     * included), xlink:href, srcset, poster and object data attributes, url() in style attributes
     * and readable style sheets, @import rules, and resources the page actually requested.
     */
    public List<String> externalRequests() {
        return strings(script(EXTERNAL_REFERENCES));
    }

    /**
     * Writes a PNG of the whole page: the window is made as tall as the document (up to
     * {@link #MAX_SCREENSHOT_HEIGHT}) for the shot and then restored.
     */
    public void screenshot(Path png) throws IOException {
        final long documentHeight = ((Number) script(DOCUMENT_HEIGHT)).longValue();
        final int height = (int) Math.max(viewportHeight, Math.min(documentHeight, MAX_SCREENSHOT_HEIGHT));
        resizeViewport(viewportWidth, height);
        try {
            write(png, driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            resizeViewport(viewportWidth, viewportHeight);
        }
    }

    /** Prints the page to PDF (A4-sized defaults, backgrounds included) and writes the file. */
    public void printToPdf(Path pdf) throws IOException {
        final PrintOptions options = new PrintOptions();
        options.setBackground(true);
        final PrintsPage printer = driver;
        final Pdf printed = printer.print(options);
        write(pdf, Base64.getDecoder().decode(printed.getContent()));
    }

    /** The driver, for checks this class does not offer. */
    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile(profile);
        }
    }

    /** Sets the window so that the page's viewport is exactly {@code width} by {@code height}. */
    private void resizeViewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        final List<?> inner = (List<?>) script("return [window.innerWidth, window.innerHeight];");
        final int dw = width - ((Number) inner.get(0)).intValue();
        final int dh = height - ((Number) inner.get(1)).intValue();
        if (dw != 0 || dh != 0) {
            driver.manage().window().setSize(new Dimension(width + dw, height + dh));
        }
    }

    private static Logger quiet(String name) {
        final Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private Object script(String body, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(body, args);
    }

    private static List<String> strings(Object scriptResult) {
        final List<String> out = new ArrayList<>();
        for (Object o : (List<?>) scriptResult) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, bytes);
    }

    private static void deleteProfile(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary directory is harmless.
        }
    }
}

package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.TestScenarios;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Experiment;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.experiment.Perspective;
import org.therapysim.experiment.ProgressListener;
import org.therapysim.experiment.ReplicationSummary;
import org.therapysim.experiment.SessionCurves;
import org.therapysim.model.EndReason;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;

class HtmlReportTest {
    private static final String REFERENCE = "Plain <x-arm> & co";
    private static final String COPAY = "Copay \"60\" & 'more'";
    private static final String STUDY = "Caps <x-study> & copays";
    private static final String QUESTION = "Does a cap < 12 & a copay > $40 help?";

    @TempDir
    static Path dir;
    private static Path folder;
    private static String html;

    @BeforeAll
    static void writeFolder() throws IOException {
        final Scenario reference = TestScenarios.cohort(300, 40).withName(REFERENCE);
        final Scenario copay = TestScenarios.cohort(300, 40, "plan.copay=60").withName(COPAY);
        final Scenario cap = TestScenarios.cohort(300, 40, "plan.sessionCap.sessions=6").withName("Cap 6");
        final Study study = new Study(STUDY, QUESTION, List.of(reference, copay, cap), 3, 5);
        folder = dir.resolve("out");
        ResultsWriter.run(study, new ResultsWriter.Options(folder, false, false, 2,
                List.of("therapysim", "compare", "my study.yaml", "-o", "out"), null), ProgressListener.NONE);
        html = Files.readString(folder.resolve("report.html"));
    }

    @Test
    void everyResultsFolderHasItsReportListedInTheManifest() throws IOException {
        assertTrue(Files.size(folder.resolve("report.html")) > 10_000);
        final JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
        final List<String> files = new ArrayList<>();
        manifest.get("files").forEach(f -> files.add(f.asText()));
        assertTrue(files.contains("report.html"), files.toString());
        try (Stream<Path> all = Files.walk(folder)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
        // The page shows the manifest as written beside it but for the run's times and thread count
        // (so that the page repeats byte for byte), and the command quoted for a shell.
        assertTrue(html.contains(Html.escape(ManifestJson.reproducibleText(
                new ObjectMapper().readValue(folder.resolve("manifest.json").toFile(), Object.class)))));
        assertTrue(html.contains("&quot;replicationSeeds&quot;") && html.contains("&quot;gitCommit&quot;"));
        assertFalse(html.contains("startTime") || html.contains("wallTimeSeconds"), "no run times on the page");
        assertTrue(html.contains("therapysim compare &#39;my study.yaml&#39; -o out"), "quoted command line");
        assertTrue(html.contains("scenario.yaml"));
    }

    @Test
    void pageIsWellFormedEnoughToParse() {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.strip().endsWith("</html>"));
        // Arms, two headline tables, one per perspective, the budget impact and the impact inventory.
        assertEquals(3 + Perspective.values().length + 2, count(html, "<table"));
        assertEquals(count(html, "<table"), count(html, "</table>"));
        assertEquals(count(html, "<tr>"), count(html, "</tr>"));
        assertEquals(count(html, "<section"), count(html, "</section>"));
        // Dose-effect, retention, recovery, dropout, payer cost, end reasons, the plane, the paired
        // differences and the net monetary benefit by willingness to pay in each perspective.
        final int charts = 7 + 1 + Perspective.values().length;
        assertEquals(charts, count(html, "<svg"));
        assertEquals(charts, count(html, "</svg>"));
        assertEquals(charts, count(html, "viewBox="));
        assertEquals(charts, count(html, "</title>") - 1, "a title in each chart besides the page's");
        // Each chart, and the key findings' box when there are designs to compare.
        assertEquals(charts + (html.contains("<aside class=\"findings\"") ? 1 : 0), count(html, "aria-label="));
        final Set<String> ids = new HashSet<>();
        final Matcher id = Pattern.compile("\\sid=['\"]([^'\"]+)['\"]").matcher(html);
        while (id.find()) {
            assertTrue(ids.add(id.group(1)), "element id used twice: " + id.group(1));
        }
        assertTrue(ids.size() > 20, "charts keep their clip-path ids");
        final Matcher reference = Pattern.compile("url\\(#([^)]+)\\)").matcher(html);
        while (reference.find()) {
            assertTrue(ids.contains(reference.group(1)), "reference to a missing element: " + reference.group(1));
        }
    }

    @Test
    void sectionsComeInOrder() {
        int last = -1;
        for (final String section : List.of("id=\"arms\"", "id=\"headline\"", "id=\"charts\"", "id=\"economics\"",
                "id=\"perspective-payer\"", "id=\"perspective-employer\"", "id=\"perspective-societal\"",
                "id=\"budget-impact\"", "id=\"uncertainty\"", "id=\"methods\"", "id=\"reproduce\"")) {
            final int at = html.indexOf(section);
            assertTrue(at > last, section + " after the one before");
            last = at;
        }
    }

    @Test
    void everyArmAndEveryPerspectiveIsShownWithItsSettings() {
        for (final String arm : List.of(REFERENCE, COPAY, "Cap 6")) {
            // In the arms table, the headline tables, three perspectives and the budget impact.
            assertTrue(count(html, Html.escape(arm)) >= 7, arm);
        }
        for (final Perspective perspective : Perspective.values()) {
            assertTrue(html.contains("<caption>" + perspective.label() + " perspective: USD, 2020 prices; horizon 40"
                    + " weeks from first arrival; costs and QALYs discounted at 3.0% a year; willingness to pay"
                    + " $100,000 per QALY</caption>"), perspective.label());
        }
        assertTrue(html.contains("<caption>Budget impact, payer perspective: USD, 2020 prices; undiscounted;"));
        // Only the plan settings that differ appear, the changed ones marked.
        assertTrue(html.contains(">Copay</th>") && html.contains(">Cap</th>"));
        assertFalse(html.contains(">In network</th>"), "a setting shared by all arms is left out");
        assertTrue(html.contains("<td class=\"chg\">$60</td>"));
        assertTrue(html.contains("<td class=\"chg\">6/yr</td>"));
    }

    @Test
    void nothingIsFetched() {
        final String outsideNamespaces = html.replaceAll("xmlns(:\\w+)?=('[^']*'|\"[^\"]*\")", "");
        assertFalse(outsideNamespaces.contains("http://"), "no http reference");
        assertFalse(outsideNamespaces.contains("https://"), "no https reference");
        for (final String fetch : List.of("<link", "<script", "<img", "<iframe", "src=", "@import")) {
            assertFalse(outsideNamespaces.contains(fetch), fetch);
        }
        assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), "url() only to elements of the page");
    }

    @Test
    void readersSeeNoUndefinedNumbers() {
        assertNoUndefinedNumbers(html);
        // With one replication there are no intervals: the page says so instead of printing NaN.
        final Study single = new Study("single", "one replication", List.of(TestScenarios.cohort(150, 30),
                TestScenarios.cohort(150, 30, "plan.copay=80").withName("Copay 80")), 1, 3);
        final String page = HtmlReport.render(new Experiment(single, false, 2).run(null, ProgressListener.NONE),
                null, null);
        assertNoUndefinedNumbers(page);
        assertTrue(page.contains(ReportFormat.NO_INTERVAL));
    }

    @Test
    void scenarioTextIsEscaped() {
        assertFalse(html.contains("<x-arm>"), "arm name");
        assertFalse(html.contains("<x-study>"), "study name");
        assertFalse(html.contains("cap < 12"), "study description");
        assertTrue(html.contains("<h1>Caps &lt;x-study&gt; &amp; copays</h1>"));
        assertTrue(html.contains("Does a cap &lt; 12 &amp; a copay &gt; $40 help?"));
        assertTrue(html.contains("Copay &quot;60&quot; &amp; &#39;more&#39;"));
        // Chart text (legends, labels) is escaped too.
        assertTrue(html.contains("Plain &lt;x-arm&gt; &amp;"));
    }

    @Test
    void uncertaintyIsShownWhenGivenAndOtherwiseExplained() throws IOException {
        assertTrue(html.contains("No probabilistic or one-way sensitivity analysis was run for this folder"));
        assertTrue(html.contains("therapysim psa STUDY --draws N") && html.contains("therapysim tornado STUDY"));
        final ExperimentResult result = TestScenarios.compare(2, TestScenarios.cohort(150, 30),
                TestScenarios.cohort(150, 30, "plan.copay=80").withName("Copay 80"));
        final String svg = HtmlReport.inlineSvg(Charts.costEffectivenessPlane(result, Perspective.SOCIETAL, 50_000),
                "psa-plane", "Draws <on> the plane");
        final UncertaintyResults psa = new UncertaintyResults("1,000 draws & more", List.of(
                new UncertaintyResults.Figure(svg, "Draws & their spread")), List.of(new UncertaintyResults.Table(
                        "Tornado <top>", List.of("Parameter", "Low", "High"), List.of(List.of("copay", "1", "2")))));
        final Path file = dir.resolve("with-psa.html");
        HtmlReport.write(result, null, psa, null, file);
        final String page = Files.readString(file);
        assertFalse(page.contains("No probabilistic or one-way sensitivity analysis"));
        assertTrue(page.contains("<caption>Tornado &lt;top&gt;</caption>"));
        assertTrue(page.contains("<figcaption>Draws &amp; their spread</figcaption>"));
        assertTrue(page.contains("<title>Draws &lt;on&gt; the plane</title>"));
        assertTrue(page.contains("<p>1,000 draws &amp; more</p>"));
        assertThrows(IllegalArgumentException.class, () -> new UncertaintyResults.Figure("<div>", ""));
        assertThrows(IllegalArgumentException.class, () -> new UncertaintyResults.Table("t", List.of("a", "b"),
                List.of(List.of("1"))));
    }

    /**
     * Arms placed on the cost-effectiveness plane by hand (cost, QALYs and recoveries per patient,
     * the same in every perspective), so that every kind of cell occurs: dominance both ways, a
     * trade-off costing more, one saving money for less health, and each standing in the
     * incremental analysis.
     */
    @Test
    void economicTablesUseWordsForDominanceAndRatiosForTradeOffs() {
        final ExperimentResult placed = placedArms(List.of(
                new double[] {1000, 0.700, 0.30}, // Reference
                new double[] {900, 0.720, 0.32}, // Cheaper, better: dominates the reference
                new double[] {1100, 0.710, 0.29}, // Dearer, a little better, fewer recoveries
                new double[] {800, 0.650, 0.25}, // Cheaper, worse: saves money for less health
                new double[] {1300, 0.800, 0.40})); // Dearer, better
        final Document page = Jsoup.parse(HtmlReport.render(placed, null, null));
        final Elements tables = page.select("table.ce");
        assertEquals(Perspective.values().length, tables.size());
        for (final Element table : tables) {
            final Map<String, List<String>> cells = new LinkedHashMap<>();
            for (final Element row : table.select("tbody > tr")) {
                cells.put(row.selectFirst("th").text(), row.select("> td").stream().map(HtmlReportTest::cellText)
                        .map(t -> t.replace('\u00a0', ' ')).toList());
            }
            final String caption = table.selectFirst("caption").text();
            assertEquals(List.of("Reference", "Cheaper, better", "Dearer, fewer recoveries", "Cheaper, worse",
                    "Dearer, better"), List.copyOf(cells.keySet()), caption);
            // Columns after cost, QALYs and recoveries: ICER per QALY, ICER per recovery, frontier
            // with the paired differences from the previous frontier arm (the reference has one cell
            // for both ratios). Every replication has the same values, so every difference is
            // detected.
            assertEquals(List.of("reference", "dominated by Cheaper, better"), cells.get("Reference").subList(3, 5),
                    caption);
            assertEquals(List.of("dominates", "dominates", "frontier $1,430/QALY vs Cheaper, worse"
                    + " \u0394 cost +$100 [+$100, +$100] \u0394 QALYs +0.0700 [+0.0700, +0.0700]"),
                    cells.get("Cheaper, better").subList(3, 6), caption);
            assertEquals(List.of("$10,000", "dominated", "dominated by Cheaper, better"),
                    cells.get("Dearer, fewer recoveries").subList(3, 6), caption);
            assertEquals(List.of("$4,000*", "$4,000*", "frontier (least costly)"),
                    cells.get("Cheaper, worse").subList(3, 6), caption);
            assertEquals(List.of("$3,000", "$3,000", "frontier $5,000/QALY vs Cheaper, better"
                    + " \u0394 cost +$400 [+$400, +$400] \u0394 QALYs +0.0800 [+0.0800, +0.0800]"),
                    cells.get("Dearer, better").subList(3, 6), caption);
        }
        assertTrue(page.select("p.note").stream().anyMatch(p -> p.text().contains(
                "* Costs less and gives less: the ratio is the saving per unit of health given up.")),
                "the star is explained");
    }

    /** @return a cell's own text and then each inner element's, separated by spaces */
    private static String cellText(final Element td) {
        final StringBuilder text = new StringBuilder(td.ownText());
        for (final Element child : td.children()) {
            text.append(text.length() == 0 ? "" : " ").append(child.text());
        }
        return text.toString();
    }

    /** A result whose arms have the given cost, QALYs and recoveries per patient in every replication. */
    private static ExperimentResult placedArms(final List<double[]> arms) {
        final List<String> names = List.of("Reference", "Cheaper, better", "Dearer, fewer recoveries",
                "Cheaper, worse", "Dearer, better");
        final List<Scenario> scenarios = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            scenarios.add(TestScenarios.cohort(50, 10).withName(names.get(a)));
        }
        final int replications = 3;
        final Study study = new Study("placed", "arms placed by hand", scenarios, replications, 1L);
        final List<ArmResult> results = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            final List<ReplicationSummary> reps = new ArrayList<>();
            for (int r = 0; r < replications; r++) {
                final Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
                for (final Metric m : Metric.values()) {
                    metrics.put(m, 0.5);
                }
                // The same spread in every arm: paired differences are exactly the placed ones.
                for (final Perspective p : Perspective.values()) {
                    metrics.put(p.cost(), arms.get(a)[0] + 10 * r);
                }
                metrics.put(Metric.QALYS_PER_PATIENT, arms.get(a)[1] + 0.01 * r);
                metrics.put(Metric.RECOVERIES_PER_PATIENT, arms.get(a)[2] + 0.01 * r);
                final double[] curve = new double[SessionCurves.MAX_SESSION];
                Arrays.fill(curve, Double.NaN);
                final Map<EndReason, Integer> reasons = new EnumMap<>(EndReason.class);
                for (final EndReason reason : EndReason.values()) {
                    reasons.put(reason, 1);
                }
                reps.add(new ReplicationSummary(a, r, r + 1, metrics, curve, curve, reasons, 100));
            }
            results.add(new ArmResult(a, study.arms().get(a), reps));
        }
        return new ExperimentResult(study, results, List.of(1, 2, 3));
    }

    @Test
    void numbersAreFormattedForPeople() {
        final ReportFormat usd = new ReportFormat("USD");
        assertEquals("52.3%", ReportFormat.percent(0.52349));
        assertEquals("\u22121.2\u00a0pp", ReportFormat.points(-0.012));
        assertEquals("$1,235", usd.money(1234.5));
        assertEquals("$3.46", usd.money(3.456));
        assertEquals("\u2212$12", usd.money(-12.4));
        assertEquals("+$12", usd.signedMoney(12.4));
        assertEquals("$0.00", usd.signedMoney(-0.001));
        assertEquals("$23,500", usd.roundedMoney(23_456));
        assertEquals("\u2212$1,240,000", usd.roundedMoney(-1_237_000));
        assertEquals("$73.89", usd.setting(73.89));
        assertEquals("$20", usd.setting(20));
        assertEquals("\u20ac5", new ReportFormat("EUR").setting(5));
        assertEquals("CHF\u00a05", new ReportFormat("CHF").setting(5));
        assertEquals("0.0", ReportFormat.number(-0.00001, 1));
        assertEquals("1,234.6", ReportFormat.number(1234.56, 1));
        assertEquals("n/a", ReportFormat.number(Double.NaN, 1));
        assertEquals("n/a", usd.money(Double.POSITIVE_INFINITY));
        assertEquals("[1.0, 2.0]", ReportFormat.interval(new MetricSummary(1.5, 1, 1, 2, 3), v -> ReportFormat.number(v, 1)));
        assertEquals(ReportFormat.NO_INTERVAL, ReportFormat.interval(new MetricSummary(1.5, Double.NaN, Double.NaN,
                Double.NaN, 1), v -> ReportFormat.number(v, 1)));
    }

    private static void assertNoUndefinedNumbers(final String page) {
        final String text = page.replaceAll("<[^>]*>", " ");
        for (final String word : List.of("NaN", "Infinity", "\u221e")) {
            assertFalse(text.contains(word), word + " shown to the reader");
        }
    }

    private static String between(final String text, final String from, final String to) {
        final int start = text.indexOf(from);
        final int end = text.indexOf(to, start);
        assertTrue(start >= 0 && end > start, from + " ... " + to);
        return text.substring(start, end);
    }

    private static int count(final String text, final String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}

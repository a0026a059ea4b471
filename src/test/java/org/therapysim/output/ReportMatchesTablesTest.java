package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.CommandRun;
import org.therapysim.TestScenarios;
import org.therapysim.experiment.Perspective;

/**
 * Every number in the tables of {@code report.html} is the number in the CSV files of the same
 * folder, as the report rounds it: a comparison of three shipped designs is run as on the command
 * line, the page is parsed as HTML and each cell is read as a number and compared with the CSV
 * value within half a unit of the last digit the page shows. The formats (unit, sign, decimals)
 * are the report's documented ones and are checked too, so a cell that shows the wrong column, the
 * wrong arm, a lost sign or a changed rounding fails. The tables that only the psa and tornado
 * commands add are checked against their own CSV files on a small study.
 */
class ReportMatchesTablesTest {
    private static final List<String> ARMS = List.of("No cap", "Cap 6, then stop", "High copay");

    @TempDir
    static Path dir;
    private static Path folder;
    private static Document page;
    /** summary.csv by arm, then metric. */
    private static final Map<String, Map<String, CSVRecord>> SUMMARY = new LinkedHashMap<>();
    /** cost_effectiveness.csv by perspective, then arm. */
    private static final Map<String, Map<String, CSVRecord>> ECONOMICS = new LinkedHashMap<>();

    @BeforeAll
    static void compareThreeDesigns() throws IOException {
        folder = dir.resolve("designs");
        final CommandRun run = CommandRun.of("compare", "scenarios/baseline.yaml", "scenarios/cap-6-stop.yaml",
                "scenarios/high-copay.yaml", "-n", "3", "--seed", "2024", "-q", "-o", folder.toString());
        assertEquals(0, run.status(), run.err());
        page = Jsoup.parse(folder.resolve("report.html").toFile(), "UTF-8");
        for (final CSVRecord row : csv(folder.resolve("summary.csv"))) {
            SUMMARY.computeIfAbsent(row.get("arm"), a -> new LinkedHashMap<>()).put(row.get("metric"), row);
        }
        for (final CSVRecord row : csv(folder.resolve("cost_effectiveness.csv"))) {
            ECONOMICS.computeIfAbsent(row.get("perspective"), p -> new LinkedHashMap<>()).put(row.get("arm"), row);
        }
        assertEquals(ARMS, List.copyOf(SUMMARY.keySet()), "arms in summary.csv");
        assertEquals(List.of("payer", "employer", "healthcare", "societal"), List.copyOf(ECONOMICS.keySet()));
    }

    private static List<CSVRecord> csv(final Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void theReportHasExactlyTheTablesThisTestReads() {
        final List<String> classes = page.select("table").stream().map(Element::className).toList();
        assertEquals(List.of("arms", "results", "results", "ce", "ce", "ce", "ce", "budget", "impact"), classes,
                "a new table in the report needs its numbers checked here");
    }

    @Test
    void headlineTablesShowSummaryCsv() {
        final Map<String, Column> columns = Map.of(
                "Recovery", new Column("recovery_rate", Kind.PERCENT, Kind.POINTS, Kind.POINT_ENDS),
                "Dropout", new Column("dropout_rate", Kind.PERCENT, Kind.POINTS, Kind.POINT_ENDS),
                "Sessions", new Column("mean_sessions", Kind.NUMBER_1, Kind.SIGNED_1, Kind.SIGNED_1),
                "Declined", new Column("declined_rate", Kind.PERCENT, Kind.POINTS, Kind.POINT_ENDS),
                "Ended at cap", new Column("cap_reached_rate", Kind.PERCENT, Kind.POINTS, Kind.POINT_ENDS),
                "Recoveries per patient", new Column("recoveries_per_patient", Kind.NUMBER_3, Kind.SIGNED_3,
                        Kind.SIGNED_3),
                "QALYs per patient", new Column("qalys_per_patient", Kind.NUMBER_3, Kind.SIGNED_4, Kind.SIGNED_4),
                "Payer cost per patient", new Column("cost_per_patient_payer", Kind.MONEY, Kind.SIGNED_MONEY,
                        Kind.SIGNED_MONEY),
                "Plan cost PMPM", new Column("plan_cost_pmpm", Kind.MONEY, Kind.SIGNED_MONEY, Kind.SIGNED_MONEY));
        final Elements tables = page.select("table.results");
        assertEquals(2, tables.size());
        int cells = 0;
        for (final Element table : tables) {
            final List<String> headers = headers(table);
            assertEquals("Arm", headers.get(0));
            final List<Element> rows = bodyRows(table);
            assertEquals(ARMS, rows.stream().map(ReportMatchesTablesTest::rowArm).toList(), "rows in arm order");
            for (final Element row : rows) {
                final String arm = rowArm(row);
                final Elements tds = row.select("> td");
                assertEquals(headers.size() - 1, tds.size(), arm);
                for (int c = 0; c < tds.size(); c++) {
                    final String header = headers.get(c + 1);
                    final Column column = columns.get(header);
                    assertNotNull(column, "unknown headline column " + header);
                    final CSVRecord csv = summary(arm, column.metric());
                    final String where = arm + " / " + header;
                    final Element td = tds.get(c);
                    estimate(td, column.value(), csv.get("mean"), csv.get("ci_low"), csv.get("ci_high"), where);
                    if (arm.equals(ARMS.get(0))) {
                        assertReference(td, where);
                    } else {
                        difference(td, column.difference(), column.ends(), csv.get("diff_vs_reference"),
                                csv.get("diff_ci_low"), csv.get("diff_ci_high"), where);
                    }
                    cells++;
                }
            }
        }
        assertEquals(ARMS.size() * columns.size(), cells, "every headline cell read");
    }

    @Test
    void perspectiveTablesShowCostEffectivenessCsv() {
        final Elements tables = page.select("table.ce");
        assertEquals(4, tables.size());
        final List<String> perspectives = List.copyOf(ECONOMICS.keySet());
        for (int t = 0; t < tables.size(); t++) {
            final Element table = tables.get(t);
            final String perspective = perspectives.get(t);
            final String label = Perspective.valueOf(perspective.toUpperCase(java.util.Locale.ROOT)).label();
            assertTrue(table.selectFirst("caption").text().startsWith(label + " perspective"),
                    table.selectFirst("caption").text());
            assertEquals(List.of("Arm", "Cost", "QALYs", "Recov.", "ICER /QALY", "ICER /recov.", "Frontier",
                    "\u0394 NMB"), headers(table));
            final List<Element> rows = bodyRows(table);
            assertEquals(ARMS, rows.stream().map(ReportMatchesTablesTest::rowArm).toList(), perspective);
            for (final Element row : rows) {
                final String arm = rowArm(row);
                final CSVRecord csv = ECONOMICS.get(perspective).get(arm);
                assertNotNull(csv, perspective + " / " + arm + " in cost_effectiveness.csv");
                final String where = perspective + " / " + arm;
                final Elements tds = row.select("> td");
                final boolean reference = arm.equals(ARMS.get(0));
                assertEquals(reference ? 6 : 7, tds.size(), where);
                final Element cost = tds.get(0);
                final Element qalys = tds.get(1);
                final Element recoveries = tds.get(2);
                estimate(cost, Kind.MONEY, csv.get("cost"), csv.get("cost_ci_low"), csv.get("cost_ci_high"),
                        where + " cost");
                estimate(qalys, Kind.NUMBER_3, csv.get("qalys"), csv.get("qalys_ci_low"), csv.get("qalys_ci_high"),
                        where + " QALYs");
                estimate(recoveries, Kind.NUMBER_3, csv.get("recoveries"), csv.get("recoveries_ci_low"),
                        csv.get("recoveries_ci_high"), where + " recoveries");
                final Element frontier;
                final Element netBenefit;
                if (reference) {
                    assertReference(cost, where);
                    assertReference(qalys, where);
                    assertReference(recoveries, where);
                    assertEquals("2", tds.get(3).attr("colspan"), where);
                    assertEquals("reference", tds.get(3).text(), where);
                    frontier = tds.get(4);
                    netBenefit = tds.get(5);
                    assertEquals("reference", netBenefit.text(), where + " NMB");
                    assertEquals("", csv.get("incremental_net_monetary_benefit"), where);
                } else {
                    difference(cost, Kind.SIGNED_MONEY, Kind.SIGNED_MONEY, csv.get("incremental_cost"),
                            csv.get("incremental_cost_ci_low"), csv.get("incremental_cost_ci_high"), where + " cost");
                    difference(qalys, Kind.SIGNED_4, Kind.SIGNED_4, csv.get("incremental_qalys"),
                            csv.get("incremental_qalys_ci_low"), csv.get("incremental_qalys_ci_high"),
                            where + " QALYs");
                    difference(recoveries, Kind.SIGNED_3, Kind.SIGNED_3, csv.get("incremental_recoveries"),
                            csv.get("incremental_recoveries_ci_low"), csv.get("incremental_recoveries_ci_high"),
                            where + " recoveries");
                    ratio(tds.get(3), csv.get("incremental_cost"), csv.get("incremental_qalys"),
                            csv.get("cost_per_qaly_vs_reference"), csv.get("difference_detected_vs_reference"),
                            where + " ICER per QALY");
                    assertEquals(quadrantWord(csv.get("vs_reference")), ratioWord(tds.get(3).text()),
                            where + ": ICER cell against vs_reference " + csv.get("vs_reference"));
                    ratio(tds.get(4), csv.get("incremental_cost"), csv.get("incremental_recoveries"),
                            csv.get("cost_per_recovery_vs_reference"),
                            csv.get("recovery_difference_detected_vs_reference"), where + " ICER per recovery");
                    frontier = tds.get(5);
                    netBenefit = tds.get(6);
                    difference(netBenefit, Kind.SIGNED_MONEY, Kind.SIGNED_MONEY,
                            csv.get("incremental_net_monetary_benefit"),
                            csv.get("incremental_net_monetary_benefit_ci_low"),
                            csv.get("incremental_net_monetary_benefit_ci_high"), where + " NMB");
                }
                frontier(frontier, csv, where);
            }
        }
    }

    @Test
    void budgetImpactTableShowsSummaryAndCostEffectivenessCsv() {
        final Element table = page.selectFirst("table.budget");
        assertNotNull(table);
        assertEquals(List.of("Arm", "Plan cost PMPM", "Change PMPM", "Change per year"), headers(table));
        final List<Element> rows = bodyRows(table);
        assertEquals(ARMS, rows.stream().map(ReportMatchesTablesTest::rowArm).toList());
        for (final Element row : rows) {
            final String arm = rowArm(row);
            final CSVRecord pmpm = summary(arm, "plan_cost_pmpm");
            final CSVRecord payer = ECONOMICS.get("payer").get(arm);
            final Elements tds = row.select("> td");
            estimate(tds.get(0), Kind.MONEY, pmpm.get("mean"), pmpm.get("ci_low"), pmpm.get("ci_high"), arm);
            if (arm.equals(ARMS.get(0))) {
                assertEquals(2, tds.size(), arm);
                assertEquals("reference", tds.get(1).text());
                continue;
            }
            assertEquals(3, tds.size(), arm);
            difference(tds.get(1), Kind.SIGNED_MONEY, Kind.SIGNED_MONEY, pmpm.get("diff_vs_reference"),
                    pmpm.get("diff_ci_low"), pmpm.get("diff_ci_high"), arm + " change PMPM");
            // The two tables agree on the change per member per month, and the change per year is
            // the same change for the covered members over twelve months.
            assertClose(value(pmpm.get("diff_vs_reference")), value(payer.get("budget_impact_pmpm")), 1e-6,
                    arm + ": budget impact PMPM in both tables");
            final double perYear = value(payer.get("budget_impact_per_year")) / value(payer.get("budget_impact_pmpm"));
            assertEquals(12.0 * 100_000, perYear, 1.0, arm + ": 12 months of the baseline's 100,000 members");
            difference(tds.get(2), Kind.ROUNDED_SIGNED_MONEY, Kind.ROUNDED_SIGNED_MONEY,
                    payer.get("budget_impact_per_year"), times(pmpm.get("diff_ci_low"), perYear),
                    times(pmpm.get("diff_ci_high"), perYear), arm + " change per year");
        }
    }

    @Test
    void armsTableShowsTheResolvedPlans() throws IOException {
        final String yaml = Files.readString(folder.resolve("scenario.yaml"));
        final Element table = page.selectFirst("table.arms");
        assertNotNull(table);
        final List<String> headers = headers(table);
        // The designs differ in their cap and copay only; nothing else is shown.
        assertEquals(List.of("Arm", "Cap", "At cap", "Copay"), headers);
        final List<Element> rows = bodyRows(table);
        assertEquals(ARMS, rows.stream().map(ReportMatchesTablesTest::rowArm).toList());
        final List<String> caps = new ArrayList<>();
        final List<String> copays = new ArrayList<>();
        for (final Element row : rows) {
            caps.add(row.select("> td").get(0).text());
            copays.add(row.select("> td").get(2).text());
            assertEquals(row.select("> td").get(0).text().equals("none") ? "\u2013" : "stop",
                    row.select("> td").get(1).text(), rowArm(row) + ": at cap");
        }
        assertEquals(List.of("none", "6/yr", "none"), caps);
        final List<Double> shownCopays = copays.stream().map(t -> parse(t).value()).toList();
        assertEquals(List.of(20.0, 20.0, 60.0), shownCopays);
        // The same plans as in the scenario file written beside the report.
        final Matcher copay = Pattern.compile("(?m)^\\s+copay: ([0-9.]+)$").matcher(yaml);
        final List<Double> written = new ArrayList<>();
        while (copay.find()) {
            written.add(Double.parseDouble(copay.group(1)));
        }
        assertEquals(shownCopays, written, "copays in scenario.yaml");
        assertEquals(List.of(false, true, false),
                rows.stream().map(r -> r.select("> td").get(0).hasClass("chg")).toList(), "changed cap marked");
        assertEquals(List.of(false, false, true),
                rows.stream().map(r -> r.select("> td").get(2).hasClass("chg")).toList(), "changed copay marked");
    }

    @Test
    void headerCountsTheReplicationsAndArmsOfTheTables() {
        final String meta = page.selectFirst("header p.meta").text();
        final Matcher m = Pattern.compile("master seed (\\d+) \u00b7 (\\d+) replications per arm \u00b7 (\\d+) arms")
                .matcher(meta);
        assertTrue(m.find(), meta);
        assertEquals("2024", m.group(1));
        assertEquals(summary(ARMS.get(0), "recovery_rate").get("n"), m.group(2), "replications in summary.csv");
        assertEquals(String.valueOf(ARMS.size()), m.group(3));
    }

    @Test
    void probabilisticAnalysisTablesShowAcceptabilityNoiseAndEvppiCsv() throws IOException {
        final Path out = dir.resolve("psa");
        final CommandRun run = CommandRun.of("psa", uncertainStudy().toString(), "--draws", "6", "--per-draw", "2",
                "--seed", "8", "-q", "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        final Document psa = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
        final Elements tables = uncertaintyTables(psa, 3);
        final Element table = tables.get(0);
        assertEquals(List.of("Perspective", "Most often cost-effective", "Share of draws", "EVPI per patient",
                "EVPI a year", "EVPI with noise, per patient"), headers(table));
        final List<CSVRecord> acceptability = csv(out.resolve("acceptability.csv"));
        final String wtp = csv(out.resolve("psa_summary.csv")).get(0).get("willingness_to_pay");
        final String caption = table.selectFirst("caption").text();
        show(between(caption, "analysis at ", " per QALY"), Kind.ROUNDED_MONEY, wtp, "caption");
        final List<Element> rows = bodyRows(table);
        assertEquals(java.util.Arrays.stream(Perspective.values()).map(Perspective::label).toList(),
                rows.stream().map(r -> r.select("> td").get(0).text()).toList());
        for (final Element row : rows) {
            final List<String> cells = row.select("> td").stream().map(Element::text).toList();
            final String perspective = java.util.Arrays.stream(Perspective.values())
                    .filter(p -> p.label().equals(cells.get(0))).findFirst().orElseThrow().id();
            CSVRecord best = null;
            for (final CSVRecord r : acceptability) {
                if (r.get("perspective").equals(perspective) && value(r.get("willingness_to_pay")) == value(wtp)
                        && (best == null || value(r.get("probability_cost_effective_corrected"))
                                > value(best.get("probability_cost_effective_corrected")))) {
                    best = r;
                }
            }
            assertNotNull(best, perspective);
            assertEquals(best.get("arm"), cells.get(1), perspective + ": the arm most often cost-effective");
            show(cells.get(2), Kind.PERCENT, best.get("probability_cost_effective_corrected"), perspective + " share");
            final String[] evpi = cells.get(3).split(" \u00b1 ");
            assertEquals(2, evpi.length, cells.get(3));
            show(evpi[0], Kind.MONEY, best.get("evpi_corrected_per_patient"), perspective + " EVPI per patient");
            show(evpi[1], Kind.MONEY, best.get("evpi_corrected_se_per_patient"), perspective + " its error");
            show(cells.get(4), Kind.ROUNDED_MONEY, best.get("evpi_corrected_per_year"), perspective + " EVPI a year");
            show(cells.get(5), Kind.MONEY, best.get("evpi_per_patient"), perspective + " EVPI with noise");
            if (value(best.get("evpi_per_patient")) > 0) {
                final double seekers = value(best.get("evpi_per_year")) / value(best.get("evpi_per_patient"));
                assertTrue(caption.contains("for a year's " + Math.round(seekers) + " treatment-seekers"),
                        caption + " against " + seekers);
            }
        }
        // The noise shares of the incremental net benefit, arm by arm and perspective by perspective.
        final List<CSVRecord> noise = csv(out.resolve("psa_noise.csv"));
        final Element shares = tables.get(1);
        final List<String> labels = java.util.Arrays.stream(Perspective.values()).map(Perspective::label).toList();
        final List<String> armAndLabels = new ArrayList<>(List.of("Arm"));
        armAndLabels.addAll(labels);
        assertEquals(armAndLabels, headers(shares));
        final List<Element> shareRows = bodyRows(shares);
        assertEquals(1, shareRows.size(), "one arm besides the reference");
        final List<String> shareCells = shareRows.get(0).select("> td").stream().map(Element::text).toList();
        final String arm = shareCells.get(0);
        final String[] perspectives = java.util.Arrays.stream(Perspective.values()).map(Perspective::id)
                .toArray(String[]::new);
        for (int p = 0; p < perspectives.length; p++) {
            final String who = perspectives[p];
            final CSVRecord r = noise.stream().filter(x -> x.get("perspective").equals(who) && x.get("arm").equals(arm)
                    && x.get("quantity").equals("incremental_net_benefit")).findFirst().orElseThrow();
            show(shareCells.get(1 + p), Kind.PERCENT, r.get("noise_share"), who + " noise share");
        }
        // EVPPI: each input, and all inputs, per perspective, with its standard error.
        final List<CSVRecord> evppi = csv(out.resolve("evppi.csv"));
        final Element partial = tables.get(2);
        final List<String> inputsAndLabels = new ArrayList<>(List.of("Inputs"));
        inputsAndLabels.addAll(labels);
        assertEquals(inputsAndLabels, headers(partial));
        final List<Element> partialRows = bodyRows(partial);
        assertEquals(List.of("dynamics.relapse.oneYearRisk", "patients.employmentRate", "all inputs"),
                partialRows.stream().map(r -> r.select("> td").get(0).text()).toList());
        for (final Element row : partialRows) {
            final List<String> cells = row.select("> td").stream().map(Element::text).toList();
            for (int p = 0; p < perspectives.length; p++) {
                final String who = perspectives[p];
                final CSVRecord r = evppi.stream().filter(x -> x.get("perspective").equals(who)
                        && x.get("inputs").equals(cells.get(0))).findFirst().orElseThrow();
                final String[] parts = cells.get(1 + p).split(" \u00b1 ");
                assertEquals(2, parts.length, cells.get(1 + p));
                show(parts[0], Kind.MONEY, r.get("evppi_per_patient"), who + " " + cells.get(0));
                show(parts[1], Kind.MONEY, r.get("se_per_patient"), who + " " + cells.get(0) + " error");
            }
        }
    }

    @Test
    void tornadoTableShowsTornadoCsv() throws IOException {
        final Path out = dir.resolve("tornado");
        final CommandRun run = CommandRun.of("tornado", uncertainStudy().toString(), "--seed", "8", "-n", "3", "-q",
                "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        final Document tornado = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
        final Element table = uncertaintyTable(tornado);
        assertEquals(List.of("Input", "2.5th to 97.5th percentile", "At low end", "At high end",
                "High less low (95% interval)"), headers(table));
        final List<CSVRecord> bars = csv(out.resolve("tornado.csv"));
        final List<Element> rows = bodyRows(table);
        assertEquals(bars.size(), rows.size());
        assertEquals(2, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            final List<String> cells = rows.get(i).select("> td").stream().map(Element::text).toList();
            final CSVRecord bar = bars.get(i);
            final String where = bar.get("parameter");
            assertEquals(bar.get("parameter"), cells.get(0), "bars in the CSV's order");
            final String[] range = cells.get(1).split(" to ");
            assertEquals(2, range.length, cells.get(1));
            threeDigits(range[0], bar.get("low_value"), where + " low value");
            threeDigits(range[1], bar.get("high_value"), where + " high value");
            threeDigits(cells.get(2), bar.get("outcome_at_low"), where + " outcome at low");
            threeDigits(cells.get(3), bar.get("outcome_at_high"), where + " outcome at high");
            final Matcher interval = Pattern.compile("(\\S+) \\[(\\S+), (\\S+)\\]( within noise)?").matcher(cells.get(4));
            assertTrue(interval.matches(), cells.get(4));
            threeDigits(interval.group(1), bar.get("high_less_low"), where + " high less low");
            threeDigits(interval.group(2), bar.get("high_less_low_ci_low"), where + " its interval's low end");
            threeDigits(interval.group(3), bar.get("high_less_low_ci_high"), where + " its interval's high end");
            assertEquals(!Boolean.parseBoolean(bar.get("outside_noise")), interval.group(4) != null, where);
            if (i > 0) {
                assertTrue(value(bars.get(i - 1).get("swing")) >= value(bar.get("swing")), "widest first");
            }
        }
    }

    /** A study of two small designs with two uncertain inputs, for psa and tornado. */
    private static Path uncertainStudy() {
        final Path a = TestScenarios.smallBaseline(dir, "a", "");
        final Path b = TestScenarios.smallBaseline(dir, "b", "plan: {copay: 60}\n");
        return TestScenarios.write(dir, "uncertain.yaml", "study: uncertain\nreplications: 1\narms: [" + a + ", " + b
                + "]\npsa:\n  - {key: dynamics.relapse.oneYearRisk, distribution: beta, mean: 0.29, sd: 0.05}\n"
                + "  - {key: patients.employmentRate, distribution: uniform, low: 0.5, high: 0.7}\n");
    }

    /** @return the one table of the page's uncertainty section */
    private static Element uncertaintyTable(final Document document) {
        return uncertaintyTables(document, 1).get(0);
    }

    /** @return the tables of the page's uncertainty section, checked to be {@code count} */
    private static Elements uncertaintyTables(final Document document, final int count) {
        final Elements tables = document.select("section#uncertainty table");
        assertEquals(count, tables.size(), "tables in the uncertainty section");
        return tables;
    }

    /** A number shown to three significant digits, plain (as the uncertainty tables write them). */
    private static void threeDigits(final String text, final String csv, final String where) {
        assertTrue(text.matches("-?\\d+(\\.\\d+)?"), where + ": \"" + text + "\"");
        final double expected = value(csv);
        final double shown = Double.parseDouble(text);
        final double half = expected == 0 ? 0 : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(expected))) - 2);
        assertTrue(Math.abs(shown - expected) <= half * (1 + 1e-9) + 1e-12 * Math.abs(expected),
                where + ": page shows " + text + ", CSV has " + csv);
    }

    private static String between(final String text, final String from, final String to) {
        final int start = text.indexOf(from);
        final int end = text.indexOf(to, start + from.length());
        assertTrue(start >= 0 && end > start, text);
        return text.substring(start + from.length(), end);
    }

    @Test
    void numberReaderRejectsWhatItShould() {
        // The comparison's own parts: a reader that accepted anything could not fail.
        assertEquals(-1234.5, parse("\u2212$1,234.5").value());
        assertEquals(1, parse("\u2212$1,234.5").decimals());
        assertEquals(12.3, parse("+12.3\u00a0pp").value());
        assertEquals("pp", parse("+12.3\u00a0pp").unit());
        assertEquals(23_500.0, parse("$23,500*").value());
        assertTrue(parse("$23,500*").starred());
        assertThrows(() -> parse("12,34"));
        assertThrows(() -> parse("NaN"));
        assertThrows(() -> parse("1.2.3"));
        assertThrows(() -> show("52.4%", Kind.PERCENT, "0.5226", "test"));
        show("52.3%", Kind.PERCENT, "0.5226", "test");
        assertThrows(() -> show("52.3", Kind.PERCENT, "0.5226", "test"));
        assertThrows(() -> show("$1,235", Kind.SIGNED_MONEY, "1234.6", "test"));
        assertThrows(() -> show("\u2212$1,235", Kind.SIGNED_MONEY, "1234.6", "test"));
        show("+$1,235", Kind.SIGNED_MONEY, "1234.6", "test");
        assertThrows(() -> show("$1,240", Kind.MONEY, "1234.6", "test"));
        show("$1,230", Kind.ROUNDED_MONEY, "1234.6", "test");
        assertThrows(() -> show("$1,240", Kind.ROUNDED_MONEY, "1234.6", "test"));
        assertThrows(() -> show("0.524", Kind.NUMBER_3, "0.5226", "test"));
        show("n/a", Kind.NUMBER_3, "", "test");
        assertThrows(() -> show("0.000", Kind.NUMBER_3, "", "test"));
    }

    private static void assertThrows(final Runnable check) {
        org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, check::run);
    }

    // ------------------------------------------------------------------ reading the page

    /** A headline column: the metric and how its mean, its difference and the difference's interval are shown. */
    private record Column(String metric, Kind value, Kind difference, Kind ends) {
    }

    @Test
    void keyFindingsRestateSummaryAndCostEffectivenessCsv() {
        final Elements items = page.select("aside.findings li");
        assertEquals(ARMS.size() - 1, items.size(), "one sentence per design");
        final Pattern sentence = Pattern.compile("(.+): recovery among finished courses (\\S+ pp) (\\[[^]]+]); "
                + "recoveries per 1,000 people who sought care (\\S+) (\\[[^]]+]); episodes started (\\S+ pp) "
                + "(\\[[^]]+]); plan cost per member per month (\\S+) (\\[[^]]+]); for the payer, (.+)\\.");
        final Pattern payer = Pattern.compile(".*?(\\S+) (\\[[^]]+]) per person.*?(\\S+) (\\[[^]]+]) QALYs.*"
                + "net monetary benefit (\\S+) (\\[[^]]+]) per person at .*");
        for (int i = 0; i < items.size(); i++) {
            final String text = items.get(i).text();
            final String arm = ARMS.get(i + 1);
            final Matcher m = sentence.matcher(text);
            assertTrue(m.matches(), "the sentence's shape: " + text);
            assertEquals(arm, m.group(1));
            final CSVRecord recovery = summary(arm, "recovery_rate");
            show(m.group(2).replace("\u00a0", " ").replace(" pp", "\u00a0pp"), Kind.POINTS,
                    recovery.get("diff_vs_reference"), arm + " recovery");
            final CSVRecord perSeeker = summary(arm, "recoveries_per_patient");
            show(m.group(4), Kind.SIGNED_1, thousand(perSeeker.get("diff_vs_reference")), arm + " per 1,000 seekers");
            interval(m.group(5), Kind.SIGNED_1, thousand(perSeeker.get("diff_ci_low")),
                    thousand(perSeeker.get("diff_ci_high")), arm + " per 1,000 seekers interval");
            show(m.group(6), Kind.POINTS, summary(arm, "started_rate").get("diff_vs_reference"), arm + " started");
            final CSVRecord pmpm = summary(arm, "plan_cost_pmpm");
            show(m.group(8), Kind.SIGNED_MONEY, pmpm.get("diff_vs_reference"), arm + " plan cost PMPM");
            interval(m.group(9), Kind.SIGNED_MONEY, pmpm.get("diff_ci_low"), pmpm.get("diff_ci_high"),
                    arm + " plan cost PMPM interval");
            final CSVRecord ce = ECONOMICS.get("payer").get(arm);
            final Matcher p = payer.matcher(m.group(10));
            assertTrue(p.matches(), arm + ": " + m.group(10));
            show(p.group(1), Kind.SIGNED_MONEY, ce.get("incremental_cost"), arm + " payer cost");
            interval(p.group(2), Kind.SIGNED_MONEY, ce.get("incremental_cost_ci_low"),
                    ce.get("incremental_cost_ci_high"), arm + " payer cost interval");
            show(p.group(3), Kind.SIGNED_4, ce.get("incremental_qalys"), arm + " QALYs");
            show(p.group(5), Kind.SIGNED_MONEY, ce.get("incremental_net_monetary_benefit"), arm + " NMB");
            interval(p.group(6), Kind.SIGNED_MONEY, ce.get("incremental_net_monetary_benefit_ci_low"),
                    ce.get("incremental_net_monetary_benefit_ci_high"), arm + " NMB interval");
            final boolean qalysDiffer = value(ce.get("incremental_qalys_ci_low")) > 0
                    || value(ce.get("incremental_qalys_ci_high")) < 0;
            assertEquals(!qalysDiffer, m.group(10).contains("no detectable difference in QALYs")
                    || m.group(10).contains("no detectable difference in cost ("), arm + ": " + m.group(10));
        }
    }

    private static String thousand(final String csv) {
        return csv.isEmpty() ? csv : new BigDecimal(csv).movePointRight(3).toPlainString();
    }

    @Test
    void impactTableShowsImpactInventoryCsv() throws IOException {
        final Element table = page.selectFirst("table.impact");
        final List<CSVRecord> inventory = csv(folder.resolve("impact_inventory.csv"));
        final List<String> expectedHeaders = new ArrayList<>(List.of("Sector", "Impact", "Measured by"));
        for (final Perspective p : Perspective.values()) {
            expectedHeaders.add(p.label());
        }
        assertEquals(expectedHeaders, headers(table));
        final List<Element> rows = bodyRows(table);
        assertEquals(inventory.size(), rows.size(), "one row per impact");
        for (int i = 0; i < rows.size(); i++) {
            final CSVRecord csv = inventory.get(i);
            final Element row = rows.get(i);
            final String where = csv.get("impact");
            assertEquals(csv.get("sector"), row.select("> td").get(0).text(), where);
            assertEquals(csv.get("impact"), rowArm(row), where);
            assertEquals(csv.get("measured_by").isEmpty() ? csv.get("note") : csv.get("measured_by"),
                    row.select("> td").get(1).text(), where);
            final Perspective[] perspectives = Perspective.values();
            for (int p = 0; p < perspectives.length; p++) {
                assertEquals(csv.get("counted_" + perspectives[p].id()), row.select("> td").get(2 + p).text(),
                        where + " / " + perspectives[p].id());
            }
        }
    }

    private static List<String> headers(final Element table) {
        return table.select("thead th").stream().map(Element::text).toList();
    }

    private static List<Element> bodyRows(final Element table) {
        return table.select("tbody > tr");
    }

    private static String rowArm(final Element row) {
        return row.selectFirst("> th[scope=row]").text();
    }

    private static CSVRecord summary(final String arm, final String metric) {
        final CSVRecord row = SUMMARY.get(arm).get(metric);
        assertNotNull(row, arm + " / " + metric + " in summary.csv");
        return row;
    }

    /** The spans of a cell: mean, its interval, and then the difference and its interval. */
    private static Elements spans(final Element td) {
        return td.select("> span");
    }

    private static void estimate(final Element td, final Kind kind, final String mean, final String low,
            final String high, final String where) {
        final Elements spans = spans(td);
        assertTrue(spans.size() >= 2, where + ": " + td);
        assertTrue(spans.get(0).hasClass("v") && spans.get(1).hasClass("ci"), where + ": " + td);
        show(spans.get(0).text(), kind, mean, where + " mean");
        interval(spans.get(1).text(), kind, low, high, where + " interval");
    }

    private static void assertReference(final Element td, final String where) {
        final Elements spans = spans(td);
        assertEquals(3, spans.size(), where + ": " + td);
        assertTrue(spans.get(2).hasClass("d"), where);
        assertEquals("reference", spans.get(2).text(), where);
    }

    private static void difference(final Element td, final Kind kind, final Kind ends, final String mean,
            final String low, final String high, final String where) {
        final Elements all = spans(td);
        // A difference below an estimate (four spans) or alone in its cell (two).
        assertTrue(all.size() == 4 || all.size() == 2, where + ": " + td);
        final Element d = all.get(all.size() - 2);
        final Element ci = all.get(all.size() - 1);
        assertTrue(d.hasClass("d") && ci.hasClass("ci"), where);
        show(d.text(), kind, mean, where + " difference");
        interval(ci.text(), ends, low, high, where + " difference interval");
        final boolean excludesZero = !low.isEmpty() && !high.isEmpty() && (value(low) > 0 || value(high) < 0);
        assertEquals(excludesZero, d.selectFirst("b") != null,
                where + ": bold exactly when the interval [" + low + ", " + high + "] excludes zero");
    }

    private static void interval(final String text, final Kind kind, final String low, final String high,
            final String where) {
        if (low.isEmpty() || high.isEmpty()) {
            assertEquals(ReportFormat.NO_INTERVAL, text, where);
            return;
        }
        assertTrue(text.startsWith("[") && text.endsWith("]"), where + ": " + text);
        final String[] ends = text.substring(1, text.length() - 1).split(", ");
        assertEquals(2, ends.length, where + ": " + text);
        show(ends[0], kind, low, where + " low end");
        show(ends[1], kind, high, where + " high end");
    }

    /**
     * An ICER cell: the word for a dominance, "no detectable difference" for a trade-off the CSV
     * says is not detected (with no ratio in the CSV), or the ratio of the CSV rounded to three
     * significant digits.
     */
    private static void ratio(final Element td, final String cost, final String effect, final String icer,
            final String detected, final String where) {
        assertTrue(detected.equals("true") || detected.equals("false"), where + ": detected " + detected);
        final double c = value(cost);
        final double e = value(effect);
        final String text = td.text();
        if (c == 0 && e == 0) {
            assertEquals("no difference", text, where);
        } else if (c <= 0 && e >= 0) {
            assertEquals("dominates", text, where);
            assertEquals("", icer, where + ": no ratio in the CSV");
        } else if (c >= 0 && e <= 0) {
            assertEquals("dominated", text, where);
            assertEquals("", icer, where + ": no ratio in the CSV");
        } else if (detected.equals("false")) {
            assertEquals(HtmlReport.NO_DETECTABLE_DIFFERENCE, text, where);
            assertEquals("", icer, where + ": no ratio in the CSV for noise");
        } else {
            assertFalse(icer.isEmpty(), where + ": a detected trade-off has its ratio in the CSV");
            final Shown shown = show(text, Kind.ROUNDED_MONEY, icer, where);
            assertEquals(c < 0, shown.starred(), where + ": a saving per unit given up is starred");
        }
    }

    /** @return the category of an ICER cell's text */
    private static String ratioWord(final String text) {
        return switch (text) {
            case "dominates", "no difference" -> "dominates";
            case HtmlReport.NO_DETECTABLE_DIFFERENCE -> "ratio";
            case "dominated" -> "dominated";
            default -> "ratio";
        };
    }

    /** @return the category of the CSV's vs_reference */
    private static String quadrantWord(final String vsReference) {
        return switch (vsReference) {
            case "dominates the reference" -> "dominates";
            case "dominated by the reference" -> "dominated";
            case "costs more, more QALYs", "costs less, fewer QALYs" -> "ratio";
            default -> fail("unexpected vs_reference " + vsReference);
        };
    }

    private static void frontier(final Element td, final CSVRecord csv, final String where) {
        final String text = td.text();
        switch (csv.get("status")) {
            case "dominated" -> assertEquals("dominated by " + csv.get("dominated_by"), text, where);
            case "extendedly_dominated" -> assertEquals("extendedly dominated", text, where);
            case "frontier" -> {
                final String comparator = csv.get("frontier_comparator");
                if (comparator.isEmpty()) {
                    assertEquals("frontier (least costly)", text, where);
                    break;
                }
                final Elements details = td.select("> span.ci");
                assertEquals(3, details.size(), where + ": label, then cost and QALYs against " + comparator);
                final String ratio = details.get(0).text();
                final String suffix = " vs " + comparator;
                assertTrue(ratio.endsWith(suffix), where + ": " + ratio);
                final String amount = ratio.substring(0, ratio.length() - suffix.length());
                frontierDifference(details.get(1).text(), "\u0394 cost ", Kind.SIGNED_MONEY, csv,
                        "frontier_incremental_cost", where + " frontier cost");
                frontierDifference(details.get(2).text(), "\u0394 QALYs ", Kind.SIGNED_4, csv,
                        "frontier_incremental_qalys", where + " frontier QALYs");
                final boolean costClear = excludesZero(csv, "frontier_incremental_cost");
                final boolean qalysClear = excludesZero(csv, "frontier_incremental_qalys");
                assertEquals(Boolean.toString(costClear || qalysClear), csv.get("difference_detected_on_frontier"),
                        where + ": detected exactly when an interval against " + comparator + " excludes zero");
                if (!costClear && !qalysClear) {
                    assertEquals(HtmlReport.NO_DETECTABLE_DIFFERENCE + suffix, ratio, where);
                    assertEquals("", csv.get("cost_per_qaly_on_frontier"), where + ": noise is no ICER");
                } else if (csv.get("cost_per_qaly_on_frontier").isEmpty()) {
                    assertEquals("vs " + comparator, ratio, where);
                } else {
                    assertTrue(amount.endsWith("/QALY"), where + ": " + ratio);
                    show(amount.substring(0, amount.length() - "/QALY".length()), Kind.ROUNDED_MONEY,
                            csv.get("cost_per_qaly_on_frontier"), where + " frontier ICER");
                }
            }
            default -> fail(where + ": unknown status " + csv.get("status"));
        }
    }

    /** A paired difference from the frontier comparator: its label, mean and interval as in the CSV. */
    private static void frontierDifference(final String text, final String label, final Kind kind,
            final CSVRecord csv, final String column, final String where) {
        assertTrue(text.startsWith(label), where + ": " + text);
        final String rest = text.substring(label.length());
        final int space = rest.indexOf(' ');
        assertTrue(space > 0, where + ": " + text);
        show(rest.substring(0, space), kind, csv.get(column), where + " difference");
        interval(rest.substring(space + 1), kind, csv.get(column + "_ci_low"), csv.get(column + "_ci_high"),
                where + " interval");
    }

    private static boolean excludesZero(final CSVRecord csv, final String column) {
        final String low = csv.get(column + "_ci_low");
        final String high = csv.get(column + "_ci_high");
        return !low.isEmpty() && !high.isEmpty() && (value(low) > 0 || value(high) < 0);
    }

    // ------------------------------------------------------------------ numbers as shown

    /** How the report shows a kind of number: its unit, whether it carries a sign, and its rounding. */
    enum Kind {
        PERCENT("%", false, 100), POINTS("pp", true, 100), POINT_ENDS("", true, 100), SIGNED_1("", true, 1),
        NUMBER_1("", false, 1),
        NUMBER_3("", false, 1), SIGNED_3("", true, 1), SIGNED_4("", true, 1), MONEY("$", false, 1),
        SIGNED_MONEY("$", true, 1), ROUNDED_MONEY("$", false, 1), ROUNDED_SIGNED_MONEY("$", true, 1);

        final String unit;
        final boolean signed;
        final double scale;

        Kind(final String unit, final boolean signed, final double scale) {
            this.unit = unit;
            this.signed = signed;
            this.scale = scale;
        }

        /** @return the number of decimals the report shows for a value */
        int decimals(final double value) {
            return switch (this) {
                case PERCENT, POINTS, POINT_ENDS, SIGNED_1, NUMBER_1 -> 1;
                case NUMBER_3, SIGNED_3 -> 3;
                case SIGNED_4 -> 4;
                case MONEY, SIGNED_MONEY, ROUNDED_MONEY, ROUNDED_SIGNED_MONEY -> Math.abs(value) >= 10 ? 0 : 2;
            };
        }

        /** @return half the step of the last digit shown for a value: the largest rounding error */
        double halfStep(final double value) {
            if ((this == ROUNDED_MONEY || this == ROUNDED_SIGNED_MONEY) && Math.abs(value) >= 1000) {
                return 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 2);
            }
            return 0.5 * Math.pow(10, -decimals(value));
        }
    }

    /** A number read from the page: its value, decimals shown, unit and a trailing star. */
    record Shown(double value, int decimals, String unit, boolean signShown, boolean starred) {
    }

    private static final Pattern NUMBER = Pattern.compile(
            "([+\u2212]?)(\\$?)(\\d{1,3}(?:,\\d{3})*)(?:\\.(\\d+))?(%|[\u00a0 ]pp)?(\\*)?");

    /** Reads a number as the report writes it: sign, currency, grouped digits, decimals, unit. */
    static Shown parse(final String text) {
        final Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            throw new AssertionError("not a number as the report writes one: \"" + text + "\"");
        }
        final String decimals = m.group(4) == null ? "" : m.group(4);
        final BigDecimal magnitude = new BigDecimal(m.group(3).replace(",", "") + (decimals.isEmpty() ? ""
                : "." + decimals));
        final String unit = m.group(2).equals("$") ? "$" : m.group(5) == null ? "" : m.group(5).replace("\u00a0", "").strip();
        final double value = "\u2212".equals(m.group(1)) ? -magnitude.doubleValue() : magnitude.doubleValue();
        return new Shown(value, decimals.length(), unit, !m.group(1).isEmpty(), m.group(6) != null);
    }

    /**
     * Checks that {@code text} shows the CSV value {@code csv} as {@code kind}: "n/a" for an empty
     * CSV cell, else the unit, sign and decimals of the kind and a value within the rounding of
     * the last digit shown.
     */
    static Shown show(final String text, final Kind kind, final String csv, final String where) {
        if (csv.isEmpty()) {
            assertEquals(ReportFormat.UNDEFINED, text, where + ": undefined in the CSV");
            return null;
        }
        final double expected = value(csv) * kind.scale;
        final Shown shown = parse(text);
        assertEquals(kind.unit, shown.unit(), where + ": unit of \"" + text + "\"");
        assertEquals(kind.decimals(expected), shown.decimals(), where + ": decimals of \"" + text + "\"");
        final double tolerance = kind.halfStep(expected) * (1 + 1e-9) + 1e-9 * Math.abs(expected);
        assertTrue(Math.abs(shown.value() - expected) <= tolerance, where + ": page shows \"" + text
                + "\", CSV has " + csv + " (allowed rounding " + tolerance + ")");
        if (shown.value() != 0) {
            if (kind.signed) {
                assertTrue(shown.signShown(), where + ": a difference shows its sign: \"" + text + "\"");
            } else if (shown.value() > 0) {
                assertFalse(shown.signShown(), where + ": no plus sign on \"" + text + "\"");
            }
        }
        return shown;
    }

    private static void assertClose(final double expected, final double actual, final double relative,
            final String where) {
        assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), where);
    }

    private static double value(final String csv) {
        return Double.parseDouble(csv);
    }

    private static String times(final String csv, final double factor) {
        return csv.isEmpty() ? "" : String.valueOf(value(csv) * factor);
    }
}

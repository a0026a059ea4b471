package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.CommandRun;
import org.therapysim.TestScenarios;
import org.therapysim.experiment.OneWaySensitivity;
import org.therapysim.experiment.Perspective;
import org.therapysim.experiment.ProbabilisticAnalysis;
import org.therapysim.experiment.ProgressListener;
import org.therapysim.experiment.TargetCheck;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import org.therapysim.scenario.TargetFile;
import org.therapysim.scenario.UncertainParameter;

/**
 * The report as a reader sees it, in headless Chromium: no console error, every chart drawn, no
 * table wider than the page, nothing fetched, and it prints. Screenshots are kept in
 * {@code target/report-browser/} to be looked at. Skipped where Chromium is not installed, unless
 * CI=true.
 */
class ReportBrowserTest {
    private static final int PERSPECTIVES = org.therapysim.experiment.Perspective.values().length;

    private static final Path SHOTS = Path.of("target", "report-browser");

    @TempDir
    static Path dir;
    private static BrowserPage browser;
    private static Path compare;
    private static Path psa;
    private static Path tornado;
    private static Path validation;
    private static Path optimize;

    /**
     * Writes the folders and starts the browser where there is one; without it each test is
     * reported as skipped (or fails under CI=true) by {@link BrowserPage#assumeAvailable()}.
     */
    @BeforeAll
    static void writeFolders() throws IOException {
        if (!BrowserPage.available()) {
            return;
        }
        final Scenario reference = TestScenarios.cohort(300, 40).withName("No cap, $20 copay");
        final Scenario cap = TestScenarios.cohort(300, 40, "plan.sessionCap.sessions=6").withName("Cap 6, then stop");
        final Scenario copay = TestScenarios.cohort(300, 40, "plan.copay=60").withName("High copay ($60)");
        final Study study = new Study("Benefit designs <test>", "What do a cap and a high copay do?",
                List.of(reference, cap, copay), 3, 9, List.of(
                        new UncertainParameter("dynamics.relapse.oneYearRisk", UncertainParameter.Family.BETA, 0.29,
                                0.05, Double.NaN, Double.NaN),
                        new UncertainParameter("patients.employmentRate", UncertainParameter.Family.UNIFORM,
                                Double.NaN, Double.NaN, 0.55, 0.65)));
        final ScenarioLoader loader = new ScenarioLoader();
        compare = write(study, "compare", null);
        final ProbabilisticAnalysis.Result draws = ProbabilisticAnalysis.run(study, loader, 6, 2, 2,
                ProgressListener.NONE);
        psa = write(study, "psa", (folder, base) -> UncertaintyWriter.psa(draws, folder));
        final OneWaySensitivity.Result bars = OneWaySensitivity.run(study, loader, 1, OneWaySensitivity.Outcome.NMB,
                Perspective.PAYER, 100_000, 2, ProgressListener.NONE);
        tornado = write(study, "tornado", (folder, base) -> UncertaintyWriter.tornado(bars, folder));
        final Path targets = Path.of("targets", "dose-effect.yaml");
        final TargetFile file = loader.loadTargets(targets);
        final TargetCheck.Outcome outcome = TargetCheck.run(file, targets,
                loader.load(ScenarioLoader.sibling(targets, file.scenario())), List.of(), 2, ProgressListener.NONE);
        ValidationWriter.write(List.of(outcome), dir.resolve("validation"), false, List.of("therapysim", "check"),
                java.time.Instant.now());
        validation = dir.resolve("validation").resolve("report.html");
        final Path small = TestScenarios.write(dir, "small.yaml", "extends: "
                + TestScenarios.SCENARIOS.toAbsolutePath().resolve("cap-12-review.yaml") + "\nname: small"
                + "\npopulation: {members: 10000}\nsimulation: {weeks: 80}\nevaluation: {horizonWeeks: 26}\n");
        final CommandRun optimized = CommandRun.of("optimize", small.toString(),
                "--objective", "nmb", "--budget-pmpm", "1.2", "--free", "plan.copay=0:60", "--choice",
                "plan.sessionCap.atCap=stop,self_pay,review", "--max-evaluations", "12", "-n", "3", "-o",
                dir.resolve("optimize").toString(), "-q");
        assertEquals(0, optimized.status(), optimized.err());
        optimize = dir.resolve("optimize").resolve("report.html");
        Files.createDirectories(SHOTS);
        browser = new BrowserPage();
    }

    private static Path write(final Study study, final String name, final ResultsWriter.Addition addition) {
        final Path target = dir.resolve(name);
        ResultsWriter.run(study, new ResultsWriter.Options(target, false, false, 2,
                List.of("therapysim", name, "study.yaml"), null), ProgressListener.NONE, addition);
        return target.resolve("report.html");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static void check(final Path report, final String name, final int expectedCharts) throws IOException {
        BrowserPage.assumeAvailable();
        for (final int width : new int[] {1000, 1400}) {
            browser.open(report, width, 900);
            assertEquals(List.of(), browser.consoleErrors(), name + ": console errors at " + width + " px");
            assertEquals(List.of(), browser.brokenImages(), name + ": broken charts at " + width + " px");
            assertEquals(List.of(), browser.overflowingTables(), name + ": tables wider than the page at " + width);
            assertEquals(List.of(), browser.externalRequests(), name + ": the page fetches nothing");
            final Object charts = browser.driver().executeScript(
                    "return Array.from(document.querySelectorAll('svg.chart'))"
                            + ".filter(s => s.getBoundingClientRect().width > 300).length;");
            assertEquals((long) expectedCharts, charts, name + ": charts drawn at a readable width");
            browser.screenshot(SHOTS.resolve(name + "-" + width + ".png"));
        }
        final Path pdf = SHOTS.resolve(name + ".pdf");
        browser.printToPdf(pdf);
        assertTrue(Files.size(pdf) > 20_000, name + ": prints");
    }

    @Test
    void theComparisonReportReadsCleanly() throws IOException {
        // Seven charts of the arms, the paired differences, and one net-benefit chart per perspective.
        check(compare, "compare", 7 + 1 + PERSPECTIVES);
    }

    @Test
    void theProbabilisticAnalysisReportShowsItsChartsCleanly() throws IOException {
        // As compare, and five charts per perspective: plane, acceptability, frontier, expected loss
        // and convergence.
        check(psa, "psa", 7 + 1 + PERSPECTIVES + 5 * PERSPECTIVES);
    }

    @Test
    void theTornadoReportShowsItsDiagramCleanly() throws IOException {
        check(tornado, "tornado", 7 + 1 + PERSPECTIVES + 1);
    }

    @Test
    void theOptimizationReportShowsItsSectionFirstAndReadsCleanly() throws IOException {
        // As a comparison of two arms, and the Pareto chart.
        check(optimize, "optimize", 7 + 1 + PERSPECTIVES + 1);
        final Object order = browser.driver().executeScript(
                "return Array.from(document.querySelectorAll('section')).map(s => s.id).slice(0, 2).join(',');");
        assertEquals("optimization,arms", order, "the search comes before the arms it chose");
        final Object link = browser.driver().executeScript(
                "return document.querySelector('nav a[href=\"#optimization\"]') !== null"
                        + " && document.querySelectorAll('#optimization table').length === 2"
                        + " && document.querySelector('#optimization svg.chart') !== null;");
        assertEquals(Boolean.TRUE, link, "linked from the navigation, with its chart and two tables");
    }

    @Test
    void theValidationReportReadsCleanly() throws IOException {
        check(validation, "validation", 1);
    }
}

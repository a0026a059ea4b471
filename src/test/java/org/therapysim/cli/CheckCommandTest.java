package org.therapysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.TestScenarios;
import org.therapysim.experiment.TargetCheck;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.TargetFile;

class CheckCommandTest {
    @TempDir
    Path dir;

    private static final String SOURCE = "    source: {authors: 'Doe, J., & Roe, R.', year: 2020, title: T, journal: J, "
            + "readAt: abstract}\n";

    private Path targets(final String name, final String body) {
        TestScenarios.write(dir, "small.yaml", "extends: " + TestScenarios.SCENARIOS.toAbsolutePath()
                .resolve("baseline.yaml") + "\nname: small\npopulation: {members: 10000}\nsimulation: {weeks: 60}\nevaluation: {horizonWeeks: 8}\n");
        return TestScenarios.write(dir, name, "name: test\nscenario: small.yaml\nreplications: 3\nseed: 5\n"
                + "free: []\ntargets:\n" + body.replaceAll("(  - name: [^\n]*\n)(?!    role:)", "$1    role: calibrated\n"));
    }

    private static int cli(final StringWriter out, final StringWriter err, final String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static String readQuietly(final Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<CSVRecord> csv(final Path file) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(file)).getRecords();
    }

    @Test
    void eachTargetShowsItsRoleAndTheVerdictCountsTheIndependentOnesApart() throws IOException {
        final Path file = targets("roles.yaml", "  - name: Wide\n    role: independent\n    statistic: dropout_rate\n"
                + "    definition: d\n    value: 0.2\n    low: 0.0\n    high: 1.0\n" + SOURCE
                + "  - name: Impossible\n    role: independent\n    statistic: mean_sessions\n    definition: d\n"
                + "    value: 100\n    low: 99\n    high: 101\n" + SOURCE
                + "  - name: Fitted\n    statistic: dropout_rate\n    definition: d\n"
                + "    value: 0.2\n    low: 0.0\n    high: 1.0\n" + SOURCE);
        final StringWriter out = new StringWriter();
        assertEquals(1, cli(out, new StringWriter(), "check", file.toString(), "-o", dir.resolve("v").toString(), "-q"));
        assertTrue(out.toString().contains("independent: 1 of 2 met; calibrated: 1 of 1 met; input: none"),
                out.toString());
        final List<CSVRecord> rows = csv(dir.resolve("v/validation.csv"));
        assertEquals(List.of("independent", "independent", "calibrated"),
                rows.stream().map(r -> r.get("role")).toList());
        final String report = Files.readString(dir.resolve("v/report.html"));
        assertTrue(report.contains("By role: independent: 1 of 2 met; calibrated: 1 of 1 met; input: none"), report);
        assertTrue(report.contains("<th scope=\"col\">Role</th>") && report.contains("<td>independent</td>"));

        final Path none = TestScenarios.write(dir, "none.yaml", Files.readString(file).replace("    role: calibrated\n", ""));
        final StringWriter err = new StringWriter();
        assertEquals(2, cli(new StringWriter(), err, "check", none.toString(), "-o", dir.resolve("n").toString()));
        assertTrue(err.toString().contains(none + ": targets[2].role = (missing): is required (must be one of input,"
                + " calibrated, independent)"), err.toString());
        final Path typo = TestScenarios.write(dir, "typo.yaml", Files.readString(file).replace("role: calibrated",
                "role: fitted"));
        final StringWriter typoErr = new StringWriter();
        assertEquals(2, cli(new StringWriter(), typoErr, "check", typo.toString(), "-o", dir.resolve("t").toString()));
        assertTrue(typoErr.toString().contains("targets[2].role = \"fitted\": must be one of input, calibrated, independent"),
                typoErr.toString());
    }

    @Test
    void metTargetsExitZeroAndMissedOnesExitOne() throws IOException {
        final Path file = targets("t.yaml", "  - name: Wide\n    statistic: dropout_rate\n    definition: d\n"
                + "    value: 0.2\n    low: 0.0\n    high: 1.0\n" + SOURCE
                + "  - name: Impossible\n    statistic: mean_sessions\n    definition: d\n"
                + "    value: 100\n    low: 99\n    high: 101\n" + SOURCE);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        assertEquals(1, cli(out, err, "check", file.toString(), "-o", dir.resolve("v").toString(), "-q"), err.toString());
        assertTrue(out.toString().contains("1 of 2 targets met"), out.toString());
        assertTrue(out.toString().contains("Doe & Roe 2020"), out.toString());
        final List<CSVRecord> rows = csv(dir.resolve("v/validation.csv"));
        assertEquals("true", rows.get(0).get("inside"));
        assertEquals("false", rows.get(1).get("inside"));
        assertTrue(Files.exists(dir.resolve("v/manifest.json")));
        final String report = Files.readString(dir.resolve("v/report.html"));
        assertTrue(report.contains("1 of 2 published figures reproduced; <b>1 missed</b>"), "the report's verdict");
        assertTrue(report.contains("<b>Impossible</b>") && report.contains("<b>no</b>"), "the missed figure shown");
        assertTrue(report.contains("Doe, J., &amp; Roe, R. (2020). T. J."), "full source, escaped");

        final Path wide = targets("w.yaml", "  - name: Wide\n    statistic: dropout_rate\n    definition: d\n"
                + "    value: 0.2\n    low: 0.0\n    high: 1.0\n" + SOURCE);
        assertEquals(0, cli(new StringWriter(), new StringWriter(), "check", wide.toString(), "-o",
                dir.resolve("w").toString(), "-q"));
    }

    @Test
    void doseEffectTargetsGetAChart() {
        final Path file = targets("d.yaml", "  - name: By 8\n    statistic: improved_by_session_8\n    definition: d\n"
                + "    value: 0.5\n    low: 0.0\n    high: 1.0\n" + SOURCE);
        assertEquals(0, cli(new StringWriter(), new StringWriter(), "check", file.toString(), "-o",
                dir.resolve("d").toString(), "-q"));
        assertTrue(Files.exists(dir.resolve("d/charts/dose_effect_vs_published_d.png")));
        assertTrue(readQuietly(dir.resolve("d/report.html")).contains("<svg"), "the chart inline in the report");
        assertTrue(Files.exists(dir.resolve("d/scenarios/d.yaml")));
    }

    @Test
    void badTargetsFilesExitTwoBeforeRunning() {
        final Path unknown = targets("u.yaml", "  - name: X\n    statistic: happiness\n    definition: d\n"
                + "    value: 0.5\n    low: 0.0\n    high: 1.0\n" + SOURCE);
        final StringWriter err = new StringWriter();
        assertEquals(2, cli(new StringWriter(), err, "check", unknown.toString(), "-o", dir.resolve("u").toString()));
        assertTrue(err.toString().contains(unknown + ": targets[0].statistic = \"happiness\": must be one of"),
                err.toString());
        final Path outside = targets("o.yaml", "  - name: X\n    statistic: dropout_rate\n    definition: d\n"
                + "    value: 0.5\n    low: 0.6\n    high: 1.0\n" + SOURCE);
        final StringWriter err2 = new StringWriter();
        assertEquals(2, cli(new StringWriter(), err2, "check", outside.toString(), "-o", dir.resolve("o").toString()));
        assertTrue(err2.toString().contains("targets[0].value = 0.5: must lie between low"), err2.toString());
        assertFalse(Files.exists(dir.resolve("u")) || Files.exists(dir.resolve("o")), "nothing written");
    }

    @Test
    void calibrateWritesAnOverlayThatOtherScenariosCanExtend() throws IOException {
        final Path file = targets("c.yaml", "  - name: Dropout\n    statistic: dropout_rate\n    definition: d\n"
                + "    value: 0.2\n    low: 0.15\n    high: 0.25\n" + SOURCE);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        assertEquals(0, cli(out, err, "calibrate", file.toString(), "--free", "dynamics.dropout.baseLogit=-7:-5",
                "--max-evaluations", "6", "-o", dir.resolve("cal").toString(), "-q"), err.toString());
        assertTrue(out.toString().contains("dynamics.dropout.baseLogit"), out.toString());
        final List<CSVRecord> fit = csv(dir.resolve("cal/fit.csv"));
        assertEquals("dynamics.dropout.baseLogit", fit.get(0).get("parameter"));
        assertEquals(1, csv(dir.resolve("cal/targets.csv")).size());
        final String report = readQuietly(dir.resolve("cal/report.html"));
        assertTrue(report.contains("<h1>Calibration of small</h1>") && report.contains(" evaluations of 3 replications"),
                report.substring(0, Math.min(report.length(), 3000)));
        assertTrue(report.contains("<code>dynamics.dropout.baseLogit</code></td><td>-7 to -5</td>"), "its free parameter");
        final Path child = TestScenarios.write(dir, "child.yaml", "extends: cal/fitted.yaml\nname: child\n");
        final double fitted = Double.parseDouble(fit.get(0).get("fitted"));
        assertEquals(fitted, new ScenarioLoader().load(child).dynamics().dropout().baseLogit(), 1e-9);
    }

    @Test
    void aRatioTargetComparesTwoScenariosReplicationByReplication() throws IOException {
        TestScenarios.write(dir, "same.yaml", "extends: small.yaml\nname: same patients\n");
        TestScenarios.write(dir, "free.yaml", "extends: small.yaml\nname: free\nplan: {copay: 0}\n");
        final Path file = targets("r.yaml", "  - name: Same\n    statistic: mean_sessions\n    reference: same.yaml\n"
                + "    definition: d\n    value: 1\n    low: 0.999\n    high: 1.001\n" + SOURCE
                + "  - name: Price\n    statistic: started_rate\n    reference: free.yaml\n"
                + "    definition: d\n    value: 0.5\n    low: 0.0\n    high: 0.99\n" + SOURCE);
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        assertEquals(0, cli(out, err, "check", file.toString(), "-o", dir.resolve("r").toString(), "-q"),
                out + " " + err);
        final List<CSVRecord> rows = csv(dir.resolve("r/validation.csv"));
        // The same patients and draws under an identical design: the ratio is exactly 1 in every replication.
        assertEquals("1", rows.get(0).get("simulated_mean"));
        assertEquals("1", rows.get(0).get("simulated_ci_low"));
        assertEquals("same.yaml", rows.get(0).get("relative_to"));
        // A $20 copay deters some who would start under free care.
        assertTrue(Double.parseDouble(rows.get(1).get("simulated_mean")) < 1.0, rows.get(1).toString());
    }

    @Test
    void aMissingReferenceScenarioExitsTwoBeforeRunning() {
        final Path file = targets("m.yaml", "  - name: Lost\n    statistic: mean_sessions\n    reference: nowhere.yaml\n"
                + "    definition: d\n    value: 1\n    low: 0.5\n    high: 2\n" + SOURCE);
        final StringWriter err = new StringWriter();
        assertEquals(2, cli(new StringWriter(), err, "check", file.toString(), "-o", dir.resolve("m").toString()));
        assertTrue(err.toString().contains("nowhere.yaml"), err.toString());
        assertFalse(Files.exists(dir.resolve("m")), "nothing written");

        TestScenarios.write(dir, "twin.yaml", "extends: small.yaml\n");
        TestScenarios.write(dir, "longer.yaml", "extends: small.yaml\nname: longer\nsimulation: {weeks: 70}\n");
        for (final String[] c : new String[][] {{"twin.yaml", "name = small: must be unique"},
            {"longer.yaml", "simulation.weeks = 70: must equal"}}) {
            final Path bad = targets("b.yaml", "  - name: Bad\n    statistic: mean_sessions\n    reference: " + c[0]
                    + "\n    definition: d\n    value: 1\n    low: 0.5\n    high: 2\n" + SOURCE);
            final StringWriter e2 = new StringWriter();
            assertEquals(2, cli(new StringWriter(), e2, "check", bad.toString(), "-o", dir.resolve("b").toString()));
            assertTrue(e2.toString().contains(bad + ": reference " + c[0] + ": its scenario's " + c[1]), e2.toString());
            assertFalse(Files.exists(dir.resolve("b")), "nothing written");
        }
    }

    /**
     * The shipped defaults reproduce every calibrated figure and every independent one: the command a
     * user runs, with the shipped replications, exits 0. A change that breaks validity fails here.
     */
    @Test
    void theShippedModelMeetsEveryShippedTarget() throws IOException {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int status = cli(out, err, "check", "-o", dir.resolve("validation").toString(), "-q");
        final List<CSVRecord> rows = csv(dir.resolve("validation/validation.csv"));
        final List<String> missed = rows.stream().filter(r -> !"true".equals(r.get("inside")))
                .map(r -> r.get("target") + " " + r.get("simulated_mean") + " outside [" + r.get("published_low") + ", "
                        + r.get("published_high") + "] (" + r.get("role") + ")").toList();
        assertEquals(List.of(), missed, out.toString());
        assertEquals(0, status, "check meets every target: " + out + " " + err);
        assertTrue(rows.size() >= 18, "every shipped target was checked: " + rows.size());
        assertEquals(5, rows.stream().filter(r -> "independent".equals(r.get("role"))).count(),
                "the five independent targets are checked");
    }

    @Test
    void shippedTargetsFilesNameKnownStatisticsAndSources() throws IOException {
        try (var files = Files.list(Path.of("targets"))) {
            for (final Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                final TargetFile targets = new ScenarioLoader().loadTargets(file);
                assertEquals(targets.targets().size(), TargetCheck.metrics(targets, file).size());
                new ScenarioLoader().load(ScenarioLoader.sibling(file, targets.scenario()));
            }
        }
    }
}

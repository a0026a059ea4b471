package org.therapysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.CommandRun;
import org.therapysim.TestScenarios;
import org.therapysim.output.EpisodeTable;
import org.therapysim.output.TableSpace;
import org.therapysim.output.WorkFolder;

class CliTest {
    @TempDir
    Path dir;

    private Path small(final String name, final String extra) {
        return TestScenarios.smallBaseline(dir, name, extra);
    }

    private static List<CSVRecord> csv(final Path file) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(file)).getRecords();
    }

    @Test
    void validateAcceptsTheShippedScenarios() {
        final CommandRun o = CommandRun.of("validate", "scenarios/baseline.yaml", "scenarios/benefit-designs.yaml");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("ok: scenarios/benefit-designs.yaml: Benefit designs"), o.out());
    }

    @Test
    void validatePrintShowsEveryDefault() {
        final CommandRun o = CommandRun.of("validate", "--print", "scenarios/cap-6-stop.yaml");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("sessions: 6") && o.out().contains("improvementRate:"), o.out());
    }

    @Test
    void invalidScenarioExitsTwoWithOneClearMessage() {
        final Path bad = small("bad", "plan: {coinsurance: 2}\n");
        final CommandRun o = CommandRun.of("run", bad.toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, o.status());
        assertEquals(bad + ": plan.coinsurance = 2: must be between 0 and 1\n", o.err().replace("therapysim: ", ""));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        assertFalse(o.err().contains("Exception"), "no stack trace");
    }

    @Test
    void missingFileAndBadOptionsExitTwo() {
        assertEquals(2, CommandRun.of("run", dir.resolve("none.yaml").toString()).status());
        assertEquals(2, CommandRun.of("run", "--no-such-option", "x.yaml").status());
        assertEquals(2, CommandRun.of("frobnicate").status());
        assertEquals(2, CommandRun.of("check", "--threads", "0", "targets/routine-care.yaml", "-o", "x").status());
        final CommandRun sweep = CommandRun.of("sweep", "scenarios/baseline.yaml", "--vary", "plan.sessionCap.limit=1,2");
        assertEquals(2, sweep.status());
        assertTrue(sweep.err().contains("plan.sessionCap.limit = 1: unknown key"), sweep.err());
    }

    @Test
    void runWritesACompleteFolderAndRefusesToOverwrite() throws IOException {
        final Path scenario = small("small", "");
        final Path out = dir.resolve("results");
        final CommandRun o = CommandRun.of("run", scenario.toString(), "-o", out.toString(), "-q", "--seed", "17");
        assertEquals(0, o.status(), o.err());
        for (final String file : List.of("manifest.json", "scenario.yaml", "patients.csv", "summary.csv",
                "curves.csv", "cost_effectiveness.csv", "charts/dose_effect.png", "charts/dose_effect.svg",
                "charts/retention.png", "charts/recovery_rate.png", "charts/payer_cost_per_episode.png",
                "charts/end_reasons.png")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        assertFalse(Files.exists(out.resolve("sessions.csv")), "sessions.csv only with --sessions");
        final List<CSVRecord> rows = csv(out.resolve("patients.csv"));
        assertTrue(rows.size() > 500);
        assertEquals(List.of(EpisodeTable.HEADER), List.copyOf(rows.get(0).getParser().getHeaderNames()));
        final JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(17, manifest.get("masterSeed").asLong());
        assertEquals(3, manifest.get("replicationSeeds").size());
        assertEquals("run", manifest.get("command").get(1).asText());
        try (Stream<Path> siblings = Files.list(dir)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains("partial")), "staging removed");
        }

        final CommandRun again = CommandRun.of("run", scenario.toString(), "-o", out.toString(), "-q");
        assertEquals(3, again.status());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals(0, CommandRun.of("run", scenario.toString(), "-o", out.toString(), "-q", "--overwrite").status());
    }

    @Test
    void resultsFolderReproducesFromItsOwnScenarioFile() throws IOException {
        final Path out = dir.resolve("first");
        assertEquals(0, CommandRun.of("compare", small("a", "").toString(), small("b", "plan: {copay: 50}\n").toString(),
                "-o", out.toString(), "-q", "--seed", "3").status());
        final Path again = dir.resolve("second");
        final CommandRun o = CommandRun.of("compare", out.resolve("scenario.yaml").toString(), "-o", again.toString(), "-q");
        assertEquals(0, o.status(), o.err());
        for (final String table : List.of("patients.csv", "summary.csv", "curves.csv", "cost_effectiveness.csv",
                "scenario.yaml")) {
            assertEquals(Files.readString(out.resolve(table)), Files.readString(again.resolve(table)), table);
        }
    }

    @Test
    void setGivesEveryArmTheSameValuesAndTheFolderReproducesWithoutThem() throws IOException {
        final Path a = small("set-a", "");
        final Path b = small("set-b", "plan: {copay: 50}\n");
        final Path out = dir.resolve("set");
        final CommandRun o = CommandRun.of("compare", a.toString(), b.toString(), "-o", out.toString(), "-q",
                "--seed", "3", "--set", "evaluation.discountRate=0", "--set", "evaluation.willingnessToPay=50000");
        assertEquals(0, o.status(), o.err());
        for (final CSVRecord r : csv(out.resolve("cost_effectiveness.csv"))) {
            assertEquals("0", r.get("discount_rate"), r.toString());
            assertEquals("50000", r.get("willingness_to_pay"), r.toString());
        }
        // The folder's scenario.yaml holds the values: it reruns to the same tables without --set.
        final Path again = dir.resolve("set-again");
        assertEquals(0, CommandRun.of("compare", out.resolve("scenario.yaml").toString(), "-o", again.toString(), "-q")
                .status());
        for (final String table : List.of("summary.csv", "cost_effectiveness.csv")) {
            assertEquals(Files.readString(out.resolve(table)), Files.readString(again.resolve(table)), table);
        }
        // Without the values the discounting differs.
        final Path plain = dir.resolve("set-plain");
        assertEquals(0, CommandRun.of("compare", a.toString(), b.toString(), "-o", plain.toString(), "-q", "--seed", "3")
                .status());
        assertTrue(!Files.readString(out.resolve("cost_effectiveness.csv"))
                .equals(Files.readString(plain.resolve("cost_effectiveness.csv"))));
    }

    @Test
    void theEvaluationTableHasOneRowPerPatientAndRestatesThePerPatientFigures() throws IOException {
        final Path out = dir.resolve("evaluation");
        final CommandRun o = CommandRun.of("run", small("evaluated", "").toString(), "-o", out.toString(), "-q",
                "--evaluation");
        assertEquals(0, o.status(), o.err());
        final List<CSVRecord> rows = csv(out.resolve("evaluation.csv"));
        final Map<String, List<CSVRecord>> byReplication = new java.util.TreeMap<>();
        for (final CSVRecord r : rows) {
            byReplication.computeIfAbsent(r.get("replication"), k -> new java.util.ArrayList<>()).add(r);
        }
        final Map<String, CSVRecord> summary = new java.util.HashMap<>();
        for (final CSVRecord r : csv(out.resolve("summary.csv"))) {
            summary.put(r.get("metric"), r);
        }
        // Each patient who sought care once per replication, as the per-patient figures count them.
        for (final List<CSVRecord> replication : byReplication.values()) {
            assertEquals(replication.size(), replication.stream().map(r -> r.get("patient_id")).distinct().count());
        }
        final Map<String, String> columns = Map.of("qalys", "qalys_per_patient", "recoveries", "recoveries_per_patient",
                "plan_sessions_cost", "plan_sessions_cost_per_patient", "out_of_pocket", "out_of_pocket_per_patient",
                "productivity_loss", "productivity_loss_per_patient", "medical_cost", "medical_cost_per_patient",
                "patient_time_cost", "patient_time_cost_per_patient");
        for (final Map.Entry<String, String> c : columns.entrySet()) {
            double sumOfMeans = 0;
            for (final List<CSVRecord> replication : byReplication.values()) {
                sumOfMeans += replication.stream().mapToDouble(r -> Double.parseDouble(r.get(c.getKey()))).average()
                        .orElseThrow();
            }
            final double expected = Double.parseDouble(summary.get(c.getValue()).get("mean"));
            // Cells are rounded to 4 or 6 decimals, summary.csv to 8 significant digits.
            assertEquals(expected, sumOfMeans / byReplication.size(), 1e-4 + 1e-7 * Math.abs(expected), c.getKey());
        }
        assertTrue(rows.stream().anyMatch(r -> r.get("employed").equals("false") && r.get("weekly_wage").equals("0.00")));
        // Without the option there is no such table.
        final Path plain = dir.resolve("no-evaluation");
        assertEquals(0, CommandRun.of("run", small("evaluated", "").toString(), "-o", plain.toString(), "-q").status());
        assertTrue(Files.notExists(plain.resolve("evaluation.csv")));
    }

    @Test
    void setRefusesWhatAFileWouldRefuseWithOneLine() {
        final String a = small("set-bad", "").toString();
        final CommandRun unknown = CommandRun.of("compare", a, "-o", dir.resolve("x1").toString(), "--set",
                "evaluation.horizonWeks=10");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("evaluation.horizonWeks") && unknown.err().contains("unknown key"),
                unknown.err());
        final CommandRun shape = CommandRun.of("compare", a, "-o", dir.resolve("x2").toString(), "--set", "discount");
        assertEquals(2, shape.status());
        assertTrue(shape.err().contains("must be KEY=VALUE"), shape.err());
        final CommandRun range = CommandRun.of("compare", a, "-o", dir.resolve("x3").toString(), "--set",
                "evaluation.discountRate=0.5");
        assertEquals(2, range.status());
        assertTrue(range.err().contains("evaluation.discountRate") && range.err().lines().count() == 1, range.err());
        assertTrue(Files.notExists(dir.resolve("x1")) && Files.notExists(dir.resolve("x3")), "nothing written");
    }

    @Test
    void compareReportsPairedDifferencesFromTheReference() throws IOException {
        final Path out = dir.resolve("cmp");
        final CommandRun o = CommandRun.of("compare", small("a", "").toString(), small("b", "plan: {copay: 60}\n").toString(),
                "-o", out.toString(), "--sessions");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("(reference)") && o.out().contains("diff"), o.out());
        final List<CSVRecord> summary = csv(out.resolve("summary.csv"));
        for (final CSVRecord r : summary) {
            final boolean defined = !r.get("mean").isEmpty();
            final boolean reference = r.get("arm").equals("a");
            assertEquals(reference || !defined, r.get("diff_vs_reference").isEmpty(), r.toString());
        }
        // Price acts mostly on starting (Keeler et al.): a $60 copay deters a clear share of seekers.
        assertTrue(summary.stream().anyMatch(r -> r.get("metric").equals("started_rate") && r.get("arm").equals("b")
                && Double.parseDouble(r.get("diff_ci_high")) < -0.1), "a $60 copay deters starting");
        assertTrue(Files.size(out.resolve("sessions.csv")) > 0);
    }

    @Test
    void sweepMakesOneArmPerValueAndItsCharts() throws IOException {
        final Path out = dir.resolve("sweep");
        final CommandRun o = CommandRun.of("sweep", small("s", "").toString(), "--vary", "plan.sessionCap.sessions=4,12,unlimited",
                "-o", out.toString(), "-q", "-n", "2");
        assertEquals(0, o.status(), o.err());
        final List<String> arms = csv(out.resolve("summary.csv")).stream().map(r -> r.get("arm")).distinct().toList();
        assertEquals(List.of("sessions=4", "sessions=12", "sessions=unlimited"), arms);
        assertTrue(Files.size(out.resolve("charts/sweep_recovery_rate.png")) > 0);
        assertTrue(Files.size(out.resolve("charts/sweep_payer_cost_per_episode.svg")) > 0);
        assertTrue(Files.readString(out.resolve("report.html")).contains("Recovery against plan.sessionCap.sessions"),
                "the sweep's charts in its report");
        // Each arm is described as what it is, not with the given scenario's description.
        assertTrue(Files.readString(out.resolve("report.html")).contains("<dt>sessions=4</dt><dd>s with sessions=4"),
                "the arm's own description in the report");
    }

    @Test
    void aRunWhoseWaitingListDrivesItsResultsSaysSoOnTheTerminalAndInTheReport() throws IOException {
        final Path out = dir.resolve("crowded");
        final CommandRun o = CommandRun.of("run", small("crowded", "workforce: {therapists: 1}\n").toString(),
                "-o", out.toString(), "-q", "-n", "2");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().startsWith("therapysim: warning: capacity, not care, drives the results of 'crowded': "),
                o.err());
        assertTrue(Files.readString(out.resolve("report.html")).contains("<p class=\"warning\" role=\"alert\">"
                + "<b>Warning:</b> Capacity, not care, drives the results of &#39;crowded&#39;"), "in the report");
        final CommandRun enough = CommandRun.of("run", small("enough", "").toString(), "-o",
                dir.resolve("enough").toString(), "-q", "-n", "2");
        assertEquals("", enough.err());
        assertTrue(!Files.readString(dir.resolve("enough/report.html")).contains("class=\"warning\""));
    }

    @Test
    void theSensitivityAnalysesSayOnTheTerminalWhenCapacityDrivesTheBaseCase() throws IOException {
        final String psa = "psa:\n  - {key: patients.employmentRate, distribution: uniform, low: 0.5, high: 0.7}\n";
        final Path crowded = small("crowded", "workforce: {therapists: 1}\n" + psa);
        final String warning = "therapysim: warning: capacity, not care, drives the results of 'crowded': ";
        final CommandRun p = CommandRun.of("psa", crowded.toString(), "--draws", "2", "-n", "2", "-o",
                dir.resolve("psa").toString(), "-q");
        assertEquals(0, p.status(), p.err());
        assertTrue(p.err().startsWith(warning), p.err());
        final CommandRun t = CommandRun.of("tornado", crowded.toString(), "--outcome", "recovery", "-n", "2", "-o",
                dir.resolve("tornado").toString(), "-q");
        assertEquals(0, t.status(), t.err());
        assertTrue(t.err().startsWith(warning), t.err());
        // The terminal and the report say the same, from the same check.
        assertTrue(Files.readString(dir.resolve("tornado/report.html")).contains("Capacity, not care, drives"));
        final CommandRun enough = CommandRun.of("tornado", small("enough", psa).toString(), "--outcome", "recovery",
                "-n", "2", "-o", dir.resolve("enough").toString(), "-q");
        assertEquals(0, enough.status(), enough.err());
        assertEquals("", enough.err());
    }

    @Test
    void aRunWhoseTablesWouldNotFitOnTheDiskIsRefusedBeforeAnythingIsWritten() {
        final Path scenario = small("big", "");
        final Path out = dir.resolve("big");
        final TableSpace.FreeSpace real = StudyRunner.freeSpace;
        try {
            // A file system with 1 MB free: 1,000 replications with sessions would need some 300 MB.
            StudyRunner.freeSpace = folder -> 1_000_000L;
            final CommandRun o = CommandRun.of("run", scenario.toString(), "--sessions", "-n", "1000", "-o",
                    out.toString(), "-q");
            assertEquals(2, o.status(), o.err());
            assertTrue(o.err().startsWith("therapysim: -o = " + out + ": the tables would take about "), o.err());
            assertTrue(o.err().contains("more than the 1.0 MB free on its file system"), o.err());
            assertEquals(1, o.err().lines().count(), o.err());
            assertFalse(Files.exists(out), "no results folder");
            assertFalse(Files.exists(WorkFolder.of(out)), "no work folder");
            final CommandRun psa = CommandRun.of("psa", small("bigpsa", "psa:\n  - {key: patients.employmentRate, "
                    + "distribution: uniform, low: 0.5, high: 0.7}\n").toString(), "-n", "1000", "--draws", "2", "-o",
                    out.toString(), "-q");
            assertEquals(2, psa.status(), psa.err());
            assertTrue(psa.err().contains("the tables would take about"), psa.err());
            // The same run with room enough goes ahead.
            StudyRunner.freeSpace = folder -> 1_000_000_000L;
            final CommandRun fits = CommandRun.of("run", scenario.toString(), "--sessions", "-n", "2", "-o",
                    out.toString(), "-q");
            assertEquals(0, fits.status(), fits.err());
        } finally {
            StudyRunner.freeSpace = real;
        }
    }

    @Test
    void helpAndVersionExitZero() {
        final CommandRun help = CommandRun.of("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("compare") && help.out().contains("Exit codes"), help.out());
        assertEquals(0, CommandRun.of("--version").status());
        final java.io.PrintStream err = System.err;
        final java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        // picocli warns on standard error of a description it cannot format (a lone '%').
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (final String command : List.of("run", "compare", "sweep", "validate", "bench", "check", "calibrate",
                    "optimize", "psa", "tornado", "gui")) {
                final CommandRun sub = CommandRun.of(command, "--help");
                assertEquals(0, sub.status(), command + ": " + sub.err());
                assertTrue(sub.out().contains("Usage: therapysim " + command), sub.out());
            }
        } finally {
            System.setErr(err);
        }
        assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8), "every help formats cleanly");
    }

    private Path smallStudy(final String psa) {
        final Path a = small("a", "");
        final Path b = small("b", "plan: {copay: 60}\n");
        return TestScenarios.write(dir, "study.yaml", "study: s\nreplications: 2\narms: [" + a + ", " + b + "]\n" + psa);
    }

    @Test
    void psaAndTornadoWriteTheirTablesChartsAndAReproducibleScenario() throws IOException {
        final Path study = smallStudy("psa:\n  - {key: dynamics.relapse.oneYearRisk, distribution: beta, mean: 0.29, "
                + "sd: 0.05}\n  - {key: patients.employmentRate, distribution: uniform, low: 0.5, high: 0.7}\n");
        final Path psa = dir.resolve("psa");
        final CommandRun o = CommandRun.of("psa", study.toString(), "--draws", "3", "--per-draw", "2", "-o", psa.toString(),
                "--threads", "2", "-q");
        assertEquals(0, o.status(), o.err());
        assertEquals(3 * 2, csv(psa.resolve("psa_draws.csv")).size(), "draws x arms");
        assertEquals(org.therapysim.experiment.Perspective.values().length * 2 * 41, csv(psa.resolve("acceptability.csv")).size(),
                "perspectives x arms x 41 points");
        for (final String f : List.of("psa_summary.csv", "charts/ce_plane_payer.png", "charts/acceptability_societal.svg",
                "manifest.json", "summary.csv", "cost_effectiveness.csv", "report.html")) {
            assertTrue(Files.size(psa.resolve(f)) > 0, f);
        }
        // The folder's own scenario.yaml carries the psa: list and gives the same draws.
        final Path again = dir.resolve("again");
        assertEquals(0, CommandRun.of("psa", psa.resolve("scenario.yaml").toString(), "--draws", "3", "--per-draw", "2", "-o",
                again.toString(),
                "--threads", "1", "-q").status());
        assertEquals(Files.readString(psa.resolve("psa_draws.csv")), Files.readString(again.resolve("psa_draws.csv")));

        final Path tornado = dir.resolve("tornado");
        final CommandRun t = CommandRun.of("tornado", study.toString(), "--outcome", "icer", "-o", tornado.toString(), "-q");
        assertEquals(0, t.status(), t.err());
        final List<CSVRecord> bars = csv(tornado.resolve("tornado.csv"));
        assertEquals(2, bars.size());
        final Path one = dir.resolve("tornado-one");
        assertEquals(0, CommandRun.of("tornado", study.toString(), "--parameter", "patients.employmentRate", "-o", one.toString(),
                "-q").status());
        assertEquals(List.of("patients.employmentRate"),
                csv(one.resolve("tornado.csv")).stream().map(r -> r.get("parameter")).toList());
        assertEquals("b", bars.get(0).get("arm"));
        assertTrue(Files.size(tornado.resolve("charts/tornado.png")) > 0);
        final String report = Files.readString(tornado.resolve("report.html"));
        assertTrue(report.contains("Tornado diagram") && report.contains("dynamics.relapse.oneYearRisk"), "tornado in the report");
        assertTrue(Files.readString(psa.resolve("report.html")).contains("Acceptability curve, payer perspective"));
    }

    @Test
    void sensitivityAnalysesRejectBadInputWithExitTwo() {
        final Path none = smallStudy("");
        final CommandRun o = CommandRun.of("psa", none.toString(), "-o", dir.resolve("x").toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains("psa: missing"), o.err());
        final Path bad = smallStudy("psa:\n  - {key: dynamics.relapse.oneYearRisk, distribution: normal, mean: 0.29, "
                + "sd: 0.2}\n");
        final CommandRun b = CommandRun.of("psa", bad.toString(), "-o", dir.resolve("x").toString());
        assertEquals(2, b.status());
        assertTrue(b.err().contains("psa[0]") && b.err().contains("oneYearRisk"), b.err());
        assertFalse(b.err().contains("Exception"), b.err());
        final Path unknown = smallStudy("psa:\n  - {key: dynamics.nothing, distribution: uniform, low: 0, high: 1}\n");
        assertEquals(2, CommandRun.of("tornado", unknown.toString()).status());
        final Path ok = smallStudy("psa:\n  - {key: patients.employmentRate, distribution: uniform, low: 0.5, high: 0.7}\n");
        final CommandRun parameter = CommandRun.of("tornado", ok.toString(), "--parameter", "patients.nothing", "-o",
                dir.resolve("x").toString());
        assertEquals(2, parameter.status());
        assertTrue(parameter.err().contains("must be one of the psa: keys [patients.employmentRate]"), parameter.err());
        final CommandRun arm = CommandRun.of("tornado", ok.toString(), "--arm", "nobody", "-o", dir.resolve("x").toString());
        assertEquals(2, arm.status());
        assertTrue(arm.err().contains("--arm = nobody"), arm.err());
        assertFalse(Files.exists(dir.resolve("x")), "nothing written");
        // One replication gives no interval, so the base case's QALY difference is not detectable and its
        // ICER undefined: the tornado of the ICER is refused, pointing to the net monetary benefit.
        final CommandRun icer = CommandRun.of("tornado", ok.toString(), "--outcome", "icer", "-n", "1", "-o",
                dir.resolve("icer").toString());
        assertEquals(2, icer.status(), icer.err());
        assertTrue(icer.err().contains("not detectable") && icer.err().contains("--outcome nmb"), icer.err());
        assertFalse(icer.err().contains("Exception"), icer.err());
    }

    @Test
    void aScenarioFileMayCarryItsOwnUncertainInputs() throws IOException {
        final Path scenario = small("single", "psa:\n  - {key: dynamics.symptoms.improvementRate, distribution: gamma, "
                + "mean: 0.16, sd: 0.02}\n");
        final Path out = dir.resolve("single-tornado");
        final CommandRun o = CommandRun.of("tornado", scenario.toString(), "--outcome", "recovery", "-n", "2", "-o", out.toString(),
                "-q");
        assertEquals(0, o.status(), o.err());
        final List<CSVRecord> bars = csv(out.resolve("tornado.csv"));
        assertEquals("dynamics.symptoms.improvementRate", bars.get(0).get("parameter"));
        assertTrue(Double.parseDouble(bars.get(0).get("outcome_at_high"))
                > Double.parseDouble(bars.get(0).get("outcome_at_low")), "a faster improvement rate, more recovery");
        assertTrue(Files.readString(out.resolve("scenario.yaml")).contains("psa:"));
        // The scenario still runs as a scenario; an extended file may not carry uncertain inputs.
        assertEquals(0, CommandRun.of("validate", scenario.toString()).status());
        final Path child = TestScenarios.write(dir, "child.yaml", "extends: single.yaml\nname: child\n");
        final CommandRun bad = CommandRun.of("run", child.toString(), "-o", dir.resolve("child").toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("single.yaml: psa") && bad.err().contains("not in a file it extends"), bad.err());
    }

    @Test
    void sweepDesignsCrossListsWithSampledRangesAndTabulateEveryKey() throws IOException {
        final Path out = dir.resolve("lhs");
        final CommandRun o = CommandRun.of("sweep", small("d", "").toString(), "--vary", "plan.sessionCap.sessions=6,unlimited",
                "--range", "plan.copay=0:60", "--design", "lhs", "--points", "3", "-n", "2", "-o", out.toString(), "-q");
        assertEquals(0, o.status(), o.err());
        final List<CSVRecord> design = csv(out.resolve("design.csv"));
        assertEquals(1 + 2 * 3, design.size(), "the scenario as given, then 2 caps x 3 sampled copays");
        assertEquals("as given", design.get(0).get("arm"));
        assertEquals("", design.get(0).get("plan.copay"));
        assertEquals("6", design.get(1).get("plan.sessionCap.sessions"));
        assertEquals(List.of("arm", "plan.sessionCap.sessions", "plan.copay", "metric"),
                csv(out.resolve("summary.csv")).get(0).getParser().getHeaderNames().subList(0, 4));
        for (final String chart : List.of("sweep_copay_recovery_rate.png", "sweep_sessions_payer_cost_pmpm.svg")) {
            assertTrue(Files.size(out.resolve("charts").resolve(chart)) > 0, chart);
        }
        assertEquals(2, CommandRun.of("sweep", small("e", "").toString(), "--range", "plan.copay=60:0").status());
        assertEquals(2, CommandRun.of("sweep", small("f", "").toString(), "--range", "plan.copay=0:60", "--design", "grid")
                .status());
    }

    @Test
    void armNamesASpreadsheetWouldRunAreWrittenAsText() throws IOException {
        final Path scenario = TestScenarios.write(dir, "formula.yaml", "extends: "
                + TestScenarios.SCENARIOS.toAbsolutePath().resolve("baseline.yaml") + "\nname: \"=HYPERLINK(1)\"\n"
                + "population: {members: 2000}\nsimulation: {weeks: 60, replications: 2}\nevaluation: {horizonWeeks: 8}\n");
        final Path out = dir.resolve("formula-out");
        final CommandRun o = CommandRun.of("run", scenario.toString(), "-o", out.toString(), "-q");
        assertEquals(0, o.status(), o.err());
        for (final String table : List.of("summary.csv", "patients.csv", "cost_effectiveness.csv")) {
            final List<CSVRecord> rows = csv(out.resolve(table));
            assertFalse(rows.isEmpty(), table);
            final int arm = rows.get(0).getParser().getHeaderNames().indexOf("arm");
            for (final CSVRecord row : rows) {
                assertEquals("'=HYPERLINK(1)", row.get(arm), table);
            }
        }
    }
}

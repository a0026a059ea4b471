package org.therapysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.provider.CsvSource;
import org.therapysim.CommandRun;
import org.therapysim.TestScenarios;

/**
 * Bad values on the command line, and arms that cannot be compared: exit code 2, one line naming the
 * option or file, the key, the value and the rule, and nothing written.
 */
class BadInputTest {
    @TempDir
    Path dir;

    /** Runs {@code therapysim ARGS -o DIR} and checks the exit code 2, the one line and that nothing was written. */
    private void refused(final String expected, final String... args) {
        final Path out = dir.resolve("out");
        final List<String> all = new ArrayList<>(List.of(args));
        if (!all.get(0).equals("bench")) {
            all.addAll(List.of("-o", out.toString()));
        }
        final CommandRun run = CommandRun.of(all.toArray(String[]::new));
        assertEquals(2, run.status(), run.err());
        assertEquals("therapysim: " + expected + "\n", run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(out), "nothing written");
    }

    private String study() {
        return TestScenarios.smallBaseline(dir, "small", "psa:\n  - {key: dynamics.relapse.oneYearRisk, "
                + "distribution: beta, mean: 0.29, sd: 0.05}\n").toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "run     | -n                | 100001     | 1 | 100000",
        "run     | --replications    | 0          | 1 | 100000",
        "compare | --threads         | 0          | 1 | 1024",
        "compare | --threads         | 100000     | 1 | 1024",
        "sweep   | --points          | 2000000000 | 2 | 10000",
        "sweep   | --levels          | 0          | 1 | 10000",
        "psa     | --draws           | 1000000000 | 2 | 10000",
        "psa     | --per-draw        | 1001       | 1 | 1000",
        "psa     | -n                | 100001     | 1 | 100000",
        "tornado | --replications    | 100001     | 1 | 100000",
        "tornado | --threads         | 1025       | 1 | 1024",
        "calibrate | -n              | 1          | 2 | 100000",
        "calibrate | --max-evaluations | 100001   | 2 | 100000",
        "check   | --threads         | 0          | 1 | 1024",
        "bench   | --patients        | 1000001    | 1 | 1000000",
        "bench   | --weeks           | 2601       | 1 | 2600",
        "bench   | --repeat          | 0          | 1 | 100",
        "bench   | --replications    | 100001     | 1 | 100000",
        "bench   | --threads         | 0          | 1 | 1024",
    })
    void wholeNumberOptionsOutOfRangeExitTwoNamingTheOption(final String command, final String option,
            final String value, final String low, final String high) {
        final List<String> args = new ArrayList<>(List.of(command));
        switch (command) {
            case "run", "compare", "psa", "tornado" -> args.add(study());
            case "sweep" -> args.addAll(List.of(study(), "--range", "plan.copay=0:60"));
            case "calibrate", "check" -> args.add("targets/routine-care.yaml");
            default -> { }
        }
        args.addAll(List.of(option, value));
        refused(option + " = " + value + ": must be a whole number between " + low + " and " + high,
                args.toArray(String[]::new));
    }

    @Test
    void theOptionIsNamedAsTyped() {
        refused("--replications = 100001: must be a whole number between 1 and 100000", "run", study(),
                "--replications=100001");
        refused("-n = 0: must be a whole number between 1 and 100000", "run", study(), "-n0");
    }

    @Test
    void theSameValueInAFileIsRefusedTheSameWay() {
        final Path file = TestScenarios.write(dir, "many.yaml", "extends: "
                + TestScenarios.SCENARIOS.toAbsolutePath().resolve("baseline.yaml")
                + "\nname: many\nsimulation: {weeks: 60, replications: 100001}\nevaluation: {horizonWeeks: 8}\n");
        refused(file + ": simulation.replications = 100001: must be a whole number between 1 and 100000", "run",
                file.toString());
    }

    @Test
    void aSweepTooLargeIsRefusedBeforeItIsBuilt() {
        refused("sweep: the design has 1000000000 points (3 ranges at --levels 1000): at most 10000 are allowed",
                "sweep", study(), "--range", "plan.copay=0:60", "--range", "plan.deductible=0:500",
                "--range", "dynamics.relapse.oneYearRisk=0.1:0.5", "--levels", "1000");
        refused("sweep: the design has 15000 points (3 values of plan.copay x --points 5000): at most 10000 are allowed",
                "sweep", study(), "--vary", "plan.copay=10,20,30", "--range", "plan.deductible=0:500",
                "--design", "sobol", "--points", "5000");
    }

    @Test
    void aProbabilisticAnalysisTooLargeIsRefused() {
        refused("psa: 10000 draws x 100 per draw x 1 arm = 1000000 replications: at most 500000 are allowed;"
                + " give fewer --draws or --per-draw", "psa", study(), "--draws", "10000", "--per-draw", "100");
    }

    /** The rule every refusal of arms with different settings states. */
    private static final String SHARED = "are compared in one analysis, so they must share simulation.weeks and"
            + " the evaluation horizon, discount rate, willingness to pay (and its range), currency and price year";

    /**
     * @return a study of the small scenario and an inline arm that extends it with {@code other}
     *     (YAML at the arm's indentation), with a psa: list so every command accepts it
     */
    private Path mixedStudy(final String other) {
        TestScenarios.smallBaseline(dir, "small", "");
        return TestScenarios.write(dir, "mixed.yaml", "study: mixed\narms:\n  - small.yaml\n"
                + "  - extends: small.yaml\n    name: other\n    " + other + "\n"
                + "psa:\n  - {key: dynamics.relapse.oneYearRisk, distribution: beta, mean: 0.29, sd: 0.05}\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "compare | simulation: {weeks: 70}                    | simulation.weeks               | 70     | 60",
        "compare | evaluation: {horizonWeeks: 4}              | evaluation.horizonWeeks        | 4      | 8",
        "psa     | evaluation: {discountRate: 0.035}          | evaluation.discountRate        | 0.035  | 0.03",
        "tornado | evaluation: {willingnessToPay: 50000}      | evaluation.willingnessToPay    | 50000  | 100000",
        "compare | evaluation: {willingnessToPayMax: 300000}  | evaluation.willingnessToPayMax | 300000 | 200000",
        "run     | costs: {currency: EUR}                     | costs.currency                 | EUR    | USD",
        "psa     | costs: {priceYear: 2023}                   | costs.priceYear                | 2023   | 2020",
    })
    void armsWithDifferentEvaluationSettingsAreRefusedBeforeAnythingRuns(final String command, final String other,
            final String key, final String value, final String reference) {
        final Path study = mixedStudy(other);
        refused(study + ": arms[1]." + key + " = " + value + ": must be the same in every arm: arm \"other\" has "
                + value + " but the reference arm \"small\" (small.yaml) has " + reference + "; arms " + SHARED,
                command, study.toString());
    }

    @Test
    void scenarioFilesComparedWithDifferentSettingsNameTheFileThatDiffers() {
        final Path small = TestScenarios.smallBaseline(dir, "small", "");
        final Path euro = TestScenarios.smallBaseline(dir, "euro", "costs: {currency: EUR}\n");
        refused(euro + ": costs.currency = EUR: must be the same in every arm: arm \"euro\" (" + euro
                + ") has EUR but the reference arm \"small\" (" + small + ") has USD; arms " + SHARED,
                "compare", small.toString(), euro.toString());
    }

    @Test
    void aSweepOverAnEvaluationSettingIsRefused() {
        // Its points are compared in one incremental analysis labelled with one discount rate.
        refused("sweep: evaluation.discountRate = 0.05: must be the same in every design point: design point"
                + " \"discountRate=0.05\" has 0.05 but the reference design point \"discountRate=0.03\" has 0.03;"
                + " design points " + SHARED + "; run one sweep (or one study) for each value instead",
                "sweep", study(), "--vary", "evaluation.discountRate=0.03,0.05");
        refused("sweep: simulation.weeks = 70: must be the same in every design point: design point \"weeks=70\""
                + " has 70 but the reference design point \"weeks=60\" has 60; design points " + SHARED
                + "; run one sweep (or one study) for each value instead",
                "sweep", study(), "--vary", "simulation.weeks=60,70");
    }

    @Test
    void aSweepListWithAnEmptyOrRepeatedValueIsRefused() {
        // The same rules as optimize's --choice: a trailing comma is an empty value, not nothing.
        refused("--vary = plan.copay=10,20,: a value is empty", "sweep", study(), "--vary", "plan.copay=10,20,");
        refused("--vary = plan.copay=10,10: a value is repeated", "sweep", study(), "--vary", "plan.copay=10,10");
        refused("--vary = plan.copay: must be KEY=A,B,... such as plan.sessionCap.sessions=6,12,unlimited",
                "sweep", study(), "--vary", "plan.copay");
    }

    @Test
    void armsThatShareTheirSettingsRunAndAreLabelledWithThem() throws IOException {
        TestScenarios.smallBaseline(dir, "small", "");
        TestScenarios.write(dir, "euro.yaml", "extends: small.yaml\nname: euro\ncosts: {currency: EUR, priceYear: 2023}"
                + "\nevaluation: {horizonWeeks: 6, discountRate: 0.035}\n");
        final Path study = TestScenarios.write(dir, "agree.yaml", "study: agree\narms:\n  - euro.yaml\n"
                + "  - {extends: euro.yaml, name: copay, plan: {copay: 40}}\n");
        final Path out = dir.resolve("out");
        final CommandRun run = CommandRun.of("compare", study.toString(), "-n", "1", "-q", "-o", out.toString());
        assertEquals(0, run.status(), run.err());
        final List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(out.resolve("cost_effectiveness.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
        assertEquals(List.of("euro", "copay"), rows.stream().map(r -> r.get("arm")).distinct().toList());
        for (final CSVRecord row : rows) {
            assertEquals(List.of("EUR", "2023", "6", "0.035"), List.of(row.get("currency"), row.get("price_year"),
                    row.get("horizon_weeks"), row.get("discount_rate")), row.toString());
        }
    }

    @Test
    void helpStatesTheLimits() {
        final String sweep = CommandRun.of("sweep", "--help").out().replaceAll("\\s+", " ");
        assertTrue(sweep.contains("The whole design has at most 10000 points."), sweep);
        final String psa = CommandRun.of("psa", "--help").out().replaceAll("\\s+", " ");
        assertTrue(psa.contains("Draws of the uncertain parameters, 2 to 10000"), psa);
        assertTrue(psa.contains("Draws x replications per draw x arms may be at most 500000."), psa);
    }
}

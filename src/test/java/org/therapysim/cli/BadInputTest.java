package org.therapysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.therapysim.CommandRun;
import org.therapysim.TestScenarios;

/** Bad values on the command line: exit code 2, one line naming the option, the value and the rule. */
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

    @Test
    void helpStatesTheLimits() {
        final String sweep = CommandRun.of("sweep", "--help").out().replaceAll("\\s+", " ");
        assertTrue(sweep.contains("The whole design has at most 10000 points."), sweep);
        final String psa = CommandRun.of("psa", "--help").out().replaceAll("\\s+", " ");
        assertTrue(psa.contains("Draws of the uncertain parameters, 2 to 10000"), psa);
        assertTrue(psa.contains("Draws x replications per draw x arms may be at most 500000."), psa);
    }
}

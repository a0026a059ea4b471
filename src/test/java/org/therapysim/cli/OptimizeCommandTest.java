package org.therapysim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleBiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.CommandRun;
import org.therapysim.SameFolder;
import org.therapysim.TestScenarios;
import org.therapysim.TherapysimException;
import org.therapysim.experiment.DesignSearch;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.experiment.Perspective;
import org.therapysim.output.WorkFolder;
import org.therapysim.scenario.FreeParameter;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;

/**
 * {@code therapysim optimize}: a search with a known optimum, a budget below the scenario's cost
 * checked by an independent run on new seeds, the optimum run by {@code run} and {@code compare},
 * the same bytes on any thread count, a stopped search resumed, and bad input refused.
 */
class OptimizeCommandTest {
    @TempDir
    Path dir;

    /** A small scenario: 10,000 members, 80 weeks, outcomes over half a year from arrival. */
    private Path small(final String name) {
        return TestScenarios.write(dir, name + ".yaml", "extends: "
                + TestScenarios.SCENARIOS.toAbsolutePath().resolve("baseline.yaml") + "\nname: " + name
                + "\npopulation: {members: 10000}\nsimulation: {weeks: 80, replications: 3}"
                + "\nevaluation: {horizonWeeks: 26}\n");
    }

    private static List<CSVRecord> csv(final Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    /** @return the mean of a metric of an arm in summary.csv */
    private static double mean(final Path folder, final String arm, final String metric) throws IOException {
        for (final CSVRecord r : csv(folder.resolve("summary.csv"))) {
            if (r.get("arm").equals(arm) && r.get("metric").equals(metric)) {
                return Double.parseDouble(r.get("mean"));
            }
        }
        throw new AssertionError("no " + metric + " of " + arm);
    }

    private static CSVRecord winner(final Path folder, final String phase) throws IOException {
        return csv(folder.resolve("evaluations.csv")).stream()
                .filter(r -> r.get("phase").equals(phase) && r.get("winner").equals("true")).findFirst().orElseThrow();
    }

    @Test
    void withOnlyTheCopayFreeAndRecoveriesAsTheObjectiveTheLowestCopayWins() throws IOException {
        final Path out = dir.resolve("copay");
        final CommandRun o = CommandRun.of("optimize", small("copay").toString(), "--objective", "recoveries",
                "--free", "plan.copay=0:80", "--max-evaluations", "24", "-n", "3", "--reevaluate", "3", "-o",
                out.toString(), "-q");
        assertEquals(0, o.status(), o.err());
        assertEquals("0", winner(out, "search").get("plan.copay"), "the lowest copay wins");
        assertTrue(Files.readString(out.resolve("optimum.yaml")).contains("copay: 0\n"));
        // Every copay the search tried is worse than none, on the search's replications.
        final double best = Double.parseDouble(winner(out, "search").get("objective_mean"));
        final List<Integer> copays = new ArrayList<>();
        for (final CSVRecord r : csv(out.resolve("evaluations.csv"))) {
            if (r.get("phase").equals("search")) {
                copays.add(Integer.parseInt(r.get("plan.copay")));
                if (!r.get("plan.copay").equals("0")) {
                    assertTrue(Double.parseDouble(r.get("objective_mean")) < best, r.toString());
                }
            }
        }
        // The search went towards the optimum: the later half of its designs lie mostly below the
        // scenario's copay of 20, where it started.
        final List<Integer> later = new ArrayList<>(copays.subList(copays.size() / 2, copays.size()));
        later.sort(null);
        assertTrue(later.get(later.size() / 2) < 20, "designs in the order tried: " + copays);
    }

    @Test
    void enumeratedChoicesFindTheLowestCopayAndEveryValueIsTried() throws IOException {
        final Path out = dir.resolve("choice");
        final CommandRun o = CommandRun.of("optimize", small("choice").toString(), "--objective", "recoveries",
                "--choice", "plan.copay=60,0,30", "--choice", "plan.sessionCap.atCap=stop,self_pay",
                "--max-evaluations", "6", "-n", "3", "-o", out.toString(), "-q");
        assertEquals(0, o.status(), o.err());
        final List<CSVRecord> search = csv(out.resolve("evaluations.csv")).stream()
                .filter(r -> r.get("phase").equals("search")).toList();
        assertEquals(6, search.size(), "every combination once");
        assertEquals("0", winner(out, "search").get("plan.copay"));
    }

    @Test
    void withABudgetBelowTheScenariosCostTheOptimumStaysWithinItOnAnIndependentRun() throws IOException {
        final Path scenario = small("budget");
        final Path given = dir.resolve("given");
        assertEquals(0, CommandRun.of("run", scenario.toString(), "-n", "6", "-o", given.toString(), "-q").status());
        final double cost = mean(given, "budget", "plan_cost_pmpm");
        final double budget = Math.round(0.8 * cost * 100) / 100.0;
        final Path out = dir.resolve("opt");
        final CommandRun o = CommandRun.of("optimize", scenario.toString(), "--objective", "nmb", "--perspective",
                "societal", "--budget-pmpm", Double.toString(budget), "--free", "plan.copay=0:80", "--free",
                "plan.coinsurance=0:0.5", "--max-evaluations", "20", "-n", "6", "-o", out.toString(), "-q");
        assertEquals(0, o.status(), o.err());
        // Chosen on its re-evaluation, where it met the budget at the Bonferroni level of the designs
        // re-evaluated; on the confirmation run, whose seeds played no part in choosing it, its mean does too.
        final CSVRecord chosen = winner(out, "reevaluation");
        assertEquals("true", chosen.get("feasible"));
        assertEquals(DesignSearch.reevaluationConfidence(5), Double.parseDouble(chosen.get("bound_confidence")), 1e-9);
        assertTrue(Double.parseDouble(chosen.get("plan_cost_pmpm_upper_bound")) <= budget);
        final CSVRecord confirmed = winner(out, "confirmation");
        assertTrue(Double.parseDouble(confirmed.get("plan_cost_pmpm_mean")) <= budget, confirmed.toString());

        evaluationsAgreeWithThemselves(out.resolve("evaluations.csv"), budget);

        // The optimum, run on its own with seeds the optimisation never used, stays within the budget.
        final Path check = dir.resolve("check");
        final CommandRun run = CommandRun.of("run", out.resolve("optimum.yaml").toString(), "-n", "10", "--seed", "987654",
                "-o", check.toString(), "-q");
        assertEquals(0, run.status(), run.err());
        final String name = "budget (optimised)";
        final double independent = mean(check, name, "plan_cost_pmpm");
        assertTrue(independent <= budget, independent + " > " + budget);

        // And compare runs it against the scenario it was found in.
        final Path compared = dir.resolve("compared");
        final CommandRun compare = CommandRun.of("compare", scenario.toString(), out.resolve("optimum.yaml").toString(),
                "-n", "2", "-o", compared.toString(), "-q");
        assertEquals(0, compare.status(), compare.err());
        assertTrue(mean(compared, name, "plan_cost_pmpm") < mean(compared, "budget", "plan_cost_pmpm"));
    }

    /**
     * Recomputes from evaluations.csv's own columns every flag it holds: each bound from its mean,
     * sd, n and confidence, each feasible flag from the bound and the budget, the Pareto front of the
     * search, the designs re-evaluated (the best feasible of the search) and the winner (the best
     * feasible re-evaluated: highest objective, then lower cost, then the earlier design).
     */
    private static void evaluationsAgreeWithThemselves(final Path file, final double budget) throws IOException {
        final List<CSVRecord> rows = csv(file);
        final ToDoubleBiFunction<CSVRecord, String> d = (r, c) -> Double.parseDouble(r.get(c));
        for (final CSVRecord r : rows) {
            final double n = d.applyAsDouble(r, "replications");
            final double t = new TDistribution(n - 1)
                    .inverseCumulativeProbability(d.applyAsDouble(r, "bound_confidence"));
            final double bound = d.applyAsDouble(r, "plan_cost_pmpm_mean")
                    + t * d.applyAsDouble(r, "plan_cost_pmpm_sd") / Math.sqrt(n);
            assertEquals(bound, d.applyAsDouble(r, "plan_cost_pmpm_upper_bound"), 1e-6 * bound, r.toString());
            assertEquals(Boolean.toString(bound <= budget), r.get("feasible"), r.toString());
        }
        final List<CSVRecord> search = rows.stream().filter(r -> r.get("phase").equals("search")).toList();
        for (final CSVRecord e : search) {
            final boolean dominated = search.stream().anyMatch(o -> {
                final double c = d.applyAsDouble(o, "plan_cost_pmpm_mean");
                final double v = d.applyAsDouble(o, "objective_mean");
                final double ce = d.applyAsDouble(e, "plan_cost_pmpm_mean");
                final double ve = d.applyAsDouble(e, "objective_mean");
                return c <= ce && v >= ve && (c < ce || v > ve);
            });
            assertEquals(Boolean.toString(!dominated), e.get("pareto"), e.toString());
        }
        final Comparator<CSVRecord> best = Comparator
                .comparingDouble((CSVRecord r) -> -d.applyAsDouble(r, "objective_mean"))
                .thenComparingDouble(r -> d.applyAsDouble(r, "plan_cost_pmpm_mean"))
                .thenComparingInt(r -> Integer.parseInt(r.get("design")));
        final List<CSVRecord> again = rows.stream().filter(r -> r.get("phase").equals("reevaluation")).toList();
        assertEquals(search.stream().filter(r -> r.get("feasible").equals("true")).sorted(best).limit(again.size())
                .map(r -> r.get("design")).toList(), again.stream().map(r -> r.get("design")).toList());
        final String winner = again.stream().filter(r -> r.get("feasible").equals("true")).sorted(best).findFirst()
                .orElseThrow().get("design");
        for (final CSVRecord r : rows) {
            assertEquals(Boolean.toString(r.get("design").equals(winner)), r.get("winner"), r.toString());
        }
    }

    @Test
    void theSameSeedGivesTheSameBytesOnOneThreadAndOnTwo() throws IOException {
        final Path scenario = small("threads");
        final List<Path> folders = new ArrayList<>();
        for (final String threads : List.of("1", "2")) {
            final Path out = dir.resolve("t" + threads);
            assertEquals(0, CommandRun.of("optimize", scenario.toString(), "--objective", "qalys", "--free",
                    "plan.copay=0:60", "--choice", "plan.sessionCap.sessions=8,unlimited", "--budget-pmpm", "5",
                    "--max-evaluations", "10", "-n", "3", "--threads", threads, "-o", out.toString(), "-q").status());
            folders.add(out);
        }
        final List<String> files = SameFolder.files(folders.get(0));
        assertEquals(files, SameFolder.files(folders.get(1)));
        assertTrue(files.contains("evaluations.csv") && files.contains("charts/pareto.png"), files.toString());
        for (final String f : files) {
            if (f.equals("report.html")) {
                // The report shows the command line, which names the threads and the folder.
                assertEquals(withoutCommand(folders.get(0).resolve(f)), withoutCommand(folders.get(1).resolve(f)), f);
            } else if (!f.equals("manifest.json")) {
                assertArrayEquals(Files.readAllBytes(folders.get(0).resolve(f)),
                        Files.readAllBytes(folders.get(1).resolve(f)), f);
            }
        }
    }

    private static List<String> withoutCommand(final Path report) throws IOException {
        return Files.readAllLines(report).stream()
                .filter(line -> !line.contains("class=\"command\"") && !line.contains("&quot;command&quot;")).toList();
    }

    @Test
    void aStoppedSearchResumedWritesTheSameFolderAsAnUninterruptedOne() throws IOException {
        final Path scenario = small("resume");
        final Path target = dir.resolve("resumed");
        final String[] command = {"optimize", scenario.toString(), "--objective", "recoveries", "--free",
            "plan.copay=0:60", "--max-evaluations", "10", "-n", "3", "--threads", "2", "-o", target.toString(), "-q"};
        assertEquals(0, CommandRun.of(command).status());
        final Path full = dir.resolve("full");
        Files.move(target, full);

        // The search as the command runs it, stopped after its sixth call.
        final ScenarioLoader loader = new ScenarioLoader();
        final ResolvedTree base = loader.resolve(scenario);
        final DesignSearch.Settings settings = new DesignSearch.Settings(DesignSearch.Objective.RECOVERIES,
                Perspective.PAYER, null, 10, 3, 20261122L, 5, 2);
        final List<FreeParameter> free = List.of(new FreeParameter("plan.copay", 0, 60));
        final Study study = Study.of(loader.bind(base)).withRun(3, 20261122L);
        try (WorkFolder work = WorkFolder.open(target, false, false,
                OptimizeCommand.fingerprint(study, settings, free, List.of()), note -> { })) {
            assertThrows(IllegalStateException.class, () -> new DesignSearch(loader, base, free, List.of(), settings)
                    .run(work.journal("search"), work.journal("reevaluation"), (calls, designs, best) -> {
                        if (calls == 6) {
                            throw new IllegalStateException("stopped");
                        }
                    }));
        }
        assertTrue(Files.exists(WorkFolder.of(target).resolve("tasks")), "the journal is kept");
        final List<String> args = new ArrayList<>(List.of(command));
        args.add("--resume");
        final CommandRun resumed = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.err().startsWith("therapysim: resuming " + target.toAbsolutePath()), resumed.err());
        assertFalse(Files.exists(WorkFolder.of(target)));
        SameFolder.assertSame(full, target);
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aSearchKilledMidwayLeavesNoFolderAndResumesToTheSameBytes() throws IOException, InterruptedException {
        final Path scenario = small("killed");
        final Path target = dir.resolve("x");
        final String[] command = {"optimize", scenario.toString(), "--objective", "qalys", "--free",
            "plan.copay=0:60", "--max-evaluations", "60", "-n", "3", "--threads", "1", "-o", target.toString(), "-q"};
        assertEquals(0, CommandRun.of(command).status());
        final Path full = dir.resolve("full");
        Files.move(target, full);

        final Path journal = dir.resolve(".x.partial/tasks/search/journal");
        final Path err = dir.resolve("err.txt");
        final Process process = CommandRun.inNewJvm(List.of("-Xmx512m"), err, command);
        try {
            // A replication's record is about 2 kB: stop once a few designs are journaled.
            CommandRun.awaitGrowth(process, journal, 12_000, 120);
            assertTrue(process.isAlive(), "still searching when killed: " + Files.readString(err));
            process.destroyForcibly();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "killed");
        } finally {
            process.destroyForcibly();
        }
        assertTrue(Files.notExists(target), "no results folder that looks complete");
        final List<String> args = new ArrayList<>(List.of(command));
        args.add("--resume");
        final CommandRun resumed = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.err().startsWith("therapysim: resuming " + target.toAbsolutePath()), resumed.err());
        SameFolder.assertSame(full, target);
    }

    /** Runs {@code therapysim optimize ARGS -o DIR}: exit code 2, one line, nothing written, no work folder left. */
    private void refused(final String expected, final String... args) {
        final Path out = dir.resolve("out");
        final List<String> all = new ArrayList<>(List.of("optimize", small("bad").toString(), "-n", "2", "-o",
                out.toString(), "-q"));
        all.addAll(List.of(args));
        if (!all.contains("--max-evaluations")) {
            all.addAll(List.of("--max-evaluations", "4"));
        }
        final CommandRun run = CommandRun.of(all.toArray(String[]::new));
        assertEquals(2, run.status(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("therapysim: " + expected), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(out), "nothing written");
        assertFalse(Files.exists(WorkFolder.of(out)), "no work folder left");
    }

    @Test
    void badInputExitsTwoWithOneLine() {
        refused("--free: plan.copayment=0:60: unknown key", "--objective", "recoveries", "--free",
                "plan.copayment=0:60");
        refused("--free: plan.sessionCap.atCap=0:1: must name a numeric scenario value (it is \"stop\"): give it a"
                + " number in the scenario, or search its values with --choice",
                "--objective", "recoveries", "--free", "plan.sessionCap.atCap=0:1");
        refused("--free = plan.copay=60:0: high = 0.0: must be above low (60.0)", "--objective", "recoveries",
                "--free", "plan.copay=60:0");
        refused("--free = plan.copay=5:5: high = 5.0: must be above low (5.0)", "--objective", "recoveries",
                "--free", "plan.copay=5:5");
        refused("--free = plan.copay=a:b: must be KEY=LOW:HIGH with numbers", "--objective", "recoveries",
                "--free", "plan.copay=a:b");
        refused("--budget-pmpm = 0.0001: no design tried meets it with 95% confidence; the cheapest, design ",
                "--objective", "recoveries", "--free", "plan.copay=0:60", "--budget-pmpm", "0.0001");
        refused("--budget-pmpm = -3.0: must be a positive amount", "--objective", "recoveries", "--free",
                "plan.copay=0:60", "--budget-pmpm", "-3");
        refused("--objective = cost: must be one of [nmb, qalys, recoveries]", "--objective", "cost", "--free",
                "plan.copay=0:60");
        refused("optimize: nothing to search", "--objective", "qalys");
        refused("--choice = plan.sessionCap.atCap=stop,,review: a value is empty", "--objective", "qalys",
                "--choice", "plan.sessionCap.atCap=stop,,review");
        refused("--choice: plan.sessionCap.atCap = \"sometimes\": must be one of stop,", "--objective", "qalys", "--choice",
                "plan.sessionCap.atCap=stop,sometimes");
        refused("optimize: plan.copay: given more than once", "--objective", "qalys", "--free", "plan.copay=0:9",
                "--choice", "plan.copay=1,2");
        refused("optimize: evaluation.horizonWeeks: cannot be searched", "--objective", "qalys", "--free",
                "evaluation.horizonWeeks=10:20");
        refused("--max-evaluations = 2: fewer than the 3 combinations", "--objective", "qalys", "--choice",
                "plan.copay=1,2,3", "--max-evaluations", "2");
    }

    @Test
    void theWinnerIsTheBestReevaluatedDesignThatMeetsTheBudget() {
        final DesignSearch.Evaluation a = evaluation(1, 0.30, 1.0, true);
        final DesignSearch.Evaluation b = evaluation(2, 0.35, 1.2, false);
        final DesignSearch.Evaluation c = evaluation(3, 0.32, 1.1, true);
        final DesignSearch.Evaluation tieCheaper = evaluation(4, 0.32, 1.05, true);
        final List<DesignSearch.Evaluation> ranked = new ArrayList<>(List.of(a, b, c, tieCheaper));
        ranked.sort(DesignSearch.BEST_FIRST);
        assertEquals(List.of(b, tieCheaper, c, a), ranked, "highest objective first, then the cheaper");
        // On the front: b (best objective), 4 (cheaper than 3 for the same objective), a (cheapest).
        assertEquals(List.of(true, true, false, true), DesignSearch.pareto(List.of(a, b, c, tieCheaper)));
        // Equal figures: both on the front.
        assertEquals(List.of(true, true), DesignSearch.pareto(List.of(a, evaluation(5, 0.30, 1.0, true))));
    }

    @Test
    void theBudgetsBoundIsTheOneSidedStudentBound() {
        // values 1, 2, 3, 4: mean 2.5, sd sqrt(5/3) = 1.2909944; t(0.95, 3) = 2.3533634;
        // 2.5 + 2.3533634 x 1.2909944 / 2 = 4.0190899.
        final MetricSummary s = MetricSummary.of(new double[] {1, 2, 3, 4});
        assertEquals(4.0190899, DesignSearch.upperBound(s, 0.95), 1e-6);
        // At 99%, t(0.99, 3) = 4.5407029: 2.5 + 4.5407029 x 1.2909944 / 2 = 5.4310111.
        assertEquals(5.4310111, DesignSearch.upperBound(s, 0.99), 1e-6);
        assertEquals(0.99, DesignSearch.reevaluationConfidence(5), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY,
                DesignSearch.upperBound(MetricSummary.of(new double[] {1}), 0.95));
    }

    private static DesignSearch.Evaluation evaluation(final int design, final double objective, final double cost,
            final boolean feasible) {
        final MetricSummary o = new MetricSummary(objective, 0, objective, objective, 3);
        final MetricSummary c = new MetricSummary(cost, 0, cost, cost, 3);
        return new DesignSearch.Evaluation(design, Map.of("plan.copay", Integer.toString(design)), 1, o, c, 0.95, cost,
                feasible);
    }

    @Test
    void aChoiceIsReadAsAKeyAndItsValues() {
        final DesignSearch.Choice c = OptimizeCommand.choice("plan.sessionCap.atCap= stop, self_pay ,review");
        assertEquals("plan.sessionCap.atCap", c.key());
        assertEquals(List.of("stop", "self_pay", "review"), c.values());
        assertThrows(TherapysimException.class, () -> OptimizeCommand.choice("plan.copay"));
        assertThrows(TherapysimException.class, () -> OptimizeCommand.choice("plan.copay=1,1"));
    }
}

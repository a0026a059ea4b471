package org.therapysim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.therapysim.ExitCode;
import org.therapysim.TherapysimException;
import org.therapysim.engine.Engines;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.DesignSearch;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.experiment.Perspective;
import org.therapysim.model.Kept;
import org.therapysim.output.OptimizationWriter;
import org.therapysim.output.ResultsFolder;
import org.therapysim.output.ResultsWriter;
import org.therapysim.output.WorkFolder;
import org.therapysim.scenario.FreeParameter;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code therapysim optimize SCENARIO --objective ...}: searches the benefit design that maximises
 * an outcome per person who sought care within a budget on plan cost per member per month
 * ({@link DesignSearch}), then runs the winner against the scenario as given on new seeds and
 * writes that run's results folder with the search's files ({@link OptimizationWriter}).
 */
@Command(name = "optimize", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Find the best benefit design within a budget (CMA-ES on common random numbers).",
            "Writes optimum.yaml, evaluations.csv and charts/pareto.png, and the winner against the",
            "scenario as given on new seeds (summary.csv, cost_effectiveness.csv, report.html)."})
final class OptimizeCommand implements Callable<Integer> {
    /** The most designs re-evaluated on new seeds. */
    static final int MAX_REEVALUATE = 50;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML) whose design is searched.")
    Path file;

    @Option(names = "--objective", paramLabel = "WHAT", required = true,
            description = "nmb (net monetary benefit), qalys or recoveries, per person who sought care.")
    String objective;

    @Option(names = "--perspective", paramLabel = "WHO", defaultValue = "payer",
            description = "Whose costs nmb counts: payer, employer, healthcare or societal (default: ${DEFAULT-VALUE}).")
    String perspective;

    @Option(names = "--budget-pmpm", paramLabel = "AMOUNT",
            description = "Plan cost per member per month the design must stay within, with 95%% confidence over the"
                    + " replications (default: no budget).")
    Double budget;

    @Option(names = "--free", paramLabel = "KEY=LOW:HIGH",
            description = "A numeric key to search within a range, rounded where the scenario's value is whole"
                    + " (repeatable).")
    List<String> freeOptions = new ArrayList<>();

    @Option(names = "--choice", paramLabel = "KEY=A,B,...",
            description = "A key to search among values, every combination tried (repeatable),"
                    + " e.g. plan.sessionCap.atCap=stop,self_pay,review.")
    List<String> choiceOptions = new ArrayList<>();

    @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "60",
            description = "Calls of the objective in the search, 1 to 100000, shared among the combinations of the"
                    + " choices (default: ${DEFAULT-VALUE}).")
    @Limits(min = 1, max = 100_000)
    int maxEvaluations;

    @Option(names = "--reevaluate", paramLabel = "K", defaultValue = "5",
            description = "How many of the best designs to simulate again on new seeds, 1 to " + MAX_REEVALUATE
                    + " (default: ${DEFAULT-VALUE}).")
    @Limits(min = 1, max = MAX_REEVALUATE)
    int reevaluate;

    @Option(names = {"-n", "--replications"}, paramLabel = "N",
            description = "Replications of every design, 2 to 100000 (default: the scenario's).")
    @Limits(min = 2, max = 100_000)
    Integer replications;

    @Option(names = "--seed", paramLabel = "SEED", description = "Master seed (default: the scenario's).")
    Long seed;

    @Option(names = "--wtp", paramLabel = "AMOUNT",
            description = "Willingness to pay per QALY (default: the scenario's evaluation.willingnessToPay).")
    Double wtp;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Folder (default: results/<file>-optimize).")
    Path output;

    @Mixin
    ResumeOption resuming = new ResumeOption();

    @Mixin
    WorkOptions work = new WorkOptions();

    @Override
    public Integer call() {
        final DesignSearch.Objective what = Choices.parse(objective, "--objective", DesignSearch.Objective.class);
        final Perspective who = Choices.parse(perspective, "--perspective", Perspective.class);
        if (budget != null && !(budget > 0 && Double.isFinite(budget))) {
            throw TherapysimException.invalidInput("--budget-pmpm = " + budget + ": must be a positive amount");
        }
        final List<FreeParameter> free = new ArrayList<>();
        for (final String text : freeOptions) {
            try {
                free.add(FreeParameter.parse(text));
            } catch (IllegalArgumentException e) {
                throw TherapysimException.invalidInput("--free = " + text + ": " + e.getMessage());
            }
        }
        final List<DesignSearch.Choice> choices = new ArrayList<>();
        for (final String text : choiceOptions) {
            choices.add(choice(text));
        }
        for (final String key : keys(free, choices)) {
            if (Study.SHARED_SETTINGS.contains(key)) {
                throw TherapysimException.invalidInput("optimize: " + key + ": cannot be searched: the optimum is"
                        + " compared with the scenario as given, and compared arms share " + Study.SHARED_SETTINGS);
            }
        }
        final ScenarioLoader loader = new ScenarioLoader();
        ResolvedTree base = loader.resolve(file);
        if (wtp != null) {
            // Checked as every command checks it, then set in the tree every design is made from.
            StudyRunner.withWillingnessToPay(Study.of(loader.bind(base)), wtp);
            base = loader.override(base, "evaluation.willingnessToPay", Double.toString(wtp), "--wtp");
        }
        final Scenario given = loader.bind(base);
        final int n = replications != null ? replications : given.simulation().replications();
        if (n < 2) {
            throw TherapysimException.invalidInput(file + ": simulation.replications = " + n + ": optimize needs at"
                    + " least 2 for its intervals; give -n 2 or more");
        }
        final long master = seed != null ? seed : given.simulation().seed();
        final DesignSearch.Settings settings = new DesignSearch.Settings(what, who, budget, maxEvaluations, n, master,
                reevaluate, work.threadCount());
        final DesignSearch search = new DesignSearch(loader, base, free, choices, settings);
        final Path target = output != null ? output : Path.of("results", ResultsFolder.nameOf(file) + "-optimize");
        final Study searched = Study.of(given).withRun(n, master);
        StudyRunner.checkSpace(searched.withArms(List.of(given, given.withName(given.name() + " (optimised)"))), Kept.EPISODES, target, resuming.resume,
                Engines.Choice.LOCAL_THREADS);
        final PrintWriter err = spec.commandLine().getErr();
        final DesignSearch.Result result;
        final ExperimentResult confirmation;
        try (WorkFolder folder = WorkFolder.open(target, work.overwrite, resuming.resume,
                fingerprint(searched, settings, free, choices), note -> {
                    err.println("therapysim: " + note);
                    err.flush();
                })) {
            try {
                try (Progress progress = Progress.start("Searching", maxEvaluations, " evaluations", work.quiet,
                        System.err)) {
                    result = search.run(folder.journal("search"), folder.journal("reevaluation"),
                            (calls, designs, best) -> {
                                progress.progress(Math.min(calls, maxEvaluations), maxEvaluations);
                                progress.message(String.format(Locale.ROOT, "%d designs, best %.4g", designs, best));
                            });
                } catch (TherapysimException e) {
                    if (e.exitCode() == ExitCode.INVALID_INPUT) {
                        // A rerun would give the same answer: nothing is kept to resume.
                        folder.discard();
                    }
                    throw e;
                }
                final Study study = new Study(given.name() + ": optimum against the scenario as given",
                        "The design found by therapysim optimize against the scenario it was searched in, on"
                                + " replications that played no part in the search.",
                        List.of(given, result.optimum()), n, DesignSearch.freshSeed(master, 2));
                final OptimizationWriter.Search described = new OptimizationWriter.Search(file, settings,
                        keys(free, choices), ranges(free, choices, search), method(free, choices),
                        given.costs().currency());
                try (Progress progress = Progress.start("Confirming", 2 * n, work.quiet, System.err)) {
                    confirmation = ResultsWriter.run(study, new ResultsWriter.Options(target, work.overwrite, false,
                            work.threadCount(), Main.commandLine(spec), null, null), progress,
                            (results, run) -> OptimizationWriter.write(result, described, run, results, target),
                            folder);
                }
            } catch (RuntimeException e) {
                throw folder.explain(e);
            }
        }
        if (!work.quiet) {
            print(result, settings, confirmation, target, spec.commandLine().getOut());
        }
        StudyRunner.warnAboutCapacity(confirmation, err);
        return 0;
    }

    private static void print(final DesignSearch.Result result, final DesignSearch.Settings s,
            final ExperimentResult confirmation, final Path target, final PrintWriter out) {
        final ArmResult given = confirmation.arms().get(0);
        final ArmResult optimum = confirmation.arms().get(1);
        final MetricSummary objective = MetricSummary.of(s.objective().values(optimum, s.perspective()));
        final MetricSummary reference = MetricSummary.of(s.objective().values(given, s.perspective()));
        final MetricSummary cost = optimum.summary(Metric.PLAN_COST_PMPM);
        final double upper = DesignSearch.upperBound(cost, DesignSearch.BUDGET_CONFIDENCE);
        out.printf(Locale.ROOT, "Searched %d designs (%d evaluations), %d again on new seeds; winner: design %d%n",
                result.search().size(), result.calls(), result.reevaluated().size(), result.winner().design());
        result.winner().values().forEach((k, v) -> out.printf(Locale.ROOT, "  %-48s %s%n", k, v));
        out.printf(Locale.ROOT, "On new seeds (%d replications), the optimum against the scenario as given:%n",
                confirmation.study().replications());
        out.printf(Locale.ROOT, "  %-48s %s [%s, %s]   as given %s%n", s.objective().label(), figure(objective.mean()),
                figure(objective.ciLow()), figure(objective.ciHigh()), figure(reference.mean()));
        out.printf(Locale.ROOT, "  %-48s %.2f [%.2f, %.2f], 95%% upper bound %.2f%s   as given %.2f%n",
                "plan cost per member per month", cost.mean(), cost.ciLow(), cost.ciHigh(), upper,
                s.budgetPmpm() == null ? "" : upper <= s.budgetPmpm() ? " (within the budget)"
                        : " (ABOVE the budget: give more replications)",
                given.summary(Metric.PLAN_COST_PMPM).mean());
        out.printf(Locale.ROOT, "Optimum scenario: %s%nResults: %s%n", target.resolve("optimum.yaml"), target);
        out.flush();
    }

    /** @return a figure to 4 significant digits, or to the unit with thousands separated from 1,000 on */
    private static String figure(final double value) {
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.4g", value);
    }

    /** Reads {@code KEY=A,B,...}. */
    static DesignSearch.Choice choice(final String text) {
        final KeyValues choice = KeyValues.parse("--choice", text, "plan.sessionCap.atCap=stop,self_pay,review");
        return new DesignSearch.Choice(choice.key(), choice.values());
    }

    private static List<String> keys(final List<FreeParameter> free, final List<DesignSearch.Choice> choices) {
        final List<String> keys = new ArrayList<>();
        free.forEach(p -> keys.add(p.key()));
        choices.forEach(c -> keys.add(c.key()));
        return keys;
    }

    private static List<String> ranges(final List<FreeParameter> free, final List<DesignSearch.Choice> choices,
            final DesignSearch search) {
        final List<String> ranges = new ArrayList<>();
        for (int i = 0; i < free.size(); i++) {
            final FreeParameter p = free.get(i);
            ranges.add(DesignSearch.plain(p.low()) + " to " + DesignSearch.plain(p.high())
                    + (search.integral(i) ? ", whole numbers" : ""));
        }
        choices.forEach(c -> ranges.add(String.join(", ", c.values())));
        return ranges;
    }

    private static String method(final List<FreeParameter> free, final List<DesignSearch.Choice> choices) {
        final String numeric = "CMA-ES over " + String.join(", ", free.stream().map(FreeParameter::key).toList());
        final String listed = "every combination of " + String.join(", ",
                choices.stream().map(DesignSearch.Choice::key).toList());
        return free.isEmpty() ? listed : choices.isEmpty() ? numeric : numeric + ", for " + listed;
    }

    /** @return what identifies a search, for resuming it */
    static String fingerprint(final Study study, final DesignSearch.Settings s, final List<FreeParameter> free,
            final List<DesignSearch.Choice> choices) {
        return WorkFolder.fingerprint(study, "optimize", "objective " + s.objective().id(), "perspective "
                + s.perspective().id(), "budget " + s.budgetPmpm(), "evaluations " + s.maxEvaluations(), "reevaluate "
                + s.reevaluate(), "free " + free, "choices " + choices);
    }
}

package org.therapysim.experiment;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.distribution.TDistribution;
import org.therapysim.TherapysimException;
import org.therapysim.model.RandomStreams;
import org.therapysim.scenario.FreeParameter;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;

/**
 * Finds the benefit design that maximises an outcome per person who sought care, within a budget
 * on the plan's cost per member per month, among the values of some scenario keys: numeric keys
 * within a range ({@code --free}), searched with CMA-ES ({@link BoxSearch}), and categorical keys
 * among listed values ({@code --choice}), searched by enumerating every combination, each with
 * its own CMA-ES search and an equal share of the evaluations.
 *
 * <p>Every design of the search is simulated for the same replications with the same seeds
 * (common random numbers), so two designs differ by their rules, not by chance in who fell ill,
 * and the search sees a deterministic function of the design.
 *
 * <p>The budget is a chance constraint: a design meets it when the one-sided 95% upper
 * confidence bound of its mean plan cost per member per month over the replications,
 * {@code mean + t(0.95, n-1) sd / sqrt(n)}, is at most the budget. The search minimises minus
 * the objective's mean over designs that meet the budget; a design that does not is ranked below
 * every design that does, by how far its bound exceeds the budget (a static penalty, which
 * CMA-ES, ranking by value alone, reads as "feasible first").
 *
 * <p>Choosing the best of many noisy estimates favours designs whose estimate happened to be
 * high (the optimizer's curse, Smith and Winkler 2006). So the best few designs that met the
 * budget are simulated again on replications with new seeds, the winner is chosen on those, and
 * the winner's figures the results report come from a third set of seeds (the confirmation run,
 * written by the caller), which played no part in choosing it. Choosing among k designs re-evaluated
 * the one with the best objective that meets the budget would favour a design whose cost happened
 * to look low; so each of the k is held to a one-sided bound at 1 - 0.05 / k (Bonferroni), under
 * which all k bounds hold together, and so the winner's, with 95% confidence.
 */
public final class DesignSearch {
    /** A design that cannot meet the budget ranks below any that does: this plus its excess. */
    static final double INFEASIBLE = 1e15;
    /** One-sided confidence of the budget constraint. */
    public static final double BUDGET_CONFIDENCE = 0.95;

    /** What the search maximises, per person who sought care over the evaluation horizon. */
    public enum Objective {
        /** Net monetary benefit in the chosen perspective: willingness to pay x QALYs less cost. */
        NMB("nmb", "net monetary benefit per person who sought care"),
        /** QALYs. */
        QALYS("qalys", "QALYs per person who sought care"),
        /** Recoveries (treated episodes at caseness that ended below it). */
        RECOVERIES("recoveries", "recoveries per person who sought care");

        private final String id;
        private final String label;

        Objective(final String id, final String label) {
            this.id = id;
            this.label = label;
        }

        /** @return the identifier used on the command line and in tables */
        public String id() {
            return id;
        }

        /** @return what it measures, in words */
        public String label() {
            return label;
        }

        /** @return the objective's value in each replication of an arm */
        public double[] values(final ArmResult arm, final Perspective perspective) {
            return switch (this) {
                case QALYS -> arm.values(Metric.QALYS_PER_PATIENT);
                case RECOVERIES -> arm.values(Metric.RECOVERIES_PER_PATIENT);
                case NMB -> {
                    final double wtp = arm.scenario().evaluation().willingnessToPay();
                    final double[] cost = arm.values(perspective.cost());
                    final double[] qalys = arm.values(Metric.QALYS_PER_PATIENT);
                    final double[] nmb = new double[cost.length];
                    for (int r = 0; r < nmb.length; r++) {
                        nmb[r] = IncrementalAnalysis.netMonetaryBenefit(cost[r], qalys[r], wtp);
                    }
                    yield nmb;
                }
            };
        }
    }

    /**
     * A categorical key and the values to try.
     *
     * @param key dotted scenario key
     * @param values values as written in YAML, at least one, no repeats
     */
    public record Choice(String key, List<String> values) {
        public Choice {
            values = List.copyOf(values);
        }
    }

    /**
     * What to search.
     *
     * @param objective what to maximise
     * @param perspective whose costs the net monetary benefit counts
     * @param budgetPmpm the budget on plan cost per member per month, or null for none
     * @param maxEvaluations calls of the objective, over all combinations of the choices
     * @param replications replications of every design
     * @param seed master seed of the search's replications; the re-evaluation and the
     *     confirmation use seeds derived from it ({@link #freshSeed})
     * @param reevaluate how many of the best designs to simulate again on new seeds
     * @param threads worker threads
     */
    public record Settings(Objective objective, Perspective perspective, Double budgetPmpm, int maxEvaluations,
            int replications, long seed, int reevaluate, int threads) {
    }

    /**
     * One design simulated.
     *
     * @param design the design's number, in the order the search first proposed it (from 1)
     * @param values each key's value as set, free keys then choices
     * @param masterSeed master seed of its replications
     * @param objective the objective over the replications
     * @param planCost plan cost per member per month over the replications
     * @param confidence the one-sided confidence of {@code planCostUpper}
     * @param planCostUpper one-sided upper confidence bound of the mean plan cost per member per month
     * @param feasible whether the bound is within the budget (true without a budget)
     */
    public record Evaluation(int design, Map<String, String> values, long masterSeed, MetricSummary objective,
            MetricSummary planCost, double confidence, double planCostUpper, boolean feasible) {
        public Evaluation {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /**
     * The outcome of a search.
     *
     * @param search every distinct design the search simulated, in the order first proposed
     * @param pareto for each design of {@code search}, whether no other design has a lower or equal
     *     mean plan cost and a higher or equal mean objective, one of them strictly
     * @param reevaluated the best designs of the search simulated again on new seeds, best first by
     *     the search's figures
     * @param winner the design chosen, one of {@code reevaluated}
     * @param optimum the winning design as a scenario (named after the scenario searched)
     * @param calls calls of the objective (a design proposed again is not simulated again)
     */
    public record Result(List<Evaluation> search, List<Boolean> pareto, List<Evaluation> reevaluated,
            Evaluation winner, Scenario optimum, int calls) {
        public Result {
            search = List.copyOf(search);
            pareto = List.copyOf(pareto);
            reevaluated = List.copyOf(reevaluated);
        }
    }

    /** Told after each call of the objective. */
    @FunctionalInterface
    public interface Listener {
        /** @param calls calls so far; @param designs designs simulated; @param best best objective meeting the budget */
        void evaluated(int calls, int designs, double best);
    }

    private final ScenarioLoader loader;
    private final ResolvedTree base;
    private final BoxSearch box;
    private final List<Choice> choices;
    private final Settings settings;
    private final Scenario given;

    /**
     * @param loader scenario loader
     * @param base the scenario searched, resolved
     * @param free the numeric keys and their ranges (may be empty when choices are given)
     * @param choices the categorical keys and their values (may be empty when free keys are given)
     * @param settings what to search
     * @throws TherapysimException exit 2 for keys that do not exist or values the scenario refuses
     */
    public DesignSearch(final ScenarioLoader loader, final ResolvedTree base, final List<FreeParameter> free,
            final List<Choice> choices, final Settings settings) {
        if (free.isEmpty() && choices.isEmpty()) {
            throw TherapysimException.invalidInput("optimize: nothing to search: give --free KEY=LOW:HIGH or --choice"
                    + " KEY=A,B,...");
        }
        final List<String> keys = new ArrayList<>();
        free.forEach(p -> keys.add(p.key()));
        choices.forEach(c -> keys.add(c.key()));
        for (final String key : keys) {
            if (key.contains("[")) {
                throw TherapysimException.invalidInput("optimize: " + key + ": list items cannot be searched; search a"
                        + " key outside a list");
            }
            if (keys.indexOf(key) != keys.lastIndexOf(key)) {
                throw TherapysimException.invalidInput("optimize: " + key + ": given more than once among --free and"
                        + " --choice");
            }
        }
        this.loader = loader;
        this.base = base;
        this.box = new BoxSearch(loader, base, free, "--free", ": give it a number in the scenario, or search"
                + " its values with --choice");
        this.choices = List.copyOf(choices);
        this.settings = settings;
        this.given = loader.bind(base);
        // Every value of every key is tried once here, so that a value the scenario refuses is told
        // before anything is simulated.
        final double[] low = new double[free.size()];
        final double[] high = new double[free.size()];
        for (int i = 0; i < free.size(); i++) {
            low[i] = free.get(i).low();
            high[i] = free.get(i).high();
        }
        loader.bind(box.apply(base, low, "--free"));
        loader.bind(box.apply(base, high, "--free"));
        for (final Choice choice : choices) {
            for (final String value : choice.values()) {
                loader.bind(loader.override(base, choice.key(), value, "--choice"));
            }
        }
        if (settings.maxEvaluations() < combinations().size()) {
            throw TherapysimException.invalidInput("--max-evaluations = " + settings.maxEvaluations() + ": fewer than the "
                    + combinations().size() + " combinations of the --choice values; give at least "
                    + combinations().size());
        }
    }

    /** @return every combination of the choices' values, the first choice varying slowest */
    List<List<String>> combinations() {
        List<List<String>> out = List.of(List.of());
        for (final Choice choice : choices) {
            final List<List<String>> next = new ArrayList<>();
            for (final List<String> prefix : out) {
                for (final String value : choice.values()) {
                    final List<String> combination = new ArrayList<>(prefix);
                    combination.add(value);
                    next.add(combination);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * @return the master seed of stage {@code stage} (1: the re-evaluation, 2: the confirmation):
     *     replications whose seeds share none with the search's but for a one-in-four-billion chance
     */
    public static long freshSeed(final long seed, final int stage) {
        return RandomStreams.drawSeed(seed, -1 - stage);
    }

    /** @return whether free key {@code i} takes whole numbers only */
    public boolean integral(final int i) {
        return box.integral(i);
    }

    /** @return the scenario as given, as the search reads it */
    public Scenario given() {
        return given;
    }

    /**
     * Runs the search and the re-evaluation.
     *
     * @param searchJournal records each replication of the search (group = design - 1), or null
     * @param reevaluationJournal records each replication of the re-evaluation, or null
     * @throws TherapysimException exit 2 when no design tried meets the budget
     */
    public Result run(final TaskJournal searchJournal, final TaskJournal reevaluationJournal,
            final Listener listener) {
        final List<List<String>> combinations = combinations();
        final List<Evaluation> evaluations = new ArrayList<>();
        final Map<List<String>, Evaluation> byDesign = new HashMap<>();
        final int[] calls = {0};
        final double[] best = {Double.NaN};
        final int n = box.free().size();
        for (int c = 0; c < combinations.size(); c++) {
            final List<String> combination = combinations.get(c);
            final ToDoubleFunction<double[]> objective = unit -> {
                final double[] values = box.settled(box.fromUnit(unit));
                final Map<String, String> design = design(values, combination);
                final List<String> id = List.copyOf(design.values());
                Evaluation e = byDesign.get(id);
                if (e == null) {
                    final int number = evaluations.size() + 1;
                    e = evaluate(number, design, settings.seed(), BUDGET_CONFIDENCE, shifted(searchJournal, number - 1));
                    evaluations.add(e);
                    byDesign.put(id, e);
                }
                calls[0]++;
                if (e.feasible() && !(e.objective().mean() <= best[0])) {
                    best[0] = e.objective().mean();
                }
                listener.evaluated(calls[0], evaluations.size(), best[0]);
                return e.feasible() ? -e.objective().mean()
                        : INFEASIBLE + (e.planCostUpper() - settings.budgetPmpm());
            };
            final int share = settings.maxEvaluations() / combinations.size()
                    + (c < settings.maxEvaluations() % combinations.size() ? 1 : 0);
            final double[] unitStart = new double[n];
            final double[] start = box.start();
            for (int i = 0; i < n; i++) {
                final FreeParameter p = box.free().get(i);
                unitStart[i] = start[i] >= p.low() && start[i] <= p.high() ? box.toUnit(start)[i] : 0.5;
            }
            if (n == 0) {
                objective.applyAsDouble(unitStart);
            } else {
                // CMA-ES evaluates the start first.
                BoxSearch.minimize(objective, unitStart, share, RandomStreams.drawSeed(settings.seed(), c), 0);
            }
        }
        final List<Evaluation> feasible = evaluations.stream().filter(Evaluation::feasible).toList();
        if (feasible.isEmpty()) {
            final Evaluation cheapest = evaluations.stream()
                    .min(Comparator.comparingDouble(Evaluation::planCostUpper)).orElseThrow();
            throw TherapysimException.invalidInput(String.format(Locale.ROOT, "--budget-pmpm = %s: no design tried"
                    + " meets it with 95%% confidence; the cheapest, design %d, costs %.2f per member per month (95%%"
                    + " upper bound %.2f): raise the budget or widen the ranges", plain(settings.budgetPmpm()),
                    cheapest.design(), cheapest.planCost().mean(), cheapest.planCostUpper()));
        }
        final List<Evaluation> ranked = new ArrayList<>(feasible);
        ranked.sort(BEST_FIRST);
        final long fresh = freshSeed(settings.seed(), 1);
        final List<Evaluation> again = new ArrayList<>();
        final int k = Math.min(settings.reevaluate(), ranked.size());
        final double confidence = reevaluationConfidence(k);
        for (int i = 0; i < k; i++) {
            final Evaluation e = ranked.get(i);
            again.add(evaluate(e.design(), e.values(), fresh, confidence, shifted(reevaluationJournal, i)));
        }
        final List<Evaluation> confirmed = again.stream().filter(Evaluation::feasible).sorted(BEST_FIRST).toList();
        if (confirmed.isEmpty()) {
            final Evaluation first = again.get(0);
            throw TherapysimException.invalidInput(String.format(Locale.ROOT, "--budget-pmpm = %s: none of the %d best"
                    + " designs met it with %s%% confidence each on new replications (design %d: upper bound %.2f per"
                    + " member per month): the budget is at the edge of what the designs can meet; raise it, or give"
                    + " more replications (-n)", plain(settings.budgetPmpm()), again.size(),
                    plain(100 * confidence), first.design(), first.planCostUpper()));
        }
        final Evaluation winner = confirmed.get(0);
        return new Result(evaluations, pareto(evaluations), again, winner,
                scenarioOf(winner.values()).withName(given.name() + " (optimised)"), calls[0]);
    }

    /**
     * @return the one-sided confidence each of {@code k} designs re-evaluated is held to, so that the
     *     winner, chosen among them, meets the budget with 95% confidence: 1 - 0.05 / k (Bonferroni;
     *     all k bounds hold together with probability at least 95%, whichever design is chosen)
     */
    public static double reevaluationConfidence(final int k) {
        return 1 - (1 - BUDGET_CONFIDENCE) / k;
    }

    /** Highest objective first; ties: lower plan cost, then the design first proposed. */
    public static final Comparator<Evaluation> BEST_FIRST = Comparator
            .comparingDouble((Evaluation e) -> -e.objective().mean())
            .thenComparingDouble(e -> e.planCost().mean())
            .thenComparingInt(Evaluation::design);

    /**
     * @return for each evaluation, whether it is on the Pareto front of mean plan cost (lower is
     *     better) against mean objective (higher is better): no other design is at least as good on
     *     both and better on one; designs with equal figures are all on it or all off it
     */
    public static List<Boolean> pareto(final List<Evaluation> evaluations) {
        final List<Boolean> out = new ArrayList<>();
        for (final Evaluation e : evaluations) {
            boolean dominated = false;
            for (final Evaluation o : evaluations) {
                final double c = o.planCost().mean();
                final double v = o.objective().mean();
                final double ce = e.planCost().mean();
                final double ve = e.objective().mean();
                if (c <= ce && v >= ve && (c < ce || v > ve)) {
                    dominated = true;
                    break;
                }
            }
            out.add(!dominated);
        }
        return out;
    }

    private Map<String, String> design(final double[] values, final List<String> combination) {
        final Map<String, String> design = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            design.put(box.free().get(i).key(), box.text(i, values[i]));
        }
        for (int j = 0; j < choices.size(); j++) {
            design.put(choices.get(j).key(), combination.get(j));
        }
        return design;
    }

    /** @return the scenario searched with the design's values */
    public Scenario scenarioOf(final Map<String, String> values) {
        ResolvedTree tree = base;
        for (final Map.Entry<String, String> kv : values.entrySet()) {
            tree = loader.override(tree, kv.getKey(), kv.getValue(), "optimize");
        }
        return loader.bind(tree);
    }

    private Evaluation evaluate(final int number, final Map<String, String> values, final long masterSeed,
            final double confidence, final TaskJournal journal) {
        final Scenario scenario = scenarioOf(values).withName("design " + number);
        final Study study = new Study("design " + number, null, List.of(scenario), settings.replications(), masterSeed);
        final ArmResult arm = Experiment.runAll(List.of(study), settings.threads(), ProgressListener.NONE, journal)
                .get(0).arms().get(0);
        final MetricSummary objective = MetricSummary.of(settings.objective().values(arm, settings.perspective()));
        final MetricSummary cost = MetricSummary.of(arm.values(Metric.PLAN_COST_PMPM));
        final double upper = upperBound(cost, confidence);
        final boolean feasible = settings.budgetPmpm() == null || upper <= settings.budgetPmpm();
        return new Evaluation(number, values, masterSeed, objective, cost, confidence, upper, feasible);
    }

    /**
     * @return the one-sided upper confidence bound of the mean at {@code confidence}, {@code mean +
     *     t(confidence, n-1) sd / sqrt(n)}; infinite with fewer than two values (no bound can be had)
     */
    public static double upperBound(final MetricSummary s, final double confidence) {
        if (s.n() < 2) {
            return Double.POSITIVE_INFINITY;
        }
        final double t = new TDistribution(null, s.n() - 1).inverseCumulativeProbability(confidence);
        return s.mean() + t * s.sd() / Math.sqrt(s.n());
    }

    /** @return the journal with every task of group 0 filed under {@code group} (null for null) */
    private static TaskJournal shifted(final TaskJournal journal, final int group) {
        if (journal == null) {
            return null;
        }
        return new TaskJournal() {
            @Override
            public ReplicationSummary recall(final Task task) {
                return journal.recall(new Task(group, task.arm(), task.replication()));
            }

            @Override
            public void record(final Task task, final ReplicationSummary summary) throws IOException {
                journal.record(new Task(group, task.arm(), task.replication()), summary);
            }
        };
    }

    /**
     * @return a value as the search's options and messages write it: as short as it reads, without
     *     trailing zeros or an exponent (60, 1.2, 0.05)
     */
    public static String plain(final double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

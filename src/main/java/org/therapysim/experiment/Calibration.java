package org.therapysim.experiment;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.therapysim.TherapysimException;
import org.therapysim.scenario.FreeParameter;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Target;
import org.therapysim.scenario.TargetFile;
import org.therapysim.scenario.TargetRole;

/**
 * Fits free scenario parameters to a targets file with CMA-ES (Hansen 2006; Commons Math's
 * CMAESOptimizer, run by {@link BoxSearch}), within bounds. Every evaluation runs the same replications with the
 * same seeds (common random numbers), so the objective is a deterministic function of the
 * parameters. Only targets whose role is {@code calibrated} enter the objective: an independent
 * target fitted would no longer be evidence, and an input target is reproduced by construction;
 * both are still compared at the fitted point. The objective is the sum over those targets of
 * {@code ((simulated mean - published value) / half-width of the band)^2}, or for a published
 * bound the same distance outside the band only ({@link #cost}); an undefined statistic costs
 * {@link #UNDEFINED_PENALTY}.
 */
public final class Calibration {
    /** Cost of a target whose statistic is undefined at a parameter point. */
    public static final double UNDEFINED_PENALTY = 100.0;
    /** An objective below this meets every target to a millionth of its band: the fit stops. */
    static final double GOOD_ENOUGH = 1e-6;

    /**
     * A fitted point.
     *
     * @param values fitted value of each free parameter, by key
     * @param start starting value of each free parameter, by key
     * @param objective objective at the fitted point
     * @param startObjective objective at the start
     * @param evaluations objective evaluations used
     * @param rows the targets compared at the fitted point
     * @param scenario the scenario at the fitted point
     */
    public record Fit(Map<String, Double> values, Map<String, Double> start, double objective, double startObjective,
            int evaluations, List<TargetCheck.Row> rows, Scenario scenario) {
        public Fit {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            start = Collections.unmodifiableMap(new LinkedHashMap<>(start));
            rows = List.copyOf(rows);
        }
    }

    /** Told after each evaluation. */
    @FunctionalInterface
    public interface Listener {
        /** @param evaluation evaluations so far; @param best best objective so far */
        void evaluated(int evaluation, double best);
    }

    private final ScenarioLoader loader;
    private final ResolvedTree base;
    private final List<ResolvedTree> referenceBases;
    private final TargetFile targets;
    private final Path targetsPath;
    private final List<FreeParameter> free;
    private final List<Metric> metrics;
    private final int threads;
    private final BoxSearch box;
    private int evaluations;
    private double best = Double.POSITIVE_INFINITY;

    /**
     * @param loader scenario loader
     * @param base the scenario to fit, resolved
     * @param referenceBases the reference scenarios of the file's ratio targets, resolved, in the
     *     order of {@link TargetCheck#references}; the free parameters are set in them too
     * @param targets the targets (their replications and seed are used for every evaluation)
     * @param targetsPath where the targets came from (for messages)
     * @param free the parameters to fit
     * @param threads worker threads per evaluation
     */
    public Calibration(final ScenarioLoader loader, final ResolvedTree base, final List<ResolvedTree> referenceBases,
            final TargetFile targets, final Path targetsPath, final List<FreeParameter> free, final int threads) {
        if (free.isEmpty()) {
            throw TherapysimException.invalidInput(targetsPath + ": free = []: calibration needs at least one free "
                    + "parameter (in the targets file or --free KEY=LOW:HIGH)");
        }
        if (targets.targets().stream().noneMatch(t -> t.role() == TargetRole.CALIBRATED)) {
            throw TherapysimException.invalidInput(targetsPath + ": targets: no target has role calibrated: "
                    + "calibration fits only to those (input and independent targets are never fitted)");
        }
        this.loader = loader;
        this.base = base;
        this.referenceBases = List.copyOf(referenceBases);
        if (referenceBases.size() != TargetCheck.references(targets).size()) {
            throw new IllegalArgumentException("one resolved scenario per reference is required");
        }
        this.targets = targets;
        this.targetsPath = targetsPath;
        this.free = List.copyOf(free);
        this.metrics = TargetCheck.metrics(targets, targetsPath);
        this.threads = threads;
        this.box = new BoxSearch(loader, base, free, targetsPath + ": free");
    }

    /** @return the scenario with the free parameters set to {@code values} */
    public Scenario scenarioAt(final double[] values) {
        return scenarioAt(base, values);
    }

    private Scenario scenarioAt(final ResolvedTree start, final double[] values) {
        return loader.bind(box.apply(start, values, "calibration"));
    }

    /** @return the objective at a parameter point (runs the simulation) */
    public double objective(final double[] values) {
        final List<TargetCheck.Row> rows = compare(values);
        double sum = 0;
        for (final TargetCheck.Row row : rows) {
            if (row.target().role() == TargetRole.CALIBRATED) {
                sum += cost(row.target(), row.simulated().mean());
            }
        }
        return sum;
    }

    /**
     * One target's share of the objective. A published point (value inside its band) costs the
     * squared distance from it in half-widths of the band. A published bound (value at an end of
     * the band: "over 70%", "at most .20") costs nothing inside the band and the squared distance
     * outside it, in the same units: a bound says nothing about where inside it the truth lies.
     */
    static double cost(final Target t, final double mean) {
        if (!Double.isFinite(mean)) {
            return UNDEFINED_PENALTY;
        }
        final double half = Math.max(1e-12, (t.high() - t.low()) / 2);
        if (t.value() == t.low() || t.value() == t.high()) {
            final double outside = mean < t.low() ? t.low() - mean : mean > t.high() ? mean - t.high() : 0.0;
            return Math.pow(outside / half, 2);
        }
        return Math.pow((mean - t.value()) / half, 2);
    }

    private List<TargetCheck.Row> compare(final double[] values) {
        final List<Scenario> references = referenceBases.stream().map(tree -> scenarioAt(tree, values)).toList();
        final ExperimentResult result = TargetCheck.simulate(targets, "calibration", scenarioAt(values), references,
                threads, ProgressListener.NONE);
        return TargetCheck.compare(targets, metrics, result);
    }

    /**
     * Fits from the base scenario's current values.
     *
     * @param maxEvaluations budget of objective evaluations
     * @param seed seed of the optimizer's own random draws
     * @param listener told after each evaluation
     */
    public Fit fit(final int maxEvaluations, final long seed, final Listener listener) {
        final int n = free.size();
        final double[] start = box.start();
        final Scenario startScenario = loader.bind(base);
        for (int i = 0; i < n; i++) {
            if (start[i] < free.get(i).low() || start[i] > free.get(i).high()) {
                throw TherapysimException.invalidInput(targetsPath + ": free parameter " + free.get(i).key() + " = "
                        + free.get(i).low() + ":" + free.get(i).high() + ": bounds must contain the scenario's value "
                        + start[i] + " (" + startScenario.name() + ")");
            }
        }
        final double[] unitStart = box.toUnit(start);
        evaluations = 0;
        best = Double.POSITIVE_INFINITY;
        final double startObjective = objective(start);
        final double[] bestPoint = unitStart.clone();
        best = startObjective;
        evaluations = 1;
        listener.evaluated(evaluations, best);
        BoxSearch.minimize(point -> {
            final double value = objective(box.fromUnit(point));
            evaluations++;
            if (value < best) {
                best = value;
                System.arraycopy(point, 0, bestPoint, 0, n);
            }
            listener.evaluated(evaluations, best);
            return value;
        }, unitStart, maxEvaluations, seed, GOOD_ENOUGH);
        final double[] fitted = box.fromUnit(bestPoint);
        final Map<String, Double> values = new LinkedHashMap<>();
        final Map<String, Double> starts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            values.put(free.get(i).key(), Double.parseDouble(BoxSearch.format(fitted[i])));
            starts.put(free.get(i).key(), start[i]);
        }
        return new Fit(values, starts, best, startObjective, evaluations, compare(fitted), scenarioAt(fitted));
    }
}

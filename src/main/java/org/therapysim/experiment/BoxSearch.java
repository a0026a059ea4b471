package org.therapysim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.therapysim.TherapysimException;
import org.therapysim.model.RandomAdapter;
import org.therapysim.model.RandomStreams;
import org.therapysim.scenario.FreeParameter;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.ScenarioLoader;

/**
 * Free numeric scenario keys within bounds, the box that {@code calibrate} and {@code optimize}
 * search with CMA-ES (Hansen 2006; Commons Math's {@link CMAESOptimizer}). The search runs on the
 * unit cube, every key scaled from [low, high] to [0, 1], so that one initial step (a quarter of
 * each range) suits keys of any unit. A key whose scenario value is a whole number (a session cap,
 * the session of a review) is rounded to a whole number when set; others are set to 4 significant
 * digits, so that the scenarios written read cleanly.
 */
public final class BoxSearch {
    /** Initial step of the search, in units of each key's range. */
    static final double SIGMA = 0.25;

    private final ScenarioLoader loader;
    private final List<FreeParameter> free;
    private final boolean[] integral;
    private final double[] start;

    /**
     * @param loader scenario loader
     * @param base the resolved scenario whose keys are searched
     * @param free the keys and their bounds
     * @param where what to name as the source of the keys in error messages (a file or an option)
     * @throws TherapysimException exit 2 when a key does not exist or is not a number
     */
    public BoxSearch(final ScenarioLoader loader, final ResolvedTree base, final List<FreeParameter> free,
            final String where) {
        this(loader, base, free, where, "");
    }

    /**
     * As {@link #BoxSearch(ScenarioLoader, ResolvedTree, List, String)}, with {@code hint} added to
     * the message about a key that is not a number (what else the command can do with it).
     */
    public BoxSearch(final ScenarioLoader loader, final ResolvedTree base, final List<FreeParameter> free,
            final String where, final String hint) {
        this.loader = loader;
        this.free = List.copyOf(free);
        this.integral = new boolean[free.size()];
        this.start = new double[free.size()];
        for (int i = 0; i < free.size(); i++) {
            final JsonNode node = node(base, free.get(i), where, hint);
            integral[i] = node.isIntegralNumber();
            start[i] = node.asDouble();
        }
    }

    private static JsonNode node(final ResolvedTree base, final FreeParameter p, final String where,
            final String hint) {
        JsonNode node = base.tree();
        for (final String part : p.key().split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        if (node == null) {
            throw TherapysimException.invalidInput(where + ": " + p.key() + "=" + range(p)
                    + ": unknown key: no scenario value has this name");
        }
        if (!node.isNumber()) {
            throw TherapysimException.invalidInput(where + ": " + p.key() + "=" + range(p)
                    + ": must name a numeric scenario value (it is " + node + ")" + hint);
        }
        return node;
    }

    private static String range(final FreeParameter p) {
        return format(p.low()) + ":" + format(p.high());
    }

    /** @return the keys, in order */
    public List<FreeParameter> free() {
        return free;
    }

    /** @return the scenario's value of each key, in order */
    public double[] start() {
        return start.clone();
    }

    /** @return whether key {@code i} takes whole numbers only */
    public boolean integral(final int i) {
        return integral[i];
    }

    /** @return key {@code i}'s value as it is set in a scenario: rounded, or to 4 significant digits */
    public String text(final int i, final double value) {
        return integral[i] ? Long.toString(Math.round(value)) : format(value);
    }

    /** @return the values as they are set (see {@link #text}), in order */
    public double[] settled(final double[] values) {
        final double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.parseDouble(text(i, values[i]));
        }
        return out;
    }

    /** @return the tree with every key set to its value */
    public ResolvedTree apply(final ResolvedTree tree, final double[] values, final String label) {
        ResolvedTree out = tree;
        for (int i = 0; i < free.size(); i++) {
            out = loader.override(out, free.get(i).key(), text(i, values[i]), label);
        }
        return out;
    }

    /** @return values scaled to the unit cube */
    public double[] toUnit(final double[] values) {
        final double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            final FreeParameter p = free.get(i);
            out[i] = (values[i] - p.low()) / (p.high() - p.low());
        }
        return out;
    }

    /** @return a point of the unit cube (clamped to it) in the keys' units */
    public double[] fromUnit(final double[] unit) {
        final double[] out = new double[unit.length];
        for (int i = 0; i < unit.length; i++) {
            final FreeParameter p = free.get(i);
            out[i] = p.low() + Math.min(1, Math.max(0, unit[i])) * (p.high() - p.low());
        }
        return out;
    }

    /**
     * Minimises {@code objective} over the unit cube with CMA-ES from {@code unitStart}, until
     * {@code maxEvaluations} calls; the caller keeps the best point it was given. The population
     * is Hansen's default, 4 + floor(3 ln n); the optimizer's own draws come from {@code seed}.
     *
     * @param objective the function of a point of the unit cube
     * @param goodEnough the search stops at a value below it; 0 for never (a value below 0 is
     *     no reason to stop)
     */
    public static void minimize(final ToDoubleFunction<double[]> objective, final double[] unitStart,
            final int maxEvaluations, final long seed, final double goodEnough) {
        final int n = unitStart.length;
        final double[] sigma = new double[n];
        final double[] zeros = new double[n];
        final double[] ones = new double[n];
        for (int i = 0; i < n; i++) {
            sigma[i] = SIGMA;
            ones[i] = 1.0;
        }
        final int population = 4 + (int) (3 * Math.log(n));
        final CMAESOptimizer optimizer = new CMAESOptimizer(maxEvaluations, goodEnough, true, 0, 0,
                new RandomAdapter(RandomStreams.generator(RandomStreams.replicationSeed(seed, 0))), false, null);
        try {
            optimizer.optimize(new MaxEval(maxEvaluations), new ObjectiveFunction(objective::applyAsDouble),
                    GoalType.MINIMIZE, new InitialGuess(unitStart), new SimpleBounds(zeros, ones),
                    new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(population));
        } catch (TooManyEvaluationsException e) {
            // The budget is spent: the best point seen so far is the answer.
        }
    }

    /** Values are written with 4 significant digits, so fitted scenarios read cleanly. */
    static String format(final double value) {
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}

package org.therapysim.experiment;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.therapysim.engine.Engine;
import org.therapysim.model.RandomStreams;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;

/**
 * Probabilistic sensitivity analysis. Each draw takes one value of every uncertain parameter from
 * its distribution (by inversion of a uniform from the draw's own stream), gives that value to
 * every arm, and runs all arms on the same replication seeds (common random numbers within the
 * draw; each draw has its own seeds, so the draws also carry the simulation's own noise). Results
 * depend only on the study, the number of draws and the replications per draw, never on threads.
 */
public final class ProbabilisticAnalysis {
    private static final double EDGE = 1e-9;

    /**
     * One draw.
     *
     * @param index draw number from 0
     * @param seed master seed of the draw's replications
     * @param values the value of each uncertain parameter, in study order
     * @param costs mean cost per patient, [arm][perspective ordinal]
     * @param qalys mean QALYs per patient, by arm
     * @param recoveries mean recoveries per patient, by arm
     * @param replicationCosts each replication's cost per patient, [arm][perspective ordinal][replication]
     * @param replicationQalys each replication's QALYs per patient, [arm][replication]
     */
    public record Draw(int index, long seed, double[] values, double[][] costs, double[] qalys, double[] recoveries,
            double[][][] replicationCosts, double[][] replicationQalys) {
        /** A draw known only by its means, as if from one replication. */
        public Draw(final int index, final long seed, final double[] values, final double[][] costs,
                final double[] qalys, final double[] recoveries) {
            this(index, seed, values, costs, qalys, recoveries, single(costs), single(qalys));
        }

        private static double[][][] single(final double[][] costs) {
            final double[][][] out = new double[costs.length][][];
            for (int a = 0; a < costs.length; a++) {
                out[a] = new double[costs[a].length][];
                for (int p = 0; p < costs[a].length; p++) {
                    out[a][p] = new double[] {costs[a][p]};
                }
            }
            return out;
        }

        private static double[][] single(final double[] qalys) {
            final double[][] out = new double[qalys.length][];
            for (int a = 0; a < qalys.length; a++) {
                out[a] = new double[] {qalys[a]};
            }
            return out;
        }
    }

    /**
     * Every draw of one analysis.
     *
     * @param study the study (its uncertain parameters named the draws' columns)
     * @param replicationsPerDraw replications of every arm in each draw
     * @param draws the draws, in order
     */
    public record Result(Study study, int replicationsPerDraw, List<Draw> draws) {
        public Result {
            draws = List.copyOf(draws);
        }

        /** @return cost[draw][arm] in a perspective */
        public double[][] costs(final Perspective perspective) {
            final double[][] out = new double[draws.size()][];
            for (int d = 0; d < out.length; d++) {
                final double[][] c = draws.get(d).costs();
                out[d] = new double[c.length];
                for (int a = 0; a < c.length; a++) {
                    out[d][a] = c[a][perspective.ordinal()];
                }
            }
            return out;
        }

        /** @return QALYs[draw][arm] */
        public double[][] qalys() {
            return draws.stream().map(Draw::qalys).toArray(double[][]::new);
        }

        /** @return the arms' names, in study order */
        public List<String> arms() {
            return study.arms().stream().map(Scenario::name).toList();
        }

        /**
         * @return probability that each arm has the highest net monetary benefit,
         *     [arm][willingness-to-pay index] (see {@link IncrementalAnalysis#acceptability})
         */
        public double[][] acceptability(final Perspective perspective, final double[] wtps) {
            return IncrementalAnalysis.acceptability(costs(perspective), qalys(), wtps);
        }

        /**
         * The value-of-information regressions of one perspective on every input together: the PSA
         * with its simulation noise regressed away ({@link ValueOfInformation}).
         */
        public ValueOfInformation corrected(final Perspective perspective) {
            return ValueOfInformation.fit(this, perspective, ValueOfInformation.all(study.uncertain().size()),
                    study.reference().evaluation().willingnessToPay(), perspective.ordinal());
        }

        /**
         * Expected value of perfect information per patient at a willingness to pay: the mean over
         * draws of the best arm's net monetary benefit, less the best mean net monetary benefit
         * ({@link #evpi(double[][], double[][], double)}), each draw's simulation noise included.
         */
        public double evpi(final Perspective perspective, final double wtp) {
            return ProbabilisticAnalysis.evpi(costs(perspective), qalys(), wtp);
        }
    }

    /**
     * Expected value of perfect information: the mean over draws of the best arm's net monetary
     * benefit, less the best of the arms' mean net monetary benefits (never below 0).
     *
     * @param costs costs[draw][arm]
     * @param qalys QALYs[draw][arm]
     */
    public static double evpi(final double[][] costs, final double[][] qalys, final double wtp) {
        final int arms = costs[0].length;
        final double[] mean = new double[arms];
        double bestEach = 0;
        for (int d = 0; d < costs.length; d++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < arms; a++) {
                final double nmb = IncrementalAnalysis.netMonetaryBenefit(costs[d][a], qalys[d][a], wtp);
                mean[a] += nmb / costs.length;
                best = Math.max(best, nmb);
            }
            bestEach += best / costs.length;
        }
        double bestMean = Double.NEGATIVE_INFINITY;
        for (final double m : mean) {
            bestMean = Math.max(bestMean, m);
        }
        return Math.max(0.0, bestEach - bestMean);
    }

    private ProbabilisticAnalysis() {
    }

    /** @return the values of every uncertain parameter in draw {@code d} */
    public static double[] values(final Study study, final int draw) {
        final MersenneTwisterFast random = RandomStreams.parameterStream(study.seed(), draw);
        final double[] values = new double[study.uncertain().size()];
        for (int i = 0; i < values.length; i++) {
            final double u = Math.min(1 - EDGE, Math.max(EDGE, random.nextDouble()));
            values[i] = study.uncertain().get(i).quantile(u);
        }
        return values;
    }

    /**
     * @return the study with every arm given {@code values} for the uncertain parameters
     */
    public static Study withValues(final Study study, final ScenarioLoader loader, final double[] values,
            final String label) {
        final List<Scenario> arms = new ArrayList<>();
        for (final Scenario arm : study.arms()) {
            Scenario varied = arm;
            for (int i = 0; i < values.length; i++) {
                varied = loader.vary(varied, study.uncertain().get(i).key(), values[i], label);
            }
            arms.add(varied);
        }
        return study.withArms(arms);
    }

    /**
     * Runs the analysis.
     *
     * @param draws number of draws
     * @param replicationsPerDraw replications of every arm in each draw
     * @param progress told after each replication, over all draws
     */
    public static Result run(final Study study, final ScenarioLoader loader, final int draws,
            final int replicationsPerDraw, final int threads, final ProgressListener progress) {
        return run(study, loader, draws, replicationsPerDraw, threads, progress, null);
    }

    /**
     * Runs the analysis: every replication of every draw on one pool of threads.
     *
     * @param draws number of draws
     * @param replicationsPerDraw replications of every arm in each draw
     * @param progress told after each replication, over all draws
     * @param journal records each finished replication (group = draw) and recalls those finished
     *     by an earlier attempt (may be null)
     */
    public static Result run(final Study study, final ScenarioLoader loader, final int draws,
            final int replicationsPerDraw, final int threads, final ProgressListener progress,
            final TaskJournal journal) {
        return run(study, loader, draws, replicationsPerDraw,
                drawn -> Experiment.runAll(drawn, threads, progress, journal));
    }

    /**
     * Runs the analysis on another engine (such as Spark): every arm of every draw for every
     * replication as one job, each with the seed the local run gives it, so the draws are the same.
     *
     * @param progress told as replications finish, over all draws
     */
    public static Result run(final Study study, final ScenarioLoader loader, final int draws,
            final int replicationsPerDraw, final Engine engine, final ProgressListener progress) {
        return run(study, loader, draws, replicationsPerDraw, drawn -> Experiment.runAll(drawn, engine, progress));
    }

    private static Result run(final Study study, final ScenarioLoader loader, final int draws,
            final int replicationsPerDraw, final Function<List<Study>, List<ExperimentResult>> runner) {
        if (study.uncertain().isEmpty()) {
            throw new IllegalArgumentException("the study has no uncertain parameters");
        }
        final List<double[]> drawnValues = new ArrayList<>();
        final List<Study> drawn = new ArrayList<>();
        for (int d = 0; d < draws; d++) {
            final double[] values = values(study, d);
            drawnValues.add(values);
            drawn.add(withValues(study, loader, values, "draw " + (d + 1))
                    .withRun(replicationsPerDraw, RandomStreams.drawSeed(study.seed(), d)));
        }
        final List<ExperimentResult> results = runner.apply(drawn);
        final List<Draw> out = new ArrayList<>();
        for (int d = 0; d < draws; d++) {
            out.add(draw(d, drawn.get(d).seed(), drawnValues.get(d), results.get(d).arms()));
        }
        return new Result(study, replicationsPerDraw, out);
    }

    /** @return one draw's means per arm, from its arms' replications */
    private static Draw draw(final int index, final long seed, final double[] values, final List<ArmResult> arms) {
        final double[][] costs = new double[arms.size()][Perspective.values().length];
        final double[] qalys = new double[arms.size()];
        final double[] recoveries = new double[arms.size()];
        final double[][][] replicationCosts = new double[arms.size()][Perspective.values().length][];
        final double[][] replicationQalys = new double[arms.size()][];
        for (int a = 0; a < arms.size(); a++) {
            final ArmResult arm = arms.get(a);
            for (final Perspective p : Perspective.values()) {
                costs[a][p.ordinal()] = arm.summary(p.cost()).mean();
                replicationCosts[a][p.ordinal()] = arm.values(p.cost());
            }
            qalys[a] = arm.summary(Metric.QALYS_PER_PATIENT).mean();
            replicationQalys[a] = arm.values(Metric.QALYS_PER_PATIENT);
            recoveries[a] = arm.summary(Metric.RECOVERIES_PER_PATIENT).mean();
        }
        return new Draw(index, seed, values, costs, qalys, recoveries, replicationCosts, replicationQalys);
    }
}

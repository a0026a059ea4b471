package org.therapysim.experiment;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.therapysim.model.RandomStreams;
import org.therapysim.scenario.UncertainParameter;

/**
 * Value of information of a PSA by regression (Strong, Oakley and Brennan 2014): for every arm but
 * the reference, the draws' incremental cost and incremental QALYs against the reference are
 * regressed on the inputs of interest ({@link Metamodel}); the fitted values are the expected
 * increments given those inputs, and the expected value of partial perfect information (EVPPI) is
 * the EVPI formula applied to them ({@link ProbabilisticAnalysis#evpi(double[][], double[][], double)}).
 * On all the inputs together the fit is the PSA with its simulation noise regressed away: its EVPI
 * and acceptability curve are those of parameter uncertainty alone. The incremental net benefit at
 * any willingness to pay {@code k} is {@code k x dQALYs - dCost}, so cost and QALYs are fitted on the
 * same terms, chosen for the net benefit at the study's willingness to pay.
 *
 * <p>Standard error, as the voi package (Jackson et al.) computes it for its GAM: the regression
 * coefficients of each arm are drawn {@value #REPLICATES} times from their sampling distribution
 * (normal, the QALY and cost coefficients with the covariance of their residuals), the EVPPI is
 * recomputed on each draw's fitted values, and the standard deviation of those is the standard
 * error. It measures the regression's uncertainty, not the upward bias of a maximum of estimates.
 */
public final class ValueOfInformation {
    /** Coefficient draws for a standard error. */
    public static final int REPLICATES = 200;

    /**
     * An estimate per patient.
     *
     * @param value the estimate
     * @param standardError its standard error
     */
    public record Estimate(double value, double standardError) {
    }

    /**
     * A set of inputs whose value of information is wanted.
     *
     * @param name a parameter's key, a group's name or "all inputs"
     * @param kind {@code parameter}, {@code group} or {@code all}
     * @param indexes the inputs' positions in the study's {@code psa:} list
     */
    public record Inputs(String name, String kind, List<Integer> indexes) {
        public Inputs {
            indexes = List.copyOf(indexes);
        }
    }

    private final int draws;
    private final int arms;
    private final Metamodel[] models;
    private final double[][] betaQalys;
    private final double[][] betaCosts;
    /** Lower Cholesky factor of the residual covariance of (QALYs, cost), by arm: l11, l21, l22. */
    private final double[][] residualFactor;
    private final double[][] fittedCosts;
    private final double[][] fittedQalys;
    private final long seed;
    private final int stream;

    private ValueOfInformation(final ProbabilisticAnalysis.Result result, final Perspective perspective,
            final List<Integer> inputs, final double selectionWtp, final int stream) {
        final List<ProbabilisticAnalysis.Draw> list = result.draws();
        this.draws = list.size();
        this.arms = result.arms().size();
        this.seed = result.study().seed();
        this.stream = stream;
        final double[][] x = new double[draws][inputs.size()];
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < inputs.size(); i++) {
                x[d][i] = list.get(d).values()[inputs.get(i)];
            }
        }
        final double[][] costs = result.costs(perspective);
        final double[][] qalys = result.qalys();
        models = new Metamodel[arms];
        betaQalys = new double[arms][];
        betaCosts = new double[arms][];
        residualFactor = new double[arms][];
        fittedCosts = new double[draws][arms];
        fittedQalys = new double[draws][arms];
        for (int a = 1; a < arms; a++) {
            final double[] dq = new double[draws];
            final double[] dc = new double[draws];
            final double[] inb = new double[draws];
            for (int d = 0; d < draws; d++) {
                dq[d] = qalys[d][a] - qalys[d][0];
                dc[d] = costs[d][a] - costs[d][0];
                inb[d] = IncrementalAnalysis.netMonetaryBenefit(dc[d], dq[d], selectionWtp);
            }
            final Metamodel model = Metamodel.select(x, inb);
            models[a] = model;
            betaQalys[a] = model.coefficients(dq);
            betaCosts[a] = model.coefficients(dc);
            final double[] fq = model.fitted(betaQalys[a]);
            final double[] fc = model.fitted(betaCosts[a]);
            double sqq = 0;
            double sqc = 0;
            double scc = 0;
            for (int d = 0; d < draws; d++) {
                fittedQalys[d][a] = fq[d];
                fittedCosts[d][a] = fc[d];
                final double eq = dq[d] - fq[d];
                final double ec = dc[d] - fc[d];
                sqq += eq * eq;
                sqc += eq * ec;
                scc += ec * ec;
            }
            final double dof = Math.max(1, draws - model.terms());
            final double l11 = Math.sqrt(sqq / dof);
            final double l21 = l11 > 0 ? sqc / dof / l11 : 0;
            final double l22 = Math.sqrt(Math.max(0, scc / dof - l21 * l21));
            residualFactor[a] = new double[] {l11, l21, l22};
        }
    }

    /**
     * Fits the regressions of one perspective on a set of inputs.
     *
     * @param inputs positions of the inputs of interest in the study's {@code psa:} list
     * @param selectionWtp the willingness to pay whose net benefit chooses each regression's terms
     * @param stream tells apart the random streams of different fits' standard errors
     */
    public static ValueOfInformation fit(final ProbabilisticAnalysis.Result result, final Perspective perspective,
            final List<Integer> inputs, final double selectionWtp, final int stream) {
        return new ValueOfInformation(result, perspective, inputs, selectionWtp, stream);
    }

    /** @return fitted incremental cost against the reference, [draw][arm] (the reference's 0) */
    public double[][] fittedCosts() {
        return copy(fittedCosts);
    }

    /** @return fitted incremental QALYs against the reference, [draw][arm] (the reference's 0) */
    public double[][] fittedQalys() {
        return copy(fittedQalys);
    }

    /** @return the total degree of each arm's regression (the reference's 0) */
    public int[] degrees() {
        final int[] out = new int[arms];
        for (int a = 1; a < arms; a++) {
            out[a] = models[a].degree();
        }
        return out;
    }

    /** @return the acceptability curve of the fitted values, [arm][wtp index] */
    public double[][] acceptability(final double[] wtps) {
        return IncrementalAnalysis.acceptability(fittedCosts, fittedQalys, wtps);
    }

    /** @return the EVPPI per patient at each willingness to pay, with its standard error */
    public Estimate[] evppi(final double[] wtps) {
        final double[][] replicates = new double[wtps.length][REPLICATES];
        final MersenneTwisterFast random = RandomStreams.valueOfInformationStream(seed, stream);
        final double[][] repCosts = new double[draws][arms];
        final double[][] repQalys = new double[draws][arms];
        for (int b = 0; b < REPLICATES; b++) {
            for (int a = 1; a < arms; a++) {
                final int p = models[a].terms();
                final double[] z1 = new double[p];
                final double[] z2 = new double[p];
                for (int j = 0; j < p; j++) {
                    z1[j] = random.nextGaussian();
                    z2[j] = random.nextGaussian();
                }
                final double[] f = residualFactor[a];
                final double[] uq = new double[p];
                final double[] uc = new double[p];
                for (int j = 0; j < p; j++) {
                    uq[j] = f[0] * z1[j];
                    uc[j] = f[1] * z1[j] + f[2] * z2[j];
                }
                final double[] dq = models[a].scaledDeviation(uq);
                final double[] dc = models[a].scaledDeviation(uc);
                final double[] bq = new double[p];
                final double[] bc = new double[p];
                for (int j = 0; j < p; j++) {
                    bq[j] = betaQalys[a][j] + dq[j];
                    bc[j] = betaCosts[a][j] + dc[j];
                }
                final double[] fq = models[a].fitted(bq);
                final double[] fc = models[a].fitted(bc);
                for (int d = 0; d < draws; d++) {
                    repQalys[d][a] = fq[d];
                    repCosts[d][a] = fc[d];
                }
            }
            for (int w = 0; w < wtps.length; w++) {
                replicates[w][b] = ProbabilisticAnalysis.evpi(repCosts, repQalys, wtps[w]);
            }
        }
        final Estimate[] out = new Estimate[wtps.length];
        for (int w = 0; w < wtps.length; w++) {
            out[w] = new Estimate(ProbabilisticAnalysis.evpi(fittedCosts, fittedQalys, wtps[w]),
                    Math.sqrt(SimulationNoise.variance(replicates[w])));
        }
        return out;
    }

    /**
     * @return the sets of inputs whose EVPPI a PSA reports: each input alone; each group of two or
     *     more inputs that share the first part of their key ({@code dynamics}, {@code costs},
     *     {@code patients}...) but not all; and all inputs together
     */
    public static List<Inputs> sets(final List<UncertainParameter> parameters) {
        final List<Inputs> out = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            out.add(new Inputs(parameters.get(i).key(), "parameter", List.of(i)));
        }
        final Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            final String key = parameters.get(i).key();
            final int dot = key.indexOf('.');
            groups.computeIfAbsent(dot > 0 ? key.substring(0, dot) : key, g -> new ArrayList<>()).add(i);
        }
        for (final Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            if (group.getValue().size() > 1 && group.getValue().size() < parameters.size()) {
                out.add(new Inputs(group.getKey() + ".*", "group", group.getValue()));
            }
        }
        if (parameters.size() > 1) {
            final List<Integer> all = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                all.add(i);
            }
            out.add(new Inputs("all inputs", "all", all));
        }
        return out;
    }

    /** @return the positions of every input */
    public static List<Integer> all(final int count) {
        final List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(i);
        }
        return out;
    }

    private static double[][] copy(final double[][] values) {
        final double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }
}

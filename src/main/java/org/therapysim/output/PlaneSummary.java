package org.therapysim.output;

import java.util.ArrayList;
import java.util.List;
import org.therapysim.experiment.IncrementalAnalysis;
import org.therapysim.experiment.Perspective;
import org.therapysim.experiment.ProbabilisticAnalysis;

/**
 * One arm on a PSA's cost-effectiveness plane: the mean of its draws' incremental QALYs and cost
 * against the reference, their spread, and its standing in the incremental analysis of the means
 * (the efficiency frontier). Its 95% ellipse is the region a bivariate normal with the draws' means
 * and covariance gives 95%: {@code mean + sqrt(chi2(2, 0.95)) L (cos t, sin t)}, {@code L} the
 * Cholesky factor of the covariance, {@code chi2(2, 0.95) = -2 ln 0.05 = 5.991}. The draws are as
 * run, so the ellipse holds the simulation's noise as well as the inputs' uncertainty.
 *
 * @param arm the arm's name
 * @param qalys mean incremental QALYs per patient
 * @param cost mean incremental cost per patient
 * @param sdQalys standard deviation of the draws' incremental QALYs
 * @param sdCost standard deviation of the draws' incremental cost
 * @param correlation correlation of the two over the draws (0 when either does not vary)
 * @param status the arm's standing in the incremental analysis of the means
 */
record PlaneSummary(String arm, double qalys, double cost, double sdQalys, double sdCost, double correlation,
        IncrementalAnalysis.Status status) {
    /** The 95% point of the chi-square distribution with 2 degrees of freedom, {@code -2 ln 0.05}. */
    static final double CHI2_2_95 = -2 * Math.log(0.05);

    /** @return whether the arm is on the efficiency frontier */
    boolean onFrontier() {
        return status == IncrementalAnalysis.Status.FRONTIER;
    }

    /** @return {@code points} points of the 95% ellipse, each (QALYs, cost) */
    List<double[]> ellipse(final int points) {
        final double radius = Math.sqrt(CHI2_2_95);
        final double l11 = sdQalys;
        final double l21 = correlation * sdCost;
        final double l22 = sdCost * Math.sqrt(Math.max(0, 1 - correlation * correlation));
        final List<double[]> out = new ArrayList<>();
        for (int i = 0; i <= points; i++) {
            final double t = 2 * Math.PI * i / points;
            final double u = radius * Math.cos(t);
            final double v = radius * Math.sin(t);
            out.add(new double[] {qalys + l11 * u, cost + l21 * u + l22 * v});
        }
        return out;
    }

    /** @return every arm's summary in one perspective, the reference first (at the origin) */
    static List<PlaneSummary> of(final ProbabilisticAnalysis.Result result, final Perspective perspective) {
        final double[][] costs = result.costs(perspective);
        final double[][] qalys = result.qalys();
        final int n = costs.length;
        final List<IncrementalAnalysis.Strategy> means = new ArrayList<>();
        final double[][] moments = new double[result.arms().size()][];
        for (int a = 0; a < result.arms().size(); a++) {
            double mq = 0;
            double mc = 0;
            for (int d = 0; d < n; d++) {
                mq += (qalys[d][a] - qalys[d][0]) / n;
                mc += (costs[d][a] - costs[d][0]) / n;
            }
            double vq = 0;
            double vc = 0;
            double cqc = 0;
            for (int d = 0; d < n; d++) {
                final double q = qalys[d][a] - qalys[d][0] - mq;
                final double c = costs[d][a] - costs[d][0] - mc;
                vq += q * q / Math.max(1, n - 1);
                vc += c * c / Math.max(1, n - 1);
                cqc += q * c / Math.max(1, n - 1);
            }
            moments[a] = new double[] {mq, mc, vq, vc, cqc};
            means.add(new IncrementalAnalysis.Strategy(result.arms().get(a), mc, mq));
        }
        final List<IncrementalAnalysis.Row> rows = IncrementalAnalysis.analyse(means);
        final List<PlaneSummary> out = new ArrayList<>();
        for (int a = 0; a < moments.length; a++) {
            final double[] m = moments[a];
            final double sq = Math.sqrt(m[2]);
            final double sc = Math.sqrt(m[3]);
            out.add(new PlaneSummary(result.arms().get(a), m[0], m[1], sq, sc, sq > 0 && sc > 0 ? m[4] / (sq * sc) : 0,
                    rows.get(a).status()));
        }
        return out;
    }
}

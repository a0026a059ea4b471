package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * A regression metamodel of a PSA's outcome on its uncertain inputs, as Strong, Oakley and Brennan
 * (2014) estimate partial expected value of perfect information: the outcome of each draw is
 * regressed on the draw's values of the inputs of interest, and the fitted values estimate the
 * outcome's expectation given those inputs. Whatever the regression cannot explain by those inputs
 * (the other inputs and the simulation's own noise) is averaged out.
 *
 * <p>The regression is least squares on the monomials of the standardised inputs up to a total
 * degree of 0 (the mean alone), 1, 2 or 3 (with every product of inputs up to that degree), the
 * degree chosen by generalised cross-validation, {@code GCV = n RSS / (n - p)^2}, the criterion by
 * which mgcv's GAM (the regression Strong et al. used) chooses its smoothness (mgcv documentation,
 * {@code gam.selection}). A degree is
 * tried only while it has at most half as many terms as there are draws. A polynomial stands in
 * for their GAM's splines: over a PSA's ranges the outcomes are smooth and close to linear.
 * Solved by Commons Math's QR decomposition.
 */
final class Metamodel {
    /** The highest total degree tried. */
    static final int MAX_DEGREE = 3;

    private final double[][] design;
    private final DecompositionSolver solver;
    private final RealMatrix rInverse;
    private final int degree;

    private Metamodel(final double[][] design, final int degree) {
        this.design = design;
        this.degree = degree;
        final QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(design, false), 1e-12);
        this.solver = qr.getSolver();
        if (!solver.isNonSingular()) {
            throw new SingularMatrixException();
        }
        final int p = design[0].length;
        final RealMatrix r = qr.getR().getSubMatrix(0, p - 1, 0, p - 1);
        this.rInverse = new QRDecomposition(r).getSolver().getInverse();
    }

    /**
     * Chooses the degree whose fit of {@code y} has the least generalised cross-validation score.
     *
     * @param inputs inputs[draw][input], the inputs of interest
     * @param y the outcome, by draw
     */
    static Metamodel select(final double[][] inputs, final double[] y) {
        final int n = y.length;
        final double[][] standard = standardised(inputs);
        Metamodel best = null;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int degree = 0; degree <= MAX_DEGREE; degree++) {
            final double[][] x = design(standard, degree);
            final int p = x[0].length;
            if (degree > 0 && (2 * p > n || n - p < 2)) {
                break;
            }
            final Metamodel model;
            try {
                model = new Metamodel(x, degree);
            } catch (SingularMatrixException e) {
                continue;
            }
            final double rss = sumOfSquares(model.residuals(y));
            final double score = n * rss / ((double) (n - p) * (n - p));
            // Ties (an outcome fitted exactly by every degree) keep the simpler model.
            if (score < bestScore * (1 - 1e-12) || best == null) {
                best = model;
                bestScore = score;
            }
        }
        return best;
    }

    /** @return the number of terms, the constant included */
    int terms() {
        return design[0].length;
    }

    /** @return the total degree of the polynomial */
    int degree() {
        return degree;
    }

    /** @return least-squares coefficients of {@code y} on this model's terms */
    double[] coefficients(final double[] y) {
        return solver.solve(new ArrayRealVector(y, false)).toArray();
    }

    /** @return the fitted values of coefficients {@code beta}, by draw */
    double[] fitted(final double[] beta) {
        final double[] out = new double[design.length];
        for (int d = 0; d < design.length; d++) {
            double sum = 0;
            for (int j = 0; j < beta.length; j++) {
                sum += design[d][j] * beta[j];
            }
            out[d] = sum;
        }
        return out;
    }

    /** @return {@code y} less its fitted values */
    double[] residuals(final double[] y) {
        final double[] fit = fitted(coefficients(y));
        final double[] out = new double[y.length];
        for (int d = 0; d < y.length; d++) {
            out[d] = y[d] - fit[d];
        }
        return out;
    }

    /**
     * @return {@code R^-1 z}, where {@code X = QR}: a vector with covariance {@code (X'X)^-1} when
     *     {@code z} is standard normal, so that a coefficient vector plus it times the residual
     *     standard deviation is a draw from the coefficients' sampling distribution
     */
    double[] scaledDeviation(final double[] z) {
        return rInverse.operate(z);
    }

    private static double sumOfSquares(final double[] values) {
        double sum = 0;
        for (final double v : values) {
            sum += v * v;
        }
        return sum;
    }

    /** @return each input centred on its mean and divided by its standard deviation (inputs that never vary dropped) */
    static double[][] standardised(final double[][] inputs) {
        final int n = inputs.length;
        final int k = n == 0 ? 0 : inputs[0].length;
        final List<double[]> columns = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            double mean = 0;
            for (final double[] row : inputs) {
                mean += row[j] / n;
            }
            double ss = 0;
            for (final double[] row : inputs) {
                ss += (row[j] - mean) * (row[j] - mean);
            }
            final double sd = Math.sqrt(ss / Math.max(1, n - 1));
            if (!(sd > 0)) {
                continue;
            }
            final double[] column = new double[n];
            for (int d = 0; d < n; d++) {
                column[d] = (inputs[d][j] - mean) / sd;
            }
            columns.add(column);
        }
        final double[][] out = new double[n][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            for (int d = 0; d < n; d++) {
                out[d][j] = columns.get(j)[d];
            }
        }
        return out;
    }

    /** @return the constant and every monomial of the inputs up to {@code degree}, by draw */
    static double[][] design(final double[][] inputs, final int degree) {
        final int k = inputs.length == 0 ? 0 : inputs[0].length;
        final List<int[]> monomials = new ArrayList<>();
        monomials(k, degree, 0, new int[0], monomials);
        final double[][] out = new double[inputs.length][monomials.size()];
        for (int d = 0; d < inputs.length; d++) {
            for (int t = 0; t < monomials.size(); t++) {
                double v = 1;
                for (final int j : monomials.get(t)) {
                    v *= inputs[d][j];
                }
                out[d][t] = v;
            }
        }
        return out;
    }

    /** Adds every multiset of input indexes (non-decreasing, from {@code from}) of size up to {@code degree}. */
    private static void monomials(final int k, final int degree, final int from, final int[] prefix,
            final List<int[]> out) {
        out.add(prefix);
        if (prefix.length == degree) {
            return;
        }
        for (int j = from; j < k; j++) {
            final int[] next = java.util.Arrays.copyOf(prefix, prefix.length + 1);
            next[prefix.length] = j;
            monomials(k, degree, j, next, out);
        }
    }
}

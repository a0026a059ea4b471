package org.therapysim.scenario;

import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * A scenario value whose uncertainty is described by a distribution, for probabilistic and one-way
 * sensitivity analysis. The distribution is given by its mean and standard deviation (beta, gamma,
 * lognormal and normal, by the method of moments) or by bounds: the range of a uniform, or the
 * 2.5th and 97.5th percentiles of the others (normal and lognormal in closed form; beta and gamma
 * fitted numerically to both percentiles). The same value is given to every arm. Immutable.
 */
public final class UncertainParameter {
    /** z of the 97.5th percentile of the standard normal. */
    private static final double Z = 1.959963984540054;
    /** Lower and upper percentile that bounds stand for (uniform: the range itself). */
    private static final double LOWER = 0.025;
    private static final double UPPER = 0.975;
    /** Largest relative miss of a fitted percentile that is accepted. */
    private static final double FIT_TOLERANCE = 1e-4;

    /** Families of distributions. */
    public enum Family {
        /** Beta, for probabilities and shares. */
        BETA,
        /** Gamma, for positive rates and costs. */
        GAMMA,
        /** Lognormal, for positive values. */
        LOGNORMAL,
        /** Normal. */
        NORMAL,
        /** Uniform: by bounds only. */
        UNIFORM;

        /** @return the family named {@code name}, in any case */
        public static Family of(final String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }

        private String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String key;
    private final Family family;
    private final double mean;
    private final double sd;
    private final double low;
    private final double high;
    private final RealDistribution distribution;

    /**
     * @param key dotted scenario key, as in {@code sweep --vary}
     * @param family the family
     * @param mean mean (by moments), else NaN
     * @param sd standard deviation (by moments), else NaN
     * @param low lower bound (uniform) or 2.5th percentile, else NaN
     * @param high upper bound or 97.5th percentile, else NaN
     */
    public UncertainParameter(final String key, final Family family, final double mean, final double sd,
            final double low, final double high) {
        Check.text("key", key);
        if (family == null) {
            throw new InvalidValueException("distribution", null, "must be beta, gamma, lognormal, normal or uniform");
        }
        this.key = key;
        this.family = family;
        this.mean = mean;
        this.sd = sd;
        this.low = low;
        this.high = high;
        final boolean moments = !Double.isNaN(mean) || !Double.isNaN(sd);
        final boolean bounds = !Double.isNaN(low) || !Double.isNaN(high);
        if (moments == bounds) {
            throw new InvalidValueException("distribution", family.word(), "give either mean and sd or low and high");
        }
        this.distribution = moments ? byMoments() : byBounds();
    }

    private RealDistribution byMoments() {
        Check.finite("mean", mean);
        Check.positive("sd", sd);
        return switch (family) {
            case UNIFORM -> throw new InvalidValueException("mean", mean, "a uniform distribution is given by low and high");
            case BETA -> {
                if (!(mean > 0 && mean < 1 && sd * sd < mean * (1 - mean))) {
                    throw new InvalidValueException("sd", sd, "a beta needs 0 < mean < 1 and sd^2 < mean x (1 - mean)");
                }
                final double k = mean * (1 - mean) / (sd * sd) - 1;
                yield new BetaDistribution(null, mean * k, (1 - mean) * k);
            }
            case GAMMA -> new GammaDistribution(null, positiveMean() * mean / (sd * sd), sd * sd / mean);
            case LOGNORMAL -> {
                final double s2 = Math.log1p(sd * sd / (positiveMean() * mean));
                yield new LogNormalDistribution(null, Math.log(mean) - s2 / 2, Math.sqrt(s2));
            }
            case NORMAL -> new NormalDistribution(null, mean, sd);
        };
    }

    private double positiveMean() {
        if (mean <= 0) {
            throw new InvalidValueException("mean", mean, "must be positive for a " + family.word());
        }
        return mean;
    }

    private RealDistribution byBounds() {
        Check.finite("low", low);
        Check.finite("high", high);
        if (!(high > low)) {
            throw new InvalidValueException("high", high, "must exceed low " + low);
        }
        return switch (family) {
            case UNIFORM -> new UniformRealDistribution(null, low, high);
            case NORMAL -> new NormalDistribution(null, (low + high) / 2, (high - low) / (2 * Z));
            case LOGNORMAL -> {
                positiveLow();
                yield new LogNormalDistribution(null, (Math.log(low) + Math.log(high)) / 2,
                        (Math.log(high) - Math.log(low)) / (2 * Z));
            }
            case GAMMA -> {
                positiveLow();
                final double m = (low + high) / 2;
                final double s = (high - low) / (2 * Z);
                yield fit(m * m / (s * s), s * s / m, p -> new GammaDistribution(null, p[0], p[1]));
            }
            case BETA -> {
                positiveLow();
                if (high >= 1) {
                    throw new InvalidValueException("high", high, "must be below 1 for a beta");
                }
                final double m = (low + high) / 2;
                final double s = Math.min((high - low) / (2 * Z), 0.9 * Math.sqrt(m * (1 - m)));
                final double k = m * (1 - m) / (s * s) - 1;
                yield fit(m * k, (1 - m) * k, p -> new BetaDistribution(null, p[0], p[1]));
            }
        };
    }

    private void positiveLow() {
        if (low <= 0) {
            throw new InvalidValueException("low", low, "must be positive for a " + family.word());
        }
    }

    /**
     * Finds the two positive parameters whose 2.5th and 97.5th percentiles are {@code low} and
     * {@code high}: Nelder-Mead on their logarithms from the moment-matched start.
     */
    private RealDistribution fit(final double start1, final double start2,
            final Function<double[], RealDistribution> make) {
        final MultivariateFunction miss = x -> {
            try {
                final RealDistribution d = make.apply(new double[] {Math.exp(x[0]), Math.exp(x[1])});
                final double a = (d.inverseCumulativeProbability(LOWER) - low) / (high - low);
                final double b = (d.inverseCumulativeProbability(UPPER) - high) / (high - low);
                final double value = a * a + b * b;
                return Double.isFinite(value) ? value : Double.POSITIVE_INFINITY;
            } catch (final MathIllegalArgumentException | MathIllegalStateException | MathArithmeticException e) {
                // No percentile can be computed for these parameters: as far from the target as can be.
                return Double.POSITIVE_INFINITY;
            }
        };
        PointValuePair best = null;
        try {
            best = new SimplexOptimizer(1e-14, 1e-16).optimize(new MaxEval(5000), new ObjectiveFunction(miss),
                    GoalType.MINIMIZE, new NelderMeadSimplex(2),
                    new InitialGuess(new double[] {Math.log(start1), Math.log(start2)}));
        } catch (final TooManyEvaluationsException e) {
            // Not converged: refused below.
        }
        if (best == null || !(Math.sqrt(best.getValue()) <= FIT_TOLERANCE)) {
            throw new InvalidValueException("high", high, "no " + family.word() + " has 2.5th and 97.5th percentiles "
                    + low + " and " + high);
        }
        final RealDistribution fitted = make.apply(new double[] {Math.exp(best.getPoint()[0]),
            Math.exp(best.getPoint()[1])});
        return fitted;
    }

    /** @return the dotted scenario key */
    public String key() {
        return key;
    }

    /** @return the family */
    public Family distribution() {
        return family;
    }

    /** @return the mean (by moments), else NaN */
    public double mean() {
        return mean;
    }

    /** @return the standard deviation (by moments), else NaN */
    public double sd() {
        return sd;
    }

    /** @return the lower bound or 2.5th percentile (by bounds), else NaN */
    public double low() {
        return low;
    }

    /** @return the upper bound or 97.5th percentile (by bounds), else NaN */
    public double high() {
        return high;
    }

    /** @return the value at cumulative probability {@code p} in (0, 1) */
    public double quantile(final double p) {
        return distribution.inverseCumulativeProbability(p);
    }

    /** @return a short description, e.g. "gamma(mean 0.8, sd 0.2)" */
    public String describe() {
        return family.word() + (Double.isNaN(mean) ? "(" + low + " to " + high + ")"
                : "(mean " + mean + ", sd " + sd + ")");
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof UncertainParameter p && key.equals(p.key) && family == p.family
                && Double.compare(mean, p.mean) == 0 && Double.compare(sd, p.sd) == 0
                && Double.compare(low, p.low) == 0 && Double.compare(high, p.high) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(key, family, mean, sd, low, high);
    }

    @Override
    public String toString() {
        return key + " ~ " + describe();
    }
}

package org.therapysim.scenario;

import java.util.Locale;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/**
 * A scenario value whose uncertainty is described by a distribution, for probabilistic and one-way
 * sensitivity analysis. The distribution is given by its mean and standard deviation (beta, gamma,
 * lognormal and normal, by the method of moments) or by bounds: the range of a uniform, or the
 * 2.5th and 97.5th percentiles of a normal or lognormal. The same value is given to every arm.
 *
 * @param key dotted scenario key, as in {@code sweep --vary}
 * @param distribution the family
 * @param mean mean (by moments), else NaN
 * @param sd standard deviation (by moments), else NaN
 * @param low lower bound (uniform) or 2.5th percentile (normal, lognormal), else NaN
 * @param high upper bound or 97.5th percentile, else NaN
 */
public record UncertainParameter(String key, Family distribution, double mean, double sd, double low, double high) {
    /** z of the 97.5th percentile of the standard normal. */
    private static final double Z = 1.959963984540054;

    /** Families of distributions. */
    public enum Family {
        /** Beta, for probabilities and shares: by mean and sd. */
        BETA,
        /** Gamma, for positive rates and costs: by mean and sd. */
        GAMMA,
        /** Lognormal, for positive values: by mean and sd, or by percentiles. */
        LOGNORMAL,
        /** Normal: by mean and sd, or by percentiles. */
        NORMAL,
        /** Uniform: by bounds. */
        UNIFORM;

        /** @return the family named {@code name}, in any case */
        public static Family of(final String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
    }

    public UncertainParameter {
        Check.text("key", key);
        if (distribution == null) {
            throw new InvalidValueException("distribution", null, "must be beta, gamma, lognormal, normal or uniform");
        }
        final boolean moments = !Double.isNaN(mean) || !Double.isNaN(sd);
        final boolean bounds = !Double.isNaN(low) || !Double.isNaN(high);
        if (moments == bounds) {
            throw new InvalidValueException("distribution", distribution.name().toLowerCase(Locale.ROOT),
                    "give either mean and sd or low and high");
        }
        if (moments) {
            Check.finite("mean", mean);
            Check.positive("sd", sd);
            if (distribution == Family.UNIFORM) {
                throw new InvalidValueException("mean", mean, "a uniform distribution is given by low and high");
            }
            if (distribution == Family.BETA && !(mean > 0 && mean < 1 && sd * sd < mean * (1 - mean))) {
                throw new InvalidValueException("sd", sd, "a beta needs 0 < mean < 1 and sd^2 < mean x (1 - mean)");
            }
            if ((distribution == Family.GAMMA || distribution == Family.LOGNORMAL) && mean <= 0) {
                throw new InvalidValueException("mean", mean, "must be positive for a " + name(distribution));
            }
        } else {
            Check.finite("low", low);
            Check.finite("high", high);
            if (!(high > low)) {
                throw new InvalidValueException("high", high, "must exceed low " + low);
            }
            if (distribution == Family.BETA || distribution == Family.GAMMA) {
                throw new InvalidValueException("low", low, "a " + name(distribution) + " is given by mean and sd");
            }
            if (distribution == Family.LOGNORMAL && low <= 0) {
                throw new InvalidValueException("low", low, "must be positive for a lognormal");
            }
        }
    }

    private static String name(final Family family) {
        return family.name().toLowerCase(Locale.ROOT);
    }

    /** @return the value at cumulative probability {@code p} in (0, 1) */
    public double quantile(final double p) {
        return toDistribution().inverseCumulativeProbability(p);
    }

    /** @return the distribution, built without a random generator (sampling is by {@link #quantile}) */
    public RealDistribution toDistribution() {
        final boolean moments = !Double.isNaN(mean);
        return switch (distribution) {
            case BETA -> {
                final double k = mean * (1 - mean) / (sd * sd) - 1;
                yield new BetaDistribution(null, mean * k, (1 - mean) * k);
            }
            case GAMMA -> new GammaDistribution(null, mean * mean / (sd * sd), sd * sd / mean);
            case LOGNORMAL -> {
                if (moments) {
                    final double s2 = Math.log1p(sd * sd / (mean * mean));
                    yield new LogNormalDistribution(null, Math.log(mean) - s2 / 2, Math.sqrt(s2));
                }
                yield new LogNormalDistribution(null, (Math.log(low) + Math.log(high)) / 2,
                        (Math.log(high) - Math.log(low)) / (2 * Z));
            }
            case NORMAL -> moments ? new NormalDistribution(null, mean, sd)
                    : new NormalDistribution(null, (low + high) / 2, (high - low) / (2 * Z));
            case UNIFORM -> new UniformRealDistribution(null, low, high);
        };
    }

    /** @return a short description, e.g. "gamma(mean 0.8, sd 0.2)" */
    public String describe() {
        return name(distribution) + (Double.isNaN(mean) ? "(" + low + " to " + high + ")"
                : "(mean " + mean + ", sd " + sd + ")");
    }
}

package org.therapysim.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.therapysim.scenario.BetaSpec;
import org.therapysim.scenario.LogNormalSpec;

/**
 * Draws agent traits from the scenario's distributions, from whichever generator it is handed
 * (a patient's own stream, or the workforce stream).
 */
final class TraitSampler {
    /** One sampler per trait. */
    private final Map<BetaSpec, BetaSampler> betas = new HashMap<>();
    /**
     * The specifications met so far, by identity, with their samplers: every patient's draw passes
     * the same few specification objects, and comparing references is cheaper than hashing a record
     * of doubles four times per patient.
     */
    private final BetaSpec[] seen = new BetaSpec[16];
    private final BetaSampler[] seenSamplers = new BetaSampler[16];
    private int seenCount;
    /** The truncated normals used so far, with their bounds' probabilities (a few per scenario: by condition, at arrival and relapse). */
    private final List<Truncated> truncated = new ArrayList<>();

    private record Truncated(double mean, double sd, double low, double high, NormalDistribution normal, double pLow,
            double pHigh) {
        boolean is(final double m, final double s, final double lo, final double hi) {
            return m == mean && s == sd && lo == low && hi == high;
        }
    }

    /** @return a draw from a Beta distribution given by mean and sd (the mean itself when sd is 0) */
    double beta(final BetaSpec spec, final RandomGenerator random) {
        if (spec.sd() == 0.0) {
            return spec.mean();
        }
        return samplerOf(spec).sample(random);
    }

    private BetaSampler samplerOf(final BetaSpec spec) {
        for (int i = 0; i < seenCount; i++) {
            if (seen[i] == spec) {
                return seenSamplers[i];
            }
        }
        // A new object, perhaps equal to one seen: equal specifications share one sampler.
        final BetaSampler sampler = betas.computeIfAbsent(spec, b -> new BetaSampler(b.alpha(), b.beta()));
        if (seenCount < seen.length) {
            seen[seenCount] = spec;
            seenSamplers[seenCount++] = sampler;
        }
        return sampler;
    }

    /** @return a draw from a log-normal distribution given by its median and log-sd */
    double logNormal(final LogNormalSpec spec, final RandomGenerator random) {
        return spec.median() * Math.exp(spec.sigma() * random.nextGaussian());
    }

    /**
     * @return a normal draw truncated to [low, high] by inversion (one uniform per draw, so the
     *     number of draws never depends on the value)
     */
    double truncatedNormal(final double mean, final double sd, final double low, final double high,
            final RandomGenerator random) {
        if (sd == 0.0) {
            return Math.min(high, Math.max(low, mean));
        }
        Truncated t = null;
        for (final Truncated known : truncated) {
            if (known.is(mean, sd, low, high)) {
                t = known;
                break;
            }
        }
        if (t == null) {
            final NormalDistribution normal = new NormalDistribution(null, mean, sd);
            t = new Truncated(mean, sd, low, high, normal, normal.cumulativeProbability(low),
                    normal.cumulativeProbability(high));
            truncated.add(t);
        }
        final double u = t.pLow() + random.nextDouble() * (t.pHigh() - t.pLow());
        return Math.min(high, Math.max(low, t.normal().inverseCumulativeProbability(u)));
    }
}

package org.therapysim.model;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.therapysim.scenario.BetaSpec;
import org.therapysim.scenario.LogNormalSpec;

/**
 * Draws agent traits from the scenario's distributions, from whichever generator it is handed
 * (a patient's own stream, or the workforce stream).
 */
final class TraitSampler {
    private final RandomAdapter adapter = new RandomAdapter(null);

    /** @return a draw from a Beta distribution given by mean and sd (the mean itself when sd is 0) */
    double beta(final BetaSpec spec, final MersenneTwisterFast random) {
        if (spec.sd() == 0.0) {
            return spec.mean();
        }
        adapter.use(random);
        return new BetaDistribution(adapter, spec.alpha(), spec.beta()).sample();
    }

    /** @return a draw from a log-normal distribution given by its median and log-sd */
    double logNormal(final LogNormalSpec spec, final MersenneTwisterFast random) {
        return spec.median() * Math.exp(spec.sigma() * random.nextGaussian());
    }

    /**
     * @return a normal draw truncated to [low, high] by inversion (one uniform per draw, so the
     *     number of draws never depends on the value)
     */
    double truncatedNormal(final double mean, final double sd, final double low, final double high,
            final MersenneTwisterFast random) {
        if (sd == 0.0) {
            return Math.min(high, Math.max(low, mean));
        }
        final NormalDistribution normal = new NormalDistribution(null, mean, sd);
        final double pLow = normal.cumulativeProbability(low);
        final double pHigh = normal.cumulativeProbability(high);
        final double u = pLow + random.nextDouble() * (pHigh - pLow);
        return Math.min(high, Math.max(low, normal.inverseCumulativeProbability(u)));
    }
}

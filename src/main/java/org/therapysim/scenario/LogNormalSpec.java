package org.therapysim.scenario;

/**
 * A positive quantity drawn from a log-normal distribution given by its median and the standard
 * deviation of its logarithm.
 *
 * @param median median, > 0
 * @param sigma standard deviation of the natural logarithm, >= 0 (0 gives every agent the median)
 */
public record LogNormalSpec(double median, double sigma) {
    public LogNormalSpec {
        Check.positive("median", median);
        Check.range("sigma", sigma, 0.0, 5.0);
    }
}

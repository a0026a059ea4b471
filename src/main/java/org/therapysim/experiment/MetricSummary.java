package org.therapysim.experiment;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A summary across replications: mean, standard deviation, two-sided 95% t interval for the mean,
 * and the number of replications with a defined value. Immutable.
 *
 * <p>A quantity that cannot leave a range (a share lies in [0, 1], a difference of two shares in
 * [-1, 1]) has its interval intersected with that range ({@link #of(double[], double, double)}).
 * The mean being estimated lies in the range, so the intersection covers it whenever the t interval
 * does: the coverage is unchanged and no end of the interval names an impossible value.
 *
 * <p>Most quantities are summarised over the replications where they are defined ({@code n} of
 * them). A point of a session curve is summarised only when every replication defines it
 * ({@link #ofEvery}).
 */
public record MetricSummary(double mean, double sd, double ciLow, double ciHigh, long n) {
    /** Confidence level of every interval. */
    public static final double LEVEL = 0.95;

    /**
     * @return whether the interval lies wholly above or wholly below zero; without an interval
     *     (fewer than two replications) no difference can be told from zero, so false
     */
    public boolean excludesZero() {
        return Double.isFinite(ciLow) && Double.isFinite(ciHigh) && (ciLow > 0 || ciHigh < 0);
    }

    /**
     * @param factor a non-negative factor (a change of unit, or a count of members)
     * @return the summary of the same values times {@code factor}
     */
    public MetricSummary scaled(final double factor) {
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("factor must be non-negative: " + factor);
        }
        return new MetricSummary(factor * mean, factor * sd, factor * ciLow, factor * ciHigh, n);
    }

    /** @return the summary of the finite values (NaN values are left out) */
    public static MetricSummary of(final double[] values) {
        return of(values, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * @param low the least value the quantity can take
     * @param high the greatest value the quantity can take
     * @return the summary of the finite values, the interval kept inside [low, high]
     */
    public static MetricSummary of(final double[] values, final double low, final double high) {
        final SummaryStatistics stats = new SummaryStatistics();
        for (final double v : values) {
            if (Double.isFinite(v)) {
                stats.addValue(v);
            }
        }
        final long n = stats.getN();
        if (n == 0) {
            return new MetricSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        final double mean = stats.getMean();
        if (n == 1) {
            return new MetricSummary(mean, Double.NaN, Double.NaN, Double.NaN, 1);
        }
        final double sd = stats.getStandardDeviation();
        final double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + LEVEL / 2);
        final double half = t * sd / Math.sqrt(n);
        return new MetricSummary(mean, sd, Math.max(low, mean - half), Math.min(high, mean + half), n);
    }

    /**
     * The summary of a quantity that must be defined in every replication to be averaged: a point of
     * a session curve, whose replications are undefined where their last episodes at risk were
     * censored (a mean over the others would be over the replications with longer courses only).
     *
     * @param low the least value the quantity can take
     * @param high the greatest value the quantity can take
     * @return {@link #of(double[], double, double)} when every value is finite; otherwise mean,
     *     standard deviation and interval undefined (NaN), n still counting the finite values
     */
    public static MetricSummary ofEvery(final double[] values, final double low, final double high) {
        long n = 0;
        for (final double v : values) {
            if (Double.isFinite(v)) {
                n++;
            }
        }
        if (n < values.length) {
            return new MetricSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, n);
        }
        return of(values, low, high);
    }

    /** @return the summary of paired differences {@code arm[r] - reference[r]} */
    public static MetricSummary paired(final double[] arm, final double[] reference) {
        return paired(arm, reference, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * @param low the least value each of the two quantities can take
     * @param high the greatest value each can take
     * @return the summary of paired differences, the interval kept inside [low - high, high - low]
     */
    public static MetricSummary paired(final double[] arm, final double[] reference, final double low,
            final double high) {
        return of(differences(arm, reference), low - high, high - low);
    }

    /**
     * @return the summary of paired differences as {@link #paired(double[], double[], double, double)},
     *     undefined unless both arms are defined in every replication ({@link #ofEvery})
     */
    public static MetricSummary pairedEvery(final double[] arm, final double[] reference, final double low,
            final double high) {
        return ofEvery(differences(arm, reference), low - high, high - low);
    }

    /** @return {@code arm[r] - reference[r]}, replication by replication */
    private static double[] differences(final double[] arm, final double[] reference) {
        final double[] diff = new double[arm.length];
        for (int r = 0; r < arm.length; r++) {
            diff[r] = arm[r] - reference[r];
        }
        return diff;
    }
}

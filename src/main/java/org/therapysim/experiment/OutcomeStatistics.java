package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.therapysim.model.EpisodeRecord;

/**
 * Statistics of the field computed on finished courses, with improvement measured as the share of
 * the assessment score lost ({@code (baseline - end) / baseline}), which puts PHQ-9 and GAD-7 on
 * one scale.
 *
 * <ul>
 *   <li>the alliance-outcome correlation: Pearson's r between mean alliance and improvement, the
 *       statistic of Flückiger et al. (2018);
 *   <li>the share of outcome variance due to therapists: the intraclass correlation of
 *       improvement from a one-way random-effects analysis of variance with unequal group sizes
 *       (variance components by the method of moments: Snijders and Bosker 2012, ch. 3), the
 *       quantity reviewed by Baldwin and Imel (2013) and Johns et al. (2019). It is not truncated
 *       at zero, so a sampling estimate below zero is shown as it is.
 * </ul>
 */
public final class OutcomeStatistics {
    /** Smallest group of finished courses compared between orientations. */
    static final int MIN_GROUP = 30;

    private OutcomeStatistics() {
    }

    /** @return improvement share of a finished course (NaN for a zero baseline) */
    static double improvement(final EpisodeRecord e) {
        return e.baselineScore() > 0 ? (e.baselineScore() - e.endScore()) / (double) e.baselineScore() : Double.NaN;
    }

    /** @return the improvement of a finished course, or NaN for any other episode: the sample of improvement here */
    private static double finishedImprovement(final EpisodeRecord e) {
        return e.finishedCourse() ? improvement(e) : Double.NaN;
    }

    /** @return Pearson's r between mean alliance and improvement over finished courses, or NaN */
    public static double allianceOutcomeCorrelation(final List<EpisodeRecord> episodes) {
        final List<double[]> pairs = new ArrayList<>();
        for (final EpisodeRecord e : episodes) {
            final double y = finishedImprovement(e);
            if (Double.isFinite(y)) {
                pairs.add(new double[] {e.allianceMean(), y});
            }
        }
        if (pairs.size() < 3) {
            return Double.NaN;
        }
        final double[] x = new double[pairs.size()];
        final double[] y = new double[pairs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pairs.get(i)[0];
            y[i] = pairs.get(i)[1];
        }
        return new PearsonsCorrelation().correlation(x, y);
    }

    /**
     * The mean absolute standardized difference in improvement between pairs of orientations
     * (Cohen's d with the pooled standard deviation), over orientations with at least
     * {@code MIN_GROUP} finished courses. Wampold et al. (1997) bound the true difference between
     * bona fide treatments at about .20 "under the most liberal assumptions": the mean of the
     * comparisons' effect sizes taken as absolute values, which is what this computes for the
     * comparisons one clinic allows.
     *
     * @return the mean absolute d over pairs, or NaN with fewer than two such orientations
     */
    public static double meanOrientationDifference(final List<EpisodeRecord> episodes) {
        final Map<String, List<Double>> byOrientation = new LinkedHashMap<>();
        for (final EpisodeRecord e : episodes) {
            final double y = finishedImprovement(e);
            if (Double.isFinite(y) && e.therapistOrientation() != null) {
                byOrientation.computeIfAbsent(e.therapistOrientation(), k -> new ArrayList<>()).add(y);
            }
        }
        final List<double[]> groups = new ArrayList<>();
        for (final List<Double> values : byOrientation.values()) {
            if (values.size() >= MIN_GROUP) {
                groups.add(toArray(values));
            }
        }
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                sum += Math.abs(cohensD(groups.get(i), groups.get(j)));
                pairs++;
            }
        }
        return pairs > 0 ? sum / pairs : Double.NaN;
    }

    /** @return Cohen's d of two samples with the pooled standard deviation */
    static double cohensD(final double[] a, final double[] b) {
        final double meanA = mean(a);
        final double meanB = mean(b);
        final double pooled = Math.sqrt((sumSquares(a, meanA) + sumSquares(b, meanB)) / (a.length + b.length - 2));
        return (meanA - meanB) / pooled;
    }

    private static double mean(final double[] values) {
        double sum = 0;
        for (final double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sumSquares(final double[] values, final double mean) {
        double sum = 0;
        for (final double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }

    private static double[] toArray(final List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** @return the share of the variance of improvement between therapists (ICC(1)), or NaN */
    public static double therapistVarianceShare(final List<EpisodeRecord> episodes) {
        final Map<Integer, List<Double>> byTherapist = new LinkedHashMap<>();
        for (final EpisodeRecord e : episodes) {
            final double y = finishedImprovement(e);
            if (Double.isFinite(y)) {
                byTherapist.computeIfAbsent(e.therapistId(), k -> new ArrayList<>()).add(y);
            }
        }
        return intraclassCorrelation(new ArrayList<>(byTherapist.values()));
    }

    /**
     * One-way random-effects ICC(1) for groups of unequal size:
     * {@code (MSB - MSW) / (MSB + (n0 - 1) MSW)} with {@code n0 = (N - sum n_i^2 / N) / (k - 1)}.
     *
     * @return the ICC, or NaN with fewer than two groups or no within-group degrees of freedom
     */
    static double intraclassCorrelation(final List<List<Double>> groups) {
        final int k = groups.size();
        int n = 0;
        double sum = 0;
        double sumSquaredSizes = 0;
        for (final List<Double> g : groups) {
            n += g.size();
            sumSquaredSizes += (double) g.size() * g.size();
            for (final double v : g) {
                sum += v;
            }
        }
        if (k < 2 || n - k < 1) {
            return Double.NaN;
        }
        final double grand = sum / n;
        double between = 0;
        double within = 0;
        for (final List<Double> g : groups) {
            double groupSum = 0;
            for (final double v : g) {
                groupSum += v;
            }
            final double mean = groupSum / g.size();
            between += g.size() * (mean - grand) * (mean - grand);
            for (final double v : g) {
                within += (v - mean) * (v - mean);
            }
        }
        final double msb = between / (k - 1);
        final double msw = within / (n - k);
        final double n0 = (n - sumSquaredSizes / n) / (k - 1);
        return (msb - msw) / (msb + (n0 - 1) * msw);
    }
}

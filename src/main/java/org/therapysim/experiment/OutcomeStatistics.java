package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.therapysim.model.EndReason;
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
 *       at zero, so a sampling estimate below zero is shown as it is;
 *   <li>the outcome difference between repaired and unrepaired ruptures: Cohen's d of improvement,
 *       courses whose every rupture was repaired against courses with one left unrepaired, the
 *       contrast of Eubanks, Muran and Safran (2018);
 *   <li>the alliance slopes between and within therapists: one least-squares regression of
 *       improvement on the therapist's mean alliance and the course's deviation from it, the
 *       decomposition of Baldwin, Wampold and Imel (2007).
 * </ul>
 *
 * <p>One statistic is not of finished courses: the good-enough gap compares reliable and
 * clinically significant improvement after short and long courses among planned endings (Barkham
 * et al. 2006; Stiles, Barkham and Wheeler 2015), whose samples include single-session courses.
 */
public final class OutcomeStatistics {
    /** Smallest group of finished courses compared between orientations. */
    static final int MIN_GROUP = 30;
    /**
     * Smallest group of finished courses compared between repaired and unrepaired ruptures: two, so
     * that each group has a spread of its own in the pooled standard deviation.
     */
    static final int MIN_RUPTURE_GROUP = 2;
    /**
     * Fewest finished courses a therapist needs to enter the alliance regression: two, so that the
     * therapist has a deviation from their own mean.
     */
    static final int MIN_COURSES_PER_THERAPIST = 2;
    /** Fewest therapists the alliance regression needs: two, so that therapists' means differ. */
    static final int MIN_THERAPISTS = 2;
    /**
     * A predictor of the alliance regression is taken as constant (and the slopes as undefined) when
     * its diagonal element in the QR decomposition is below this; alliances lie in [0, 1], so this
     * is far above rounding error and far below any real spread.
     */
    static final double SINGULARITY = 1e-10;
    /**
     * Smallest group of planned endings whose share reliably recovered enters the good-enough gap:
     * ten, below which the share moves in steps of more than 10 points, more than the contrast
     * measured (a replication of the baseline has hundreds in each group).
     */
    static final int MIN_DURATION_GROUP = 10;
    /** Most sessions of a short course in the good-enough gap (Barkham et al. 2006: 1 to 4). */
    static final int SHORT_COURSE = 4;
    /** Fewest sessions of a long course in the good-enough gap (Barkham et al. 2006: 12). */
    static final int LONG_COURSE = 12;

    /**
     * The slopes of improvement on the alliance between and within therapists.
     *
     * @param between the coefficient on the therapist's mean alliance
     * @param within the coefficient on the course's deviation from its therapist's mean
     */
    public record AllianceSlopes(double between, double within) {
        /** Both undefined. */
        static final AllianceSlopes UNDEFINED = new AllianceSlopes(Double.NaN, Double.NaN);

        /** @return between less within: positive when the therapist's part of the alliance predicts more */
        public double gap() {
            return between - within;
        }
    }

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

    /**
     * Cohen's d of improvement between finished courses with ruptures that had every rupture
     * repaired and those with at least one left unrepaired (pooled standard deviation), the
     * contrast behind the rupture-repair effect of Eubanks, Muran and Safran (2018). Courses
     * without a rupture are in neither group.
     *
     * @return (mean repaired - mean unrepaired) / pooled sd, or NaN when a group has fewer than
     *     {@code MIN_RUPTURE_GROUP} courses or every improvement is the same
     */
    public static double ruptureRepairDifference(final List<EpisodeRecord> episodes) {
        final List<Double> repaired = new ArrayList<>();
        final List<Double> unrepaired = new ArrayList<>();
        for (final EpisodeRecord e : episodes) {
            final double y = finishedImprovement(e);
            if (Double.isFinite(y) && e.ruptures() > 0) {
                (e.repairs() == e.ruptures() ? repaired : unrepaired).add(y);
            }
        }
        if (repaired.size() < MIN_RUPTURE_GROUP || unrepaired.size() < MIN_RUPTURE_GROUP) {
            return Double.NaN;
        }
        final double d = cohensD(toArray(repaired), toArray(unrepaired));
        return Double.isFinite(d) ? d : Double.NaN;
    }

    /**
     * The slopes of improvement on the alliance between and within therapists: one least-squares
     * regression (with an intercept) of improvement on the therapist's mean alliance, centred on
     * the grand mean, and on the course's deviation from its therapist's mean, over the finished
     * courses of therapists with at least {@code MIN_COURSES_PER_THERAPIST} of them. Baldwin,
     * Wampold and Imel (2007) are cited for the finding that the therapists' variability in the
     * alliance predicts outcome and the patients' variability within a therapist does not; their
     * paper was not read, and later studies disagree on it (docs/EVIDENCE.md, item 4).
     *
     * @return both slopes, or both NaN with fewer than {@code MIN_THERAPISTS} such therapists or a
     *     predictor that does not vary
     */
    public static AllianceSlopes allianceSlopes(final List<EpisodeRecord> episodes) {
        final Map<Integer, List<double[]>> byTherapist = new LinkedHashMap<>();
        for (final EpisodeRecord e : episodes) {
            final double y = finishedImprovement(e);
            if (Double.isFinite(y) && e.therapistId() != null) {
                byTherapist.computeIfAbsent(e.therapistId(), k -> new ArrayList<>())
                        .add(new double[] {e.allianceMean(), y});
            }
        }
        byTherapist.values().removeIf(courses -> courses.size() < MIN_COURSES_PER_THERAPIST);
        if (byTherapist.size() < MIN_THERAPISTS) {
            return AllianceSlopes.UNDEFINED;
        }
        final List<double[]> rows = new ArrayList<>();
        double allianceSum = 0;
        for (final List<double[]> courses : byTherapist.values()) {
            final double mean = meanAlliance(courses);
            for (final double[] course : courses) {
                rows.add(new double[] {mean, course[0] - mean, course[1]});
                allianceSum += course[0];
            }
        }
        final double grand = allianceSum / rows.size();
        final double[][] x = new double[rows.size()][];
        final double[] y = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            final double[] row = rows.get(i);
            x[i] = new double[] {row[0] - grand, row[1]};
            y[i] = row[2];
        }
        final OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression(SINGULARITY);
        ols.newSampleData(y, x);
        try {
            final double[] beta = ols.estimateRegressionParameters();
            return new AllianceSlopes(beta[1], beta[2]);
        } catch (SingularMatrixException e) {
            return AllianceSlopes.UNDEFINED;
        }
    }

    /** @return the mean alliance of a therapist's courses, exactly their common value when they are all equal */
    private static double meanAlliance(final List<double[]> courses) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (final double[] course : courses) {
            sum += course[0];
            min = Math.min(min, course[0]);
            max = Math.max(max, course[0]);
        }
        return min == max ? min : sum / courses.size();
    }

    /**
     * The good-enough pattern of planned endings (Barkham et al. 2006; Stiles, Barkham and Wheeler
     * 2015): among courses ended by agreement (planned) that were at caseness at assessment, the
     * share reliably recovered (reliable and clinically significant improvement) after 1 to
     * {@code SHORT_COURSE} sessions less the share after {@code LONG_COURSE} or more. Flat rates
     * give 0; Barkham et al.'s fall from 88% after one session to 62% after twelve gives a positive
     * gap. Single-session courses count, as in those samples, so the sample is not that of finished
     * courses.
     *
     * @return the difference of the two shares, or NaN when either group has fewer than
     *     {@code MIN_DURATION_GROUP} courses
     */
    public static double goodEnoughGap(final List<EpisodeRecord> episodes) {
        int shortCourses = 0;
        int shortRecovered = 0;
        int longCourses = 0;
        int longRecovered = 0;
        for (final EpisodeRecord e : episodes) {
            if (e.endReason() != EndReason.PLANNED || !e.casenessAtStart() || e.reliableRecovery() == null) {
                continue;
            }
            final int recovered = e.reliableRecovery() ? 1 : 0;
            if (e.sessionsAttended() >= 1 && e.sessionsAttended() <= SHORT_COURSE) {
                shortCourses++;
                shortRecovered += recovered;
            } else if (e.sessionsAttended() >= LONG_COURSE) {
                longCourses++;
                longRecovered += recovered;
            }
        }
        if (shortCourses < MIN_DURATION_GROUP || longCourses < MIN_DURATION_GROUP) {
            return Double.NaN;
        }
        return shortRecovered / (double) shortCourses - longRecovered / (double) longCourses;
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

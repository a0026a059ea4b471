package org.therapysim.model;

import org.therapysim.scenario.CostSettings;
import org.therapysim.scenario.Evaluation;
import org.therapysim.scenario.Measure;

/**
 * One patient's outcomes and costs over the evaluation horizon: the weeks
 * {@code [firstArrival, firstArrival + horizonWeeks)}, in or out of an episode. Each week adds the
 * utility of the week's starting score (a week is 1/52 of a year), productivity loss and other
 * medical cost; each session and administrative act adds its payments. Everything is kept
 * discounted to the first arrival (weekly: a week {@code t} weeks later counts
 * {@code (1 + r)^(-t/52)}).
 *
 * <p>Weeks in which the patient is not stepped (after an episode ends, or after declining care)
 * follow the expected untreated course from the last score, {@code s <- s (1 - natural)}: the
 * model's untreated course without its noise, so that no random draw is taken for them.
 */
final class HealthAccount {
    /**
     * What every patient with the same measure shares: the evaluation horizon, the discount
     * factors, the utility curve and the unit costs. Held once per measure, so that an account
     * holds only the patient's own numbers.
     */
    static final class Terms {
        private final int horizonWeeks;
        private final Measure measure;
        private final UtilityCurve utility;
        private final double[] discount;
        private final double medicalCostPerYearAtMax;
        private final double medicalCostPlanShare;
        private final double timeCostPerSession;

        /**
         * @param discount the discount factor of each week of the horizon, from the first ({@link #factors})
         */
        Terms(final Evaluation evaluation, final Measure measure, final UtilityCurve utility, final double[] discount,
                final CostSettings costs) {
            this.horizonWeeks = evaluation.horizonWeeks();
            this.measure = measure;
            this.utility = utility;
            this.discount = discount;
            this.medicalCostPerYearAtMax = costs.medicalCostPerYearAtMax();
            this.medicalCostPlanShare = costs.medicalCostPlanShare();
            this.timeCostPerSession = costs.timeCostPerSession();
        }
    }

    private final Terms terms;
    private final int firstArrival;
    private final double weeklyWage;
    private int nextWeek;
    private double qalys;
    private double recoveries;
    private double plan;
    private double admin;
    private double outOfPocket;
    private double productivity;
    private double medical;
    private double planMedical;
    private double time;

    HealthAccount(final int firstArrival, final Terms terms, final double weeklyWage) {
        this.terms = terms;
        this.firstArrival = firstArrival;
        this.weeklyWage = weeklyWage;
        this.nextWeek = firstArrival;
    }

    /**
     * Adds a week lived at {@code score} (the score at the start of the week), first filling any
     * weeks not yet counted with the untreated course from that score.
     */
    void week(final int week, final double score, final double naturalImprovement) {
        untreatedUntil(week, score, naturalImprovement);
        if (week == nextWeek && week < endWeek()) {
            add(week, score);
            nextWeek++;
        }
    }

    /**
     * Counts the weeks before {@code week} not yet counted, following the expected untreated course
     * from {@code score}.
     */
    void untreatedUntil(final int week, final double score, final double naturalImprovement) {
        double s = score;
        final int to = Math.min(week, endWeek());
        while (nextWeek < to) {
            add(nextWeek, s);
            s -= naturalImprovement * s;
            nextWeek++;
        }
    }

    private void add(final int week, final double score) {
        final double d = terms.discount[week - firstArrival];
        qalys += d * terms.utility.at(score) / 52.0;
        productivity += d * productivityLoss(score);
        final double weekMedical = d * medicalCost(score);
        medical += weekMedical;
        planMedical += terms.medicalCostPlanShare * weekMedical;
    }

    /** @return a week's lost work output at {@code score} (0 for a patient without a wage) */
    double productivityLoss(final double score) {
        return weeklyWage * Math.min(1.0, terms.measure.productivityLossPerPoint() * score);
    }

    /** @return a week's other medical cost at {@code score}, proportional to the score */
    double medicalCost(final double score) {
        return terms.medicalCostPerYearAtMax / 52.0 * score / terms.measure.max();
    }

    /** Adds a session's payments and the patient's time in {@code week}. */
    void session(final int week, final double plan, final double patient) {
        if (week < endWeek()) {
            final double d = terms.discount[week - firstArrival];
            this.plan += d * plan;
            outOfPocket += d * patient;
            time += d * terms.timeCostPerSession;
        }
    }

    /** Adds an administrative cost (review, authorization) in {@code week}. */
    void admin(final int week, final double cost) {
        if (week < endWeek()) {
            admin += terms.discount[week - firstArrival] * cost;
        }
    }

    /** Counts a recovery at the end of an episode in {@code week}. */
    void recovery(final int week) {
        if (week < endWeek()) {
            recoveries += 1;
        }
    }

    /** Adds this patient's totals (the horizon must have been counted to its end) to {@code sum}. */
    void addTo(final double[] sum) {
        sum[EconomicTotals.QALYS] += qalys;
        sum[EconomicTotals.RECOVERIES] += recoveries;
        sum[EconomicTotals.PLAN] += plan;
        sum[EconomicTotals.ADMIN] += admin;
        sum[EconomicTotals.OUT_OF_POCKET] += outOfPocket;
        sum[EconomicTotals.PRODUCTIVITY] += productivity;
        sum[EconomicTotals.MEDICAL] += medical;
        sum[EconomicTotals.PLAN_MEDICAL] += planMedical;
        sum[EconomicTotals.TIME] += time;
    }

    /** @return the discount factor of each week of the evaluation horizon, from week 0 */
    static double[] factors(final Evaluation evaluation) {
        final double[] f = new double[evaluation.horizonWeeks()];
        for (int t = 0; t < f.length; t++) {
            f[t] = evaluation.discountFactor(t);
        }
        return f;
    }

    /** @return a word of the account (see {@link Caseload}) */
    int touch() {
        return nextWeek + (int) qalys;
    }

    /** @return the first week after the horizon */
    int endWeek() {
        return firstArrival + terms.horizonWeeks;
    }
}

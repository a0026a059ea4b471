package org.therapysim.scenario;

/**
 * How outcomes and costs are totted up for the economic comparison. Every patient who seeks care
 * is followed for the same horizon from the week they first arrive, whatever becomes of the
 * episode (declined, gave up, dropped out, recovered, relapsed), so that relapse and its costs
 * count; costs and QALYs are discounted to that week.
 *
 * @param horizonWeeks weeks each patient is followed from first arrival
 * @param discountRate annual discount rate of costs and QALYs (Sanders et al. 2016: 3%)
 * @param willingnessToPay value of one QALY for net monetary benefit, in the scenario's currency
 * @param willingnessToPayMax top of the range of values over which acceptability is shown (from 0)
 */
public record Evaluation(int horizonWeeks, double discountRate, double willingnessToPay, double willingnessToPayMax) {
    public Evaluation {
        Check.intRange("horizonWeeks", horizonWeeks, 1, 52 * 50);
        Check.range("discountRate", discountRate, 0.0, 0.2);
        Check.nonNegative("willingnessToPay", willingnessToPay);
        Check.positive("willingnessToPayMax", willingnessToPayMax);
        if (willingnessToPay > willingnessToPayMax) {
            throw new InvalidValueException("willingnessToPay", willingnessToPay,
                    "must not exceed willingnessToPayMax " + willingnessToPayMax);
        }
    }

    /** @return the factor that discounts an amount {@code weeks} after first arrival */
    public double discountFactor(final int weeks) {
        return Math.pow(1.0 + discountRate, -weeks / 52.0);
    }

    /** @return 41 evenly spaced values of willingness to pay from 0 to {@link #willingnessToPayMax} */
    public double[] willingnessToPayGrid() {
        final int steps = 40;
        final double[] wtps = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            wtps[i] = willingnessToPayMax * i / steps;
        }
        return wtps;
    }

    /** @return a copy with another willingness to pay (the top of the range grows to include it) */
    public Evaluation withWillingnessToPay(final double value) {
        return new Evaluation(horizonWeeks, discountRate, value, Math.max(willingnessToPayMax, value));
    }
}

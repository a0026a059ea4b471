package org.therapysim.model;

import org.therapysim.scenario.AtCapRule;
import org.therapysim.scenario.CapPeriod;
import org.therapysim.scenario.PlanSpec;
import org.therapysim.scenario.ReviewSpec;

/**
 * The payer's rules applied to sessions: cost sharing (deductible, then copay plus coinsurance,
 * bounded by the out-of-pocket maximum), out-of-network reimbursement, the session cap, and the
 * utilization-review approval probability. Each rule is optional in the scenario.
 */
public final class BenefitPlan {
    private final PlanSpec spec;

    BenefitPlan(final PlanSpec spec) {
        this.spec = spec;
    }

    /** @return the plan's scenario data */
    public PlanSpec spec() {
        return spec;
    }

    boolean capped() {
        return spec.sessionCap().isCapped();
    }

    int cap() {
        return (int) spec.sessionCap().sessions().value();
    }

    CapPeriod capPeriod() {
        return spec.sessionCap().per();
    }

    AtCapRule atCap() {
        return spec.sessionCap().atCap();
    }

    ReviewSpec review() {
        return spec.review();
    }

    /**
     * Prices one plan-paid session and records it in the ledger.
     *
     * @param ledger the member's plan-year totals
     * @param inNetwork whether the therapist is in the network
     * @param fee the therapist's fee (billed out of network)
     */
    Payment planSession(final PlanYearLedger ledger, final boolean inNetwork, final double fee) {
        final Payment payment = preview(ledger, inNetwork, fee);
        final double deductiblePart = inNetwork ? deductiblePart(ledger) : 0.0;
        ledger.record(deductiblePart, inNetwork ? payment.patient() : 0.0, true);
        return payment;
    }

    /** @return what a plan-paid session would cost each party now, without recording it */
    Payment preview(final PlanYearLedger ledger, final boolean inNetwork, final double fee) {
        if (!inNetwork) {
            final double reimbursed = Math.min(fee, spec.network().outOfNetworkReimbursement() * spec.allowedAmount());
            return new Payment(reimbursed, fee - reimbursed, true);
        }
        final double allowed = spec.allowedAmount();
        final double deductiblePart = deductiblePart(ledger);
        final double rest = allowed - deductiblePart;
        double share = deductiblePart + Math.min(rest, spec.copay() + spec.coinsurance() * rest);
        share = Math.min(share, Math.max(0.0, spec.outOfPocketMax().value() - ledger.outOfPocketPaid()));
        return new Payment(allowed - share, share, true);
    }

    /** A session the patient pays in full (after the cap); it does not count against the plan. */
    Payment selfPaySession(final PlanYearLedger ledger, final double fee) {
        ledger.record(0.0, 0.0, false);
        return new Payment(0.0, fee, false);
    }

    private double deductiblePart(final PlanYearLedger ledger) {
        return Math.min(spec.allowedAmount(), Math.max(0.0, spec.deductible() - ledger.deductiblePaid()));
    }

    /**
     * Probability that a review approves more sessions: logistic in severity (score as a share of
     * the maximum) and progress (share of the baseline lost).
     */
    double approvalProbability(final double score, final int max, final double baseline) {
        final ReviewSpec review = spec.review();
        final double progress = baseline > 0 ? (baseline - score) / baseline : 0.0;
        final double logit = review.approvalBase() + review.approvalSeverity() * score / max
                + review.approvalProgress() * progress;
        return 1.0 / (1.0 + Math.exp(-logit));
    }
}

package org.therapysim.scenario;

/**
 * A benefit design, as scenario data: every rule is optional (a cap of {@code unlimited}, a review
 * that is not enabled, zero cost sharing).
 *
 * @param name short label of the design
 * @param allowedAmount what the plan recognises per in-network session (fee schedule)
 * @param sessionCap the session cap and its at-cap rule
 * @param review utilization review
 * @param copay fixed patient payment per in-network session (after the deductible)
 * @param coinsurance patient's share of the allowed amount per in-network session (after the deductible)
 * @param deductible patient-paid amount per plan year before the plan pays
 * @param outOfPocketMax patient payments per plan year after which the plan pays in full, or unlimited
 * @param priorAuthorization authorization before the first session
 * @param network provider network
 */
public record PlanSpec(String name, double allowedAmount, CapSpec sessionCap, ReviewSpec review, double copay,
        double coinsurance, double deductible, Limit outOfPocketMax, AuthorizationSpec priorAuthorization,
        NetworkSpec network) {
    public PlanSpec {
        Check.text("name", name);
        Check.nonNegative("allowedAmount", allowedAmount);
        Check.nonNegative("copay", copay);
        Check.probability("coinsurance", coinsurance);
        Check.nonNegative("deductible", deductible);
        if (outOfPocketMax == null || outOfPocketMax.value() < 0) {
            throw new InvalidValueException("outOfPocketMax", outOfPocketMax, "must be a number >= 0 or 'unlimited'");
        }
    }
}

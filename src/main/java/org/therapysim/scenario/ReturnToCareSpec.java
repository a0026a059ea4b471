package org.therapysim.scenario;

/**
 * Return to care after an episode that ended at or above caseness (not censored): the patient
 * seeks care again after a number of weeks drawn from a weekly hazard that rises with the score and
 * depends on how the episode ended (see docs/MODEL.md, "After the episode").
 *
 * @param oneYearProbability probability of seeking care again within a year for a patient whose
 *     score stays at the caseness cut-off, after an ending by the patient or by agreement (dropout,
 *     not helped, planned); 0 turns returns off
 * @param severityPower exponent of the score relative to caseness in the hazard (1: proportional
 *     to the score; 0: the same hazard at every score)
 * @param planEndMultiplier hazard multiplier after an ending by the plan's rules (cap reached,
 *     review denied)
 * @param notStartedMultiplier hazard multiplier after an episode that never started (declined for
 *     the price, gave up before booking, gave up waiting)
 */
public record ReturnToCareSpec(double oneYearProbability, double severityPower, double planEndMultiplier,
        double notStartedMultiplier) {
    public ReturnToCareSpec {
        Check.range("oneYearProbability", oneYearProbability, 0.0, 0.999);
        Check.range("severityPower", severityPower, 0.0, 5.0);
        Check.range("planEndMultiplier", planEndMultiplier, 0.0, 20.0);
        Check.range("notStartedMultiplier", notStartedMultiplier, 0.0, 20.0);
    }
}

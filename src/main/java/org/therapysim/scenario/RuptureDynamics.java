package org.therapysim.scenario;

/**
 * Alliance ruptures and their repair.
 *
 * @param baseProbability per-session rupture probability with no resistance, no error and a full alliance
 * @param resistanceWeight relative increase per unit of resistance
 * @param errorMultiplier multiplier when the therapist errs in the session
 * @param weakAllianceWeight relative increase per unit of missing alliance (1 - alliance)
 * @param repairResistanceWeight relative reduction of repair probability per unit of resistance
 * @param feedbackRepairBoost added to the repair probability of therapists who use outcome feedback
 * @param repairGain a repaired rupture closes this share of the gap to full alliance, ceiling included
 * @param unrepairedLoss an unrepaired rupture removes this share of the alliance
 * @param unrepairedEffectSessions sessions during which an unrepaired rupture raises the dropout hazard
 * @param repairProgressWeight added to the logit of the repair probability per unit of the share of
 *     the assessment score lost so far: a course that is going well resolves its ruptures more often
 */
public record RuptureDynamics(double baseProbability, double resistanceWeight, double errorMultiplier,
        double weakAllianceWeight, double repairResistanceWeight, double feedbackRepairBoost, double repairGain,
        double unrepairedLoss, int unrepairedEffectSessions, double repairProgressWeight) {
    public RuptureDynamics {
        Check.probability("baseProbability", baseProbability);
        Check.range("resistanceWeight", resistanceWeight, 0.0, 20.0);
        Check.range("errorMultiplier", errorMultiplier, 1.0, 20.0);
        Check.range("weakAllianceWeight", weakAllianceWeight, 0.0, 20.0);
        Check.probability("repairResistanceWeight", repairResistanceWeight);
        Check.probability("feedbackRepairBoost", feedbackRepairBoost);
        Check.probability("repairGain", repairGain);
        Check.probability("unrepairedLoss", unrepairedLoss);
        Check.intRange("unrepairedEffectSessions", unrepairedEffectSessions, 0, 100);
        Check.range("repairProgressWeight", repairProgressWeight, 0.0, 20.0);
    }
}

package org.therapysim.model;

import org.therapysim.scenario.AllianceDynamics;
import org.therapysim.scenario.RuptureDynamics;

/**
 * Alliance formation, ruptures and repair (Safran and Muran's rupture-repair model; Eubanks,
 * Muran and Safran 2018). The alliance a (as the patient feels and reports it) lies on [0, 1] and
 * grows toward a ceiling set by the patient's capacity c, the therapist's skill k and the progress
 * x made so far: {@code ceiling = logistic(logit(c) + k + improvementWeight x x)}, so that part of
 * the alliance follows early improvement rather than causing it. Each attended session closes a
 * share of the gap: {@code a += growth * (ceiling - a)}, so most of the alliance forms in the
 * first sessions (Horvath and Symonds 1991).
 *
 * <p>The alliance that drives change is the therapist's part of it (Baldwin, Wampold and Imel
 * 2007: therapists' variability in the alliance predicts outcome, patients' variability within a
 * therapist does not): {@code w = (a / ceiling) x logistic(p logit(c) + (1 - p) logit(c_mean) + k)}
 * with p = {@code patientShareOfEffect}: the share of its potential the dyad has realized (growth,
 * ruptures, repairs, missed sessions) times the ceiling the therapist reaches with a patient of
 * average capacity.
 */
final class AllianceProcess {
    private final AllianceDynamics alliance;
    private final RuptureDynamics ruptures;

    AllianceProcess(final AllianceDynamics alliance, final RuptureDynamics ruptures) {
        this.alliance = alliance;
        this.ruptures = ruptures;
    }

    /** @return the alliance a patient of this capacity can reach with a therapist of this skill */
    static double ceiling(final double capacity, final double therapistSkill) {
        return logistic(logit(capacity) + therapistSkill);
    }

    /**
     * @return the ceiling of the alliance the patient feels, after losing the share
     *     {@code improvement} of the assessment score
     */
    double ceiling(final double capacity, final double therapistSkill, final double improvement) {
        return ceilingOfLogit(logit(capacity), therapistSkill, improvement);
    }

    /** As {@link #ceiling(double, double, double)}, from the capacity's logit computed once per patient. */
    double ceilingOfLogit(final double capacityLogit, final double therapistSkill, final double improvement) {
        return logistic(capacityLogit + therapistSkill + alliance.improvementWeight() * improvement);
    }

    /** @return the logit of a capacity, bounded away from 0 and 1 as the ceilings bound it */
    static double capacityLogit(final double capacity) {
        return logit(capacity);
    }

    /**
     * @param capacity the patient's alliance capacity
     * @param meanCapacity the population's mean capacity
     * @param therapistSkill the therapist's alliance skill
     * @return the ceiling of the alliance that drives change
     */
    double workingCeiling(final double capacity, final double meanCapacity, final double therapistSkill) {
        final double p = alliance.patientShareOfEffect();
        return logistic(p * logit(capacity) + (1 - p) * logit(meanCapacity) + therapistSkill);
    }

    /** @return the working alliance: the realized share of the felt alliance's ceiling, times the working ceiling */
    static double working(final double current, final double ceiling, final double workingCeiling) {
        return ceiling > 0 ? Math.min(1.0, current / ceiling) * workingCeiling : 0.0;
    }

    private static double logit(final double p) {
        final double c = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(c / (1 - c));
    }

    private static double logistic(final double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    double start(final double ceiling) {
        return alliance.startFraction() * ceiling;
    }

    double grow(final double current, final double ceiling) {
        return current + alliance.growth() * (ceiling - current);
    }

    double afterMissedSession(final double current) {
        return current * (1 - alliance.missedSessionDecay());
    }

    /** Rupture probability: base x (1 + w_R R) x (error multiplier) x (1 + w_A (1 - a)), at most 1. */
    double ruptureProbability(final double resistance, final boolean therapistError, final double current) {
        final double p = ruptures.baseProbability() * (1 + ruptures.resistanceWeight() * resistance)
                * (therapistError ? ruptures.errorMultiplier() : 1.0)
                * (1 + ruptures.weakAllianceWeight() * (1 - current));
        return Math.min(1.0, p);
    }

    /**
     * Repair probability: {@code p = repair skill x (1 - w R) + feedback boost}, within [0, 1], then
     * moved by the progress {@code x} made so far (the share of the assessment score lost):
     * {@code logistic(logit(p) + repairProgressWeight x x)} when p lies strictly between 0 and 1. A
     * course that is going well resolves its ruptures more often, one that is going badly less often,
     * so that repair follows progress as well as shaping it.
     */
    double repairProbability(final double repairSkill, final double resistance, final boolean usesFeedback,
            final double improvement) {
        final double p = Math.min(1.0, Math.max(0.0, repairSkill * (1 - ruptures.repairResistanceWeight() * resistance)
                + (usesFeedback ? ruptures.feedbackRepairBoost() : 0.0)));
        if (p <= 0.0 || p >= 1.0 || ruptures.repairProgressWeight() == 0.0) {
            return p;
        }
        return logistic(logit(p) + ruptures.repairProgressWeight() * improvement);
    }

    /** A repaired rupture closes part of the gap to full alliance: the relationship comes out stronger. */
    double repaired(final double value) {
        return value + ruptures.repairGain() * (1 - value);
    }

    double unrepaired(final double current) {
        return current * (1 - ruptures.unrepairedLoss());
    }

    int unrepairedEffectSessions() {
        return ruptures.unrepairedEffectSessions();
    }

    /** Resistance softens when the alliance is strong enough to work patterns through. */
    double softenedResistance(final double resistance, final double current) {
        final double excess = current - alliance.softensResistanceAbove();
        return excess > 0 ? Math.max(0.0, resistance - alliance.resistanceSoftening() * excess) : resistance;
    }
}

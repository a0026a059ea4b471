package org.therapysim.model;

import java.util.List;
import java.util.random.RandomGenerator;
import org.therapysim.scenario.Orientation;
import org.therapysim.scenario.Workforce;

/**
 * A therapist: skills, reliability, orientation, network status and a caseload of weekly slots.
 * Traits are drawn once per replication from the workforce stream, so every benefit design meets
 * the same therapists; network membership compares one fixed uniform with the plan's in-network
 * share, so a narrower network is a subset of a wider one.
 */
public final class Therapist {
    private final int id;
    private final double allianceSkill;
    private final double repairSkill;
    private final double cancellation;
    private final double errorRate;
    private final boolean usesFeedback;
    private final boolean trainee;
    private final Orientation orientation;
    private final int capacity;
    private final double fee;
    private final boolean inNetwork;
    private final double harmfulCourseRisk;
    private int caseload;

    Therapist(final int id, final Workforce workforce, final double inNetworkShare, final TraitSampler sampler,
            final RandomGenerator random) {
        this.id = id;
        final double networkDraw = random.nextDouble();
        this.trainee = random.nextDouble() < workforce.traineeShare();
        this.usesFeedback = random.nextDouble() < workforce.feedbackShare();
        this.allianceSkill = workforce.allianceSkillSd() * random.nextGaussian()
                + (trainee ? workforce.traineeAllianceShift() : 0.0);
        final double repair = sampler.beta(workforce.repairSkill(), random) + (trainee ? workforce.traineeRepairShift() : 0.0);
        this.repairSkill = Math.min(1.0, Math.max(0.0, repair));
        this.cancellation = sampler.beta(workforce.cancellation(), random);
        this.errorRate = Math.min(1.0, sampler.beta(workforce.errorRate(), random)
                * (trainee ? workforce.traineeErrorMultiplier() : 1.0));
        this.orientation = pick(workforce.orientations(), random.nextDouble());
        this.capacity = workforce.weeklyCapacity();
        this.fee = workforce.fee();
        this.inNetwork = networkDraw < inNetworkShare;
        // Drawn last, and only when it varies (see TraitSampler.beta), so that workforces without it keep their draws.
        this.harmfulCourseRisk = sampler.beta(workforce.harmfulCourseRisk(), random);
    }

    private static Orientation pick(final List<Orientation> orientations, final double u) {
        double cumulative = 0.0;
        for (final Orientation o : orientations) {
            cumulative += o.share();
            if (u < cumulative) {
                return o;
            }
        }
        return orientations.get(orientations.size() - 1);
    }

    /** @return identifier, 0-based, stable across benefit designs */
    public int getId() {
        return id;
    }

    /** @return alliance skill on the logit scale of the alliance ceiling (the therapist effect) */
    public double getAllianceSkill() {
        return allianceSkill;
    }

    /** @return probability of recognising and repairing a rupture */
    public double getRepairSkill() {
        return repairSkill;
    }

    /** @return per-session probability of cancelling */
    public double getCancellation() {
        return cancellation;
    }

    /** @return per-session probability of an error (lateness, mis-attunement) */
    public double getErrorRate() {
        return errorRate;
    }

    /** @return whether the therapist uses routine outcome feedback */
    public boolean isUsesFeedback() {
        return usesFeedback;
    }

    /** @return whether the therapist is in training */
    public boolean isTrainee() {
        return trainee;
    }

    /** @return the orientation's name */
    public String getOrientation() {
        return orientation.name();
    }

    /** @return relative specific effect of the orientation on the improvement rate */
    double specificEffect() {
        return orientation.specificEffect();
    }

    /** @return per-session probability that a patient's course turns harmful with this therapist */
    public double getHarmfulCourseRisk() {
        return harmfulCourseRisk;
    }

    /** @return session fee charged to self-pay and out-of-network patients */
    public double getFee() {
        return fee;
    }

    /** @return whether the therapist is in the plan's network */
    public boolean isInNetwork() {
        return inNetwork;
    }

    /** @return patients currently assigned */
    public int getCaseload() {
        return caseload;
    }

    /** @return weekly slots */
    public int getCapacity() {
        return capacity;
    }

    boolean hasFreeSlot() {
        return caseload < capacity;
    }

    void admit() {
        if (!hasFreeSlot()) {
            throw new IllegalStateException("therapist " + id + " has no free slot");
        }
        caseload++;
    }

    void release() {
        if (caseload <= 0) {
            throw new IllegalStateException("therapist " + id + " has no patient to release");
        }
        caseload--;
    }

    @Override
    public String toString() {
        return "Therapist " + id + " (" + orientation.name() + (trainee ? ", trainee" : "") + ")";
    }
}

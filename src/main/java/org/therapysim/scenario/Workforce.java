package org.therapysim.scenario;

import java.util.List;

/**
 * The therapists available to the covered members.
 *
 * @param therapists number of therapists
 * @param weeklyCapacity patients each therapist sees a week (one session each)
 * @param traineeShare share of therapists in training
 * @param feedbackShare share of therapists who use routine outcome feedback
 * @param allianceSkillSd between-therapist standard deviation of alliance skill (logit scale)
 * @param traineeAllianceShift shift of a trainee's alliance skill (logit scale)
 * @param repairSkill probability that a therapist recognises and repairs a rupture
 * @param traineeRepairShift added to a trainee's repair probability
 * @param cancellation per-session probability that the therapist cancels
 * @param errorRate per-session probability of a therapist error (late, too active, too passive, unaware)
 * @param traineeErrorMultiplier multiplier on a trainee's error rate
 * @param fee the therapist's charge per session (what self-pay and out-of-network patients are billed)
 * @param orientations orientations with their shares and specific effects
 * @param harmfulCourseRisk per-session probability that a patient's course turns harmful with this
 *     therapist (a therapist trait: therapists differ in how often their patients deteriorate)
 */
public record Workforce(int therapists, int weeklyCapacity, double traineeShare, double feedbackShare,
        double allianceSkillSd, double traineeAllianceShift, BetaSpec repairSkill, double traineeRepairShift,
        BetaSpec cancellation, BetaSpec errorRate, double traineeErrorMultiplier, double fee,
        List<Orientation> orientations, BetaSpec harmfulCourseRisk) {
    public Workforce {
        Check.intRange("therapists", therapists, 1, 1_000_000);
        Check.intRange("weeklyCapacity", weeklyCapacity, 1, 100);
        Check.probability("traineeShare", traineeShare);
        Check.probability("feedbackShare", feedbackShare);
        Check.range("allianceSkillSd", allianceSkillSd, 0.0, 5.0);
        Check.range("traineeAllianceShift", traineeAllianceShift, -5.0, 5.0);
        Check.range("traineeRepairShift", traineeRepairShift, -1.0, 1.0);
        Check.range("traineeErrorMultiplier", traineeErrorMultiplier, 0.0, 10.0);
        Check.nonNegative("fee", fee);
        orientations = Check.nonEmpty("orientations", orientations);
        Check.sharesSumToOne("orientations", orientations.stream().mapToDouble(Orientation::share).sum());
    }
}

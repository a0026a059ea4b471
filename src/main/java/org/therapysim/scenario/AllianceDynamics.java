package org.therapysim.scenario;

/**
 * How the therapeutic alliance forms and how it softens resistance.
 *
 * @param startFraction alliance at the first session, as a share of the patient-therapist ceiling
 * @param growth share of the remaining gap to the ceiling closed at each attended session
 * @param missedSessionDecay share of the alliance lost when a session is missed
 * @param softensResistanceAbove alliance level above which resistance softens
 * @param resistanceSoftening resistance lost per session per unit of alliance above that level
 * @param improvementWeight added to the logit of the alliance's ceiling per unit of the share of
 *     the assessment score lost so far: the alliance a patient feels and reports follows their
 *     progress (0: it does not)
 * @param patientShareOfEffect how much of the patient's own alliance capacity carries over into
 *     the alliance that drives change (1: all of it, as in the reported alliance; 0: none, the
 *     working alliance is the therapist's with a patient of average capacity)
 */
public record AllianceDynamics(double startFraction, double growth, double missedSessionDecay,
        double softensResistanceAbove, double resistanceSoftening, double improvementWeight,
        double patientShareOfEffect) {
    public AllianceDynamics {
        Check.probability("startFraction", startFraction);
        Check.probability("growth", growth);
        Check.probability("missedSessionDecay", missedSessionDecay);
        Check.probability("softensResistanceAbove", softensResistanceAbove);
        Check.probability("resistanceSoftening", resistanceSoftening);
        Check.range("improvementWeight", improvementWeight, 0.0, 20.0);
        Check.probability("patientShareOfEffect", patientShareOfEffect);
    }
}

package org.therapysim.scenario;

/**
 * How the therapeutic alliance forms and how it softens resistance.
 *
 * @param startFraction alliance at the first session, as a share of the patient-therapist ceiling
 * @param growth share of the remaining gap to the ceiling closed at each attended session
 * @param missedSessionDecay share of the alliance lost when a session is missed
 * @param softensResistanceAbove alliance level above which resistance softens
 * @param resistanceSoftening resistance lost per session per unit of alliance above that level
 */
public record AllianceDynamics(double startFraction, double growth, double missedSessionDecay,
        double softensResistanceAbove, double resistanceSoftening) {
    public AllianceDynamics {
        Check.probability("startFraction", startFraction);
        Check.probability("growth", growth);
        Check.probability("missedSessionDecay", missedSessionDecay);
        Check.probability("softensResistanceAbove", softensResistanceAbove);
        Check.probability("resistanceSoftening", resistanceSoftening);
    }
}

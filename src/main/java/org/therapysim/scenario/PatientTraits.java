package org.therapysim.scenario;

/**
 * How treatment-seekers differ. Each patient draws its own traits at arrival.
 *
 * @param resistance resistance to change on [0, 1]
 * @param allianceCapacity capacity to form an alliance on [0, 1] (attachment, interpersonal history)
 * @param quickFixShare share of patients who expect a quick fix
 * @param helpSeekingDelayWeeks weeks from onset to the first call
 * @param resistancePerYearUntreated added resistance per log(1 + years untreated) (chronicity)
 * @param noShow per-session probability of not showing up, before alliance and price effects
 * @param priceSensitivity multiplier on every price effect (1 = average patient)
 * @param employmentRate share employed
 * @param weeklyWage weekly earnings of employed patients, in the scenario's currency
 * @param goodEnough the score a patient is content to end at, as a share of the measure's range
 *     (the good-enough level; see docs/MODEL.md, "Endings")
 * @param responsiveness multiplier on the patient's rate of improvement in sessions, independent
 *     of the alliance (the patient's own contribution: motivation, support, life circumstances)
 * @param responseClasses latent classes of response: non-responders and late responders
 */
public record PatientTraits(BetaSpec resistance, BetaSpec allianceCapacity, double quickFixShare,
        LogNormalSpec helpSeekingDelayWeeks, double resistancePerYearUntreated, BetaSpec noShow,
        LogNormalSpec priceSensitivity, double employmentRate, LogNormalSpec weeklyWage, BetaSpec goodEnough,
        LogNormalSpec responsiveness, ResponseClasses responseClasses) {
    public PatientTraits {
        Check.probability("quickFixShare", quickFixShare);
        Check.range("resistancePerYearUntreated", resistancePerYearUntreated, 0.0, 1.0);
        Check.probability("employmentRate", employmentRate);
    }
}

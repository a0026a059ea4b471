package org.therapysim.model;

import org.therapysim.scenario.DropoutHazardSpec;

/**
 * The weekly probability that a patient in treatment ends it unilaterally, as a logistic function
 * of additive terms: early sessions (Olfson et al. 2009: most dropout follows visit 1 or 2), weak
 * alliance (Sharf, Primavera and Diener 2010), a recent unrepaired rupture, too-slow progress for
 * a quick-fix seeker, out-of-pocket price (Keeler, Manning and Wells 1988), trainee therapists
 * (Swift and Greenberg 2012), a missed session, and outcome feedback (de Jong et al. 2021).
 */
final class DropoutHazard {
    private final DropoutHazardSpec spec;
    private final double feedbackLogit;

    DropoutHazard(final DropoutHazardSpec spec) {
        this.spec = spec;
        this.feedbackLogit = Math.log(spec.feedbackOddsRatio());
    }

    /**
     * @param sessions sessions attended so far
     * @param alliance current alliance
     * @param unrepairedRupture whether an unrepaired rupture is recent
     * @param quickFixSeeker whether the patient expects a quick fix
     * @param improvement share of the baseline score lost so far
     * @param patientPrice what the patient pays per session
     * @param priceSensitivity the patient's price sensitivity
     * @param trainee whether the therapist is a trainee
     * @param missedSession whether this week's session was missed
     * @param feedback whether the therapist uses outcome feedback
     */
    double probability(final int sessions, final double alliance, final boolean unrepairedRupture,
            final boolean quickFixSeeker, final double improvement, final double patientPrice,
            final double priceSensitivity, final boolean trainee, final boolean missedSession, final boolean feedback) {
        double logit = spec.baseLogit() + spec.weakAllianceLogit() * (1 - alliance);
        if (sessions <= spec.earlySessions()) {
            logit += spec.earlyLogit();
        }
        if (unrepairedRupture) {
            logit += spec.unrepairedRuptureLogit();
        }
        if (quickFixSeeker && sessions >= spec.quickFixPatienceSessions()
                && improvement < spec.quickFixExpectedImprovement()) {
            logit += spec.quickFixLogit();
        }
        logit += spec.pricePer100Logit() * priceSensitivity * patientPrice / 100.0;
        if (trainee) {
            logit += spec.traineeLogit();
        }
        if (missedSession) {
            logit += spec.missedSessionLogit();
        }
        if (feedback) {
            logit -= feedbackLogit;
        }
        return 1.0 / (1.0 + Math.exp(-logit));
    }
}

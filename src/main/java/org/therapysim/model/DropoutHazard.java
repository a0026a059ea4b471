package org.therapysim.model;

import org.therapysim.scenario.DropoutHazardSpec;

/**
 * The weekly probability that a patient in treatment ends it unilaterally, as a logistic function
 * of additive terms: early sessions (Olfson et al. 2009: most dropout follows visit 1 or 2), weak
 * alliance (Sharf, Primavera and Diener 2010), a recent unrepaired rupture, too-slow progress for
 * a quick-fix seeker, out-of-pocket price (Keeler, Manning and Wells 1988), trainee therapists
 * (Swift and Greenberg 2012), a missed session, and outcome feedback (de Jong et al. 2021). Two
 * frictions of managed care add to it: a week spent waiting for a utilization-review decision
 * (Liu, Sturm and Cuffel 2000: termination about three times as likely exactly at the
 * authorization boundary), and the first sessions with a new therapist after a switch, when the
 * early term applies again.
 */
final class DropoutHazard {
    private final DropoutHazardSpec spec;
    private final double feedbackLogit;

    DropoutHazard(final DropoutHazardSpec spec) {
        this.spec = spec;
        this.feedbackLogit = Math.log(spec.feedbackOddsRatio());
    }

    /** What the week holds besides the session itself. */
    enum Week {
        /** A week with a session, attended or missed. */
        SESSION,
        /** A week without sessions, waiting for a utilization-review decision. */
        REVIEW_PENDING
    }

    /**
     * @param sessions sessions attended so far
     * @param sessionsWithTherapist sessions attended so far with the current therapist
     * @param alliance current alliance
     * @param unrepairedRupture whether an unrepaired rupture is recent
     * @param quickFixSeeker whether the patient expects a quick fix
     * @param improvement share of the baseline score lost so far
     * @param patientPrice what the patient pays per session
     * @param priceSensitivity the patient's price sensitivity
     * @param trainee whether the therapist is a trainee
     * @param missedSession whether this week's session was missed
     * @param feedback whether the therapist uses outcome feedback
     * @param week what the week holds
     */
    double probability(final int sessions, final int sessionsWithTherapist, final double alliance,
            final boolean unrepairedRupture, final boolean quickFixSeeker, final double improvement,
            final double patientPrice, final double priceSensitivity, final boolean trainee,
            final boolean missedSession, final boolean feedback, final Week week) {
        double logit = spec.baseLogit() + spec.weakAllianceLogit() * (1 - alliance);
        // Sessions with the current therapist are never more than the episode's, so this covers the
        // episode's first sessions and the first ones with a new therapist after a switch.
        if (sessionsWithTherapist <= spec.earlySessions()) {
            logit += spec.earlyLogit();
        }
        if (sessionsWithTherapist < sessions && sessionsWithTherapist <= spec.earlySessions()) {
            logit += spec.transferLogit();
        }
        if (unrepairedRupture) {
            logit += spec.unrepairedRuptureLogit();
        }
        if (quickFixSeeker && sessions >= 1 && improvement < expectedByQuickFixSeeker(sessions)) {
            logit += spec.quickFixLogit();
        }
        if (week == Week.REVIEW_PENDING) {
            logit += spec.reviewPendingLogit();
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

    /**
     * @param sessions sessions attended so far (at least 1)
     * @return the share of the baseline score a quick-fix seeker expects to have lost by now: the
     *     whole expectation by the patience session, and a pro-rata share before it
     */
    double expectedByQuickFixSeeker(final int sessions) {
        return spec.quickFixExpectedImprovement() * Math.min(1.0, sessions / (double) spec.quickFixPatienceSessions());
    }
}

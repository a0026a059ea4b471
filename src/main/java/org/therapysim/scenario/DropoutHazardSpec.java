package org.therapysim.scenario;

/**
 * The weekly dropout hazard while in treatment, on the logit scale: a sum of terms.
 *
 * @param baseLogit logit of the weekly hazard with every other term at zero
 * @param earlySessions the first sessions, in which dropout is most likely
 * @param earlyLogit added while the patient has attended at most {@code earlySessions} sessions
 * @param weakAllianceLogit added per unit of missing alliance (1 - alliance)
 * @param unrepairedRuptureLogit added while an unrepaired rupture is recent
 * @param quickFixLogit added for a quick-fix seeker whose progress is too slow: from the first session on,
 *     when the share of the baseline score lost is below {@code quickFixExpectedImprovement x
 *     min(1, sessions / quickFixPatienceSessions)}
 * @param quickFixPatienceSessions sessions by which a quick-fix seeker expects the whole of the improvement
 * @param quickFixExpectedImprovement share of the baseline score a quick-fix seeker expects to lose by then
 * @param pricePer100Logit added per 100 currency units the patient pays for a session (times sensitivity)
 * @param traineeLogit added when the therapist is a trainee
 * @param missedSessionLogit added in a week whose session the patient missed
 * @param feedbackOddsRatio odds of dropout without feedback relative to with (dropout odds are divided by it)
 * @param reviewPendingLogit added in a week without sessions while a utilization-review decision is pending
 * @param transferLogit added in the first {@code earlySessions} sessions with a new therapist after a
 *     switch (the early-sessions term applies again then too: the patient starts over)
 */
public record DropoutHazardSpec(double baseLogit, int earlySessions, double earlyLogit, double weakAllianceLogit,
        double unrepairedRuptureLogit, double quickFixLogit, int quickFixPatienceSessions,
        double quickFixExpectedImprovement, double pricePer100Logit, double traineeLogit, double missedSessionLogit,
        double feedbackOddsRatio, double reviewPendingLogit, double transferLogit) {
    public DropoutHazardSpec {
        Check.range("baseLogit", baseLogit, -20.0, 5.0);
        Check.intRange("earlySessions", earlySessions, 0, 100);
        Check.range("earlyLogit", earlyLogit, -10.0, 10.0);
        Check.range("weakAllianceLogit", weakAllianceLogit, 0.0, 20.0);
        Check.range("unrepairedRuptureLogit", unrepairedRuptureLogit, 0.0, 20.0);
        Check.range("quickFixLogit", quickFixLogit, 0.0, 20.0);
        Check.intRange("quickFixPatienceSessions", quickFixPatienceSessions, 1, 100);
        Check.probability("quickFixExpectedImprovement", quickFixExpectedImprovement);
        Check.range("pricePer100Logit", pricePer100Logit, 0.0, 20.0);
        Check.range("traineeLogit", traineeLogit, -10.0, 10.0);
        Check.range("missedSessionLogit", missedSessionLogit, 0.0, 20.0);
        Check.range("feedbackOddsRatio", feedbackOddsRatio, 0.1, 10.0);
        Check.range("reviewPendingLogit", reviewPendingLogit, -20.0, 25.0);
        Check.range("transferLogit", transferLogit, -20.0, 25.0);
    }
}

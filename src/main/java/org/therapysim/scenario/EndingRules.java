package org.therapysim.scenario;

/**
 * When patient and therapist end treatment by agreement. A planned ending ("graduation") becomes
 * more likely the closer the patient is to their good-enough level; a mutual ending because the
 * patient was not helped follows lasting non-progress after a reasonable trial.
 *
 * @param minSessions no ending by agreement (planned or not helped) before this many sessions
 * @param agreementAtGoal probability per session of a planned ending once the patient's score is at
 *     or below their good-enough level (1 ends at once)
 * @param agreementBelowGoal probability per session of a planned ending short of the good-enough level,
 *     multiplied by the share of the way there the patient has come (on (0, 1)); 0 allows planned
 *     endings only at the good-enough level
 * @param trialSessions sessions of a reasonable trial: a mutual "not helped" ending is possible only
 *     from this session on
 * @param notHelpedPerSession probability per session, after the trial, that patient and therapist
 *     end because the patient is not reliably improved; 0 turns the ending off
 */
public record EndingRules(int minSessions, double agreementAtGoal, double agreementBelowGoal, int trialSessions,
        double notHelpedPerSession) {
    public EndingRules {
        Check.intRange("minSessions", minSessions, 1, 500);
        Check.probability("agreementAtGoal", agreementAtGoal);
        Check.probability("agreementBelowGoal", agreementBelowGoal);
        Check.intRange("trialSessions", trialSessions, 1, 500);
        Check.probability("notHelpedPerSession", notHelpedPerSession);
    }
}

package org.therapysim.scenario;

/**
 * When patient and therapist end treatment by agreement (a planned ending, "graduation").
 *
 * @param minSessions no planned ending before this many sessions
 * @param plateauSessions after this many sessions without a new best score, treatment ends by
 *     agreement (the course has run its useful length)
 */
public record EndingRules(int minSessions, int plateauSessions) {
    public EndingRules {
        Check.intRange("minSessions", minSessions, 1, 500);
        Check.intRange("plateauSessions", plateauSessions, 1, 500);
    }
}

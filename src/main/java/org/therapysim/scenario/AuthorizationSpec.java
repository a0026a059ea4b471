package org.therapysim.scenario;

/**
 * Prior authorization before the first session of an episode.
 *
 * @param enabled whether the plan requires it
 * @param delayWeeks weeks between being matched with a therapist and the first session
 * @param adminCost administrative cost per authorization
 */
public record AuthorizationSpec(boolean enabled, int delayWeeks, double adminCost) {
    public AuthorizationSpec {
        Check.intRange("delayWeeks", delayWeeks, 0, 52);
        Check.nonNegative("adminCost", adminCost);
    }
}

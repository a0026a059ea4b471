package org.therapysim.scenario;

/**
 * Utilization review: continued care needs the payer's approval. With {@code enabled}, a review
 * falls due after {@code atSession} plan-paid sessions of an episode and again after each block of
 * extra sessions; the same review process also serves a cap whose rule is {@code review}.
 *
 * <p>The approval probability is logistic in
 * {@code approvalBase + approvalSeverity * score / max + approvalProgress * improvement / baseline}.
 *
 * @param enabled whether a review falls due at {@code atSession}
 * @param atSession plan-paid sessions after which the first review falls due
 * @param approvalBase intercept of the approval log-odds
 * @param approvalSeverity log-odds per unit of current severity (score as a share of the maximum)
 * @param approvalProgress log-odds per unit of progress (share of the baseline score lost)
 * @param delayWeeks weeks without sessions until the decision
 * @param extraSessions sessions granted by an approval
 * @param adminCost the payer's and provider's administrative cost per review
 */
public record ReviewSpec(boolean enabled, int atSession, double approvalBase, double approvalSeverity,
        double approvalProgress, int delayWeeks, int extraSessions, double adminCost) {
    public ReviewSpec {
        Check.intRange("atSession", atSession, 1, 1000);
        Check.range("approvalBase", approvalBase, -20.0, 20.0);
        Check.range("approvalSeverity", approvalSeverity, -20.0, 20.0);
        Check.range("approvalProgress", approvalProgress, -20.0, 20.0);
        Check.intRange("delayWeeks", delayWeeks, 0, 52);
        Check.intRange("extraSessions", extraSessions, 1, 1000);
        Check.nonNegative("adminCost", adminCost);
    }
}

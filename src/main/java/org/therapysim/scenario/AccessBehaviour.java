package org.therapysim.scenario;

/**
 * How patients respond to waiting, the network and price outside the session itself.
 *
 * @param giveUpPerWeek weekly probability of giving up while on the waiting list
 * @param outOfNetworkAcceptance weekly probability that a waiting patient takes a free
 *     out-of-network slot at no extra price (reduced by price)
 * @param noShowWeakAllianceWeight relative increase of no-shows per unit of missing alliance
 * @param noShowPricePer100 relative increase of no-shows per 100 currency units paid per session
 * @param selfPayPricePer100 at the cap, a patient continues at their own expense with probability
 *     exp(-selfPayPricePer100 * sensitivity * fee / 100)
 * @param startPricePer100 a treatment-seeker starts an episode with probability
 *     exp(-startPricePer100 * sensitivity * price / 100), where price is what the first in-network
 *     session would cost the patient under the plan
 */
public record AccessBehaviour(double giveUpPerWeek, double outOfNetworkAcceptance, double noShowWeakAllianceWeight,
        double noShowPricePer100, double selfPayPricePer100, double startPricePer100) {
    public AccessBehaviour {
        Check.probability("giveUpPerWeek", giveUpPerWeek);
        Check.probability("outOfNetworkAcceptance", outOfNetworkAcceptance);
        Check.range("noShowWeakAllianceWeight", noShowWeakAllianceWeight, 0.0, 20.0);
        Check.range("noShowPricePer100", noShowPricePer100, 0.0, 20.0);
        Check.range("selfPayPricePer100", selfPayPricePer100, 0.0, 20.0);
        Check.range("startPricePer100", startPricePer100, 0.0, 20.0);
    }
}

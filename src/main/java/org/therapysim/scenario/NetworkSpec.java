package org.therapysim.scenario;

/**
 * The plan's provider network.
 *
 * @param inNetworkShare share of the workforce in the plan's network
 * @param outOfNetworkReimbursement share of the allowed amount the plan reimburses for an
 *     out-of-network session (the patient pays the rest of the therapist's fee)
 */
public record NetworkSpec(double inNetworkShare, double outOfNetworkReimbursement) {
    public NetworkSpec {
        Check.probability("inNetworkShare", inNetworkShare);
        Check.probability("outOfNetworkReimbursement", outOfNetworkReimbursement);
    }
}

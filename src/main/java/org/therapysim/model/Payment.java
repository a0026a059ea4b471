package org.therapysim.model;

/**
 * Who pays for one session.
 *
 * @param payer the plan's payment
 * @param patient the patient's payment
 * @param planPaid whether the session counts against the plan's cap
 */
record Payment(double payer, double patient, boolean planPaid) {
}

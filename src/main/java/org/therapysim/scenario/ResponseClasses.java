package org.therapysim.scenario;

/**
 * Latent classes of response to treatment, drawn once per patient at arrival (growth-mixture
 * studies of routine care find three to five trajectory classes, among them non-responders and
 * late responders, and a class of fast, early improvers). The rest of the patients respond from
 * the first session, faster or slower according to their responsiveness.
 *
 * @param nonResponderShare share of patients whose sessions carry only {@code nonResponderEffect}
 *     of the usual treatment effect; 0 turns the class off
 * @param nonResponderEffect multiplier on a non-responder's rate of improvement in sessions (0: none)
 * @param lateResponderShare share of patients who change little until {@code lateOnsetSession};
 *     0 turns the class off
 * @param lateOnsetSession the first session in which a late responder's sessions take effect
 * @param fastResponderShare share of patients who improve faster than the rest from the first
 *     session; 0 turns the class off
 * @param fastResponderEffect multiplier on a fast responder's rate of improvement in sessions
 */
public record ResponseClasses(double nonResponderShare, double nonResponderEffect, double lateResponderShare,
        int lateOnsetSession, double fastResponderShare, double fastResponderEffect) {
    public ResponseClasses {
        Check.probability("nonResponderShare", nonResponderShare);
        Check.probability("nonResponderEffect", nonResponderEffect);
        Check.probability("lateResponderShare", lateResponderShare);
        Check.intRange("lateOnsetSession", lateOnsetSession, 1, 500);
        Check.probability("fastResponderShare", fastResponderShare);
        Check.range("fastResponderEffect", fastResponderEffect, 1.0, 20.0);
        if (nonResponderShare + lateResponderShare > 1.0) {
            throw new InvalidValueException("lateResponderShare", lateResponderShare,
                    "with nonResponderShare must not exceed 1 (they are shares of the same patients)");
        }
        if (nonResponderShare + lateResponderShare + fastResponderShare > 1.0) {
            throw new InvalidValueException("fastResponderShare", fastResponderShare,
                    "with nonResponderShare and lateResponderShare must not exceed 1 (they are shares of the same patients)");
        }
    }
}

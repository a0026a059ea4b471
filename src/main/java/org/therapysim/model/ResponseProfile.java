package org.therapysim.model;

import org.therapysim.scenario.ResponseClasses;

/**
 * Latent classes of response (growth-mixture studies of routine care: Stulz et al. 2007; Saunders
 * et al. 2019; Skelton et al. 2023). A patient's class is drawn once, at arrival, from one uniform
 * u: non-responder when {@code u < nonResponderShare}, late responder when
 * {@code u < nonResponderShare + lateResponderShare}, fast responder when u is below that plus
 * {@code fastResponderShare}, otherwise a typical responder. The class multiplies the patient's
 * rate of improvement in a session: 1 for a typical responder; {@code nonResponderEffect} for a
 * non-responder; 0 for a late responder before {@code lateOnsetSession} and 1 from that session
 * on; {@code fastResponderEffect} for a fast responder (the early-improvement classes of Stulz et
 * al. 2007, Lutz, Stulz and Köck 2009 and Skelton et al. 2023).
 */
final class ResponseProfile {
    /** The classes. */
    enum Kind {
        /** Responds from the first session, at the pace of the patient's responsiveness. */
        TYPICAL,
        /** Changes little until the onset session, then responds like a typical patient. */
        LATE,
        /** Sessions carry only a fraction of the usual effect, often none. */
        NON_RESPONDER,
        /** Improves faster than the typical patient from the first session. */
        FAST
    }

    private final ResponseClasses spec;

    ResponseProfile(final ResponseClasses spec) {
        this.spec = spec;
    }

    /** @return the class of a patient whose draw is {@code u} (uniform on [0, 1)) */
    Kind kind(final double u) {
        if (u < spec.nonResponderShare()) {
            return Kind.NON_RESPONDER;
        }
        if (u < spec.nonResponderShare() + spec.lateResponderShare()) {
            return Kind.LATE;
        }
        if (u < spec.nonResponderShare() + spec.lateResponderShare() + spec.fastResponderShare()) {
            return Kind.FAST;
        }
        return Kind.TYPICAL;
    }

    /**
     * @param kind the patient's class
     * @param session the number of the session being attended in the episode (1 = first)
     * @return the multiplier on the patient's rate of improvement in that session
     */
    double effect(final Kind kind, final int session) {
        return switch (kind) {
            case TYPICAL -> 1.0;
            case LATE -> session >= spec.lateOnsetSession() ? 1.0 : 0.0;
            case NON_RESPONDER -> spec.nonResponderEffect();
            case FAST -> spec.fastResponderEffect();
        };
    }
}

package org.therapysim.model;

import java.util.Locale;

/** How an episode ended. */
public enum EndReason {
    /** Ended by agreement, reflecting progress towards the patient's good-enough level. */
    PLANNED,
    /** Ended by agreement after a reasonable trial because the patient was not reliably improved. */
    NOT_HELPED,
    /** The patient ended treatment unilaterally (including not returning). */
    DROPOUT,
    /** The plan's session cap ended treatment. */
    CAP_REACHED,
    /** Utilization review denied further sessions. */
    REVIEW_DENIED,
    /** The treatment-seeker did not start: the price of a session deterred them. */
    DECLINED,
    /** The patient decided to start but gave up the idea of care before booking the first appointment. */
    NOT_BOOKED,
    /** The patient gave up while on the waiting list. */
    GAVE_UP_WAITING,
    /** Still open at the simulation horizon (censored). */
    HORIZON;

    /** @return the lower-case word used in tables */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}

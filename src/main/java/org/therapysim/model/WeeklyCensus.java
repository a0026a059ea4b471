package org.therapysim.model;

/**
 * The state of the clinic at the end of one week.
 *
 * @param week simulation week
 * @param waiting patients on the waiting list (or waiting for authorization)
 * @param inTreatment patients assigned to a therapist
 * @param arrivals new episodes this week
 */
public record WeeklyCensus(int week, int waiting, int inTreatment, int arrivals) {
}

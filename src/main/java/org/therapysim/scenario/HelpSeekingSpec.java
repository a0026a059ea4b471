package org.therapysim.scenario;

/**
 * Hesitation before the first appointment (see docs/MODEL.md, "Booking the first appointment"): a
 * patient who has decided to start does not join the waiting list at once. At the start of the
 * episode, and again after each week of hesitation, the patient books with probability
 * {@code logistic(bookingLogit + severityLogit x (score / max - 0.5) + fearLogitPerSd x zFear)},
 * where {@code zFear} is the patient's help-seeking delay standardized on its log-normal
 * distribution ({@code (ln delay - ln median) / sigma}, 0 when sigma is 0). A week of hesitation
 * follows the untreated course and may end in giving up the idea of care, with the waiting list's
 * weekly give-up probability ({@code dynamics.access.giveUpPerWeek}).
 *
 * @param bookingLogit log odds of booking for a patient at half the measure's range and of median
 *     fear; a large value (50) makes everyone book at the start of the episode
 * @param severityLogit change in the log odds of booking per unit of the score as a share of the
 *     measure's range (positive: more severe patients book sooner)
 * @param fearLogitPerSd change in the log odds of booking per standard deviation of fear (the log
 *     of the help-seeking delay); negative: more fearful patients book later
 */
public record HelpSeekingSpec(double bookingLogit, double severityLogit, double fearLogitPerSd) {
    public HelpSeekingSpec {
        Check.range("bookingLogit", bookingLogit, -50.0, 50.0);
        Check.range("severityLogit", severityLogit, -20.0, 20.0);
        Check.range("fearLogitPerSd", fearLogitPerSd, -20.0, 20.0);
    }
}

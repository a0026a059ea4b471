package org.therapysim.model;

import org.therapysim.scenario.HelpSeekingSpec;
import org.therapysim.scenario.LogNormalSpec;

/**
 * Hesitation before the first appointment. A treatment-seeker who has decided to start (the price
 * decision) does not join the waiting list at once: at the start of the episode, and again after
 * each week of hesitation, the patient books with probability
 * {@code logistic(bookingLogit + severityLogit x (score / max - 0.5) + fearLogitPerSd x zFear)}.
 * More severe patients book sooner (severityLogit > 0); more fearful ones later (fearLogitPerSd < 0;
 * Clement et al. 2015: the median association between stigma and help-seeking was d = -0.27).
 *
 * <p>Fear is not drawn anew: it is the patient's help-seeking delay (weeks between onset and the
 * first call, log-normal) standardized on its own distribution,
 * {@code zFear = (ln delay - ln median) / sigma}, 0 when sigma is 0; so the trait that adds
 * chronicity to resistance also slows booking. A week of hesitation follows the untreated course
 * and may end in giving up the idea of care, with the waiting list's weekly give-up probability.
 */
final class HelpSeeking {
    private final HelpSeekingSpec spec;
    private final double logMedianDelay;
    private final double delaySigma;

    /**
     * @param spec the booking parameters
     * @param delay the distribution of the help-seeking delay, the scale on which fear is standardized
     */
    HelpSeeking(final HelpSeekingSpec spec, final LogNormalSpec delay) {
        this.spec = spec;
        this.logMedianDelay = Math.log(delay.median());
        this.delaySigma = delay.sigma();
    }

    /**
     * @param helpSeekingDelayWeeks the patient's weeks between onset and the first call
     * @return the patient's fear in standard deviations of the log delay (0 at the median, and for
     *     everyone when the delay does not vary)
     */
    double fear(final double helpSeekingDelayWeeks) {
        return delaySigma > 0 ? (Math.log(helpSeekingDelayWeeks) - logMedianDelay) / delaySigma : 0.0;
    }

    /**
     * @param score the current (continuous) score
     * @param max the measure's maximum
     * @param fear the patient's standardized fear ({@link #fear})
     * @return the probability of booking the first appointment now
     */
    double bookingProbability(final double score, final int max, final double fear) {
        final double logit = spec.bookingLogit() + spec.severityLogit() * (score / max - 0.5)
                + spec.fearLogitPerSd() * fear;
        return 1.0 / (1.0 + Math.exp(-logit));
    }
}

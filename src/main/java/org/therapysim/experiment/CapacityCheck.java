package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says which arms' results are driven by the clinic's capacity rather than by the care given: when
 * more than {@link #GAVE_UP_LIMIT} of episodes end on the waiting list, or started episodes waited
 * more than {@link #WAIT_LIMIT_WEEKS} weeks on average from booking to their first session (patients
 * who gave up before booking, and the weeks they hesitated, are not counted: they say nothing of the
 * clinic's capacity). Such an arm's recovery and costs describe the few who got a place, not the
 * plan's effect on the members who sought care. The limits are those of docs/MODEL.md ("Capacity").
 */
public final class CapacityCheck {
    /** Share of episodes ending on the waiting list above which capacity drives the results. */
    public static final double GAVE_UP_LIMIT = 0.20;
    /**
     * Mean weeks from booking to the first session above which capacity drives the results (the
     * clinic's wait only: weeks a patient hesitated before booking are not the clinic's doing).
     */
    public static final double WAIT_LIMIT_WEEKS = 6;

    private CapacityCheck() {
    }

    /** @return one sentence per arm over a limit, naming the arm and the figures; empty when none is */
    public static List<String> warnings(final ExperimentResult result) {
        final List<String> out = new ArrayList<>();
        for (final ArmResult arm : result.arms()) {
            final String warning = warning(arm);
            if (warning != null) {
                out.add(warning);
            }
        }
        return out;
    }

    /** @return the warning for one arm, or null when its waiting list is within the limits */
    public static String warning(final ArmResult arm) {
        final double gaveUp = arm.summary(Metric.GAVE_UP_WAITING_RATE).mean();
        final double weeks = arm.summary(Metric.MEAN_WEEKS_WAITING).mean();
        final boolean tooManyGaveUp = gaveUp > GAVE_UP_LIMIT;
        final boolean tooLong = weeks > WAIT_LIMIT_WEEKS;
        if (!tooManyGaveUp && !tooLong) {
            return null;
        }
        return String.format(Locale.ROOT, "capacity, not care, drives the results of '%s': %.1f%% of episodes"
                + " ended on the waiting list (limit %.0f%%) and those who started waited %.1f weeks on average"
                + " (limit %.0f); its recovery and costs describe the patients who got a place. Give it more"
                + " therapists (workforce.therapists) or fewer members", arm.name(), 100 * gaveUp,
                100 * GAVE_UP_LIMIT, weeks, WAIT_LIMIT_WEEKS);
    }
}

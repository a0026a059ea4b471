package org.therapysim.experiment;

import java.util.Arrays;
import java.util.List;
import org.therapysim.model.EndReason;
import org.therapysim.model.EpisodeRecord;

/**
 * Kaplan-Meier curves over session number for started episodes. The dose-effect curve is the
 * cumulative share reliably improved by session k, with episodes that ended unimproved censored at
 * their last session (the survival approach of Anderson and Lambert 2001 to Howard et al.'s 1986
 * dose-effect question). The retention curve at k is the share of started episodes that attended at
 * least k sessions, S(k-1), with episodes still in treatment at the horizon censored after their last
 * session.
 *
 * <p>Past the last session any episode reached (t) a curve is defined by whether the episodes whose
 * time is t had the event. If all of them did, nobody is left whose future is unknown: the
 * product-limit estimate is 0 from t on (Kaplan and Meier 1958), so retention is 0 from session t + 1
 * to the end (every episode has ended; nobody is in treatment) and the dose-effect share is 1. If any
 * of them was censored, the curve is undefined (NaN) from the first session nobody reached: for
 * retention from session t + 1, because an episode still in treatment at the horizon after t sessions
 * may or may not attend a (t + 1)th; for the dose-effect curve from t + 1, because an episode that
 * ended unimproved after t sessions might or might not have improved at a later one. That is the only
 * way a curve of started episodes is undefined; episodes censored before t do not make it so. The
 * convention of carrying the last estimate forward past the last censoring is not used: it would
 * state a value where nobody was observed.
 */
public final class SessionCurves {
    /** Sessions covered by the curves (1 to MAX_SESSION). */
    public static final int MAX_SESSION = 40;

    private SessionCurves() {
    }

    /** @return index k-1 holds the share reliably improved by session k */
    public static double[] doseEffect(final List<EpisodeRecord> episodes) {
        final int[] atRisk = new int[MAX_SESSION + 2];
        final int[] events = new int[MAX_SESSION + 2];
        for (final EpisodeRecord e : episodes) {
            if (!e.started()) {
                continue;
            }
            final Integer improvedAt = e.sessionsToReliableImprovement();
            final int time = Math.min(MAX_SESSION + 1, improvedAt != null ? improvedAt : e.sessionsAttended());
            atRisk[time]++;
            if (improvedAt != null && improvedAt <= MAX_SESSION) {
                events[improvedAt]++;
            }
        }
        return cumulative(atRisk, events, false);
    }

    /** @return index k-1 holds the share of started episodes that attended at least k sessions */
    public static double[] retention(final List<EpisodeRecord> episodes) {
        final int[] atRisk = new int[MAX_SESSION + 2];
        final int[] events = new int[MAX_SESSION + 2];
        for (final EpisodeRecord e : episodes) {
            if (!e.started()) {
                continue;
            }
            final int time = Math.min(MAX_SESSION + 1, e.sessionsAttended());
            atRisk[time]++;
            if (e.endReason() != EndReason.HORIZON && e.sessionsAttended() <= MAX_SESSION) {
                events[e.sessionsAttended()]++;
            }
        }
        return cumulative(atRisk, events, true);
    }

    /**
     * Product-limit estimate. {@code atRisk[t]} counts subjects whose time is t (event or
     * censoring); the number at risk at k is the count with time >= k. After the largest observed
     * time the estimate is 0 if that time ended with events only (Kaplan and Meier 1958), else
     * undefined (NaN) from the first session nobody reached.
     *
     * @param survivalBefore true: value at k is S(k-1), the share still at risk at k; false: 1 - S(k)
     */
    private static double[] cumulative(final int[] timeCounts, final int[] events, final boolean survivalBefore) {
        final double[] out = new double[MAX_SESSION];
        int remaining = 0;
        for (final int c : timeCounts) {
            remaining += c;
        }
        if (remaining == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        double survival = 1.0;
        for (int k = 1; k <= MAX_SESSION; k++) {
            remaining -= timeCounts[k - 1];
            if (remaining == 0 && survival > 0) {
                // Nobody is still at risk and the last time was censored: undefined from here on.
                Arrays.fill(out, k - 1, MAX_SESSION, Double.NaN);
                break;
            }
            final double before = survival;
            if (remaining > 0) {
                survival *= 1.0 - (double) events[k] / remaining;
            }
            // Once the last subject at risk had the event the estimate is 0 and stays there.
            out[k - 1] = survivalBefore ? before : 1.0 - survival;
        }
        return out;
    }
}

package org.therapysim.gui;

import java.util.List;
import org.therapysim.experiment.SessionCurves;
import org.therapysim.model.EndReason;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.Patient;
import org.therapysim.model.TherapySim;

/**
 * A clinic's figures after a week, for the live charts: cumulative recoveries and dropouts, those
 * in treatment and waiting, the plan's cumulative payments for sessions, and (every few weeks) the
 * dose-effect curve so far. Computed on the simulation's thread; the episodes ended so far are
 * counted once each.
 *
 * @param week the week just simulated (from 1)
 * @param recovered episodes ended in recovery so far
 * @param droppedOut episodes ended by dropout so far
 * @param inTreatment patients seeing a therapist now
 * @param waiting patients on the waiting list now
 * @param payerCost plan payments for sessions so far (ended and open episodes)
 * @param doseEffect share reliably improved by session k (index k-1), or null this week
 */
record ClinicWeek(int week, int recovered, int droppedOut, int inTreatment, int waiting, double payerCost,
        double[] doseEffect) {

    /** Running totals over the episodes ended so far. */
    static final class Tally {
        private int counted;
        private int recovered;
        private int droppedOut;
        private double endedPayerCost;

        /** @return the clinic's figures now; the dose-effect curve when {@code withCurve} */
        ClinicWeek observe(final TherapySim clinic, final boolean withCurve) {
            final List<EpisodeRecord> ended = clinic.endedEpisodes();
            for (; counted < ended.size(); counted++) {
                final EpisodeRecord e = ended.get(counted);
                if (Boolean.TRUE.equals(e.recovered())) {
                    recovered++;
                }
                if (e.endReason() == EndReason.DROPOUT) {
                    droppedOut++;
                }
                endedPayerCost += e.payerCost();
            }
            int inTreatment = 0;
            double open = 0;
            for (final Patient p : clinic.patients()) {
                if (p.getPhase() == Patient.Phase.IN_TREATMENT || p.getPhase() == Patient.Phase.REVIEW_PENDING) {
                    inTreatment++;
                }
                if (p.getPhase() != Patient.Phase.ENDED) {
                    open += p.getEpisodePayerCost();
                }
            }
            return new ClinicWeek(clinic.weeksDone(), recovered, droppedOut, inTreatment, clinic.clinic().waiting(),
                    endedPayerCost + open, withCurve ? SessionCurves.doseEffect(List.copyOf(ended)) : null);
        }
    }
}

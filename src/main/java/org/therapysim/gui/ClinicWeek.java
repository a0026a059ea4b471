package org.therapysim.gui;

import java.util.List;
import org.therapysim.experiment.SessionCurves;
import org.therapysim.model.EndReason;
import org.therapysim.model.EpisodeRecord;
import org.therapysim.model.Patient;
import org.therapysim.model.TherapySim;

/**
 * A clinic's figures after a week, for the live charts and the rates under the picture: cumulative
 * recoveries and dropouts, those in treatment and waiting, the plan's cumulative payments for
 * sessions, the rates so far, and (every few weeks) the dose-effect curve so far. Computed on the
 * simulation's thread; the episodes ended so far are counted once each. The rates are defined as in
 * summary.csv ({@code recovery_rate}, {@code dropout_rate}, {@code plan_cost_pmpm}) over the
 * episodes ended so far, so at the horizon they are the command line's figures for the same seed.
 *
 * @param week the week just simulated (from 1)
 * @param recovered episodes ended in recovery so far
 * @param droppedOut episodes ended by dropout so far
 * @param inTreatment patients seeing a therapist now
 * @param waiting patients on the waiting list now
 * @param payerCost plan payments for sessions so far (ended and open episodes)
 * @param recoveryRate recovered among finished courses at caseness so far (NaN before the first)
 * @param dropoutRate dropouts among started episodes ended so far (NaN before the first)
 * @param planCostPmpm plan payments and administration so far per covered member per month so far
 *     (administration of open episodes counts when they end)
 * @param doseEffect share reliably improved by session k (index k-1), or null this week
 * @param reached started episodes ended so far that attended at least k sessions (index k-1), or null
 */
record ClinicWeek(int week, int recovered, int droppedOut, int inTreatment, int waiting, double payerCost,
        double recoveryRate, double dropoutRate, double planCostPmpm, double[] doseEffect, int[] reached) {

    /** Running totals over the episodes ended so far. */
    static final class Tally {
        private int counted;
        private int recovered;
        private int droppedOut;
        private int finishedAtCaseness;
        private int recoveredFinished;
        private int startedEnded;
        private int startedDroppedOut;
        private double endedPlanCost;
        private double endedPayerCost;

        /**
         * @param concluded whether the clinic has just published its result: its episodes are then
         *     put in a new order, so they are counted again from the first
         * @return the clinic's figures now; the dose-effect curve when {@code withCurve}
         */
        ClinicWeek observe(final TherapySim clinic, final boolean withCurve, final boolean concluded) {
            if (concluded) {
                counted = 0;
                recovered = 0;
                droppedOut = 0;
                finishedAtCaseness = 0;
                recoveredFinished = 0;
                startedEnded = 0;
                startedDroppedOut = 0;
                endedPlanCost = 0;
                endedPayerCost = 0;
            }
            final List<EpisodeRecord> ended = clinic.endedEpisodes();
            for (; counted < ended.size(); counted++) {
                final EpisodeRecord e = ended.get(counted);
                if (Boolean.TRUE.equals(e.recovered())) {
                    recovered++;
                }
                if (e.endReason() == EndReason.DROPOUT) {
                    droppedOut++;
                }
                if (e.started() && e.endReason() != EndReason.HORIZON) {
                    startedEnded++;
                    if (e.endReason() == EndReason.DROPOUT) {
                        startedDroppedOut++;
                    }
                }
                if (e.finishedCourse() && e.casenessAtStart()) {
                    finishedAtCaseness++;
                    if (Boolean.TRUE.equals(e.recovered())) {
                        recoveredFinished++;
                    }
                }
                endedPayerCost += e.payerCost();
                endedPlanCost += e.payerCost() + e.adminCost();
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
            final double memberMonths = clinic.memberMonths(clinic.weeksDone());
            double[] curve = null;
            int[] reached = null;
            if (withCurve) {
                final List<EpisodeRecord> copy = List.copyOf(ended);
                curve = SessionCurves.doseEffect(copy);
                final double[] retention = SessionCurves.retention(copy);
                final long started = copy.stream().filter(EpisodeRecord::started).count();
                reached = new int[retention.length];
                for (int k = 0; k < retention.length; k++) {
                    reached[k] = Double.isNaN(retention[k]) ? 0 : (int) Math.round(retention[k] * started);
                }
            }
            return new ClinicWeek(clinic.weeksDone(), recovered, droppedOut, inTreatment, clinic.clinic().waiting(),
                    endedPayerCost + open, share(recoveredFinished, finishedAtCaseness), share(startedDroppedOut, startedEnded),
                    memberMonths > 0 ? (endedPlanCost + open) / memberMonths : Double.NaN, curve, reached);
        }

        private static double share(final int part, final int whole) {
            return whole == 0 ? Double.NaN : (double) part / whole;
        }
    }
}

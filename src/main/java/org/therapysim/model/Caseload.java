package org.therapysim.model;

import java.util.Arrays;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The patients with an episode under way, stepped once a week in the order their episodes began
 * (arrivals in order of id, then relapses as they occur). One schedule entry serves them all:
 * patients out of an episode are not stepped and cost nothing; those in one are kept in an array,
 * not in MASON's schedule heap, where each patient-week would cost a removal and an insertion.
 * Patients who end an episode leave the array in the same pass.
 *
 * <p>The order can matter in one case only: a patient at the cap who moves to another therapist
 * takes a slot freed earlier in the same pass. A fixed order is used rather than a weekly shuffle:
 * it needs no random numbers, and it reads patients in the order they were created, mostly the
 * order they lie in memory, which matters because the pass over a large cohort is bound by
 * memory (docs/PERFORMANCE.md).
 */
final class Caseload implements Steppable {
    private static final long serialVersionUID = 1L;
    /** Patients read ahead together (a power of two). */
    private static final int BATCH = 16;

    private Patient[] active = new Patient[64];
    private int size;
    private int authorizing;
    private int inTreatment;
    /** The sum of what {@link #touch} read, kept so that the reads are not optimised away. */
    private int touched;

    /** Adds a patient who has just begun an episode; it is stepped from this week on. */
    void add(final Patient patient) {
        if (patient.inCaseload) {
            return;
        }
        patient.inCaseload = true;
        if (size == active.length) {
            active = Arrays.copyOf(active, size * 2);
        }
        active[size++] = patient;
    }

    @Override
    public void step(final SimState state) {
        final int week = (int) Math.round(state.schedule.getTime());
        // One pass steps each patient and keeps those whose episode goes on, counted by phase, so
        // that every patient's state is read once a week.
        final int n = size;
        int kept = 0;
        authorizing = 0;
        inTreatment = 0;
        for (int i = 0; i < n; i++) {
            if ((i & (BATCH - 1)) == 0) {
                touch(i, Math.min(n, i + BATCH));
            }
            final Patient p = active[i];
            if (p.getPhase() != Patient.Phase.ENDED) {
                p.week(week);
            }
            switch (p.getPhase()) {
                case ENDED -> {
                    p.inCaseload = false;
                    continue;
                }
                case HESITATING -> {
                    // not yet booked: neither on the waiting list nor in treatment
                }
                case WAITING -> {
                    // counted by the clinic's waiting list
                }
                case AUTHORIZING -> authorizing++;
                case IN_TREATMENT, REVIEW_PENDING -> inTreatment++;
                default -> throw new IllegalStateException("unknown phase " + p.getPhase());
            }
            active[kept++] = p;
        }
        if (size != n) {
            throw new IllegalStateException("a patient began an episode during the patients' pass");
        }
        Arrays.fill(active, kept, n, null);
        size = kept;
    }

    /**
     * Reads one word of each object a patient's week uses, for a batch of patients at a time: the
     * reads are independent, so the processor fetches them from memory together instead of one
     * after another as each patient's week reaches them. In a cohort too large for the processor's
     * caches, waiting for memory was most of the weekly pass (docs/PERFORMANCE.md).
     */
    private void touch(final int from, final int to) {
        int sum = touched;
        for (int i = from; i < to; i++) {
            sum += active[i].touch();
        }
        touched = sum;
    }

    /** @return patients being authorized after this week's pass */
    int authorizing() {
        return authorizing;
    }

    /** @return patients in treatment or awaiting a review decision after this week's pass */
    int inTreatment() {
        return inTreatment;
    }
}

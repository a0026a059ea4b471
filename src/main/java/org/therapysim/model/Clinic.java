package org.therapysim.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The therapists and the waiting list. Each week, before patients are stepped, waiting patients
 * are matched first come, first served to therapists with a free slot: in-network first; when the
 * network is full, a patient may take a free out-of-network slot at the out-of-network price.
 * Patients joining the list in the same week join in order of patient id, so the list never
 * depends on the order in which MASON stepped them. A patient joins when they book the first
 * appointment; one who has decided to start but hesitates ({@link HelpSeeking}) is not on the list.
 */
public final class Clinic implements Steppable {
    private static final long serialVersionUID = 1L;

    private final transient TherapySim sim;
    private final List<Therapist> therapists;
    private final Deque<Patient> queue = new ArrayDeque<>();
    private final List<Patient> joining = new ArrayList<>();
    private final FreeSlots freeInNetwork;
    private final FreeSlots freeOutOfNetwork;

    Clinic(final TherapySim sim, final List<Therapist> therapists) {
        this.sim = sim;
        this.therapists = List.copyOf(therapists);
        this.freeInNetwork = new FreeSlots(therapists.size());
        this.freeOutOfNetwork = new FreeSlots(therapists.size());
        for (final Therapist t : this.therapists) {
            update(t);
        }
    }

    private FreeSlots slots(final boolean inNetwork) {
        return inNetwork ? freeInNetwork : freeOutOfNetwork;
    }

    private void update(final Therapist therapist) {
        slots(therapist.isInNetwork()).set(therapist.getId(), therapist.hasFreeSlot());
    }

    private void admit(final Therapist therapist) {
        therapist.admit();
        update(therapist);
    }

    /** Frees the therapist's slot held by a patient who ended or moved on. */
    void release(final Therapist therapist) {
        therapist.release();
        update(therapist);
    }

    /** @return the therapists, by id */
    public List<Therapist> therapists() {
        return therapists;
    }

    /** @return patients waiting for a therapist (joining this week included) */
    public int waiting() {
        int n = joining.size();
        for (final Patient p : queue) {
            if (p.getPhase() == Patient.Phase.WAITING) {
                n++;
            }
        }
        return n;
    }

    /** Puts a patient on the waiting list (at the next matching). */
    void enqueue(final Patient patient) {
        joining.add(patient);
    }

    @Override
    public void step(final SimState state) {
        final int week = (int) Math.round(state.schedule.getTime());
        joining.sort(Comparator.comparingInt(Patient::getId));
        queue.addAll(joining);
        joining.clear();
        final Iterator<Patient> it = queue.iterator();
        while (it.hasNext()) {
            final Patient patient = it.next();
            if (patient.getPhase() != Patient.Phase.WAITING) {
                it.remove();
                continue;
            }
            if (freeInNetwork.count() == 0 && freeOutOfNetwork.count() == 0) {
                break;
            }
            final Therapist chosen = choose(patient);
            if (chosen != null) {
                admit(chosen);
                patient.assign(chosen, week);
                it.remove();
            }
        }
    }

    /**
     * Moves a patient at the cap to another in-network therapist. If none has a free slot the
     * patient goes back on the waiting list.
     *
     * @return whether the patient has a new therapist now
     */
    boolean transfer(final Patient patient) {
        final Therapist old = patient.getTherapist();
        final Therapist chosen = pick(true, patient.therapistChoice(), old);
        release(old);
        if (chosen == null) {
            patient.detachForTransfer();
            enqueue(patient);
            return false;
        }
        admit(chosen);
        patient.assign(chosen, (int) Math.round(sim.schedule.getTime()));
        return true;
    }

    private Therapist choose(final Patient patient) {
        // A patient moved on at the cap waits for another therapist, not the one just left.
        final Therapist inNetwork = pick(true, patient.therapistChoice(), patient.transferredFrom());
        if (inNetwork != null) {
            return inNetwork;
        }
        final Therapist outside = pick(false, patient.therapistChoice(), null);
        if (outside != null
                && patient.acceptsOutOfNetwork(patient.outOfNetworkPrice(outside) - patient.inNetworkPrice())) {
            return outside;
        }
        return null;
    }

    /**
     * Chooses among free therapists of the given network status, in id order, by the patient's
     * preference draw; {@code exclude} (the current therapist) is never chosen.
     */
    private Therapist pick(final boolean inNetwork, final double preference, final Therapist exclude) {
        final FreeSlots free = slots(inNetwork);
        final boolean skip = exclude != null && exclude.isInNetwork() == inNetwork && free.isFree(exclude.getId());
        final int candidates = free.count() - (skip ? 1 : 0);
        if (candidates <= 0) {
            return null;
        }
        int target = Math.min(candidates - 1, (int) (preference * candidates));
        if (skip && target >= free.rank(exclude.getId())) {
            target++;
        }
        return therapists.get(free.select(target));
    }
}

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
 * depends on the order in which MASON stepped them.
 */
public final class Clinic implements Steppable {
    private static final long serialVersionUID = 1L;

    private final transient TherapySim sim;
    private final List<Therapist> therapists;
    private final Deque<Patient> queue = new ArrayDeque<>();
    private final List<Patient> joining = new ArrayList<>();

    Clinic(final TherapySim sim, final List<Therapist> therapists) {
        this.sim = sim;
        this.therapists = List.copyOf(therapists);
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
            final Therapist chosen = choose(patient, null);
            if (chosen != null) {
                chosen.admit();
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
        old.release();
        if (chosen == null) {
            patient.detachForTransfer();
            enqueue(patient);
            return false;
        }
        chosen.admit();
        patient.assign(chosen, (int) Math.round(sim.schedule.getTime()));
        return true;
    }

    private Therapist choose(final Patient patient, final Therapist exclude) {
        final Therapist inNetwork = pick(true, patient.therapistChoice(), exclude);
        if (inNetwork != null) {
            return inNetwork;
        }
        final Therapist outside = pick(false, patient.therapistChoice(), exclude);
        if (outside != null
                && patient.acceptsOutOfNetwork(patient.outOfNetworkPrice(outside) - patient.inNetworkPrice())) {
            return outside;
        }
        return null;
    }

    /** Chooses among free therapists of the given network status by the patient's preference draw. */
    private Therapist pick(final boolean inNetwork, final double preference, final Therapist exclude) {
        int free = 0;
        for (final Therapist t : therapists) {
            if (t.isInNetwork() == inNetwork && t.hasFreeSlot() && t != exclude) {
                free++;
            }
        }
        if (free == 0) {
            return null;
        }
        int target = Math.min(free - 1, (int) (preference * free));
        for (final Therapist t : therapists) {
            if (t.isInNetwork() == inNetwork && t.hasFreeSlot() && t != exclude) {
                if (target-- == 0) {
                    return t;
                }
            }
        }
        throw new IllegalStateException("free therapist count changed while choosing");
    }
}

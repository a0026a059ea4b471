package org.therapysim.gui;

import java.util.ArrayList;
import java.util.List;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * What a class watches: one clinic, or two clinics side by side that differ only in their benefit
 * design. Each clinic is a {@link TherapySim} with the study's first replication seed, so both meet
 * the same patients and the same random draws (common random numbers), and each gives exactly
 * what {@code therapysim run} gives for that scenario and seed. One step of the classroom is one
 * week of every clinic; at the horizon the open episodes are censored and the run stops.
 */
public final class Classroom extends SimState {
    private static final long serialVersionUID = 1L;

    private final transient Study study;
    private final transient Knobs knobs;
    private transient List<Scenario> arms = List.of();
    private transient List<TherapySim> clinics = List.of();
    private transient List<ReplicationResult> results = List.of();

    /** @param study one or two arms; the first is the reference */
    public Classroom(final Study study) {
        super(study.seed());
        if (study.arms().size() > 2) {
            throw new IllegalArgumentException("a classroom shows one or two clinics, not " + study.arms().size());
        }
        this.study = study;
        this.knobs = new Knobs(study);
    }

    @Override
    public void start() {
        super.start();
        arms = knobs.arms();
        final int seed = RandomStreams.replicationSeed(study.seed(), 0);
        final List<TherapySim> built = new ArrayList<>();
        for (final Scenario arm : arms) {
            final TherapySim clinic = new TherapySim(arm, seed, false);
            clinic.start();
            built.add(clinic);
        }
        clinics = List.copyOf(built);
        results = List.of();
        schedule.scheduleRepeating(0.0, (Steppable) state -> week());
    }

    private void week() {
        boolean more = false;
        for (final TherapySim clinic : clinics) {
            more |= clinic.stepWeek();
        }
        if (!more && results.isEmpty()) {
            results = clinics.stream().map(TherapySim::conclude).toList();
            kill();
        }
    }

    /** @return the clinics, reference first */
    public List<TherapySim> clinics() {
        return clinics;
    }

    /** @return the scenarios the clinics run (the study's, with the knobs applied) */
    public List<Scenario> arms() {
        return arms;
    }

    /** @return each clinic's result once the horizon is reached, else empty */
    public List<ReplicationResult> results() {
        return results;
    }

    /** @return the settings a teacher may change */
    public Knobs knobs() {
        return knobs;
    }

    /** @return the study as loaded */
    public Study study() {
        return study;
    }
}

package org.therapysim.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.PlanSpec;
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

    private transient Study study;
    private transient Knobs knobs;
    private transient List<Scenario> arms = List.of();
    private transient List<TherapySim> clinics = List.of();
    private transient List<ReplicationResult> results = List.of();
    private transient Runnable observer = () -> { };
    /** Plans set by the teacher during the run, one per clinic (null: no change), put in force next week. */
    private final transient AtomicReference<List<PlanSpec>> nextPlans = new AtomicReference<>();
    private transient volatile List<PlanSpec> plans = List.of();

    /** @param study one or two arms; the first is the reference */
    public Classroom(final Study study) {
        super(study.seed());
        use(study);
    }

    /**
     * Shows another study (a lesson picked from the menu) from the next start, with its own
     * settings; the clinics of the last start stay until then.
     */
    void use(final Study next) {
        if (next.arms().size() > 2) {
            throw new IllegalArgumentException("a classroom shows one or two clinics, not " + next.arms().size());
        }
        this.study = next;
        this.knobs = new Knobs(next);
        this.clinics = List.of();
        this.arms = List.of();
        this.plans = List.of();
        this.results = List.of();
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
        plans = arms.stream().map(Scenario::plan).toList();
        nextPlans.set(null);
        results = List.of();
        schedule.scheduleRepeating(0.0, (Steppable) state -> week());
    }

    private void week() {
        final List<PlanSpec> next = nextPlans.getAndSet(null);
        if (next != null) {
            for (int i = 0; i < clinics.size(); i++) {
                if (!next.get(i).equals(plans.get(i))) {
                    clinics.get(i).changePlan(next.get(i));
                }
            }
            plans = next;
        }
        boolean more = false;
        for (final TherapySim clinic : clinics) {
            more |= clinic.stepWeek();
        }
        final boolean last = !more && results.isEmpty();
        if (last) {
            results = clinics.stream().map(TherapySim::conclude).toList();
        }
        observer.run();
        if (last) {
            kill();
        }
    }

    /**
     * @param afterWeek run at the end of every week, the last one's after the open episodes are
     *     censored at the horizon, so that what it reads then is the result
     */
    void observeWeeks(final Runnable afterWeek) {
        observer = afterWeek;
    }

    /**
     * Puts the plans of the settings in force from the next week (the run must have started); the
     * settings of therapists and patients wait for the next start.
     *
     * @return whether any clinic's plan will change
     */
    boolean changePlansNextWeek() {
        final List<PlanSpec> wanted = knobs.arms().stream().map(Scenario::plan).toList();
        if (clinics.isEmpty() || !results.isEmpty() || wanted.size() != clinics.size()) {
            return false;
        }
        final boolean change = !wanted.equals(plans);
        nextPlans.set(change ? wanted : null);
        return change;
    }

    /** @return the plans in force now, reference first (those of {@link #arms()} until the teacher changes one) */
    public List<PlanSpec> plans() {
        return plans;
    }

    /** @return whether a setting differs from the run's in a way that only a new start can apply */
    boolean restartNeeded() {
        if (clinics.isEmpty()) {
            return false;
        }
        final List<Scenario> wanted = knobs.arms();
        for (int i = 0; i < wanted.size(); i++) {
            final Scenario a = wanted.get(i);
            final Scenario b = arms.get(i);
            if (!a.workforce().equals(b.workforce()) || !a.patients().equals(b.patients())) {
                return true;
            }
        }
        return false;
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

package org.therapysim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.therapysim.scenario.Population;
import org.therapysim.scenario.PopulationMode;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Treatment-seekers. In an open population, a Poisson number of covered members begins an
 * episode each week of the arrival period, at the annual incidence of psychotherapy use
 * (Olfson and Marcus 2010); in a closed cohort, everyone arrives at week 0. Then the patients
 * whose relapse or return to care falls in the week begin a new episode, in the order these were
 * drawn: they wait in a list per week (a calendar), not in MASON's schedule heap, where each would
 * cost a logarithmic insertion and removal among thousands of pending episodes.
 */
final class Referral implements Steppable {
    private static final long serialVersionUID = 1L;

    private final transient TherapySim sim;
    private final Population population;
    private final transient PoissonDistribution weekly;
    private int arrivalsThisWeek;
    private final List<List<Patient>> scheduled = new ArrayList<>();

    Referral(final TherapySim sim, final RandomGenerator random) {
        this.sim = sim;
        this.population = sim.scenario().population();
        final double mean = population.members() * population.annualIncidence() / 52.0;
        this.weekly = mean > 0 ? new PoissonDistribution(new RandomAdapter(random), mean,
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS) : null;
    }

    @Override
    public void step(final SimState state) {
        final int week = (int) Math.round(state.schedule.getTime());
        final int count;
        if (population.mode() == PopulationMode.COHORT) {
            count = week == 0 ? population.cohortSize() : 0;
        } else {
            count = week < population.arrivalWeeks() && weekly != null ? weekly.sample() : 0;
        }
        arrivalsThisWeek = count;
        for (int i = 0; i < count; i++) {
            sim.admitNewPatient(week);
        }
        if (week < scheduled.size() && scheduled.get(week) != null) {
            final List<Patient> due = scheduled.get(week);
            scheduled.set(week, null);
            for (final Patient patient : due) {
                patient.beginScheduledEpisode(week);
            }
        }
    }

    /**
     * Has {@code patient} begin a new episode (a relapse or a return to care, as the patient has
     * recorded) in {@code week}, a later week than this one.
     */
    void beginEpisodeAt(final Patient patient, final int week) {
        while (scheduled.size() <= week) {
            scheduled.add(null);
        }
        List<Patient> due = scheduled.get(week);
        if (due == null) {
            due = new ArrayList<>();
            scheduled.set(week, due);
        }
        due.add(patient);
    }

    int arrivalsThisWeek() {
        return arrivalsThisWeek;
    }
}

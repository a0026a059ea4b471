package org.therapysim.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.therapysim.scenario.PlanSpec;
import org.therapysim.scenario.PopulationMode;
import org.therapysim.scenario.Scenario;
import sim.engine.SimState;

/**
 * The simulation: patients, therapists and a benefit plan, one week per step. Built from a
 * validated scenario and a replication seed; {@link #start()} rebuilds everything, so a stopped
 * run restarts cleanly.
 *
 * <p>Each week runs in this order: arrivals ({@link #ORDER_ARRIVALS}), matching of waiting patients
 * to free therapists ({@link #ORDER_MATCHING}), every patient with an episode under way in a random
 * order ({@link #ORDER_PATIENTS}, see {@link Caseload}), and the weekly census
 * ({@link #ORDER_STATISTICS}).
 */
public final class TherapySim extends SimState {
    private static final long serialVersionUID = 1L;

    /** Ordering of arrivals, relapses and returns to care within a week. */
    public static final int ORDER_ARRIVALS = 0;
    /** Ordering of matching patients to therapists. */
    public static final int ORDER_MATCHING = 1;
    /** Ordering of patients' weekly steps. */
    public static final int ORDER_PATIENTS = 2;
    /** Ordering of the weekly census (statistics last). */
    public static final int ORDER_STATISTICS = 3;

    private final transient Scenario scenario;
    private final int replicationSeed;
    private final Kept kept;

    private transient BenefitPlan plan;
    private transient Clinic clinic;
    private transient EpisodeLog log;
    private transient TraitSampler sampler;
    private transient AllianceProcess allianceProcess;
    private transient SymptomCourse symptomCourse;
    private transient DropoutHazard dropoutHazard;
    private transient RelapseHazard relapseHazard;
    private transient ReturnToCare returnToCare;
    private transient ResponseProfile responseProfile;
    private transient HarmfulCourse harmfulCourse;
    private transient EndingAgreement endingAgreement;
    private transient HelpSeeking helpSeeking;
    private transient Referral referral;
    private transient Caseload caseload;
    private transient Patient.EpisodePool episodePool;
    private transient List<Patient> patients;
    /** What patients' health accounts share, by measure. */
    private transient Map<String, HealthAccount.Terms> accountTerms;
    private long patientWeeks;
    private int weeksDone;

    /**
     * @param scenario the validated scenario
     * @param replicationSeed the replication's seed (see {@link RandomStreams#replicationSeed})
     * @param keepSessions whether to keep a record of every session
     */
    public TherapySim(final Scenario scenario, final int replicationSeed, final boolean keepSessions) {
        this(scenario, replicationSeed, new Kept(keepSessions, false));
    }

    /**
     * @param scenario the validated scenario
     * @param replicationSeed the replication's seed (see {@link RandomStreams#replicationSeed})
     * @param kept which records besides the episodes to keep
     */
    public TherapySim(final Scenario scenario, final int replicationSeed, final Kept kept) {
        super(replicationSeed);
        this.scenario = scenario;
        this.replicationSeed = replicationSeed;
        this.kept = kept;
    }

    @Override
    public void start() {
        super.start();
        plan = new BenefitPlan(scenario.plan());
        log = new EpisodeLog(kept.sessions());
        sampler = new TraitSampler();
        allianceProcess = new AllianceProcess(scenario.dynamics().alliance(), scenario.dynamics().ruptures());
        symptomCourse = new SymptomCourse(scenario.dynamics().symptoms());
        dropoutHazard = new DropoutHazard(scenario.dynamics().dropout());
        relapseHazard = new RelapseHazard(scenario.dynamics().relapse());
        returnToCare = new ReturnToCare(scenario.dynamics().returnToCare());
        responseProfile = new ResponseProfile(scenario.patients().responseClasses());
        harmfulCourse = new HarmfulCourse(scenario.dynamics().deterioration());
        endingAgreement = new EndingAgreement(scenario.dynamics().ending());
        helpSeeking = new HelpSeeking(scenario.dynamics().helpSeeking(), scenario.patients().helpSeekingDelayWeeks());
        patients = new ArrayList<>();
        patientWeeks = 0;
        weeksDone = 0;
        accountTerms = new HashMap<>();
        final double[] discountFactors = HealthAccount.factors(scenario.evaluation());
        scenario.measures().forEach((name, measure) -> accountTerms.put(name, new HealthAccount.Terms(
                scenario.evaluation(), measure, new UtilityCurve(measure.utility()), discountFactors, scenario.costs())));

        final RandomGenerator workforceRandom = RandomStreams.stream(replicationSeed, RandomStreams.WORKFORCE, 0);
        final List<Therapist> therapists = new ArrayList<>();
        for (int i = 0; i < scenario.workforce().therapists(); i++) {
            therapists.add(new Therapist(i, scenario.workforce(), scenario.plan().network().inNetworkShare(), sampler,
                    workforceRandom));
        }
        clinic = new Clinic(this, therapists);
        referral = new Referral(this, RandomStreams.stream(replicationSeed, RandomStreams.ARRIVALS, 0));
        caseload = new Caseload();
        episodePool = new Patient.EpisodePool();

        schedule.scheduleRepeating(0.0, ORDER_ARRIVALS, referral, 1.0);
        schedule.scheduleRepeating(0.0, ORDER_MATCHING, clinic, 1.0);
        schedule.scheduleRepeating(0.0, ORDER_PATIENTS, caseload, 1.0);
        schedule.scheduleRepeating(0.0, ORDER_STATISTICS, state -> census(), 1.0);
    }

    /**
     * Runs the whole horizon and publishes the result. Episodes still open at the horizon are
     * censored with end reason {@code horizon}.
     */
    public ReplicationResult run() {
        start();
        while (stepWeek()) {
            // one week per step until the horizon
        }
        return conclude();
    }

    /**
     * Simulates the next week (after {@link #start()}); the command line and the GUI both advance
     * the simulation only through this, so they give the same numbers.
     *
     * @return whether weeks remain before the horizon
     */
    public boolean stepWeek() {
        if (weeksDone >= horizon()) {
            return false;
        }
        schedule.step(this);
        weeksDone++;
        return weeksDone < horizon();
    }

    /** @return weeks simulated since {@link #start()} */
    public int weeksDone() {
        return weeksDone;
    }

    /**
     * Censors the episodes still open at the horizon and publishes the result. Call once, after
     * the last week.
     */
    public ReplicationResult conclude() {
        final int weeks = horizon();
        for (final Patient p : patients) {
            if (p.getPhase() != Patient.Phase.ENDED) {
                p.end(EndReason.HORIZON, weeks);
            }
        }
        finish();
        final double memberMonths = memberMonths(weeks);
        final int members = scenario.population().covered();
        final int[] firstYearVisits = patients.stream().mapToInt(Patient::firstYearVisits).toArray();
        final double[] economics = new double[EconomicTotals.FIELDS];
        final List<PatientEvaluation> evaluations = new ArrayList<>(kept.patients() ? patients.size() : 0);
        for (final Patient p : patients) {
            p.closeAccount(economics);
            if (kept.patients()) {
                evaluations.add(p.evaluation());
            }
        }
        return log.result(replicationSeed, patientWeeks, members, memberMonths, firstYearVisits,
                EconomicTotals.of(patients.size(), economics), evaluations);
    }

    /**
     * @param weeks weeks simulated
     * @return covered member-months of the arrival period in the first {@code weeks} weeks: the
     *     denominator of per-member-per-month costs (the whole run's at the horizon)
     */
    public double memberMonths(final int weeks) {
        return scenario.population().mode() == PopulationMode.OPEN
                ? scenario.population().members() * Math.min(scenario.population().arrivalWeeks(), weeks) * 12.0 / 52.0
                : scenario.population().cohortSize() * weeks * 12.0 / 52.0;
    }

    void admitNewPatient(final int week) {
        final int id = patients.size();
        final Patient patient = new Patient(id, this,
                RandomStreams.stream(replicationSeed, RandomStreams.PATIENTS, id), sampler);
        patients.add(patient);
        patient.beginEpisode(week);
    }

    /** Records the week's census: those waiting (or being authorized) and those in treatment. */
    private void census() {
        log.census(new WeeklyCensus(week(), clinic.waiting() + caseload.authorizing(), caseload.inTreatment(),
                referral.arrivalsThisWeek()));
    }

    private int week() {
        return (int) Math.round(schedule.getTime());
    }

    void countPatientWeek() {
        patientWeeks++;
    }

    /** @return the scenario being simulated */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the benefit plan in force */
    public BenefitPlan plan() {
        return plan;
    }

    /**
     * Puts another benefit plan in force from the next week, for every member: a change of benefits
     * during the run, as a teacher makes in the classroom. Sessions already paid stay counted against
     * the new cap (plan-year totals and each episode's plan-paid sessions are kept). The network stays
     * as built: which therapists are in it was decided when they were created. Call between weeks,
     * on the thread that steps the simulation.
     *
     * @param spec the new plan, with the same network share as the scenario's
     */
    public void changePlan(final PlanSpec spec) {
        if (spec.network().inNetworkShare() != scenario.plan().network().inNetworkShare()) {
            throw new IllegalArgumentException("the network is built at the start: plan.network.inNetworkShare cannot"
                    + " change during a run");
        }
        plan = new BenefitPlan(spec);
    }

    /** @return the clinic: therapists and waiting list */
    public Clinic clinic() {
        return clinic;
    }

    /** @return every patient who has arrived, by id */
    public List<Patient> patients() {
        return List.copyOf(patients);
    }

    /** @return the episodes ended so far, in the order they ended (a read-only view) */
    public List<EpisodeRecord> endedEpisodes() {
        return log.episodesSoFar();
    }

    /** @return the horizon in weeks */
    public int horizon() {
        return scenario.simulation().weeks();
    }

    EpisodeLog log() {
        return log;
    }

    /** @return what the health accounts of patients assessed on {@code measure} share */
    HealthAccount.Terms accountTerms(final String measure) {
        return accountTerms.get(measure);
    }

    Referral referral() {
        return referral;
    }

    Caseload caseload() {
        return caseload;
    }

    Patient.EpisodePool episodePool() {
        return episodePool;
    }

    TraitSampler sampler() {
        return sampler;
    }

    AllianceProcess alliance() {
        return allianceProcess;
    }

    SymptomCourse symptoms() {
        return symptomCourse;
    }

    DropoutHazard dropout() {
        return dropoutHazard;
    }

    RelapseHazard relapse() {
        return relapseHazard;
    }

    ReturnToCare returnToCare() {
        return returnToCare;
    }

    ResponseProfile response() {
        return responseProfile;
    }

    HarmfulCourse harm() {
        return harmfulCourse;
    }

    EndingAgreement endings() {
        return endingAgreement;
    }

    HelpSeeking helpSeeking() {
        return helpSeeking;
    }
}

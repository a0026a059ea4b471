package org.therapysim.model;

import java.util.random.RandomGenerator;
import org.therapysim.scenario.AccessBehaviour;
import org.therapysim.scenario.AtCapRule;
import org.therapysim.scenario.CapPeriod;
import org.therapysim.scenario.Condition;
import org.therapysim.scenario.Measure;
import org.therapysim.scenario.PatientTraits;
import org.therapysim.scenario.ReviewSpec;

/**
 * A covered member who seeks psychotherapy, and the episode of care under way. Traits are drawn at
 * arrival from the patient's own random stream; every week the patient draws a fixed block of
 * numbers from it whatever happens that week, so that the same patient meets the same chances
 * under every benefit design (common random numbers).
 *
 * <p>Week by week the patient hesitates before booking the first appointment (following the
 * untreated course, and possibly giving up the idea of care; see {@link HelpSeeking}), waits on the
 * list (following the untreated course, and possibly giving up), waits for an authorization or a
 * review decision, or is in treatment: attendance, alliance,
 * ruptures and repair, symptom change, resistance, and the endings (planned, dropout, cap, denied
 * review). After an ending below caseness the patient may relapse and start a new episode; after
 * an ending at or above caseness the patient may return to care and start one.
 */
public final class Patient {
    private static final double GOLDEN = 0.6180339887498949;

    /** Where the patient stands in the episode. */
    public enum Phase {
        /** Decided to start, not yet booked: not on the waiting list. */
        HESITATING,
        /** On the waiting list. */
        WAITING,
        /** Matched, waiting for prior authorization. */
        AUTHORIZING,
        /** Seeing a therapist weekly. */
        IN_TREATMENT,
        /** Sessions suspended until a utilization-review decision. */
        REVIEW_PENDING,
        /** No episode under way. */
        ENDED
    }

    private final int id;
    private final transient TherapySim sim;
    private final RandomGenerator random;
    private final Condition condition;
    private final Measure measure;
    private final double allianceCapacity;
    private final double allianceCapacityLogit;
    private final boolean quickFixSeeker;
    private final double helpSeekingDelayWeeks;
    private final double noShowPropensity;
    private final double priceSensitivity;
    private final boolean employed;
    private final double weeklyWage;
    private final double goodEnough;
    private final double responsiveness;
    private final ResponseProfile.Kind responseKind;
    private final double therapistPreference;
    private final PlanYearLedger ledger = new PlanYearLedger();
    private int firstYearVisits;

    /** The error of the last measurement (assessment or session), in points; it holds until the next. */
    private double readingError;

    private double resistance;
    private double score;
    private double alliance;
    private Phase phase = Phase.ENDED;
    private Therapist therapist;
    /** Whether the patient is in the {@link Caseload}'s array (set and cleared by it). */
    boolean inCaseload;

    private int episode;
    private Episode current;
    private HealthAccount account;
    private int lastRuptureWeek = -1;
    private int lastRepairWeek = -1;
    private EndReason lastEnd;
    private Boolean lastRecovered;
    private int lastSessions;
    private double lastPayerCost;
    /** Whether the episode scheduled with the {@link Referral} is a relapse (else a return to care). */
    private boolean relapseDue;
    /** The first week after the last episode that followed the expected untreated course. */
    private int untreatedSince;

    Patient(final int id, final TherapySim sim, final RandomGenerator random, final TraitSampler sampler) {
        this.id = id;
        this.sim = sim;
        this.random = random;
        final PatientTraits traits = sim.scenario().patients();
        this.condition = pickCondition(sim, random.nextDouble());
        this.measure = sim.scenario().measureOf(condition);
        this.helpSeekingDelayWeeks = sampler.logNormal(traits.helpSeekingDelayWeeks(), random);
        final double chronicity = traits.resistancePerYearUntreated() * Math.log1p(helpSeekingDelayWeeks / 52.0);
        this.resistance = Math.min(1.0, sampler.beta(traits.resistance(), random) + chronicity);
        this.allianceCapacity = sampler.beta(traits.allianceCapacity(), random);
        this.allianceCapacityLogit = AllianceProcess.capacityLogit(allianceCapacity);
        this.quickFixSeeker = random.nextDouble() < traits.quickFixShare();
        this.noShowPropensity = sampler.beta(traits.noShow(), random);
        this.priceSensitivity = sampler.logNormal(traits.priceSensitivity(), random);
        this.employed = random.nextDouble() < traits.employmentRate();
        // Drawn for everyone, so that the employment rate does not shift the draws that follow.
        final double wage = sampler.logNormal(traits.weeklyWage(), random);
        this.weeklyWage = employed ? wage : 0.0;
        this.goodEnough = sampler.beta(traits.goodEnough(), random);
        this.therapistPreference = random.nextDouble();
        this.score = sampler.truncatedNormal(condition.baselineMean(),
                Questionnaire.trueSd(condition.baselineSd(), measure.errorSd()), 0, measure.max(), random);
        // Drawn last, and only when it varies, so that scenarios without it keep their random sequence.
        this.responsiveness = traits.responsiveness().sigma() > 0 ? sampler.logNormal(traits.responsiveness(), random)
                : traits.responsiveness().median();
        // Likewise drawn only when a class other than the typical one can occur.
        final boolean classes = traits.responseClasses().nonResponderShare() > 0
                || traits.responseClasses().lateResponderShare() > 0 || traits.responseClasses().fastResponderShare() > 0;
        this.responseKind = sim.response().kind(classes ? random.nextDouble() : 1.0);
    }

    private static Condition pickCondition(final TherapySim sim, final double u) {
        double cumulative = 0.0;
        for (final Condition c : sim.scenario().conditions()) {
            cumulative += c.share();
            if (u < cumulative) {
                return c;
            }
        }
        return sim.scenario().conditions().get(sim.scenario().conditions().size() - 1);
    }

    /**
     * Begins an episode at {@code week}: the patient is assessed and decides whether to start (the
     * price); one who starts books the first appointment (joins the waiting list) at once or
     * hesitates (see {@link #decideBooking}).
     */
    void beginEpisode(final int week) {
        if (account == null) {
            account = new HealthAccount(week, sim.accountTerms(condition.measure()), weeklyWage);
        }
        episode++;
        // Drawn only when readings have an error, so that scenarios without it keep their random sequence.
        measured(measure.errorSd() > 0 ? random.nextGaussian() : 0.0);
        current = sim.episodePool().take(week, read());
        therapist = null;
        current.transferredFrom = null;
        current.assignments = 0;
        // A relapse may begin in a new plan year: the price seen at the start uses that year's ledger.
        ledger.rollOver(week);
        final double uStart = random.nextDouble();
        if (uStart >= startProbability()) {
            end(EndReason.DECLINED, week);
            return;
        }
        drawWeek();
        decideBooking(week);
        sim.caseload().add(this);
    }

    /**
     * Whether a patient who has decided to start books the first appointment at the start of
     * {@code week} (before the week's matching), with the {@link HelpSeeking} probability at the
     * current score. The decision uses the week's {@code uDecision}: the draw of the waiting list's
     * give-up, the self-pay decision and the review decision, none of which a week of hesitation
     * uses. A patient who books may meet one of those in the same week; given {@code uDecision < p},
     * {@code uDecision / p} is again uniform on [0, 1) and independent of the booking, so it is
     * rescaled for them (unchanged when p is 1, where everyone books at once as before hesitation
     * was modelled). The others hesitate.
     */
    private void decideBooking(final int week) {
        final HelpSeeking help = sim.helpSeeking();
        final double p = help.bookingProbability(score, measure.max(), help.fear(helpSeekingDelayWeeks));
        if (current.uDecision >= p) {
            phase = Phase.HESITATING;
            return;
        }
        current.uDecision /= p;
        current.bookedWeek = week;
        phase = Phase.WAITING;
        sim.clinic().enqueue(this);
    }

    /**
     * Probability that a treatment-seeker starts an episode, given what the first in-network
     * session would cost them under the plan now (deductible, copay, coinsurance, out-of-pocket
     * maximum): {@code exp(-startPricePer100 x sensitivity x price / 100)}.
     */
    private double startProbability() {
        final double price = sim.plan().preview(ledger, true, sim.scenario().workforce().fee()).patient();
        return Math.exp(-access().startPricePer100() * priceSensitivity * price / 100.0);
    }

    private void drawWeek() {
        current.uCancel = random.nextDouble();
        current.uNoShow = random.nextDouble();
        current.uError = random.nextDouble();
        current.uRupture = random.nextDouble();
        current.uRepair = random.nextDouble();
        current.uDropout = random.nextDouble();
        current.uDecision = random.nextDouble();
        current.uNetwork = random.nextDouble();
        current.uHarm = random.nextDouble();
        current.uAgree = random.nextDouble();
        current.uNotHelped = random.nextDouble();
        current.zSymptom = random.nextGaussian();
        if (measure.errorSd() > 0) {
            current.zReading = random.nextGaussian();
        }
    }

    /** Reads a word of each object a week uses, so that they are in cache (see {@link Caseload}). */
    int touch() {
        return (current == null ? 0 : current.sessions) + ledger.touch() + account.touch() + phase.ordinal();
    }

    /** Lives through {@code week} of an episode under way (called by the {@link Caseload}). */
    void week(final int week) {
        sim.countPatientWeek();
        if (ledger.rollOver(week) && sim.plan().capPeriod() == CapPeriod.PLAN_YEAR) {
            current.extraGranted = 0;
        }
        accrueWeeklyCosts();
        account.week(week, score, condition.naturalImprovementPerWeek());
        switch (phase) {
            case HESITATING -> hesitatingWeek(week);
            case WAITING -> waitingWeek(week);
            case AUTHORIZING -> {
                if (week < current.resumeWeek) {
                    // Matched but not yet seen: the patient may give up as on the waiting list.
                    waitingWeek(week);
                } else {
                    phase = Phase.IN_TREATMENT;
                    treatmentWeek(week);
                }
            }
            case REVIEW_PENDING -> {
                if (week < current.resumeWeek) {
                    untreatedWeek();
                    leaveWhileReviewPending(week);
                } else if (!current.reviewApproved) {
                    endWithoutSession(EndReason.REVIEW_DENIED, week);
                } else {
                    phase = Phase.IN_TREATMENT;
                    treatmentWeek(week);
                }
            }
            case IN_TREATMENT -> treatmentWeek(week);
            default -> throw new IllegalStateException("unknown phase " + phase);
        }
        if (phase != Phase.ENDED) {
            drawWeek();
            // After a week of hesitation the patient decides again, on the next week's draws, so that
            // one who books is on the list for the next week's matching (none after the last week).
            if (phase == Phase.HESITATING && week + 1 < sim.horizon()) {
                decideBooking(week + 1);
            }
        }
    }

    private void accrueWeeklyCosts() {
        if (employed) {
            current.productivityLoss += account.productivityLoss(score);
        }
        current.medicalCost += account.medicalCost(score);
    }

    /**
     * A week of hesitation before booking: the untreated course, and giving up the idea of care
     * with the waiting list's weekly probability. The give-up is drawn on {@code uCancel} (the
     * therapist's cancellation, unused in a week without a session), as {@code uDecision} decides
     * the booking.
     */
    private void hesitatingWeek(final int week) {
        untreatedWeek();
        if (current.uCancel < access().giveUpPerWeek()) {
            end(EndReason.NOT_BOOKED, week);
        }
    }

    private void waitingWeek(final int week) {
        untreatedWeek();
        if (current.uDecision < sim.scenario().dynamics().access().giveUpPerWeek()) {
            end(EndReason.GAVE_UP_WAITING, week);
        }
    }

    private void untreatedWeek() {
        untreatedWeek(current.zSymptom);
    }

    /** A week of the untreated course with the symptom draw {@code z}. */
    private void untreatedWeek(final double z) {
        score = sim.symptoms().untreated(score, condition.naturalImprovementPerWeek(), z, measure.max());
    }

    private void treatmentWeek(final int week) {
        if (!atCap() && reviewDue()) {
            requestReview(week);
            return;
        }
        if (atCap()) {
            final AtCapRule rule = sim.plan().atCap();
            if (rule == AtCapRule.STOP) {
                endWithoutSession(EndReason.CAP_REACHED, week);
                return;
            }
            if (rule == AtCapRule.REVIEW) {
                requestReview(week);
                return;
            }
            if (rule == AtCapRule.SWITCH_THERAPIST) {
                if (current.capSwitches >= sim.plan().spec().sessionCap().maxSwitches()) {
                    endWithoutSession(EndReason.CAP_REACHED, week);
                    return;
                }
                current.capSwitches++;
                current.extraGranted += sim.plan().spec().sessionCap().switchSessions();
                if (!sim.clinic().transfer(this)) {
                    untreatedWeek();
                    return;
                }
            } else if (rule == AtCapRule.SELF_PAY) {
                if (!current.selfPayDecided) {
                    current.selfPayDecided = true;
                    final double p = Math.exp(-access().selfPayPricePer100() * priceSensitivity * therapist.getFee() / 100.0);
                    current.selfPaying = current.uDecision < p;
                }
                if (!current.selfPaying) {
                    endWithoutSession(EndReason.CAP_REACHED, week);
                    return;
                }
            }
        }
        session(week);
    }

    private void session(final int week) {
        final boolean selfPay = atCap() && current.selfPaying;
        if (current.uCancel < therapist.getCancellation()) {
            current.cancellations++;
            current.pendingTherapistError = true;
            untreatedWeek();
            return;
        }
        final double price = selfPay ? therapist.getFee()
                : sim.plan().preview(ledger, therapist.isInNetwork(), therapist.getFee()).patient();
        final double pNoShow = Math.min(0.95, noShowPropensity
                * (1 + access().noShowWeakAllianceWeight() * (1 - alliance))
                * (1 + access().noShowPricePer100() * priceSensitivity * price / 100.0));
        if (current.uNoShow < pNoShow) {
            current.noShows++;
            alliance = sim.alliance().afterMissedSession(alliance);
            untreatedWeek();
            checkDropout(week, true, price);
            return;
        }
        attend(week, selfPay);
        if (phase == Phase.ENDED) {
            return;
        }
        checkDropout(week, false, price);
    }

    private void attend(final int week, final boolean selfPay) {
        final Payment payment = selfPay ? sim.plan().selfPaySession(ledger, therapist.getFee())
                : sim.plan().planSession(ledger, therapist.isInNetwork(), therapist.getFee());
        current.sessions++;
        current.sessionsWithTherapist++;
        if (week < 52) {
            firstYearVisits++;
        }
        if (current.firstSessionWeek < 0) {
            current.firstSessionWeek = week;
        }
        if (payment.planPaid()) {
            current.planPaid++;
        } else {
            current.selfPaid++;
        }
        current.payerCost += payment.payer();
        current.patientCost += payment.patient();
        account.session(week, payment.payer(), payment.patient());

        final AllianceProcess process = sim.alliance();
        final boolean error = current.pendingTherapistError || current.uError < therapist.getErrorRate();
        current.pendingTherapistError = false;
        current.ceiling = process.ceilingOfLogit(allianceCapacityLogit, therapist.getAllianceSkill(), improvement());
        alliance = process.grow(alliance, current.ceiling);
        boolean rupture = false;
        boolean repaired = false;
        if (current.uRupture < process.ruptureProbability(resistance, error, alliance)) {
            rupture = true;
            current.ruptures++;
            lastRuptureWeek = week;
            if (current.uRepair < process.repairProbability(therapist.getRepairSkill(), resistance, therapist.isUsesFeedback(),
                    improvement())) {
                repaired = true;
                current.repairs++;
                lastRepairWeek = week;
                alliance = process.repaired(alliance);
            } else {
                alliance = process.unrepaired(alliance);
                current.unrepairedSessionsLeft = process.unrepairedEffectSessions();
            }
        } else if (current.unrepairedSessionsLeft > 0) {
            current.unrepairedSessionsLeft--;
        }
        final HarmfulCourse harm = sim.harm();
        if (!current.harmful
                && current.uHarm < harm.onsetProbability(therapist.getHarmfulCourseRisk(), current.unrepairedSessionsLeft > 0)) {
            current.harmful = true;
        }
        if (current.harmful) {
            score = harm.worsened(score, sim.symptoms().sessionNoise(current.zSymptom), measure.max());
            alliance = harm.erodedAlliance(alliance);
        } else {
            final double response = responsiveness * sim.response().effect(responseKind, current.sessions);
            final double working = AllianceProcess.working(alliance, current.ceiling, current.workingCeiling);
            score = sim.symptoms().afterSession(score, working * response, resistance, therapist.specificEffect(),
                    therapist.isUsesFeedback(), current.zSymptom, measure.max());
        }
        resistance = process.softenedResistance(resistance, alliance);
        current.allianceSum += alliance;

        measured(current.zReading);
        final int observed = read();
        if (current.sessionsToReliableImprovement < 0 && current.baseline - observed >= measure.reliableChange()) {
            current.sessionsToReliableImprovement = current.sessions;
        }
        sim.log().session(this, week, observed, alliance, rupture, repaired);

        final EndingAgreement agreement = sim.endings();
        final double goal = EndingAgreement.goalScore(current.baseline, measure.max(), measure.caseness(), measure.reliableChange(),
                goodEnough);
        if (current.uAgree < agreement.plannedProbability(current.sessions, observed, current.baseline, goal)) {
            end(EndReason.PLANNED, week);
        } else if (current.uNotHelped < agreement.notHelpedProbability(current.sessions,
                current.baseline - observed >= measure.reliableChange())) {
            end(EndReason.NOT_HELPED, week);
        }
    }

    private void checkDropout(final int week, final boolean missed, final double price) {
        if (current.uDropout < dropoutProbability(missed, price, DropoutHazard.Week.SESSION)) {
            end(EndReason.DROPOUT, week);
        }
    }

    /**
     * A week without sessions while a review decision is pending: the patient may leave, at the
     * dropout hazard of the week plus the review term, at the price the next session would cost.
     */
    private void leaveWhileReviewPending(final int week) {
        final double price = sim.plan().preview(ledger, therapist.isInNetwork(), therapist.getFee()).patient();
        if (current.uDropout < dropoutProbability(false, price, DropoutHazard.Week.REVIEW_PENDING)) {
            end(EndReason.DROPOUT, week);
        }
    }

    private double dropoutProbability(final boolean missed, final double price, final DropoutHazard.Week kind) {
        return sim.dropout().probability(current.sessions, current.sessionsWithTherapist, alliance,
                current.unrepairedSessionsLeft > 0, quickFixSeeker, improvement(), price, priceSensitivity,
                therapist.isTrainee(), missed, therapist.isUsesFeedback(), kind);
    }

    private boolean reviewDue() {
        final ReviewSpec review = sim.plan().review();
        return review.enabled() && current.planPaid >= current.nextReviewAt(review);
    }

    private boolean atCap() {
        if (!sim.plan().capped()) {
            return false;
        }
        final int used = sim.plan().capPeriod() == CapPeriod.PLAN_YEAR ? ledger.planSessions() : current.planPaid;
        return used >= sim.plan().cap() + current.extraGranted;
    }

    /**
     * Asks the payer for more sessions, because a review falls due or the cap is reached (or both).
     * The decision arrives after the review delay; meanwhile there are no sessions.
     */
    private void requestReview(final int week) {
        final ReviewSpec review = sim.plan().review();
        final boolean periodic = reviewDue();
        final boolean capped = atCap() && sim.plan().atCap() == AtCapRule.REVIEW;
        current.reviews++;
        current.adminCost += review.adminCost();
        account.admin(week, review.adminCost());
        current.reviewApproved = current.uDecision < sim.plan().approvalProbability(score + readingError, measure.max(), current.baseline);
        if (current.reviewApproved) {
            if (periodic) {
                current.reviewsPassed++;
            }
            if (capped) {
                current.extraGranted += review.extraSessions();
            }
        }
        current.resumeWeek = week + review.delayWeeks();
        if (review.delayWeeks() > 0) {
            phase = Phase.REVIEW_PENDING;
            untreatedWeek();
            leaveWhileReviewPending(week);
        } else if (!current.reviewApproved) {
            endWithoutSession(EndReason.REVIEW_DENIED, week);
        } else {
            treatmentWeek(week);
        }
    }

    /** Called by the clinic when a therapist takes the patient on. */
    void assign(final Therapist newTherapist, final int week) {
        final boolean firstOfEpisode = current.therapistId < 0;
        if (!firstOfEpisode) {
            current.switches++;
        }
        therapist = newTherapist;
        current.transferredFrom = null;
        current.assignments++;
        current.sessionsWithTherapist = 0;
        current.therapistId = newTherapist.getId();
        current.orientation = newTherapist.getOrientation();
        current.outOfNetwork |= !newTherapist.isInNetwork();
        current.ceiling = AllianceProcess.ceiling(allianceCapacity, newTherapist.getAllianceSkill());
        current.workingCeiling = sim.alliance().workingCeiling(allianceCapacity,
                sim.scenario().patients().allianceCapacity().mean(), newTherapist.getAllianceSkill());
        alliance = sim.alliance().start(current.ceiling);
        if (firstOfEpisode && sim.plan().spec().priorAuthorization().enabled()) {
            current.adminCost += sim.plan().spec().priorAuthorization().adminCost();
            account.admin(week, sim.plan().spec().priorAuthorization().adminCost());
            current.resumeWeek = week + sim.plan().spec().priorAuthorization().delayWeeks();
            phase = current.resumeWeek > week ? Phase.AUTHORIZING : Phase.IN_TREATMENT;
        } else {
            phase = Phase.IN_TREATMENT;
        }
    }

    /** Called by the clinic when the patient loses the therapist and waits for another. */
    void detachForTransfer() {
        current.transferredFrom = therapist;
        therapist = null;
        phase = Phase.WAITING;
    }

    /** @return the therapist a patient waiting to be switched has left, who must not take them back; or null */
    Therapist transferredFrom() {
        return current.transferredFrom;
    }

    /** @return the preference draw used to choose among free therapists (different for each assignment) */
    double therapistChoice() {
        final double u = therapistPreference + current.assignments * GOLDEN;
        return u - Math.floor(u);
    }

    /**
     * Whether a waiting patient takes a free out-of-network slot this week: a share of patients
     * accept each week, fewer the more the extra price per session.
     */
    boolean acceptsOutOfNetwork(final double extraPrice) {
        final double p = access().outOfNetworkAcceptance()
                * Math.exp(-access().selfPayPricePer100() * priceSensitivity * Math.max(0.0, extraPrice) / 100.0);
        return current.uNetwork < p;
    }

    /**
     * Ends the episode in a week without a session (at the cap, or on a denied review): the record
     * keeps the last session's score, and the week then follows the untreated course like every
     * other week without a session, so that the weeks after the episode go on from there.
     */
    private void endWithoutSession(final EndReason reason, final int week) {
        final double z = current.zSymptom;
        end(reason, week);
        untreatedWeek(z);
    }

    /** Ends the episode at {@code week} for {@code reason}. */
    void end(final EndReason reason, final int week) {
        phase = Phase.ENDED;
        if (therapist != null) {
            sim.clinic().release(therapist);
        }
        final Episode ended = current;
        final int endScore = read();
        // A declining treatment-seeker is not stepped in the week of the decision, so the untreated
        // course counts that week too; every other ending comes at the end of a week lived.
        untreatedSince = reason == EndReason.DECLINED ? week : week + 1;
        // One draw decides what follows an ending below caseness (relapse) or at or above it (return).
        Boolean relapsed = null;
        Boolean returned = null;
        Integer weeksToNext = null;
        if (reason != EndReason.HORIZON && endScore < measure.caseness()) {
            if (ended.sessions > 0) {
                final RelapseHazard relapse = sim.relapse();
                final int weeks = relapse.weeksToRelapse(reason == EndReason.PLANNED,
                        relapse.residual(endScore, measure.caseness()), random.nextDouble());
                relapsed = (long) week + weeks < sim.horizon();
                if (relapsed) {
                    relapseDue = true;
                    weeksToNext = weeks;
                    sim.referral().beginEpisodeAt(this, week + weeks);
                }
            }
        } else if (reason != EndReason.HORIZON) {
            final long at = returnWeek(reason, week, random.nextDouble());
            returned = at < sim.horizon();
            if (returned) {
                relapseDue = false;
                weeksToNext = (int) at - week;
                sim.referral().beginEpisodeAt(this, (int) at);
            }
        }
        final EpisodeRecord row = record(ended, reason, week, endScore, relapsed, returned, weeksToNext);
        // The record holds what is kept of the episode; its running state goes back to the pool.
        current = null;
        lastSessions = ended.sessions;
        lastPayerCost = ended.payerCost;
        sim.episodePool().give(ended);
        lastEnd = reason;
        lastRecovered = row.recovered();
        if (row.endedRecovered()) {
            account.recovery(week);
        }
        sim.log().episode(row);
        therapist = null;
    }

    /**
     * The week a patient who ended at or above caseness in {@code week} seeks care again, from the
     * draw {@code u} (see {@link ReturnToCare}); when the plan's cap counts per plan year and this
     * year's plan-paid sessions are used up, a return before the next plan year waits for it.
     *
     * @return the week, or {@link Integer#MAX_VALUE} when it falls after the horizon
     */
    private long returnWeek(final EndReason reason, final int week, final double u) {
        final int weeks = sim.returnToCare().weeksToReturn(reason, score, measure.caseness(),
                condition.naturalImprovementPerWeek(), u, sim.horizon() - 1 - week);
        if (weeks == Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        final long at = (long) week + weeks;
        final BenefitPlan plan = sim.plan();
        if (plan.capped() && plan.capPeriod() == CapPeriod.PLAN_YEAR && ledger.planSessions() >= plan.cap()) {
            return Math.max(at, PlanYearLedger.nextYearStart(week));
        }
        return at;
    }

    /**
     * Begins the episode of a relapse or a return to care in {@code week} (called by the
     * {@link Referral}). Until then the score followed the expected untreated course. A relapse
     * draws a new assessment score at or above caseness; a returning patient keeps the score the
     * untreated course has reached.
     */
    void beginScheduledEpisode(final int week) {
        final double natural = condition.naturalImprovementPerWeek();
        account.untreatedUntil(week, score, natural);
        if (relapseDue) {
            score = sim.sampler().truncatedNormal(condition.baselineMean(), condition.baselineSd(), measure.caseness(),
                    measure.max(), random);
        } else {
            score *= Math.pow(1 - natural, week - untreatedSince);
        }
        beginEpisode(week);
    }

    /**
     * @param weeksToNext weeks from the ending to the relapse or return that follows it before the
     *     horizon, or null when none does
     */
    private EpisodeRecord record(final Episode e, final EndReason reason, final int week, final int endScore,
            final Boolean relapsed, final Boolean returned, final Integer weeksToNext) {
        final boolean started = e.sessions > 0;
        final boolean caseAtStart = e.baseline >= measure.caseness();
        final Boolean reliableImprovement = started ? e.baseline - endScore >= measure.reliableChange() : null;
        final Boolean recovered = started && caseAtStart ? endScore < measure.caseness() : null;
        return new EpisodeRecord(id, episode, condition.name(), e.therapistId < 0 ? null : e.therapistId,
                e.orientation, e.arrivalWeek, e.bookedWeek < 0 ? null : e.bookedWeek,
                e.firstSessionWeek < 0 ? null : e.firstSessionWeek, week, e.sessions, e.planPaid, e.selfPaid,
                e.sessionsToReliableImprovement < 0 ? null : e.sessionsToReliableImprovement, reason,
                e.baseline, started ? endScore : null, caseAtStart, reliableImprovement, recovered,
                recovered == null ? null : recovered && reliableImprovement,
                started ? endScore - e.baseline >= measure.reliableChange() : null, relapsed, returned,
                Boolean.TRUE.equals(relapsed) ? weeksToNext : null, Boolean.TRUE.equals(returned) ? weeksToNext : null,
                Math.max(0, sim.horizon() - 1 - week),
                started ? e.allianceSum / e.sessions : null, started ? alliance : null, e.ruptures, e.repairs,
                e.switches, e.noShows, e.cancellations, e.reviews, e.outOfNetwork, e.payerCost, e.patientCost,
                e.adminCost, e.productivityLoss, e.medicalCost);
    }

    private double improvement() {
        return current.baseline > 0 ? (current.baseline - read()) / (double) current.baseline : 0.0;
    }

    private AccessBehaviour access() {
        return sim.scenario().dynamics().access();
    }

    private static int observed(final double score) {
        return (int) Math.round(score);
    }

    /** A measurement (the assessment or a session) with the standard normal draw {@code z}: its error holds until the next. */
    private void measured(final double z) {
        readingError = measure.errorSd() * z;
    }

    /** @return the questionnaire reading of the current score, with the last measurement's error */
    private int read() {
        return Questionnaire.reading(score, readingError, measure.max());
    }

    /**
     * Counts the rest of the evaluation horizon (the expected untreated course from the last
     * score) and adds the patient's totals to {@code sum}. Call once, after the last week.
     */
    void closeAccount(final double[] sum) {
        account.untreatedUntil(account.endWeek(), score, condition.naturalImprovementPerWeek());
        account.addTo(sum);
    }

    /** @return the patient's evaluation over the horizon; call after {@link #closeAccount} */
    PatientEvaluation evaluation() {
        final double[] totals = new double[EconomicTotals.FIELDS];
        account.addTo(totals);
        return PatientEvaluation.of(id, condition.name(), employed, weeklyWage, episode, totals);
    }

    /** @return sessions attended in weeks 0-51, over all episodes */
    int firstYearVisits() {
        return firstYearVisits;
    }

    /** @return identifier, stable across benefit designs */
    public int getId() {
        return id;
    }

    /** @return the current episode number (1 = first) */
    public int getEpisode() {
        return episode;
    }

    /** @return the current phase */
    public Phase getPhase() {
        return phase;
    }

    /** @return the presenting condition */
    public String getCondition() {
        return condition.name();
    }

    /** @return the current questionnaire score (continuous) */
    public double getScore() {
        return score;
    }

    /** @return the current score as a share of the questionnaire's maximum (0 none, 1 most severe) */
    public double getSeverity() {
        return score / measure.max();
    }

    /** @return whether the current score is at or above the questionnaire's caseness cut-off */
    public boolean isCase() {
        return observed(score) >= measure.caseness();
    }

    /** @return the week of the last rupture in the alliance, or -1 */
    public int getLastRuptureWeek() {
        return lastRuptureWeek;
    }

    /** @return the week of the last repaired rupture, or -1 */
    public int getLastRepairWeek() {
        return lastRepairWeek;
    }

    /** @return how the last episode ended, or null while the first is under way */
    public EndReason getLastEndReason() {
        return lastEnd;
    }

    /** @return whether the last episode ended in recovery (null when recovery does not apply) */
    public Boolean getLastRecovered() {
        return lastRecovered;
    }

    /** @return plan payments for sessions in the current (or last) episode */
    public double getEpisodePayerCost() {
        return current == null ? lastPayerCost : current.payerCost;
    }

    /** @return the current alliance on [0, 1] */
    public double getAlliance() {
        return alliance;
    }

    /** @return the current resistance on [0, 1] */
    public double getResistance() {
        return resistance;
    }

    /** @return the therapist, or null when none */
    public Therapist getTherapist() {
        return therapist;
    }

    /** @return sessions attended in the current (or last) episode */
    public int getSessions() {
        return current == null ? lastSessions : current.sessions;
    }

    /** @return weeks between onset and the first call */
    public double getHelpSeekingDelayWeeks() {
        return helpSeekingDelayWeeks;
    }

    /** @return whether the patient expects a quick fix */
    public boolean isQuickFixSeeker() {
        return quickFixSeeker;
    }

    /**
     * @return the patient's response class: typical, late (no effect until a late onset),
     *     non_responder (little or no effect) or fast (a faster rate from the first session)
     */
    public String getResponseClass() {
        return responseKind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the patient's good-enough level, as a share of the measure's range */
    public double getGoodEnough() {
        return goodEnough;
    }

    /**
     * The running totals of the current episode, and what lives only while an episode is under
     * way: the week's draws, the alliance's ceilings with the current therapist, the waits for an
     * authorization or a review. A patient out of an episode holds none of it; the objects of
     * ended episodes are reused for the next (see {@link EpisodePool}).
     */
    private static final class Episode {
        private int arrivalWeek;
        private int baseline;
        /** The week of the first matching the patient took part in (booked the first appointment), or -1. */
        private int bookedWeek;
        private int firstSessionWeek;
        private int therapistId;
        private String orientation;
        private int sessions;
        private int sessionsWithTherapist;
        private int planPaid;
        private int selfPaid;
        private int sessionsToReliableImprovement;
        private boolean harmful;
        private int ruptures;
        private int repairs;
        private int switches;
        private int capSwitches;
        private int noShows;
        private int cancellations;
        private int reviews;
        private int reviewsPassed;
        private int extraGranted;
        private int unrepairedSessionsLeft;
        private boolean pendingTherapistError;
        private boolean selfPayDecided;
        private boolean selfPaying;
        private boolean outOfNetwork;
        private double allianceSum;
        private double payerCost;
        private double patientCost;
        private double adminCost;
        private double productivityLoss;
        private double medicalCost;

        // The week's draws, taken at the end of the previous step so that matching can use them.
        private double uCancel;
        private double uNoShow;
        private double uError;
        private double uRupture;
        private double uRepair;
        private double uDropout;
        private double uDecision;
        private double uNetwork;
        private double uHarm;
        private double uAgree;
        private double uNotHelped;
        private double zSymptom;
        private double zReading;

        private double ceiling;
        /** Ceiling of the alliance that drives change, with the current therapist. */
        private double workingCeiling;
        /** The therapist left at the cap while waiting for another (switch_therapist), or null. */
        private Therapist transferredFrom;
        private int resumeWeek;
        private boolean reviewApproved;
        private int assignments;

        /** Sets every field as a new episode beginning in {@code week} at the {@code baseline} score has it. */
        private void begin(final int week, final int baselineScore) {
            arrivalWeek = week;
            baseline = baselineScore;
            bookedWeek = -1;
            firstSessionWeek = -1;
            therapistId = -1;
            orientation = null;
            sessions = 0;
            sessionsWithTherapist = 0;
            planPaid = 0;
            selfPaid = 0;
            sessionsToReliableImprovement = -1;
            harmful = false;
            ruptures = 0;
            repairs = 0;
            switches = 0;
            capSwitches = 0;
            noShows = 0;
            cancellations = 0;
            reviews = 0;
            reviewsPassed = 0;
            extraGranted = 0;
            unrepairedSessionsLeft = 0;
            pendingTherapistError = false;
            selfPayDecided = false;
            selfPaying = false;
            outOfNetwork = false;
            allianceSum = 0;
            payerCost = 0;
            patientCost = 0;
            adminCost = 0;
            productivityLoss = 0;
            medicalCost = 0;
            uCancel = 0;
            uNoShow = 0;
            uError = 0;
            uRupture = 0;
            uRepair = 0;
            uDropout = 0;
            uDecision = 0;
            uNetwork = 0;
            uHarm = 0;
            uAgree = 0;
            uNotHelped = 0;
            zSymptom = 0;
            zReading = 0;
            ceiling = 0;
            workingCeiling = 0;
            transferredFrom = null;
            resumeWeek = 0;
            reviewApproved = false;
            assignments = 0;
        }

        /** Plan-paid sessions after which the next review falls due. */
        int nextReviewAt(final ReviewSpec review) {
            return review.atSession() + reviewsPassed * review.extraSessions();
        }
    }

    /**
     * The states of ended episodes, kept for the episodes that begin later in the same
     * replication, so that a population whose episodes begin and end week after week makes no
     * garbage of them. At most {@link #KEPT} are kept: a closed cohort begins every episode in its
     * first week, and keeping all of them once they end would hold that peak until the end.
     * One per simulation, used by its thread only.
     */
    static final class EpisodePool {
        /** Free states kept, at most: far more than a week's endings in the shipped scenarios (about a hundred in the baseline). */
        private static final int KEPT = 4096;
        private final Episode[] free = new Episode[KEPT];
        private int size;

        private Episode take(final int week, final int baseline) {
            final Episode e;
            if (size == 0) {
                e = new Episode();
            } else {
                e = free[--size];
                free[size] = null;
            }
            e.begin(week, baseline);
            return e;
        }

        private void give(final Episode e) {
            if (size < KEPT) {
                free[size++] = e;
            }
        }
    }

    /** @return what the patient would pay for the next session in network */
    double inNetworkPrice() {
        return sim.plan().preview(ledger, true, 0.0).patient();
    }

    /** @return what the patient would pay for the next session with this out-of-network therapist */
    double outOfNetworkPrice(final Therapist candidate) {
        return sim.plan().preview(ledger, false, candidate.getFee()).patient();
    }
}

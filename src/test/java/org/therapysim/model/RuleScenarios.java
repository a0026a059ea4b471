package org.therapysim.model;

import java.util.ArrayList;
import java.util.List;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Scenario;

/**
 * Closed cohorts in which the course of every patient follows from the plan's rules alone: each
 * patient starts, books the first appointment at once (a booking logit of 50 is a probability of 1
 * in double precision), attends a session every week (no cancellation, no no-show), never drops out,
 * never ends by plan, never gives up waiting, never relapses and never returns to care. Prices move
 * no decision, and an in-network session is allowed $100, so that cost sharing can be worked by hand.
 */
final class RuleScenarios {
    /** The allowed amount of an in-network session in these cohorts. */
    static final double ALLOWED = 100.0;
    /** The therapists' fee (the defaults' $150). */
    static final double FEE = 150.0;

    private static final List<String> DETERMINISTIC = List.of(
            "plan.allowedAmount=100",
            "workforce.cancellation.mean=1e-9", "workforce.cancellation.sd=0",
            "patients.noShow.mean=1e-9", "patients.noShow.sd=0",
            "dynamics.dropout.baseLogit=-20", "dynamics.dropout.earlyLogit=0",
            "dynamics.dropout.weakAllianceLogit=0", "dynamics.dropout.unrepairedRuptureLogit=0",
            "dynamics.dropout.quickFixLogit=0", "dynamics.dropout.pricePer100Logit=0",
            "dynamics.dropout.traineeLogit=0", "dynamics.dropout.missedSessionLogit=0",
            "dynamics.ending.minSessions=500",
            "patients.responseClasses.nonResponderShare=0", "patients.responseClasses.lateResponderShare=0",
            "patients.responseClasses.fastResponderShare=0",
            "workforce.harmfulCourseRisk.mean=0", "workforce.harmfulCourseRisk.sd=0",
            "dynamics.access.giveUpPerWeek=0", "dynamics.access.startPricePer100=0",
            "dynamics.access.noShowPricePer100=0", "dynamics.access.selfPayPricePer100=0",
            "dynamics.relapse.oneYearRisk=0", "dynamics.returnToCare.oneYearProbability=0",
            "dynamics.helpSeeking.bookingLogit=50");

    private RuleScenarios() {
    }

    /**
     * @return a closed cohort of {@code n} patients followed for {@code weeks}, on enough
     *     therapists to take everyone at once and to leave room for transfers, with the
     *     deterministic settings above and then {@code overrides}
     */
    static Scenario deterministic(final int n, final int weeks, final String... overrides) {
        final List<String> all = new ArrayList<>(DETERMINISTIC);
        all.add("workforce.therapists=" + (n / 25 + 3));
        all.addAll(List.of(overrides));
        return TestScenarios.cohort(n, weeks, all.toArray(String[]::new));
    }

    /** @return the episodes of one replication */
    static List<EpisodeRecord> episodes(final Scenario scenario, final long seed) {
        return TestScenarios.run(scenario, seed, false).episodes();
    }

    /** @return the standard error of a proportion {@code p} estimated from {@code n} draws */
    static double standardError(final double p, final int n) {
        return Math.sqrt(p * (1 - p) / n);
    }
}

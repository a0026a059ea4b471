package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decisions priced by the exponential form of docs/MODEL.md: starting an episode
 * ({@code exp(-startPricePer100 x sensitivity x price / 100)}, price the first in-network
 * session's patient share), continuing at one's own expense at the cap
 * ({@code exp(-selfPayPricePer100 x sensitivity x fee / 100)}) and taking an out-of-network slot
 * ({@code acceptance x exp(-selfPayPricePer100 x sensitivity x extra price / 100)}).
 *
 * <p>Every patient has the same price sensitivity (a log-normal with sigma 0 is its median), so
 * each decision is one Bernoulli draw with the formula's probability; the share observed in
 * {@value #N} patients must lie within 4.5 standard errors of it (a false alarm about once in
 * 150,000 runs; with a fixed seed the outcome is the same on every run).
 */
class PriceDecisionsTest {
    private static final int N = 3000;

    private static void assertShare(final double expected, final long count, final String why) {
        final double observed = count / (double) N;
        final double tolerance = 4.5 * RuleScenarios.standardError(expected, N);
        assertEquals(expected, observed, tolerance, why + ": " + count + " of " + N);
    }

    private static long started(final double sensitivity, final String... plan) {
        final String[] all = new String[plan.length + 3];
        all[0] = "patients.priceSensitivity.median=" + sensitivity;
        all[1] = "patients.priceSensitivity.sigma=0";
        all[2] = "dynamics.access.startPricePer100=0.8";
        System.arraycopy(plan, 0, all, 3, plan.length);
        final List<EpisodeRecord> episodes = RuleScenarios.episodes(RuleScenarios.deterministic(N, 1, all), 21);
        assertEquals(N, episodes.size());
        return episodes.stream().filter(e -> e.endReason() != EndReason.DECLINED).count();
    }

    @Test
    void freeCareDetersNoOne() {
        assertEquals(N, started(1.0, "plan.copay=0"));
        assertEquals(N, started(3.0, "plan.copay=20", "plan.outOfPocketMax=0"), "a maximum of 0 is free care");
    }

    @Test
    void theChanceOfStartingFallsExponentiallyWithTheFirstSessionsPrice() {
        // Copay 20: exp(-0.8 x 1 x 20 / 100) = exp(-0.16) = 0.852.
        assertShare(Math.exp(-0.16), started(1.0, "plan.copay=20"), "copay 20");
        // The same copay, sensitivity 2.5: exp(-0.8 x 2.5 x 0.2) = exp(-0.4) = 0.670.
        assertShare(Math.exp(-0.4), started(2.5, "plan.copay=20"), "copay 20, sensitivity 2.5");
        // Deductible 500 not met: the first session costs the allowed 100: exp(-0.8) = 0.449.
        assertShare(Math.exp(-0.8), started(1.0, "plan.copay=20", "plan.deductible=500"), "deductible");
        // The same with an out-of-pocket maximum of 50: the first session costs 50: exp(-0.4).
        assertShare(Math.exp(-0.4), started(1.0, "plan.copay=20", "plan.deductible=500", "plan.outOfPocketMax=50"),
                "deductible and maximum 50");
        // Deductible 30, then min(70, copay 10 + 25% x 70) = 27.5: 57.5, exp(-0.46) = 0.631.
        assertShare(Math.exp(-0.46), started(1.0, "plan.copay=10", "plan.deductible=30", "plan.coinsurance=0.25"),
                "deductible crossed at the first session");
    }

    @Test
    void atTheCapThePatientContinuesAtTheFullFeeWithTheSelfPayProbability() {
        // Cap 2 per episode: sessions in weeks 0 and 1; in week 2 the patient decides. Those who
        // continue self-pay weeks 2 and 3; the others end at the cap.
        for (final double[] c : new double[][] {{2.0, 150}, {1.0, 100}, {0.5, 150}}) {
            final double sensitivity = c[0];
            final double fee = c[1];
            final List<EpisodeRecord> episodes = RuleScenarios.episodes(RuleScenarios.deterministic(N, 4,
                    "patients.priceSensitivity.median=" + sensitivity, "patients.priceSensitivity.sigma=0",
                    "dynamics.access.selfPayPricePer100=0.7", "workforce.fee=" + fee, "plan.sessionCap.sessions=2",
                    "plan.sessionCap.per=episode", "plan.sessionCap.atCap=self_pay"), 22);
            long continued = 0;
            for (final EpisodeRecord e : episodes) {
                assertEquals(2, e.sessionsPlanPaid());
                if (e.sessionsSelfPaid() > 0) {
                    continued++;
                    assertEquals(2, e.sessionsSelfPaid());
                    assertEquals(EndReason.HORIZON, e.endReason());
                    // 2 x copay 20 + 2 x the fee
                    assertEquals(2 * 20 + 2 * fee, e.patientCost(), 1e-6);
                } else {
                    assertEquals(EndReason.CAP_REACHED, e.endReason());
                    assertEquals(2, e.endWeek());
                }
            }
            // exp(-0.7 x 2 x 150 / 100) = exp(-2.1) = 0.122; exp(-0.7 x 1 x 100 / 100) = exp(-0.7) = 0.497;
            // exp(-0.7 x 0.5 x 1.5) = exp(-0.525) = 0.592.
            assertShare(Math.exp(-0.7 * sensitivity * fee / 100), continued,
                    "sensitivity " + sensitivity + ", fee " + fee);
        }
    }

    @Test
    void anOutOfNetworkSlotIsTakenWithTheAcceptanceDiscountedByTheExtraPrice() {
        // No therapist in network. Out of network the patient pays 150 - 60% x 100 = 90 against a
        // copay of 20 in network: 70 more. 0.5 x exp(-0.7 x 1 x 70 / 100) = 0.5 x exp(-0.49) = 0.306.
        // Those who refuse wait; in a one-week run they never start.
        final List<EpisodeRecord> episodes = RuleScenarios.episodes(RuleScenarios.deterministic(N, 1,
                "patients.priceSensitivity.median=1", "patients.priceSensitivity.sigma=0",
                "dynamics.access.selfPayPricePer100=0.7", "dynamics.access.outOfNetworkAcceptance=0.5",
                "plan.network.inNetworkShare=0", "plan.copay=20"), 23);
        final long accepted = episodes.stream().filter(EpisodeRecord::started).count();
        assertTrue(episodes.stream().filter(EpisodeRecord::started).allMatch(EpisodeRecord::outOfNetwork));
        assertShare(0.5 * Math.exp(-0.49), accepted, "out-of-network slot taken");
    }
}

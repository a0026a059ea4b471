package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.AtCapRule;
import org.therapysim.scenario.CapPeriod;

/**
 * The payer's cost-sharing rules, session by session over a plan year and across the plan-year
 * boundary, worked by hand. Every plan here allows $100 a session, so each share is easy to follow.
 */
class PlanRulesTest {
    private static final double EPS = 1e-9;

    private static BenefitPlan plan(final String... overrides) {
        final String[] all = new String[overrides.length + 1];
        all[0] = "plan.allowedAmount=100";
        System.arraycopy(overrides, 0, all, 1, overrides.length);
        return new BenefitPlan(TestScenarios.defaults(all).plan());
    }

    /** Prices one in-network session, checks both shares, and returns nothing else to look at. */
    private static void session(final BenefitPlan plan, final PlanYearLedger ledger, final double patient,
            final String why) {
        final Payment p = plan.planSession(ledger, true, 150);
        assertEquals(patient, p.patient(), EPS, why);
        assertEquals(100 - patient, p.payer(), EPS, why + " (the plan pays the rest of $100)");
        assertTrue(p.planPaid(), why);
    }

    @Test
    void deductibleThenCoinsuranceAndCopayUntilTheOutOfPocketMaximumThenAgainInTheNextPlanYear() {
        final BenefitPlan plan = plan("plan.deductible=250", "plan.copay=10", "plan.coinsurance=0.2",
                "plan.outOfPocketMax=400");
        final PlanYearLedger ledger = new PlanYearLedger();
        ledger.rollOver(0);
        // Deductible 250 not met: the whole $100 goes to it.
        session(plan, ledger, 100, "session 1: deductible 0 -> 100");
        assertEquals(100, ledger.deductiblePaid(), EPS);
        assertEquals(100, ledger.outOfPocketPaid(), EPS);
        session(plan, ledger, 100, "session 2: deductible 100 -> 200");
        assertEquals(200, ledger.deductiblePaid(), EPS);
        // The session that crosses it: 50 to the deductible, then on the other 50
        // min(50, copay 10 + 20% x 50) = 20: 70 in all.
        session(plan, ledger, 70, "session 3: 50 deductible + 10 copay + 10 coinsurance");
        assertEquals(250, ledger.deductiblePaid(), EPS, "the deductible stops at 250");
        assertEquals(270, ledger.outOfPocketPaid(), EPS);
        // Deductible met: copay 10 + 20% of 100 = 30 a session.
        session(plan, ledger, 30, "session 4: 270 -> 300");
        assertEquals(250, ledger.deductiblePaid(), EPS, "nothing more goes to the deductible");
        session(plan, ledger, 30, "session 5: 300 -> 330");
        session(plan, ledger, 30, "session 6: 330 -> 360");
        session(plan, ledger, 30, "session 7: 360 -> 390");
        // Out-of-pocket maximum 400: only 10 is left of it.
        session(plan, ledger, 10, "session 8: 390 -> 400, the maximum");
        assertEquals(400, ledger.outOfPocketPaid(), EPS);
        session(plan, ledger, 0, "session 9: maximum reached, the plan pays all");
        assertEquals(400, ledger.outOfPocketPaid(), EPS);
        assertEquals(9, ledger.planSessions());
        // Still plan year 0 at week 51; plan year 1 starts at week 52 and resets everything.
        assertFalse(ledger.rollOver(51));
        session(plan, ledger, 0, "week 51 is still in the first plan year");
        assertTrue(ledger.rollOver(52));
        assertEquals(0, ledger.deductiblePaid(), 0.0);
        assertEquals(0, ledger.outOfPocketPaid(), 0.0);
        assertEquals(0, ledger.planSessions());
        session(plan, ledger, 100, "new plan year: deductible due again");
        session(plan, ledger, 100, "second session of the new year");
        session(plan, ledger, 70, "the deductible is crossed again on the third");
        assertFalse(ledger.rollOver(103), "week 103 is the last of plan year 1");
        assertEquals(3, ledger.planSessions());
    }

    @Test
    void previewPricesTheNextSessionWithoutRecordingIt() {
        final BenefitPlan plan = plan("plan.deductible=150", "plan.copay=20");
        final PlanYearLedger ledger = new PlanYearLedger();
        final Payment first = plan.preview(ledger, true, 150);
        assertEquals(100, first.patient(), EPS, "first session: all of it to the deductible");
        final Payment again = plan.preview(ledger, true, 150);
        assertEquals(100, again.patient(), EPS, "a preview leaves the ledger as it was");
        assertEquals(0, ledger.deductiblePaid(), 0.0);
        assertEquals(0, ledger.outOfPocketPaid(), 0.0);
        assertEquals(0, ledger.planSessions());
        plan.planSession(ledger, true, 150);
        // 50 of the deductible left, then min(50, copay 20) = 20 on the rest.
        assertEquals(70, plan.preview(ledger, true, 150).patient(), EPS);
        assertEquals(30, plan.preview(ledger, true, 150).payer(), EPS);
    }

    @Test
    void aCopayAboveWhatIsLeftOfTheAllowedAmountIsLimitedToIt() {
        // Copay 90 plus 20% coinsurance: after the deductible the share would be 90 + 20 = 110 > 100.
        final BenefitPlan plan = plan("plan.deductible=60", "plan.copay=90", "plan.coinsurance=0.2");
        final PlanYearLedger ledger = new PlanYearLedger();
        // Crossing: 60 deductible, then min(40, 90 + 8) = 40: the patient pays the whole 100.
        final Payment crossing = plan.planSession(ledger, true, 150);
        assertEquals(100, crossing.patient(), EPS);
        assertEquals(0, crossing.payer(), EPS);
        assertEquals(60, ledger.deductiblePaid(), EPS, "only 60 of it counts as deductible");
        // After: min(100, 90 + 20) = 100.
        assertEquals(100, plan.planSession(ledger, true, 150).patient(), EPS);
    }

    @Test
    void coinsuranceAloneIsItsShareOfTheAllowedAmount() {
        final BenefitPlan plan = plan("plan.copay=0", "plan.coinsurance=0.35");
        final PlanYearLedger ledger = new PlanYearLedger();
        // 35% of 100, every session, nothing to the deductible.
        assertEquals(35, plan.planSession(ledger, true, 150).patient(), EPS);
        assertEquals(65, plan.planSession(ledger, true, 150).payer(), EPS);
        assertEquals(0, ledger.deductiblePaid(), 0.0);
        assertEquals(70, ledger.outOfPocketPaid(), EPS);
    }

    @Test
    void aCopayAloneIsPaidEverySessionWithoutAMaximum() {
        final BenefitPlan plan = plan("plan.copay=25");
        final PlanYearLedger ledger = new PlanYearLedger();
        for (int k = 1; k <= 60; k++) {
            final Payment p = plan.planSession(ledger, true, 150);
            assertEquals(25, p.patient(), EPS, "session " + k);
            assertEquals(75, p.payer(), EPS, "session " + k);
        }
        assertEquals(60 * 25, ledger.outOfPocketPaid(), EPS);
        assertEquals(60, ledger.planSessions());
    }

    @Test
    void theOutOfPocketMaximumCanStopTheDeductibleItself() {
        // Maximum 150 below the deductible 500: 100, then 50, then nothing.
        final BenefitPlan plan = plan("plan.deductible=500", "plan.copay=10", "plan.outOfPocketMax=150");
        final PlanYearLedger ledger = new PlanYearLedger();
        assertEquals(100, plan.planSession(ledger, true, 150).patient(), EPS);
        assertEquals(50, plan.planSession(ledger, true, 150).patient(), EPS);
        assertEquals(0, plan.planSession(ledger, true, 150).patient(), EPS);
        assertEquals(100, plan.planSession(ledger, true, 150).payer(), EPS);
    }

    @Test
    void aZeroOutOfPocketMaximumMeansFreeCareAndTheShareIsNeverNegative() {
        final BenefitPlan free = plan("plan.copay=20", "plan.outOfPocketMax=0");
        final PlanYearLedger ledger = new PlanYearLedger();
        assertEquals(0, free.planSession(ledger, true, 150).patient(), EPS);
        // Payments beyond the maximum already on the ledger leave nothing (not a refund) to pay.
        final BenefitPlan capped = plan("plan.copay=20", "plan.outOfPocketMax=400");
        final PlanYearLedger over = new PlanYearLedger();
        over.record(0, 450, true);
        final Payment p = capped.preview(over, true, 150);
        assertEquals(0, p.patient(), 0.0);
        assertEquals(100, p.payer(), EPS);
    }

    @Test
    void outOfNetworkThePlanReimbursesItsShareOfTheAllowedAmountAndThePatientTheRestOfTheFee() {
        final BenefitPlan plan = plan("plan.deductible=250", "plan.copay=10", "plan.outOfPocketMax=300",
                "plan.network.outOfNetworkReimbursement=0.6");
        final PlanYearLedger ledger = new PlanYearLedger();
        // 60% of the allowed 100 = 60; the fee is 150, so the patient pays 90, deductible or not.
        for (int k = 1; k <= 5; k++) {
            final Payment p = plan.planSession(ledger, false, 150);
            assertEquals(60, p.payer(), EPS, "session " + k);
            assertEquals(90, p.patient(), EPS, "session " + k);
            assertTrue(p.planPaid(), "an out-of-network session counts against the cap");
        }
        // Out-of-network payments count towards neither the deductible nor the in-network maximum.
        assertEquals(0, ledger.deductiblePaid(), 0.0);
        assertEquals(0, ledger.outOfPocketPaid(), 0.0);
        assertEquals(5, ledger.planSessions());
        assertEquals(100, plan.preview(ledger, true, 150).patient(), EPS, "the deductible is still due in network");
        // A fee below the reimbursement: the plan pays the fee, the patient nothing.
        final Payment cheap = plan.preview(ledger, false, 45);
        assertEquals(45, cheap.payer(), EPS);
        assertEquals(0, cheap.patient(), EPS);
        // A fee equal to it: the same.
        assertEquals(60, plan.preview(ledger, false, 60).payer(), EPS);
        assertEquals(0, plan.preview(ledger, false, 60).patient(), EPS);
    }

    @Test
    void aSelfPaidSessionCostsTheFullFeeAndCountsForNothing() {
        final BenefitPlan plan = plan("plan.deductible=250", "plan.copay=10");
        final PlanYearLedger ledger = new PlanYearLedger();
        plan.planSession(ledger, true, 150);
        final Payment self = plan.selfPaySession(ledger, 150);
        assertEquals(150, self.patient(), 0.0);
        assertEquals(0, self.payer(), 0.0);
        assertFalse(self.planPaid());
        assertEquals(1, ledger.planSessions(), "not a plan-paid session");
        assertEquals(100, ledger.deductiblePaid(), EPS, "not towards the deductible");
        assertEquals(100, ledger.outOfPocketPaid(), EPS, "not towards the maximum");
    }

    @Test
    void thePlanYearIsFiftyTwoWeeksFromWeekZero() {
        final PlanYearLedger ledger = new PlanYearLedger();
        assertEquals(0, ledger.touch());
        assertFalse(ledger.rollOver(0), "week 0 is in plan year 0, where a ledger starts");
        ledger.record(30, 40, true);
        assertFalse(ledger.rollOver(51));
        assertEquals(30, ledger.deductiblePaid(), 0.0, "kept within the year");
        assertEquals(40, ledger.outOfPocketPaid(), 0.0);
        assertEquals(1, ledger.planSessions());
        assertTrue(ledger.rollOver(52));
        assertEquals(1, ledger.touch(), "plan year 1");
        assertFalse(ledger.rollOver(52), "only once");
        ledger.record(5, 6, false);
        assertEquals(0, ledger.planSessions(), "a self-paid session does not count");
        assertEquals(5, ledger.deductiblePaid(), 0.0);
        assertEquals(6, ledger.outOfPocketPaid(), 0.0);
        // A member away for more than a year: week 160 is in plan year 3 (160 / 52 = 3.08).
        assertTrue(ledger.rollOver(160));
        assertEquals(3, ledger.touch());
        assertEquals(0, ledger.deductiblePaid(), 0.0);
        assertEquals(0, ledger.outOfPocketPaid(), 0.0);
        assertFalse(ledger.rollOver(207), "207 / 52 = 3.98: still plan year 3");
        assertTrue(ledger.rollOver(208));
    }

    @Test
    void theCapSettingsAreReadAsWritten() {
        final BenefitPlan uncapped = plan();
        assertFalse(uncapped.capped());
        final BenefitPlan perYear = plan("plan.sessionCap.sessions=6", "plan.sessionCap.per=plan_year",
                "plan.sessionCap.atCap=self_pay");
        assertTrue(perYear.capped());
        assertEquals(6, perYear.cap());
        assertSame(CapPeriod.PLAN_YEAR, perYear.capPeriod());
        assertSame(AtCapRule.SELF_PAY, perYear.atCap());
        final BenefitPlan perEpisode = plan("plan.sessionCap.sessions=20", "plan.sessionCap.per=episode",
                "plan.sessionCap.atCap=review", "plan.review.extraSessions=5");
        assertEquals(20, perEpisode.cap());
        assertSame(CapPeriod.EPISODE, perEpisode.capPeriod());
        assertSame(AtCapRule.REVIEW, perEpisode.atCap());
        assertEquals(5, perEpisode.review().extraSessions());
        assertEquals(100, perEpisode.spec().allowedAmount(), 0.0);
    }
}

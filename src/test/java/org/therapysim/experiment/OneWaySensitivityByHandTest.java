package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.model.EndReason;
import org.therapysim.scenario.Scenario;

/** The outcome a tornado diagram shows, from arms written by hand (one replication each). */
class OneWaySensitivityByHandTest {
    private static final double EPS = 1e-9;

    private static ArmResult arm(final int index, final Scenario scenario, final double payer, final double employer,
            final double qalys, final double recovery) {
        final Map<Metric, Double> m = new EnumMap<>(Metric.class);
        m.put(Metric.COST_PAYER, payer);
        m.put(Metric.COST_EMPLOYER, employer);
        m.put(Metric.COST_SOCIETAL, employer + 100);
        m.put(Metric.QALYS_PER_PATIENT, qalys);
        m.put(Metric.RECOVERY_RATE, recovery);
        return new ArmResult(index, scenario, List.of(new ReplicationSummary(index, 0, 1, m,
                new double[SessionCurves.MAX_SESSION], new double[SessionCurves.MAX_SESSION],
                new EnumMap<>(EndReason.class), 0)));
    }

    private static ExperimentResult result() {
        final Scenario base = TestScenarios.cohort(100, 10);
        // The outcome is the last arm's against the first; the middle one must not count.
        return new ExperimentResult(null, List.of(
                arm(0, base.withName("reference"), 100, 200, 0.50, 0.40),
                arm(1, base.withName("middle"), 1_000, 5_000, 0.10, 0.10),
                arm(2, base.withName("last"), 150, 260, 0.70, 0.55)), List.of(1));
    }

    @Test
    void netBenefitAndIcerAreTheLastArmsAgainstTheReference() {
        final ExperimentResult r = result();
        // Payer: dCost = 150 - 100 = 50, dQALYs = 0.7 - 0.5 = 0.2; NMB at 1,000 = 200 - 50 = 150; ICER 50 / 0.2.
        assertEquals(150, OneWaySensitivity.outcome(r, OneWaySensitivity.Outcome.NMB, Perspective.PAYER, 1000), EPS);
        assertEquals(250, OneWaySensitivity.outcome(r, OneWaySensitivity.Outcome.ICER, Perspective.PAYER, 1000), EPS);
        // Employer: dCost = 260 - 200 = 60; NMB 200 - 60 = 140; ICER 60 / 0.2 = 300.
        assertEquals(140, OneWaySensitivity.outcome(r, OneWaySensitivity.Outcome.NMB, Perspective.EMPLOYER, 1000),
                EPS);
        assertEquals(300, OneWaySensitivity.outcome(r, OneWaySensitivity.Outcome.ICER, Perspective.EMPLOYER, 1000),
                EPS);
        // Recovery is the last arm's own rate, not a difference.
        assertEquals(0.55, OneWaySensitivity.outcome(r, OneWaySensitivity.Outcome.RECOVERY, Perspective.PAYER, 1000),
                EPS);
    }

    @Test
    void aBarsSwingIsItsWidthWhicheverEndIsHigher() {
        assertEquals(30, new OneWaySensitivity.Bar(null, 0, 1, 10, 40).swing(), EPS);
        assertEquals(30, new OneWaySensitivity.Bar(null, 0, 1, 40, 10).swing(), EPS);
    }
}

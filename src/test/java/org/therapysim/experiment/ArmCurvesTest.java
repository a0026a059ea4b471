package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.therapysim.model.EndReason;

/** An arm's curves are the replications' curves summarised session by session. */
class ArmCurvesTest {
    private static ReplicationSummary replication(final int r, final double[] doseEffect, final double[] retention) {
        final Map<EndReason, Integer> reasons = new EnumMap<>(EndReason.class);
        return new ReplicationSummary(0, r, r, Map.of(Metric.EPISODES, 1.0), doseEffect, retention, reasons, 0);
    }

    private static double[] filled(final double value) {
        final double[] out = new double[SessionCurves.MAX_SESSION];
        Arrays.fill(out, value);
        return out;
    }

    @Test
    void eachSessionIsSummarisedAcrossReplicationsAndIsUndefinedWhereAReplicationIsUndefined() {
        final double[] dose1 = filled(0.2);
        final double[] dose2 = filled(0.4);
        final double[] retention1 = filled(0.9);
        final double[] retention2 = filled(0.5);
        dose2[SessionCurves.MAX_SESSION - 1] = Double.NaN;
        final ArmResult arm = new ArmResult(0, null, List.of(replication(0, dose1, retention1),
                replication(1, dose2, retention2)));
        final List<MetricSummary> dose = arm.doseEffect();
        final List<MetricSummary> retention = arm.retention();
        assertEquals(SessionCurves.MAX_SESSION, dose.size());
        assertEquals(SessionCurves.MAX_SESSION, retention.size());
        // Session 1: dose (0.2 + 0.4) / 2 = 0.3 with 2 values; retention (0.9 + 0.5) / 2 = 0.7.
        assertEquals(0.3, dose.get(0).mean(), 1e-12);
        assertEquals(2, dose.get(0).n());
        assertEquals(0.7, retention.get(0).mean(), 1e-12);
        // Session 40: the second replication's dose-effect is undefined there. The 0.2 of the first
        // alone is not the arm's value: no mean, n counting the one replication that defines it.
        assertTrue(Double.isNaN(dose.get(SessionCurves.MAX_SESSION - 1).mean()));
        assertEquals(1, dose.get(SessionCurves.MAX_SESSION - 1).n());
        assertTrue(Double.isNaN(dose.get(SessionCurves.MAX_SESSION - 1).ciLow()));
        assertEquals(0.7, retention.get(SessionCurves.MAX_SESSION - 1).mean(), 1e-12);
    }

    @Test
    void aShareByASessionThatOnlySomeReplicationsReachHasNoMeanOverTheOthers() {
        // Six replications; in four the last episodes at risk ended unimproved before session 26, so
        // their curves, and improved_by_session_26, are undefined there.
        final List<ReplicationSummary> reps = new ArrayList<>();
        final List<ReplicationSummary> refs = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            final double at26 = r < 2 ? 0.9 : Double.NaN;
            final double[] dose = filled(0.5);
            dose[25] = at26;
            reps.add(new ReplicationSummary(0, r, r, Map.of(Metric.IMPROVED_BY_SESSION_26, at26,
                    Metric.IMPROVED_BY_SESSION_8, 0.5), dose, filled(0.3), new EnumMap<>(EndReason.class), 0));
            refs.add(new ReplicationSummary(0, r, r, Map.of(Metric.IMPROVED_BY_SESSION_26, 0.8,
                    Metric.IMPROVED_BY_SESSION_8, 0.4), filled(0.8), filled(0.3), new EnumMap<>(EndReason.class), 0));
        }
        final ArmResult arm = new ArmResult(1, null, reps);
        final ArmResult reference = new ArmResult(0, null, refs);
        // Not 0.9 "from 6": undefined, with n = 2 saying how many define it.
        final MetricSummary s26 = arm.summary(Metric.IMPROVED_BY_SESSION_26);
        assertTrue(Double.isNaN(s26.mean()) && Double.isNaN(s26.ciLow()) && Double.isNaN(s26.ciHigh()));
        assertEquals(2, s26.n());
        final MetricSummary d26 = arm.differenceFrom(reference, Metric.IMPROVED_BY_SESSION_26);
        assertTrue(Double.isNaN(d26.mean()));
        assertEquals(2, d26.n());
        final MetricSummary point = arm.doseEffect().get(25);
        assertTrue(Double.isNaN(point.mean()));
        assertEquals(2, point.n());
        // Where all six define it the mean is over all six.
        assertEquals(0.5, arm.summary(Metric.IMPROVED_BY_SESSION_8).mean(), 1e-12);
        assertEquals(6, arm.summary(Metric.IMPROVED_BY_SESSION_8).n());
        assertEquals(0.1, arm.differenceFrom(reference, Metric.IMPROVED_BY_SESSION_8).mean(), 1e-12);
        assertEquals(0.5, arm.doseEffect().get(24).mean(), 1e-12);
        assertEquals(6, arm.doseEffect().get(24).n());
        // Other metrics still leave an undefined replication out (a rate with no episode to count).
        assertEquals(1, MetricSummary.of(new double[] {0.4, Double.NaN}, 0, 1).n());
    }

    private static ReplicationSummary shares(final int r, final double started, final double improved) {
        return new ReplicationSummary(0, r, r, Map.of(Metric.STARTED_RATE, started, Metric.IMPROVED_BY_SESSION_26,
                improved, Metric.MEAN_WEEKS_WAITING, 10.0 * started), filled(improved), filled(started),
                new EnumMap<>(EndReason.class), 0);
    }

    @Test
    void sharesAndTheirDifferencesHaveIntervalsThatStayPossible() {
        // Two replications with started_rate 0.63 and 1.00: t interval 0.815 +- 12.7062 x 0.185 =
        // [-1.54, 3.17], shown as [0, 1]. The curves are shares too.
        final ArmResult arm = new ArmResult(1, null, List.of(shares(0, 0.63, 0.99), shares(1, 1.0, 0.97)));
        final MetricSummary started = arm.summary(Metric.STARTED_RATE);
        assertEquals(0.815, started.mean(), 1e-12);
        assertEquals(0, started.ciLow(), 0.0);
        assertEquals(1, started.ciHigh(), 0.0);
        assertEquals(1, arm.summary(Metric.IMPROVED_BY_SESSION_26).ciHigh(), 0.0);
        assertEquals(1, arm.doseEffect().get(0).ciHigh(), 0.0);
        assertEquals(0, arm.retention().get(0).ciLow(), 0.0);
        // Weeks are not a share: 8.15 +- 23.5 is kept as it is.
        assertEquals(8.15 - 12.7062047361747 * 1.85, arm.summary(Metric.MEAN_WEEKS_WAITING).ciLow(), 1e-6);
        // Differences from a reference at 0.10 and 0.05: 0.53 and 0.95, mean 0.74, half-width
        // 12.7062 x 0.21 = 2.67: [-1.93, 3.41] shown as [-1, 1].
        final ArmResult reference = new ArmResult(0, null, List.of(shares(0, 0.10, 0.5), shares(1, 0.05, 0.5)));
        final MetricSummary d = arm.differenceFrom(reference, Metric.STARTED_RATE);
        assertEquals(0.74, d.mean(), 1e-12);
        assertEquals(-1, d.ciLow(), 0.0);
        assertEquals(1, d.ciHigh(), 0.0);
    }
}

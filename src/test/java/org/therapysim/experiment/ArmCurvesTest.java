package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void eachSessionIsSummarisedAcrossReplicationsAndUndefinedValuesAreLeftOut() {
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
        // Session 40: the second replication's dose-effect is undefined there: one value, 0.2.
        assertEquals(0.2, dose.get(SessionCurves.MAX_SESSION - 1).mean(), 1e-12);
        assertEquals(1, dose.get(SessionCurves.MAX_SESSION - 1).n());
        assertTrue(Double.isNaN(dose.get(SessionCurves.MAX_SESSION - 1).ciLow()));
        assertEquals(0.7, retention.get(SessionCurves.MAX_SESSION - 1).mean(), 1e-12);
    }
}

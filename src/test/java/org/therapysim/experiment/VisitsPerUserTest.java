package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.model.EconomicTotals;
import org.therapysim.model.ReplicationResult;

class VisitsPerUserTest {
    private static final EconomicTotals NO_ECONOMICS = new EconomicTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    @Test
    void usersAreThoseWithMoreThanOneVisitInTheYear() {
        final ReplicationResult result = new ReplicationResult(1, List.of(), List.of(), List.of(), 0, 100, 1200,
                new int[] {0, 1, 2, 5, 1}, NO_ECONOMICS);
        assertEquals(3.5, EpisodeMetrics.of(result).get(Metric.VISITS_PER_USER_YEAR), 1e-12);
    }

    @Test
    void heavyUsersAreUsersWithMoreThanTwentyVisits() {
        // Users: 2, 20, 21, 30 (0 and 1 visit are not users); heavy: 21 and 30, so 2 of 4.
        final ReplicationResult result = new ReplicationResult(1, List.of(), List.of(), List.of(), 0, 100, 1200,
                new int[] {0, 1, 2, 20, 21, 30}, NO_ECONOMICS);
        assertEquals(0.5, EpisodeMetrics.of(result).get(Metric.HEAVY_USER_SHARE), 1e-12);
    }

    @Test
    void noUsersMeansUndefined() {
        final ReplicationResult result = new ReplicationResult(1, List.of(), List.of(), List.of(), 0, 100, 1200,
                new int[] {0, 1}, NO_ECONOMICS);
        assertTrue(Double.isNaN(EpisodeMetrics.of(result).get(Metric.VISITS_PER_USER_YEAR)));
        assertTrue(Double.isNaN(EpisodeMetrics.of(result).get(Metric.HEAVY_USER_SHARE)));
    }
}

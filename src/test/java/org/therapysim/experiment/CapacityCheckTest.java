package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.model.EndReason;

/** An arm whose waiting list, not its care, shapes the results is named, with its figures. */
class CapacityCheckTest {
    private static ArmResult arm(final String name, final double gaveUp, final double weeks) {
        final List<ReplicationSummary> replications = List.of(0, 1).stream().map(r -> new ReplicationSummary(0, r, r,
                Map.of(Metric.GAVE_UP_WAITING_RATE, gaveUp, Metric.MEAN_WEEKS_WAITING, weeks), new double[0],
                new double[0], new EnumMap<>(EndReason.class), 0)).toList();
        return new ArmResult(0, TestScenarios.defaults("name=" + name), replications);
    }

    @Test
    void anArmOverEitherLimitIsWarnedAbout() {
        assertNull(CapacityCheck.warning(arm("fine", 0.20, 6.0)), "at the limits");
        assertEquals("capacity, not care, drives the results of 'crowded': 79.0% of episodes ended on the waiting"
                + " list (limit 20%) and those who started waited 3.5 weeks on average (limit 6); its recovery and"
                + " costs describe the patients who got a place. Give it more therapists (workforce.therapists)"
                + " or fewer members", CapacityCheck.warning(arm("crowded", 0.79, 3.5)));
        assertTrue(CapacityCheck.warning(arm("slow", 0.05, 6.5)).contains("waited 6.5 weeks"));
    }

    @Test
    void tooFewTherapistsForTheMembersAreWarnedAboutAndEnoughAreNot() {
        final ExperimentResult result = TestScenarios.compare(2,
                TestScenarios.cohort(600, 40, "workforce.therapists=2", "name=two therapists"),
                TestScenarios.cohort(600, 40, "name=enough"));
        final List<String> warnings = CapacityCheck.warnings(result);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("'two therapists'"), warnings.get(0));
    }
}

package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;

/**
 * One call of {@link TherapySim#stepWeek()} is one calendar week, whatever happens in it: patients
 * who begin an episode in a week (arrivals and relapses) are stepped in that same week, not in an
 * extra schedule step that would use up a week of the horizon.
 */
class SchedulingTest {
    @Test
    void everyWeekOfTheHorizonIsSimulatedOnceAndInOrder() {
        final Scenario scenario = new ScenarioLoader().defaultScenario();
        final TherapySim sim = new TherapySim(scenario, RandomStreams.replicationSeed(7, 0), false);
        sim.start();
        int steps = 0;
        boolean more = true;
        while (more) {
            if (steps > scenario.simulation().weeks()) {
                fail("still stepping after the horizon of " + scenario.simulation().weeks() + " weeks");
            }
            more = sim.stepWeek();
            assertEquals(steps, sim.schedule.getTime(), "week " + steps + " runs at schedule time " + steps);
            steps++;
        }
        assertEquals(scenario.simulation().weeks(), steps);
        final ReplicationResult result = sim.conclude();
        final List<WeeklyCensus> census = result.census();
        assertEquals(scenario.simulation().weeks(), census.size());
        for (int w = 0; w < census.size(); w++) {
            assertEquals(w, census.get(w).week());
        }
        // Arrivals come every week of the arrival period, so the last of them is in its final week.
        final int lastArrivalWeek = scenario.population().arrivalWeeks() - 1;
        assertTrue(census.get(lastArrivalWeek).arrivals() > 0, "arrivals in week " + lastArrivalWeek);
        assertTrue(result.episodes().stream().anyMatch(e -> e.arrivalWeek() == lastArrivalWeek
                && e.firstSessionWeek() != null && e.firstSessionWeek() == lastArrivalWeek),
                "a patient arriving in the last arrival week is seen that week");
    }
}

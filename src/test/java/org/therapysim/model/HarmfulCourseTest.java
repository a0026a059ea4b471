package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.therapysim.scenario.DeteriorationDynamics;

/**
 * Harmful courses, against docs/MODEL.md ("Deterioration"): onset
 * {@code min(1, risk x (ruptureMultiplier if an unrepaired rupture is recent))}; in a harmful
 * session {@code s <- s + worseningRate x (max - s) + noise}, bounded to [0, max], and
 * {@code a <- a x (1 - allianceErosion)}. Here the multiplier is 3, the worsening rate 0.1 and the
 * erosion 0.2.
 */
class HarmfulCourseTest {
    private static final double EPS = 1e-12;
    private static final HarmfulCourse HARM = new HarmfulCourse(new DeteriorationDynamics(3.0, 0.1, 0.2));

    @Test
    void theOnsetIsTheTherapistsRiskRaisedAfterAnUnrepairedRupture() {
        assertEquals(0.02, HARM.onsetProbability(0.02, false), EPS);
        // 0.02 x 3 = 0.06.
        assertEquals(0.06, HARM.onsetProbability(0.02, true), EPS);
        // 0.5 x 3 = 1.5, at most 1.
        assertEquals(1.0, HARM.onsetProbability(0.5, true), EPS);
        assertEquals(0.0, HARM.onsetProbability(0.0, true), EPS);
    }

    @Test
    void aHarmfulSessionMovesTheScoreTowardsTheMaximum() {
        // 15 + 0.1 x (27 - 15) + 0.5 = 16.7.
        assertEquals(16.7, HARM.worsened(15, 0.5, 27), EPS);
        // 15 + 1.2 - 2 = 14.2: noise can outweigh the worsening.
        assertEquals(14.2, HARM.worsened(15, -2.0, 27), EPS);
        // 1 + 0.1 x 26 - 3 = 0.6.
        assertEquals(0.6, HARM.worsened(1, -3.0, 27), EPS);
    }

    @Test
    void theScoreStaysOnTheMeasuresRange() {
        // 26.9 + 0.01 + 5 > 27; 0 + 2.7 - 5 < 0.
        assertEquals(27.0, HARM.worsened(26.9, 5.0, 27), EPS);
        assertEquals(0.0, HARM.worsened(0.0, -5.0, 27), EPS);
    }

    @Test
    void aHarmfulSessionWearsTheAllianceDown() {
        // 0.8 x (1 - 0.2) = 0.64.
        assertEquals(0.64, HARM.erodedAlliance(0.8), EPS);
        assertEquals(0.8, new HarmfulCourse(new DeteriorationDynamics(3.0, 0.1, 0.0)).erodedAlliance(0.8), EPS);
    }
}

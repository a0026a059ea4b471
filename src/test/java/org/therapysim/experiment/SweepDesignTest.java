package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Design points of sweeps: factorial crossing, Latin hypercube strata, Sobol coverage. */
class SweepDesignTest {
    private static final SweepDesign.Factor CAP = SweepDesign.Factor.list("plan.sessionCap.sessions",
            List.of("6", "unlimited"));
    private static final SweepDesign.Factor COPAY = SweepDesign.Factor.range("plan.copay", 0, 60);
    private static final SweepDesign.Factor RISK = SweepDesign.Factor.range("dynamics.relapse.oneYearRisk", 0.1, 0.5);

    @Test
    void aFactorialCrossesListsAndEvenlySpacedLevels() {
        final List<List<String>> points = SweepDesign.points(List.of(CAP, COPAY), SweepDesign.Kind.FACTORIAL, 0, 3, 1);
        assertEquals(List.of(List.of("6", "0"), List.of("6", "30"), List.of("6", "60"), List.of("unlimited", "0"),
                List.of("unlimited", "30"), List.of("unlimited", "60")), points);
        // A narrow whole-number range gives each value once.
        assertEquals(3, SweepDesign.points(List.of(SweepDesign.Factor.range("k", 1, 3)), SweepDesign.Kind.FACTORIAL,
                0, 5, 1).size());
    }

    @Test
    void aLatinHypercubePutsOnePointInEachStratumOfEveryRange() {
        final int n = 10;
        final List<List<String>> points = SweepDesign.points(List.of(COPAY, RISK), SweepDesign.Kind.LHS, n, 0, 7);
        assertEquals(n, points.size());
        final Set<Integer> copayStrata = new HashSet<>();
        final Set<Integer> riskStrata = new HashSet<>();
        for (final List<String> p : points) {
            final double copay = Double.parseDouble(p.get(0));
            final double risk = Double.parseDouble(p.get(1));
            assertTrue(copay >= 0 && copay <= 60 && risk >= 0.1 && risk <= 0.5, p.toString());
            assertEquals(copay, Math.rint(copay), 0.0, "whole-number bounds give whole numbers");
            copayStrata.add((int) Math.min(n - 1, Math.floor(copay / 60 * n)));
            riskStrata.add((int) Math.floor((risk - 0.1) / 0.4 * n));
        }
        assertEquals(n, riskStrata.size(), "one point in each of the 10 strata: " + points);
        assertTrue(copayStrata.size() >= n - 2, "rounding to whole numbers may merge neighbouring strata");
        assertEquals(points, SweepDesign.points(List.of(COPAY, RISK), SweepDesign.Kind.LHS, n, 0, 7), "same seed");
        assertNotEquals(points, SweepDesign.points(List.of(COPAY, RISK), SweepDesign.Kind.LHS, n, 0, 8));
    }

    @Test
    void aSobolDesignStartsAfterTheOriginAndIsCrossedWithLists() {
        final List<List<String>> points = SweepDesign.points(List.of(CAP, RISK), SweepDesign.Kind.SOBOL, 4, 0, 1);
        assertEquals(8, points.size(), "2 listed values x 4 points");
        // Sobol's points after the origin, in one dimension: 1/2, 3/4, 1/4, 3/8.
        assertEquals(List.of("0.3", "0.4", "0.2", "0.25"), points.subList(0, 4).stream().map(p -> p.get(1)).toList());
        assertEquals("6", points.get(0).get(0));
        assertEquals("unlimited", points.get(4).get(0));
    }
}

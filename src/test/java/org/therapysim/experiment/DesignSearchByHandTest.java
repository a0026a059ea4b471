package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules by which {@code optimize} judges designs, against hand arithmetic and small cases worked
 * by hand: the one-sided budget bound {@code mean + t(confidence, n - 1) x sd / sqrt(n)} with
 * Student's t from tables (2.1318468 at 95% and 3.7469474 at 99%, 4 degrees of freedom), the
 * Bonferroni level of the designs simulated again, the Pareto front (ties included) and the order
 * of the best designs.
 */
class DesignSearchByHandTest {
    private static final double T95_4 = 2.13184678632665;
    private static final double T99_4 = 3.74694738902924;

    /** A summary of five replications with the given mean and standard deviation. */
    private static MetricSummary five(final double mean, final double sd) {
        return new MetricSummary(mean, sd, Double.NaN, Double.NaN, 5);
    }

    private static DesignSearch.Evaluation design(final int number, final double objective, final double cost) {
        return new DesignSearch.Evaluation(number, Map.of("plan.copay", Integer.toString(number)), 1L,
                five(objective, 0.1), five(cost, 0.1), 0.95, cost, true);
    }

    @Test
    void theBudgetBoundIsTheOneSidedStudentTBound() {
        // 1.0 + 2.1318468 x 0.2 / sqrt(5) = 1.0 + 0.190678 = 1.190678
        assertEquals(1.0 + T95_4 * 0.2 / Math.sqrt(5), DesignSearch.upperBound(five(1.0, 0.2), 0.95), 1e-9);
        assertEquals(1.190678, DesignSearch.upperBound(five(1.0, 0.2), 0.95), 1e-6);
        // At 99%: 1.0 + 3.7469474 x 0.2 / sqrt(5) = 1.335136
        assertEquals(1.0 + T99_4 * 0.2 / Math.sqrt(5), DesignSearch.upperBound(five(1.0, 0.2), 0.99), 1e-9);
        // No spread: the bound is the mean.
        assertEquals(2.5, DesignSearch.upperBound(five(2.5, 0.0), 0.95), 0.0);
    }

    @Test
    void oneReplicationGivesNoBound() {
        final MetricSummary one = new MetricSummary(1.0, Double.NaN, Double.NaN, Double.NaN, 1);
        assertEquals(Double.POSITIVE_INFINITY, DesignSearch.upperBound(one, 0.95), 0.0);
    }

    @Test
    void theDesignsSimulatedAgainShareTheFivePercentBetweenThem() {
        assertEquals(0.95, DesignSearch.reevaluationConfidence(1), 1e-12);
        assertEquals(0.975, DesignSearch.reevaluationConfidence(2), 1e-12);
        assertEquals(0.99, DesignSearch.reevaluationConfidence(5), 1e-12);
    }

    @Test
    void theParetoFrontKeepsEveryDesignNoOtherBeats() {
        final List<DesignSearch.Evaluation> designs = List.of(
                design(1, 0.30, 1.00), // on the front: nothing cheaper does as well
                design(2, 0.40, 1.50), // on the front
                design(3, 0.35, 1.60), // off: design 2 is cheaper and better
                design(4, 0.30, 1.20), // off: design 1 costs less for the same objective
                design(5, 0.40, 1.50), // a tie with design 2: both stay on
                design(6, 0.20, 0.50), // on: the cheapest
                design(7, 0.45, 3.00)); // on: the best, however dear
        assertEquals(List.of(true, true, false, false, true, true, true), DesignSearch.pareto(designs));
    }

    @Test
    void aDesignIsOffTheFrontWhenAnotherIsAsCheapAndBetter() {
        assertEquals(List.of(false, true), DesignSearch.pareto(List.of(design(1, 0.30, 1.00), design(2, 0.31, 1.00))));
        assertEquals(List.of(true), DesignSearch.pareto(List.of(design(1, 0.30, 1.00))));
    }

    @Test
    void theBestComeFirstWithTiesToTheCheaperThenTheEarlier() {
        final List<DesignSearch.Evaluation> designs = new ArrayList<>(List.of(
                design(1, 0.30, 1.00),
                design(2, 0.40, 1.50),
                design(3, 0.40, 1.20),
                design(4, 0.50, 2.00),
                design(5, 0.40, 1.20)));
        designs.sort(DesignSearch.BEST_FIRST);
        assertEquals(List.of(4, 3, 5, 2, 1), designs.stream().map(DesignSearch.Evaluation::design).toList());
    }

    @Test
    void valuesAreWrittenWithFourSignificantDigits() {
        assertEquals("23.46", BoxSearch.format(23.456789));
        assertEquals("0.001235", BoxSearch.format(0.00123456));
        assertEquals("20", BoxSearch.format(20.0));
        assertEquals("1235", BoxSearch.format(1234.5));
    }
}

package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.experiment.IncrementalAnalysis.Row;
import org.therapysim.experiment.IncrementalAnalysis.Status;
import org.therapysim.experiment.IncrementalAnalysis.Strategy;

/** Incremental analysis against cases computed by hand. */
class IncrementalAnalysisTest {
    private static final Strategy A = new Strategy("A", 0, 0);
    private static final Strategy B = new Strategy("B", 100, 0.5);
    private static final Strategy C = new Strategy("C", 300, 2.0);
    private static final Strategy D = new Strategy("D", 350, 1.5);
    private static final Strategy E = new Strategy("E", 700, 2.5);

    @Test
    void dominanceExtendedDominanceAndTheFrontierMatchAHandComputedCase() {
        // By hand: D costs more than C and does less: dominated. ICER A->B = 100/0.5 = 200 exceeds
        // ICER B->C = 200/1.5 = 133.3: B is extendedly dominated. Frontier A, C (300/2 = 150),
        // E (400/0.5 = 800), ICERs rising.
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(D, B, A, E, C));
        assertEquals(List.of(D, B, A, E, C), rows.stream().map(Row::strategy).toList(), "order kept");
        final Row d = rows.get(0);
        assertEquals(Status.DOMINATED, d.status());
        assertSame(C, d.comparator());
        assertEquals(Status.EXTENDEDLY_DOMINATED, rows.get(1).status());
        final Row a = rows.get(2);
        assertEquals(Status.FRONTIER, a.status());
        assertNull(a.comparator());
        assertTrue(Double.isNaN(a.icer()));
        final Row c = rows.get(4);
        assertEquals(Status.FRONTIER, c.status());
        assertSame(A, c.comparator());
        assertEquals(300, c.incrementalCost(), 1e-12);
        assertEquals(2.0, c.incrementalEffect(), 1e-12);
        assertEquals(150, c.icer(), 1e-12);
        final Row e = rows.get(3);
        assertSame(C, e.comparator());
        assertEquals(800, e.icer(), 1e-12);
    }

    @Test
    void aCheaperAndBetterDesignDominatesAndEqualOnesDoNot() {
        final Strategy cheapBetter = new Strategy("cheap", 50, 1.0);
        final Strategy dearWorse = new Strategy("dear", 80, 0.9);
        final Strategy sameCost = new Strategy("same cost, less effect", 50, 0.8);
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(dearWorse, cheapBetter, sameCost));
        assertEquals(Status.DOMINATED, rows.get(0).status());
        assertEquals(Status.FRONTIER, rows.get(1).status());
        assertEquals(Status.DOMINATED, rows.get(2).status(), "equal cost, less effect is dominated");
        final Strategy twin = new Strategy("twin", 50, 1.0);
        final List<Row> twins = IncrementalAnalysis.analyse(List.of(cheapBetter, twin));
        assertEquals(Status.FRONTIER, twins.get(0).status(), "of identical designs the first listed stays");
        assertEquals(Status.DOMINATED, twins.get(1).status(), "and the copy is dominated by it");
        assertSame(cheapBetter, twins.get(1).comparator());
    }

    @Test
    void netMonetaryBenefitChangesSignAtTheIcer() {
        // C against A: incremental NMB = wtp x 2 - 300, zero at the ICER of 150.
        final double below = IncrementalAnalysis.netMonetaryBenefit(C.cost(), C.effect(), 149)
                - IncrementalAnalysis.netMonetaryBenefit(A.cost(), A.effect(), 149);
        final double above = IncrementalAnalysis.netMonetaryBenefit(C.cost(), C.effect(), 151)
                - IncrementalAnalysis.netMonetaryBenefit(A.cost(), A.effect(), 151);
        assertEquals(-2.0, below, 1e-12);
        assertEquals(2.0, above, 1e-12);
        assertEquals(0.0, IncrementalAnalysis.netMonetaryBenefit(300, 2.0, 150), 1e-12);
    }

    @Test
    void acceptabilityCountsTheBestStrategyPerDrawAndSumsToOne() {
        // Three draws, two strategies (reference 0 cost 0 effect; the other as given).
        final double[][] costs = {{0, 100}, {0, 100}, {0, 300}};
        final double[][] effects = {{0, 1}, {0, 2}, {0, 1}};
        final double[] wtps = {0, 60, 100, 200, 400};
        final double[][] p = IncrementalAnalysis.acceptability(costs, effects, wtps);
        // By hand, NMB of the second strategy per draw: wtp - 100, 2 wtp - 100, wtp - 300.
        // wtp 0: reference best in all three -> 0. wtp 60: draw 2 only (20 > 0) -> 1/3.
        // wtp 100: draw 1 ties (0 = 0) -> half a draw, draw 2 wins -> 1.5/3. wtp 200: draws 1, 2 -> 2/3.
        // wtp 400: all three -> 1.
        final double[] expected = {0, 1.0 / 3, 0.5, 2.0 / 3, 1.0};
        for (int w = 0; w < wtps.length; w++) {
            assertEquals(expected[w], p[1][w], 1e-12, "wtp " + wtps[w]);
            assertEquals(1.0, p[0][w] + p[1][w], 1e-12, "column sums to one at wtp " + wtps[w]);
        }
    }
}

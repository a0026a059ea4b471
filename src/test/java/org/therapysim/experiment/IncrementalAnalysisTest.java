package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
    void anArmWithoutPatientsTakesNoPartAndDominatesNone() {
        // Undefined cost and effect compare false with everything; such an arm must neither
        // dominate nor be placed. B -> C stays the frontier at (300 - 100) / (2.0 - 0.5) = 133.33.
        final Strategy none = new Strategy("none", Double.NaN, Double.NaN);
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(none, B, C));
        assertEquals(Status.UNDEFINED, rows.get(0).status());
        assertNull(rows.get(0).comparator());
        assertEquals(Status.FRONTIER, rows.get(1).status());
        assertNull(rows.get(1).comparator());
        assertEquals(Status.FRONTIER, rows.get(2).status());
        assertSame(B, rows.get(2).comparator());
        assertEquals(200 / 1.5, rows.get(2).icer(), 1e-9);
        assertEquals(Status.UNDEFINED,
                IncrementalAnalysis.analyse(List.of(B, new Strategy("x", 50, Double.NaN))).get(1).status());
    }

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
        assertSame(cheapBetter, rows.get(2).comparator());
        assertSame(cheapBetter, rows.get(0).comparator());
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

    private static void assertOffTheFrontier(final Row row, final Status status, final Strategy comparator) {
        assertEquals(status, row.status(), row.strategy().name());
        assertSame(comparator, row.comparator(), row.strategy().name());
        assertTrue(Double.isNaN(row.incrementalCost()), row.strategy().name());
        assertTrue(Double.isNaN(row.incrementalEffect()), row.strategy().name());
        assertTrue(Double.isNaN(row.icer()), row.strategy().name());
    }

    private static void assertFrontier(final Row row, final Strategy comparator, final double dCost,
            final double dEffect) {
        assertEquals(Status.FRONTIER, row.status(), row.strategy().name());
        assertSame(comparator, row.comparator(), row.strategy().name());
        assertEquals(dCost, row.incrementalCost(), 1e-9, row.strategy().name());
        assertEquals(dEffect, row.incrementalEffect(), 1e-12, row.strategy().name());
        assertEquals(dCost / dEffect, row.icer(), 1e-9, row.strategy().name());
    }

    private static void assertFirstOnTheFrontier(final Row row) {
        assertEquals(Status.FRONTIER, row.status(), row.strategy().name());
        assertNull(row.comparator());
        assertTrue(Double.isNaN(row.incrementalCost()));
        assertTrue(Double.isNaN(row.incrementalEffect()));
        assertTrue(Double.isNaN(row.icer()));
    }

    @Test
    void removingOneExtendedlyDominatedStrategyCanExposeAnother() {
        final Strategy a = new Strategy("a", 0, 0);
        final Strategy b = new Strategy("b", 200, 1);
        final Strategy c = new Strategy("c", 500, 2);
        final Strategy d = new Strategy("d", 550, 3);
        final Strategy e = new Strategy("e", 1550, 4);
        // ICERs in cost order: a->b 200, b->c 300, c->d 50, d->e 1000. Only c breaks the rise
        // (300 > 50). Without c: a->b 200, b->d 350/2 = 175, d->e 1000: now b breaks it (200 > 175).
        // Without b: a->d 550/3 = 183.3, d->e 1000, rising: the frontier is a, d, e.
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(e, c, a, d, b));
        assertEquals(List.of(e, c, a, d, b), rows.stream().map(Row::strategy).toList(), "order kept");
        assertFrontier(rows.get(0), d, 1000, 1);
        assertOffTheFrontier(rows.get(1), Status.EXTENDEDLY_DOMINATED, null);
        assertFirstOnTheFrontier(rows.get(2));
        assertFrontier(rows.get(3), a, 550, 3);
        assertEquals(550.0 / 3, rows.get(3).icer(), 1e-9);
        assertOffTheFrontier(rows.get(4), Status.EXTENDEDLY_DOMINATED, null);
    }

    @Test
    void aStrategyExactlyOnTheLineBetweenItsNeighboursStaysAndOneJustAboveItDoesNot() {
        final Strategy a = new Strategy("a", 0, 0);
        final Strategy c = new Strategy("c", 200, 2);
        // On the line: a->b 100 = b->c 100.
        final Strategy b = new Strategy("b", 100, 1);
        final List<Row> onLine = IncrementalAnalysis.analyse(List.of(a, b, c));
        assertFirstOnTheFrontier(onLine.get(0));
        assertFrontier(onLine.get(1), a, 100, 1);
        assertFrontier(onLine.get(2), b, 100, 1);
        // Just above it: a->b 100.5 > b->c 99.5.
        final Strategy above = new Strategy("above", 100.5, 1);
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(a, above, c));
        assertOffTheFrontier(rows.get(1), Status.EXTENDEDLY_DOMINATED, null);
        assertFrontier(rows.get(2), a, 200, 2);
    }

    @Test
    void ofIdenticalStrategiesTheFirstListedStaysAndTheOthersAreDominatedByIt() {
        // A cap that never binds: same cost and QALYs as the reference.
        final Strategy reference = new Strategy("reference", 100, 1.0);
        final Strategy twin = new Strategy("cap never binds", 100, 1.0);
        final Strategy dear = new Strategy("dear", 300, 2.0);
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(reference, twin, dear));
        assertFirstOnTheFrontier(rows.get(0));
        assertOffTheFrontier(rows.get(1), Status.DOMINATED, reference);
        // Compared with the reference, not the twin: 200 / 1 (never 0/0 between the twins).
        assertFrontier(rows.get(2), reference, 200, 1.0);
        // Listed the other way round, the twin is the one kept.
        final List<Row> reversed = IncrementalAnalysis.analyse(List.of(dear, twin, reference));
        assertFrontier(reversed.get(0), twin, 200, 1.0);
        assertFirstOnTheFrontier(reversed.get(1));
        assertOffTheFrontier(reversed.get(2), Status.DOMINATED, twin);
    }

    @Test
    void threeIdenticalStrategiesLeaveOneOnTheFrontier() {
        final Strategy first = new Strategy("first", 10, 1);
        final Strategy second = new Strategy("second", 10, 1);
        final Strategy third = new Strategy("third", 10, 1);
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(first, second, third));
        assertFirstOnTheFrontier(rows.get(0));
        assertOffTheFrontier(rows.get(1), Status.DOMINATED, first);
        assertOffTheFrontier(rows.get(2), Status.DOMINATED, first);
    }

    @Test
    void identicalStrategiesAtTheDearEndOfTheFrontier() {
        final Strategy base = new Strategy("base", 0, 0);
        final Strategy one = new Strategy("one", 100, 1);
        final Strategy other = new Strategy("other", 100, 1);
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(base, other, one));
        assertFirstOnTheFrontier(rows.get(0));
        assertFrontier(rows.get(1), base, 100, 1);
        assertOffTheFrontier(rows.get(2), Status.DOMINATED, other);
    }

    @Test
    void identicalStrategiesThatAnotherDominatesAreBothDominatedByIt() {
        final Strategy better = new Strategy("better", 50, 2);
        final Strategy one = new Strategy("one", 100, 1);
        final Strategy other = new Strategy("other", 100, 1);
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(one, other, better));
        assertOffTheFrontier(rows.get(0), Status.DOMINATED, better);
        assertOffTheFrontier(rows.get(1), Status.DOMINATED, better);
        assertFirstOnTheFrontier(rows.get(2));
    }

    @Test
    void identicalStrategiesInsideAnExtendedDominance() {
        final Strategy a = new Strategy("a", 0, 0);
        final Strategy b = new Strategy("b", 200, 1);
        final Strategy copy = new Strategy("copy of b", 200, 1);
        final Strategy c = new Strategy("c", 350, 2);
        // The copy is dominated by b; then a->b 200 > b->c 150: b is extendedly dominated.
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(a, b, copy, c));
        assertFirstOnTheFrontier(rows.get(0));
        assertOffTheFrontier(rows.get(1), Status.EXTENDEDLY_DOMINATED, null);
        assertOffTheFrontier(rows.get(2), Status.DOMINATED, b);
        assertFrontier(rows.get(3), a, 350, 2);
    }

    @Test
    void ofEqualCostsTheLessEffectiveIsDominatedAndOfEqualEffectsTheDearer() {
        final Strategy none = new Strategy("none", 0, 0);
        final Strategy less = new Strategy("less", 100, 1);
        final Strategy more = new Strategy("more", 100, 2);
        final List<Row> sameCost = IncrementalAnalysis.analyse(List.of(less, more, none));
        assertOffTheFrontier(sameCost.get(0), Status.DOMINATED, more);
        assertFrontier(sameCost.get(1), none, 100, 2);
        assertFirstOnTheFrontier(sameCost.get(2));

        final Strategy cheap = new Strategy("cheap", 100, 1);
        final Strategy dearer = new Strategy("dearer", 200, 1);
        final List<Row> sameEffect = IncrementalAnalysis.analyse(List.of(dearer, cheap, none));
        assertOffTheFrontier(sameEffect.get(0), Status.DOMINATED, cheap);
        assertFrontier(sameEffect.get(1), none, 100, 1);
    }

    @Test
    void aSingleStrategyIsTheWholeFrontier() {
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(new Strategy("only", 123, 0.7)));
        assertEquals(1, rows.size());
        assertFirstOnTheFrontier(rows.get(0));
        assertTrue(IncrementalAnalysis.analyse(List.of()).isEmpty());
    }

    @Test
    void whenOneStrategyDominatesAllOthersItIsAloneOnTheFrontier() {
        final Strategy best = new Strategy("best", 0, 2);
        final Strategy w1 = new Strategy("dearer, worse", 10, 1);
        final Strategy w2 = new Strategy("dearer, as good", 20, 2);
        final Strategy w3 = new Strategy("dearer, much worse", 5, 0.5);
        final Strategy w4 = new Strategy("as cheap, worse", 0, 1);
        final List<Row> rows = IncrementalAnalysis.analyse(List.of(w1, w2, best, w3, w4));
        assertOffTheFrontier(rows.get(0), Status.DOMINATED, best);
        assertOffTheFrontier(rows.get(1), Status.DOMINATED, best);
        assertFirstOnTheFrontier(rows.get(2));
        assertOffTheFrontier(rows.get(3), Status.DOMINATED, best);
        assertOffTheFrontier(rows.get(4), Status.DOMINATED, best);
    }

    @Test
    void acceptabilitySharesAThreeWayTieAndRefusesMismatchedDraws() {
        // NMB at wtp 100: 0, 100 - 100, 200 - 200: a three-way tie, a third each. At 150: 0, 50, 100.
        // At 50: 0, -50, -100.
        final double[][] p = IncrementalAnalysis.acceptability(new double[][] {{0, 100, 200}},
                new double[][] {{0, 1, 2}}, new double[] {50, 100, 150});
        assertEquals(1.0, p[0][0], 1e-12);
        assertEquals(0.0, p[1][0], 1e-12);
        assertEquals(1.0 / 3, p[0][1], 1e-12);
        assertEquals(1.0 / 3, p[1][1], 1e-12);
        assertEquals(1.0 / 3, p[2][1], 1e-12);
        assertEquals(0.0, p[1][2], 1e-12);
        assertEquals(1.0, p[2][2], 1e-12);
        // Every NMB negative: the best is still found (not compared with zero).
        final double[][] negative = IncrementalAnalysis.acceptability(new double[][] {{30, 20}},
                new double[][] {{0, 0}}, new double[] {10});
        assertEquals(0.0, negative[0][0], 1e-12);
        assertEquals(1.0, negative[1][0], 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> IncrementalAnalysis.acceptability(new double[0][], new double[0][], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> IncrementalAnalysis.acceptability(
                new double[][] {{0}, {0}}, new double[][] {{0}}, new double[] {1}));
    }

    @Test
    void theChosenStrategyHasTheBestMeanAndItsExpectedLossIsTheEvpi() {
        // Two draws, three strategies, effects 0 and costs as NMB at wtp 0 is -cost:
        // draw 1: -10, -20, -10; draw 2: -30, -20, -30. Means -20, -20, -20: a three-way tie, the
        // first listed chosen. Best per draw -10 and -20: mean -15. Losses: strategy 1 (0 + 10) / 2 = 5,
        // strategy 2 (10 + 0) / 2 = 5, strategy 3 5; the EVPI -15 - (-20) = 5.
        final double[][] costs = {{10, 20, 10}, {30, 20, 30}};
        final double[][] effects = {{0, 0, 0}, {0, 0, 0}};
        assertEquals(0, IncrementalAnalysis.optimal(costs, effects, new double[] {0})[0]);
        final double[][] loss = IncrementalAnalysis.expectedLoss(costs, effects, new double[] {0});
        assertEquals(5.0, loss[0][0], 1e-12);
        assertEquals(5.0, loss[1][0], 1e-12);
        assertEquals(5.0, loss[2][0], 1e-12);
        assertEquals(ProbabilisticAnalysis.evpi(costs, effects, 0), loss[0][0], 1e-12);
        // With effects 0, 1, 2 at wtp 10, NMB: draw 1 -10, -10, 10; draw 2 -30, -10, -10. Means -20,
        // -10, 0: the third chosen. Best per draw 10 and -10, mean 0: losses 20, 10, 0.
        final double[][] more = {{0, 1, 2}, {0, 1, 2}};
        assertEquals(2, IncrementalAnalysis.optimal(costs, more, new double[] {10})[0]);
        final double[][] loss10 = IncrementalAnalysis.expectedLoss(costs, more, new double[] {10});
        assertEquals(20.0, loss10[0][0], 1e-12);
        assertEquals(10.0, loss10[1][0], 1e-12);
        assertEquals(0.0, loss10[2][0], 1e-12);
        assertEquals(-10.0, IncrementalAnalysis.meanNetBenefit(costs, more, 10)[1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> IncrementalAnalysis.meanNetBenefit(
                new double[][] {{1, 2}, {1}}, new double[][] {{0, 0}, {0}}, 1));
    }
}

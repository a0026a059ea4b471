package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Study;

/** The acceptability and the value of information of a PSA, on draws written by hand. */
class ProbabilisticAnalysisByHandTest {
    private static final double EPS = 1e-9;

    /** Costs [arm][payer, employer, health care sector, societal]. */
    private static ProbabilisticAnalysis.Draw draw(final int index, final double[] costA, final double[] costB,
            final double qalyA, final double qalyB) {
        return new ProbabilisticAnalysis.Draw(index, 100 + index, new double[0], new double[][] {costA, costB},
                new double[] {qalyA, qalyB}, new double[] {0, 0});
    }

    private static ProbabilisticAnalysis.Result result() {
        final Study study = new Study("psa", "psa", List.of(TestScenarios.defaults("name=A"),
                TestScenarios.defaults("name=B")), 1, 1, List.of());
        // Payer (and health care and societal) costs: A 100 every draw, B 300; employer costs differ in draw 0.
        return new ProbabilisticAnalysis.Result(study, 3, List.of(
                draw(0, new double[] {100, 500, 100, 100}, new double[] {300, 200, 300, 300}, 1.0, 1.3),
                draw(1, new double[] {100, 100, 100, 100}, new double[] {300, 300, 300, 300}, 1.0, 1.1),
                draw(2, new double[] {100, 100, 100, 100}, new double[] {300, 300, 300, 300}, 1.0, 1.2)));
    }

    @Test
    void tablesByDrawTakeThePerspectivesColumn() {
        final ProbabilisticAnalysis.Result r = result();
        assertArrayEquals(new double[] {100, 300}, r.costs(Perspective.PAYER)[0]);
        assertArrayEquals(new double[] {500, 200}, r.costs(Perspective.EMPLOYER)[0]);
        assertArrayEquals(new double[] {1.0, 1.2}, r.qalys()[2]);
        // A draw known by its means alone counts as one replication of those means.
        final ProbabilisticAnalysis.Draw first = r.draws().get(0);
        assertArrayEquals(new double[] {1.3}, first.replicationQalys()[1]);
        assertArrayEquals(new double[] {500}, first.replicationCosts()[0][Perspective.EMPLOYER.ordinal()]);
        assertArrayEquals(new double[] {200}, first.replicationCosts()[1][Perspective.EMPLOYER.ordinal()]);
        assertEquals(List.of("A", "B"), r.arms());
    }

    @Test
    void evpiIsTheMeanOfTheBestLessTheBestOfTheMeans() {
        final ProbabilisticAnalysis.Result r = result();
        // WTP 1,000, payer: NMB A = 1000 - 100 = 900 in every draw; B = 1300 - 300 = 1000, 800, 900.
        // Mean of the best: (1000 + 900 + 900) / 3 = 933.33; best mean: max(900, 900) = 900.
        assertEquals(2800.0 / 3 - 900, r.evpi(Perspective.PAYER, 1000), EPS);
        // WTP 0: NMB = -cost; A is cheaper in every draw, so perfect information changes nothing.
        assertEquals(0.0, r.evpi(Perspective.PAYER, 0), EPS);
        // WTP 0, employer: best per draw -200 (B), -100, -100; means A -700/3, B -800/3.
        assertEquals(-400.0 / 3 - (-700.0 / 3), r.evpi(Perspective.EMPLOYER, 0), EPS);
        // WTP 10,000: B's NMB 13000 - 300, 11000 - 300, 12000 - 300 beats A's 9,900 in every draw.
        assertEquals(0.0, r.evpi(Perspective.SOCIETAL, 10_000), EPS);
    }

    @Test
    void acceptabilitySharesTiedDrawsEvenly() {
        final ProbabilisticAnalysis.Result r = result();
        // WTP 1,000, payer: B best in draw 0, A in draw 1, a tie (900 each) in draw 2.
        final double[][] p = r.acceptability(Perspective.PAYER, new double[] {0, 1000});
        assertArrayEquals(new double[] {1.0, 1.5 / 3}, p[0], EPS);
        assertArrayEquals(new double[] {0.0, 1.5 / 3}, p[1], EPS);
    }
}

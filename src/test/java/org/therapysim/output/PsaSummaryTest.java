package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.TestScenarios;
import org.therapysim.experiment.ProbabilisticAnalysis;
import org.therapysim.scenario.Study;

/** psa_summary.csv gives a cost per QALY only where the arm trades cost against QALYs. */
class PsaSummaryTest {
    @TempDir
    Path dir;

    private List<CSVRecord> summary(final double costB, final double qalysB) throws IOException {
        final Study study = new Study("psa", "psa", List.of(TestScenarios.defaults("name=A"),
                TestScenarios.defaults("name=B")), 1, 1, List.of());
        // Two draws; every perspective's cost the same. A: 100 and 1.0 QALYs in both.
        final List<ProbabilisticAnalysis.Draw> draws = List.of(
                new ProbabilisticAnalysis.Draw(0, 1, new double[0], new double[][] {same(100), same(costB)},
                    new double[] {1.0, qalysB}, new double[] {0, 0}),
                new ProbabilisticAnalysis.Draw(1, 2, new double[0], new double[][] {same(100), same(costB + 20)},
                    new double[] {1.0, qalysB}, new double[] {0, 0}));
        final Path target = dir.resolve("psa-" + costB + "-" + qalysB);
        try (ResultsFolder folder = ResultsFolder.open(target, false)) {
            UncertaintyWriter.psa(new ProbabilisticAnalysis.Result(study, 1, draws), folder);
            try (var reader = Files.newBufferedReader(folder.file("psa_summary.csv"))) {
                return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)
                        .getRecords();
            }
        }
    }

    @Test
    void aTradeOffHasItsRatioAndDominanceNone() throws IOException {
        // B costs 300 and 320 (mean increment 210) for 1.5 QALYs (increment 0.5): 210 / 0.5 = 420 per QALY.
        final List<CSVRecord> trade = summary(300, 1.5);
        for (final CSVRecord row : trade) {
            if (row.get("arm").equals("B")) {
                assertEquals(420.0, Double.parseDouble(row.get("cost_per_qaly_vs_reference")), 1e-9);
            } else {
                assertEquals("", row.get("cost_per_qaly_vs_reference"));
            }
        }
        // B costs more (210) and gives less (-0.5): dominated, no ratio (it would read -420).
        final List<CSVRecord> dominated = summary(300, 0.5);
        assertEquals(org.therapysim.experiment.Perspective.values().length,
                dominated.stream().filter(r -> r.get("arm").equals("B")).count(), "one row per perspective");
        assertTrue(dominated.stream().allMatch(r -> r.get("cost_per_qaly_vs_reference").isEmpty()));
        // B costs less (-90 + 10 = -80 on average) and gives more: dominates, no ratio either.
        final List<CSVRecord> dominates = summary(10, 1.5);
        assertFalse(dominates.isEmpty());
        assertTrue(dominates.stream().allMatch(r -> r.get("cost_per_qaly_vs_reference").isEmpty()));
    }

    /** @return the same cost in every perspective */
    private static double[] same(final double cost) {
        final double[] costs = new double[org.therapysim.experiment.Perspective.values().length];
        java.util.Arrays.fill(costs, cost);
        return costs;
    }
}

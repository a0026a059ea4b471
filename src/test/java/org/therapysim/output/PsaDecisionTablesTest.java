package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.TestScenarios;
import org.therapysim.experiment.ProbabilisticAnalysis;
import org.therapysim.scenario.Study;
import org.therapysim.scenario.UncertainParameter;

/**
 * The PSA's decision tables (acceptability.csv, ceaf.csv, expected_loss.csv, ce_plane.csv,
 * psa_convergence.csv, psa_noise.csv, evppi.csv) recomputed here from psa_draws.csv and the draws'
 * replications, by plain loops written for this test, on draws with ties between arms.
 */
class PsaDecisionTablesTest {
    private static final double NA = Double.NaN;
    private static final int DRAWS = 40;
    private static final String[] ARMS = {"A", "B", "C", "D"};

    @TempDir
    static Path dir;

    private static Path folder;
    /** Replication QALYs of B (and C), [draw][replication]. */
    private static final double[][] B_REPLICATIONS = new double[DRAWS][2];

    /** A grid off-centre, so that B never ties with A at a willingness to pay of the grid. */
    static double theta(final int d) {
        return -5 + 10.0 * (d / 2) / (DRAWS / 2 - 1) + 0.0123;
    }

    /**
     * Four arms. A and D alike: cost 100 (payer), 1.0 QALYs. B and C alike: cost 150, QALYs
     * 1.0 + 0.001 theta on average, the draw's two replications that far above and below it by a
     * noise that varies with the draw. theta on a grid; a second input alternates +1, -1.
     */
    @BeforeAll
    static void write() throws IOException {
        final Study study = new Study("psa", "psa", List.of(TestScenarios.defaults("name=A"),
                TestScenarios.defaults("name=B"), TestScenarios.defaults("name=C"), TestScenarios.defaults("name=D")),
                1, 3, List.of(new UncertainParameter("dynamics.a", UncertainParameter.Family.UNIFORM, NA, NA, -5, 5),
                        new UncertainParameter("costs.b", UncertainParameter.Family.UNIFORM, NA, NA, -1, 1)));
        final List<ProbabilisticAnalysis.Draw> draws = new ArrayList<>();
        for (int d = 0; d < DRAWS; d++) {
            final double q = 1.0 + 0.001 * theta(d);
            final double noise = 0.0004 * (1 + d % 3);
            final int perspectives = org.therapysim.experiment.Perspective.values().length;
            final double[][][] costs = new double[4][perspectives][2];
            final double[][] qalys = new double[4][2];
            for (int r = 0; r < 2; r++) {
                for (int a = 0; a < 4; a++) {
                    final boolean treated = a == 1 || a == 2;
                    for (int p = 0; p < perspectives; p++) {
                        // Each perspective after the payer's adds 10 more to every arm.
                        costs[a][p][r] = (treated ? 150 : 100) + 10 * p;
                    }
                    qalys[a][r] = treated ? q + (r == 0 ? noise : -noise) : 1.0;
                }
                B_REPLICATIONS[d][r] = qalys[1][r];
            }
            final double[][] means = new double[4][perspectives];
            for (int a = 0; a < 4; a++) {
                for (int p = 0; p < perspectives; p++) {
                    means[a][p] = (a == 1 || a == 2 ? 150 : 100) + 10 * p;
                }
            }
            draws.add(new ProbabilisticAnalysis.Draw(d, d, new double[] {theta(d), d % 2 == 0 ? 1 : -1}, means,
                    new double[] {1.0, q, q, 1.0}, new double[4], costs, qalys));
        }
        folder = dir.resolve("psa");
        try (ResultsFolder out = ResultsFolder.open(folder, false)) {
            UncertaintyWriter.psa(new ProbabilisticAnalysis.Result(study, 2, draws), out);
            out.commit();
        }
    }

    private static List<CSVRecord> csv(final String name) throws IOException {
        try (var reader = Files.newBufferedReader(folder.resolve(name))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)
                    .getRecords();
        }
    }

    /**
     * The tolerance of a net benefit recomputed from psa_draws.csv: QALYs are written to 8
     * significant digits (Numbers), an error of up to 5e-9 per QALY, times the willingness to pay.
     */
    private static double tolerance(final double wtp) {
        return 2e-8 * wtp + 1e-6;
    }

    private static double v(final CSVRecord r, final String column) {
        return Double.parseDouble(r.get(column));
    }

    /** @return payer net benefit [draw][arm] from psa_draws.csv at {@code wtp} */
    private static double[][] netBenefit(final double wtp) throws IOException {
        final double[][] nb = new double[DRAWS][ARMS.length];
        for (final CSVRecord r : csv("psa_draws.csv")) {
            final int arm = List.of(ARMS).indexOf(r.get("arm"));
            nb[Integer.parseInt(r.get("draw")) - 1][arm] = wtp * v(r, "qalys_per_patient")
                    - v(r, "cost_per_patient_payer");
        }
        return nb;
    }

    /** @return payer rows of a table by willingness to pay */
    private static Map<Double, List<CSVRecord>> payerByWtp(final String name) throws IOException {
        final Map<Double, List<CSVRecord>> out = new TreeMap<>();
        for (final CSVRecord r : csv(name)) {
            if (r.get("perspective").equals("payer")) {
                out.computeIfAbsent(v(r, "willingness_to_pay"), k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    @Test
    void evpiFrontierAndLossesFollowFromTheDraws() throws IOException {
        final Map<Double, List<CSVRecord>> acceptability = payerByWtp("acceptability.csv");
        final Map<Double, List<CSVRecord>> ceaf = payerByWtp("ceaf.csv");
        final Map<Double, List<CSVRecord>> losses = payerByWtp("expected_loss.csv");
        assertEquals(41, ceaf.size());
        for (final double wtp : ceaf.keySet()) {
            final double[][] nb = netBenefit(wtp);
            final double[] mean = new double[ARMS.length];
            final double[] wins = new double[ARMS.length];
            final double[] loss = new double[ARMS.length];
            double meanOfBest = 0;
            for (final double[] draw : nb) {
                double best = Double.NEGATIVE_INFINITY;
                for (final double x : draw) {
                    best = Math.max(best, x);
                }
                int tied = 0;
                for (final double x : draw) {
                    tied += x == best ? 1 : 0;
                }
                for (int a = 0; a < ARMS.length; a++) {
                    mean[a] += draw[a] / DRAWS;
                    wins[a] += draw[a] == best ? 1.0 / tied / DRAWS : 0;
                    loss[a] += (best - draw[a]) / DRAWS;
                }
                meanOfBest += best / DRAWS;
            }
            // The chosen arm: the highest mean, the first listed of a tie (A and D tie at every value).
            int chosen = 0;
            for (int a = 1; a < ARMS.length; a++) {
                chosen = mean[a] > mean[chosen] + 1e-9 ? a : chosen;
            }
            final CSVRecord frontier = ceaf.get(wtp).get(0);
            assertEquals(ARMS[chosen], frontier.get("optimal_arm"), "at " + wtp);
            assertEquals(wins[chosen], v(frontier, "probability_cost_effective"), 1e-6, "frontier at " + wtp);
            assertEquals(mean[chosen], v(frontier, "expected_net_benefit_per_patient"), tolerance(wtp) + 1e-7 * Math.abs(mean[chosen]));
            final double evpi = meanOfBest - mean[chosen];
            for (final CSVRecord r : acceptability.get(wtp)) {
                assertEquals(evpi, v(r, "evpi_per_patient"), tolerance(wtp), "EVPI at " + wtp);
                final int a = List.of(ARMS).indexOf(r.get("arm"));
                assertEquals(wins[a], v(r, "probability_cost_effective"), 1e-6, r.get("arm") + " at " + wtp);
            }
            // Ties share the draw evenly: A with D, B with C.
            assertEquals(wins[0], wins[3], 1e-12);
            assertEquals(wins[1], wins[2], 1e-12);
            for (final CSVRecord r : losses.get(wtp)) {
                final int a = List.of(ARMS).indexOf(r.get("arm"));
                assertEquals(loss[a], v(r, "expected_loss_per_patient"), tolerance(wtp), r.get("arm"));
                assertEquals(a == chosen, Boolean.parseBoolean(r.get("optimal")));
                if (a == chosen) {
                    // The chosen arm's expected loss is the EVPI, noise regressed away or not.
                    assertEquals(evpi, v(r, "expected_loss_per_patient"), tolerance(wtp));
                    assertEquals(v(acceptability.get(wtp).get(0), "evpi_corrected_per_patient"),
                            v(r, "expected_loss_corrected_per_patient"), tolerance(wtp));
                }
            }
        }
    }

    @Test
    void theCorrectedEvpiAndTheEvppiOfTheInputThatExplainsEverythingAreTheEvpiOfTheNoiselessMeans()
            throws IOException {
        // The draws' means carry no noise and B's QALYs are linear in theta: the regression on theta
        // (alone or with the other input) is exact, and the other input explains nothing.
        final double wtp = 100_000;
        final double[][] nb = netBenefit(wtp);
        double meanOfBest = 0;
        final double[] mean = new double[ARMS.length];
        for (final double[] draw : nb) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < ARMS.length; a++) {
                best = Math.max(best, draw[a]);
                mean[a] += draw[a] / DRAWS;
            }
            meanOfBest += best / DRAWS;
        }
        final double evpi = meanOfBest - Math.max(Math.max(mean[0], mean[1]), Math.max(mean[2], mean[3]));
        assertTrue(evpi > 1, "a decision that depends on theta: " + evpi);
        final Map<String, Double> evppi = new TreeMap<>();
        for (final CSVRecord r : csv("evppi.csv")) {
            if (r.get("perspective").equals("payer")) {
                evppi.put(r.get("inputs"), v(r, "evppi_per_patient"));
            }
        }
        assertEquals(evpi, evppi.get("dynamics.a"), tolerance(wtp));
        assertEquals(evpi, evppi.get("all inputs"), tolerance(wtp));
        assertEquals(0.0, evppi.get("costs.b"), tolerance(wtp));
        final CSVRecord corrected = payerByWtp("acceptability.csv").get(wtp).get(0);
        assertEquals(evpi, v(corrected, "evpi_corrected_per_patient"), tolerance(wtp));
    }

    @Test
    void noiseSharesAndConvergenceFollowFromTheReplications() throws IOException {
        final double wtp = 100_000;
        // B against A: the replications' INB, 100,000 x (QALYs - 1) - 50; within-draw variance of two
        // values (x1 - x2)^2 / 2, its mean over draws over 2 replications; against the variance of the means.
        double noise = 0;
        final double[] means = new double[DRAWS];
        for (int d = 0; d < DRAWS; d++) {
            final double x1 = wtp * (B_REPLICATIONS[d][0] - 1) - 50;
            final double x2 = wtp * (B_REPLICATIONS[d][1] - 1) - 50;
            noise += (x1 - x2) * (x1 - x2) / 2 / 2 / DRAWS;
            means[d] = (x1 + x2) / 2;
        }
        double grand = 0;
        for (final double m : means) {
            grand += m / DRAWS;
        }
        double total = 0;
        for (final double m : means) {
            total += (m - grand) * (m - grand) / (DRAWS - 1);
        }
        int checked = 0;
        for (final CSVRecord r : csv("psa_noise.csv")) {
            if (r.get("perspective").equals("payer") && r.get("quantity").equals("incremental_net_benefit")
                    && (r.get("arm").equals("B") || r.get("arm").equals("C"))) {
                assertEquals(total, v(r, "variance_of_draw_means"), 1e-6 * total);
                assertEquals(noise, v(r, "noise_variance"), 1e-6 * noise);
                assertEquals(noise / total, v(r, "noise_share"), 1e-6);
                checked++;
            }
            if (r.get("perspective").equals("payer") && r.get("quantity").equals("incremental_net_benefit_all_arms")) {
                // B and C carry it all; D against A has neither spread nor noise.
                assertEquals(noise / total, v(r, "noise_share"), 1e-6);
                checked++;
            }
        }
        assertEquals(3, checked);
        // The convergence table's last row of each arm is the mean over every draw.
        final Map<String, CSVRecord> last = new TreeMap<>();
        for (final CSVRecord r : csv("psa_convergence.csv")) {
            if (r.get("perspective").equals("payer") && Integer.parseInt(r.get("draws")) == DRAWS) {
                last.put(r.get("arm"), r);
            }
        }
        assertEquals(grand, v(last.get("B"), "mean_incremental_net_benefit"), 1e-6 * Math.abs(grand));
        assertEquals(0.0, v(last.get("D"), "mean_incremental_net_benefit"), 1e-9);
    }

    @Test
    void thePlaneGivesEachArmsMeansSpreadAndStanding() throws IOException {
        // B against A: QALYs 0.001 theta (mean 0.001 x 0.0123), cost 50 in every draw; D is A again.
        double sd = 0;
        for (int d = 0; d < DRAWS; d++) {
            sd += Math.pow(0.001 * (theta(d) - 0.0123), 2) / (DRAWS - 1);
        }
        sd = Math.sqrt(sd);
        final Map<String, CSVRecord> plane = new TreeMap<>();
        for (final CSVRecord r : csv("ce_plane.csv")) {
            if (r.get("perspective").equals("payer")) {
                plane.put(r.get("arm"), r);
            }
        }
        assertEquals(0.001 * 0.0123, v(plane.get("B"), "mean_incremental_qalys"), 1e-12);
        assertEquals(50.0, v(plane.get("B"), "mean_incremental_cost"), 1e-9);
        assertEquals(sd, v(plane.get("B"), "sd_incremental_qalys"), 1e-9);
        assertEquals(0.0, v(plane.get("B"), "sd_incremental_cost"), 1e-9);
        // A and B (dearer, a few more QALYs) are the frontier; C and D, twins listed later, are dominated.
        assertEquals("frontier", plane.get("A").get("frontier_status"));
        assertEquals("frontier", plane.get("B").get("frontier_status"));
        assertEquals("dominated", plane.get("C").get("frontier_status"));
        assertEquals("dominated", plane.get("D").get("frontier_status"));
    }
}

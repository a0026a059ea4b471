package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.therapysim.ExitCode;
import org.therapysim.TherapysimException;
import org.therapysim.scenario.FreeParameter;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Source;
import org.therapysim.scenario.Study;
import org.therapysim.scenario.Target;
import org.therapysim.scenario.TargetFile;
import org.therapysim.scenario.TargetRole;

/**
 * Calibration recovers known parameters: simulate with parameters P, state the resulting figures
 * as targets, then fit from a perturbed start and get P back.
 */
class CalibrationTest {
    private static final ScenarioLoader LOADER = new ScenarioLoader();
    private static final double TRUE_BASE_LOGIT = -5.6;
    private static final double TRUE_RATE = 0.28;

    private static ResolvedTree small(final double baseLogit, final double rate) {
        ResolvedTree tree = LOADER.defaultTree();
        final String[][] overrides = {{"population.mode", "cohort"}, {"population.cohortSize", "1200"},
            {"simulation.weeks", "40"}, {"evaluation.horizonWeeks", "40"}, {"workforce.therapists", "50"},
            {"dynamics.dropout.baseLogit", Double.toString(baseLogit)},
            {"dynamics.symptoms.improvementRate", Double.toString(rate)}};
        for (final String[] kv : overrides) {
            tree = LOADER.override(tree, kv[0], kv[1], "test");
        }
        return tree;
    }

    private static Target target(final Metric metric, final double value) {
        return new Target(metric.id(), metric.id(), "synthetic", value, value - 0.01, value + 0.01,
                new Source("Test, T.", 2026, "synthetic", "none", "simulated with known parameters"));
    }

    @Test
    void recoversKnownParametersFromAPerturbedStart() {
        final Scenario truth = LOADER.bind(small(TRUE_BASE_LOGIT, TRUE_RATE));
        final ArmResult arm = new Experiment(new Study("truth", "t", List.of(truth), 4, 99), false, 2)
                .run(null, ProgressListener.NONE).reference();
        final double dropout = arm.summary(Metric.DROPOUT_RATE).mean();
        final double improved = arm.summary(Metric.IMPROVED_BY_SESSION_8).mean();
        final TargetFile targets = new TargetFile("synthetic", "none", 4, 99,
                List.of(target(Metric.DROPOUT_RATE, dropout), target(Metric.IMPROVED_BY_SESSION_8, improved)),
                List.of());
        final List<FreeParameter> free = List.of(new FreeParameter("dynamics.dropout.baseLogit", -7.0, -4.5),
                new FreeParameter("dynamics.symptoms.improvementRate", 0.1, 0.45));

        final Calibration calibration = new Calibration(LOADER, small(-6.5, 0.15), List.of(), targets,
                Path.of("synthetic.yaml"), free, 2);
        final Calibration.Fit fit = calibration.fit(120, 1, (evaluation, best) -> { });

        assertEquals(0.0, calibration.objective(new double[] {TRUE_BASE_LOGIT, TRUE_RATE}), 1e-12,
                "the truth has zero objective: the same seeds reproduce the targets exactly");
        assertTrue(fit.startObjective() > 10, "the start is far off: " + fit.startObjective());
        assertTrue(fit.objective() < 1.0, "fitted objective " + fit.objective());
        assertEquals(TRUE_BASE_LOGIT, fit.values().get("dynamics.dropout.baseLogit"), 0.25, fit.values().toString());
        assertEquals(TRUE_RATE, fit.values().get("dynamics.symptoms.improvementRate"), 0.03, fit.values().toString());
        assertTrue(fit.rows().stream().allMatch(TargetCheck.Row::inside));
        assertTrue(fit.evaluations() <= 120 + 10);
    }

    @Test
    void aPublishedPointCostsItsDistanceAndABoundOnlyWhatLiesOutside() {
        final Source source = new Source("Test, T.", 2026, "synthetic", "none", "hand-computed");
        final Target point = new Target("p", "dropout_rate", "d", 0.2, 0.1, 0.3, source);
        assertEquals(0.25, Calibration.cost(point, 0.25), 1e-12); // (0.05 / 0.1)^2
        assertEquals(0.0, Calibration.cost(point, 0.2), 1e-12);
        final Target over = new Target("o", "early_dropout_share", "d", 0.7, 0.7, 1.0, source);
        assertEquals(0.0, Calibration.cost(over, 0.9), 1e-12);
        assertEquals(4.0 / 9.0, Calibration.cost(over, 0.6), 1e-12); // (0.1 / 0.15)^2
        final Target atMost = new Target("m", "orientation_mean_d", "d", 0.0, 0.0, 0.2, source);
        assertEquals(0.0, Calibration.cost(atMost, 0.15), 1e-12);
        assertEquals(Calibration.UNDEFINED_PENALTY, Calibration.cost(point, Double.NaN));
    }

    /** Only calibrated targets enter the objective; the others are compared but never fitted. */
    @Test
    void onlyCalibratedTargetsEnterTheObjective() {
        final Scenario truth = LOADER.bind(small(TRUE_BASE_LOGIT, TRUE_RATE));
        final double dropout = new Experiment(new Study("truth", "t", List.of(truth), 2, 99), false, 2)
                .run(null, ProgressListener.NONE).reference().summary(Metric.DROPOUT_RATE).mean();
        final Source source = new Source("Test, T.", 2026, "synthetic", "none", "simulated with known parameters");
        final Target fitted = target(Metric.DROPOUT_RATE, dropout);
        // Far outside its band at the truth: fitted, it would add ((0.5 - mean) / 0.01)^2 > 100.
        final Target[] others = {
            new Target("mean", "mean_sessions", "d", 0.5, 0.49, 0.51, source, null, TargetRole.INDEPENDENT),
            new Target("input", "mean_sessions", "d", 0.5, 0.49, 0.51, source, null, TargetRole.INPUT)};
        final Calibration calibration = new Calibration(LOADER, small(-6.5, TRUE_RATE), List.of(),
                new TargetFile("synthetic", "none", 2, 99, List.of(fitted, others[0], others[1]), List.of()),
                Path.of("synthetic.yaml"), List.of(new FreeParameter("dynamics.dropout.baseLogit", -7.0, -4.5)), 2);
        assertEquals(0.0, calibration.objective(new double[] {TRUE_BASE_LOGIT}), 1e-12);

        final TargetFile none = new TargetFile("synthetic", "none", 2, 99, List.of(others[0]), List.of());
        final TherapysimException refused = assertThrows(TherapysimException.class, () -> new Calibration(LOADER,
                small(-6.5, 0.15), List.of(), none, Path.of("synthetic.yaml"),
                List.of(new FreeParameter("dynamics.dropout.baseLogit", -7.0, -4.5)), 2));
        assertEquals(ExitCode.INVALID_INPUT, refused.exitCode());
        assertTrue(refused.getMessage().startsWith("synthetic.yaml: targets: no target has role calibrated"),
                refused.getMessage());
    }

    /** A ratio between two scenarios is fitted with the free parameter set in both. */
    @Test
    void recoversAPriceResponseFromARatioTarget() {
        final double truth = 1.2;
        final ResolvedTree free = cohort("free", 0, 0.4);
        final ResolvedTree priced = cohort("priced", 60, 0.4);
        final ExperimentResult r = new Experiment(new Study("truth", "t", List.of(
                LOADER.bind(cohort("priced", 60, truth)), LOADER.bind(cohort("free", 0, truth))), 3, 7), false, 2)
                .run(null, ProgressListener.NONE);
        final double ratio = r.reference().ratioTo(r.arms().get(1), Metric.STARTED_RATE).mean();
        final Target target = new Target("started", "started_rate", "synthetic", ratio, ratio - 0.01, ratio + 0.01,
                new Source("Test, T.", 2026, "synthetic", "none", "simulated"), "free.yaml");
        final TargetFile targets = new TargetFile("synthetic", "none", 3, 7, List.of(target), List.of());
        final Calibration calibration = new Calibration(LOADER, priced, List.of(free), targets,
                Path.of("synthetic.yaml"), List.of(new FreeParameter("dynamics.access.startPricePer100", 0.0, 3.0)), 2);
        final Calibration.Fit fit = calibration.fit(40, 1, (evaluation, best) -> { });
        assertTrue(ratio < 0.8, "the price deters: " + ratio);
        assertEquals(truth, fit.values().get("dynamics.access.startPricePer100"), 0.1, fit.values().toString());
        assertTrue(fit.rows().get(0).inside(), fit.rows().toString());
    }

    private static ResolvedTree cohort(final String name, final int copay, final double startPricePer100) {
        ResolvedTree tree = LOADER.defaultTree();
        final String[][] overrides = {{"name", name}, {"population.mode", "cohort"},
            {"population.cohortSize", "1500"}, {"simulation.weeks", "10"}, {"evaluation.horizonWeeks", "10"}, {"plan.copay", Integer.toString(copay)},
            {"dynamics.access.startPricePer100", Double.toString(startPricePer100)}};
        for (final String[] kv : overrides) {
            tree = LOADER.override(tree, kv[0], kv[1], "test");
        }
        return tree;
    }
}

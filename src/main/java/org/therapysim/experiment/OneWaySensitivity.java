package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.therapysim.engine.Engine;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import org.therapysim.scenario.UncertainParameter;

/**
 * One-way sensitivity analysis: each uncertain parameter in turn is set to the 2.5th and the 97.5th
 * percentile of its distribution, whatever its family (for a uniform, 2.5% and 97.5% of the way
 * across its range, not its bounds), so that every bar spans the same share of its input's
 * uncertainty; every other value stays as the scenario gives it, and the chosen outcome of one arm
 * against the reference is recomputed. Every run uses the study's own replication seeds, so that the
 * bars show the parameter's effect, not a change of random draws.
 *
 * <p>The ICER is left undefined (NaN) wherever the 95% paired interval of the QALY difference
 * includes zero (always with a single replication): its denominator may then be zero or of either
 * sign, and the ratio says nothing. Such a bar end is left out of the bar; an undefined base case is
 * refused ({@link NoDetectableDifferenceException}).
 */
public final class OneWaySensitivity {
    /** Lower percentile of each parameter's range. */
    public static final double LOW = 0.025;
    /** Upper percentile. */
    public static final double HIGH = 0.975;

    /** What the diagram shows. */
    public enum Outcome {
        /** Incremental net monetary benefit per patient, against the reference. */
        NMB("incremental net monetary benefit per patient"),
        /** Incremental cost per QALY gained, against the reference. */
        ICER("incremental cost per QALY"),
        /** The arm's recovery rate among finished courses at caseness. */
        RECOVERY("recovery rate");

        private final String label;

        Outcome(final String label) {
            this.label = label;
        }

        /** @return the outcome in words */
        public String label() {
            return label;
        }
    }

    /**
     * One parameter's bar.
     *
     * @param parameter the parameter
     * @param lowValue its value at the low end
     * @param highValue its value at the high end
     * @param atLow the outcome with the low value
     * @param atHigh the outcome with the high value
     * @param lowError the outcome with the low value less the base case's, replication by replication
     *     on the same seeds, with its 95% t interval: the Monte Carlo error of the bar's low half (null
     *     where the outcome has no value per replication: the ICER)
     * @param highError the same with the high value
     * @param differenceError the outcome at the high value less that at the low, replication by
     *     replication on the same seeds, with its 95% t interval: the bar's Monte Carlo error (null
     *     for the ICER)
     */
    public record Bar(UncertainParameter parameter, double lowValue, double highValue, double atLow, double atHigh,
            MetricSummary lowError, MetricSummary highError, MetricSummary differenceError) {
        /** A bar without its Monte Carlo errors. */
        public Bar(final UncertainParameter parameter, final double lowValue, final double highValue,
                final double atLow, final double atHigh) {
            this(parameter, lowValue, highValue, atLow, atHigh, null, null, null);
        }

        /**
         * @return whether the bar is outside the simulation's noise: the 95% interval of the outcome at
         *     the high end less that at the low end excludes zero (false without an interval)
         */
        public boolean detected() {
            return differenceError != null && differenceError.excludesZero();
        }

        /** @return the width of the bar (NaN when an end is undefined) */
        public double swing() {
            return Math.abs(atHigh - atLow);
        }

        /** @return whether an end is undefined (an ICER without a detectable QALY difference) */
        public boolean partial() {
            return Double.isNaN(atLow) || Double.isNaN(atHigh);
        }

        /** @return the length of the bar as drawn from {@code base}, leaving out an undefined end */
        public double extent(final double base) {
            double low = base;
            double high = base;
            for (final double end : new double[] {atLow, atHigh}) {
                if (!Double.isNaN(end)) {
                    low = Math.min(low, end);
                    high = Math.max(high, end);
                }
            }
            return partial() ? high - low : swing();
        }
    }

    /** The base case's ICER is undefined: its QALY difference is not detectable. */
    public static final class NoDetectableDifferenceException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NoDetectableDifferenceException(final String arm) {
            super("the QALY difference of " + arm + " from the reference is not detectable with every value as "
                    + "given (its 95% paired interval includes zero), so its ICER is undefined");
        }
    }

    /**
     * The diagram's data.
     *
     * @param study the study as given
     * @param arm the arm whose outcome is shown
     * @param outcome what is shown
     * @param perspective whose costs count (NMB and ICER)
     * @param willingnessToPay value of a QALY (NMB)
     * @param base the outcome with every value as the scenario gives it
     * @param bars one per parameter, widest first
     */
    public record Result(Study study, String arm, Outcome outcome, Perspective perspective, double willingnessToPay,
            double base, List<Bar> bars) {
        public Result {
            bars = List.copyOf(bars);
        }
    }

    private OneWaySensitivity() {
    }

    /**
     * Runs the analysis.
     *
     * @param arm index of the arm in the study (0 only for the recovery rate of a one-arm study)
     * @param progress told after each replication, over all runs
     */
    public static Result run(final Study study, final ScenarioLoader loader, final int arm, final Outcome outcome,
            final Perspective perspective, final double willingnessToPay, final int threads,
            final ProgressListener progress) {
        return run(study, loader, arm, outcome, perspective, willingnessToPay, threads, progress, null);
    }

    /**
     * Runs the analysis: the base run and every parameter's two runs on one pool of threads.
     *
     * @param arm index of the arm in the study (0 only for the recovery rate of a one-arm study)
     * @param progress told after each replication, over all runs
     * @param journal records each finished replication (group 0 the base run, then each
     *     parameter at its low and its high value) and recalls earlier ones (may be null)
     */
    public static Result run(final Study study, final ScenarioLoader loader, final int arm, final Outcome outcome,
            final Perspective perspective, final double willingnessToPay, final int threads,
            final ProgressListener progress, final TaskJournal journal) {
        return run(study, loader, arm, outcome, perspective, willingnessToPay,
                runs -> Experiment.runAll(runs, threads, progress, journal));
    }

    /**
     * Runs the analysis on another engine (such as Spark): the base run and every parameter's two
     * runs as one job, each replication with the seed the local run gives it, so the result is the
     * same.
     *
     * @param progress told as replications finish, over all runs
     */
    public static Result run(final Study study, final ScenarioLoader loader, final int arm, final Outcome outcome,
            final Perspective perspective, final double willingnessToPay, final Engine engine,
            final ProgressListener progress) {
        return run(study, loader, arm, outcome, perspective, willingnessToPay,
                runs -> Experiment.runAll(runs, engine, progress));
    }

    private static Result run(final Study study, final ScenarioLoader loader, final int arm, final Outcome outcome,
            final Perspective perspective, final double willingnessToPay,
            final Function<List<Study>, List<ExperimentResult>> runner) {
        if (study.uncertain().isEmpty()) {
            throw new IllegalArgumentException("the study has no uncertain parameters");
        }
        final List<Scenario> arms = arm == 0 ? List.of(study.reference())
                : List.of(study.reference(), study.arms().get(arm));
        if (arm == 0 && outcome != Outcome.RECOVERY) {
            throw new IllegalArgumentException(outcome.label() + " compares an arm with the reference");
        }
        final Study pair = study.withArms(arms);
        final List<Study> runs = new ArrayList<>(List.of(pair));
        for (final UncertainParameter p : study.uncertain()) {
            for (final double value : new double[] {p.quantile(LOW), p.quantile(HIGH)}) {
                final List<Scenario> varied = new ArrayList<>();
                for (final Scenario s : arms) {
                    varied.add(loader.vary(s, p.key(), value, "tornado " + p.key()));
                }
                runs.add(pair.withArms(varied));
            }
        }
        final List<ExperimentResult> results = runner.apply(runs);
        final double base = outcome(results.get(0), outcome, perspective, willingnessToPay);
        if (Double.isNaN(base)) {
            throw new NoDetectableDifferenceException(arms.get(arms.size() - 1).name());
        }
        final List<Bar> bars = new ArrayList<>();
        final double[] baseReplications = replications(results.get(0), outcome, perspective, willingnessToPay);
        for (int i = 0; i < study.uncertain().size(); i++) {
            final UncertainParameter p = study.uncertain().get(i);
            final double[] low = replications(results.get(1 + 2 * i), outcome, perspective, willingnessToPay);
            final double[] high = replications(results.get(2 + 2 * i), outcome, perspective, willingnessToPay);
            bars.add(new Bar(p, p.quantile(LOW), p.quantile(HIGH),
                    outcome(results.get(1 + 2 * i), outcome, perspective, willingnessToPay),
                    outcome(results.get(2 + 2 * i), outcome, perspective, willingnessToPay),
                    low == null ? null : MetricSummary.paired(low, baseReplications),
                    high == null ? null : MetricSummary.paired(high, baseReplications),
                    low == null ? null : MetricSummary.paired(high, low)));
        }
        bars.sort(Comparator.comparingDouble((Bar b) -> b.extent(base)).reversed());
        return new Result(study, arms.get(arms.size() - 1).name(), outcome, perspective, willingnessToPay, base, bars);
    }

    /**
     * @return the outcome of the last arm of {@code result} in each replication (against the first's
     *     in the same replication, where it compares), or null for the ICER, a ratio of means
     */
    static double[] replications(final ExperimentResult result, final Outcome outcome, final Perspective perspective,
            final double willingnessToPay) {
        final ArmResult arm = result.arms().get(result.arms().size() - 1);
        if (outcome == Outcome.RECOVERY) {
            return arm.values(Metric.RECOVERY_RATE);
        }
        if (outcome == Outcome.ICER) {
            return null;
        }
        final double[] cost = arm.values(perspective.cost());
        final double[] qalys = arm.values(Metric.QALYS_PER_PATIENT);
        final double[] referenceCost = result.reference().values(perspective.cost());
        final double[] referenceQalys = result.reference().values(Metric.QALYS_PER_PATIENT);
        final double[] out = new double[cost.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = IncrementalAnalysis.netMonetaryBenefit(cost[r] - referenceCost[r], qalys[r] - referenceQalys[r],
                    willingnessToPay);
        }
        return out;
    }

    /**
     * @return the outcome of the last arm of {@code result} (against the first, where it compares);
     *     an ICER is NaN when the paired interval of the QALY difference includes zero
     */
    static double outcome(final ExperimentResult result, final Outcome outcome, final Perspective perspective,
            final double willingnessToPay) {
        final ArmResult arm = result.arms().get(result.arms().size() - 1);
        if (outcome == Outcome.RECOVERY) {
            return arm.summary(Metric.RECOVERY_RATE).mean();
        }
        final ArmResult reference = result.reference();
        final double dCost = arm.summary(perspective.cost()).mean() - reference.summary(perspective.cost()).mean();
        final double dQalys = arm.summary(Metric.QALYS_PER_PATIENT).mean()
                - reference.summary(Metric.QALYS_PER_PATIENT).mean();
        if (outcome == Outcome.NMB) {
            return IncrementalAnalysis.netMonetaryBenefit(dCost, dQalys, willingnessToPay);
        }
        return arm.differenceFrom(reference, Metric.QALYS_PER_PATIENT).excludesZero() ? dCost / dQalys : Double.NaN;
    }
}

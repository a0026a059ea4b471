package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much of a PSA's spread is the simulation's own noise rather than parameter uncertainty. Each
 * draw runs every arm R times on common random numbers; the spread of the draws' means is
 * parameter uncertainty plus the noise of a mean of R replications. By the one-way analysis of
 * variance that O'Hagan, Stevenson and Madan (2007) apply to patient-level models, the variance of
 * the draws' means estimates {@code V_param + sigma^2 / R}, where {@code sigma^2} (the variance
 * between replications of one draw) is estimated by the mean of the within-draw sample variances;
 * so the noise share is {@code (mean within-draw variance / R) / variance of the draw means}. The
 * incremental net benefit of an arm is taken replication by replication against the reference, so
 * its noise is the noise left after common random numbers.
 */
public final class SimulationNoise {
    /** Above this share, noise dominates the spread and a warning says so. */
    public static final double DOMINANT = 0.5;

    /**
     * The decomposition of one quantity's variance across draws.
     *
     * @param total variance of the draws' means
     * @param noise estimated variance of a draw mean due to the simulation alone (NaN with one
     *     replication per draw)
     */
    public record Share(double total, double noise) {
        /** @return the estimated parameter variance, {@code total - noise} (may come out below 0) */
        public double parameter() {
            return total - noise;
        }

        /** @return noise as a share of the total (NaN when it cannot be estimated or the total is 0) */
        public double share() {
            return total > 0 ? noise / total : Double.NaN;
        }
    }

    private SimulationNoise() {
    }

    /**
     * The decomposition of the net monetary benefit {@code wtp x QALYs - cost} of arm {@code arm}
     * less that of arm {@code versus} (or of the arm alone when {@code versus} is negative).
     */
    public static Share of(final ProbabilisticAnalysis.Result result, final Perspective perspective,
            final double wtp, final int arm, final int versus) {
        final int draws = result.draws().size();
        final double[] means = new double[draws];
        double within = 0;
        int replications = 0;
        for (int d = 0; d < draws; d++) {
            final double[] nb = netBenefit(result.draws().get(d), perspective, wtp, arm, versus);
            replications = nb.length;
            double mean = 0;
            for (final double v : nb) {
                mean += v / nb.length;
            }
            means[d] = mean;
            if (nb.length > 1) {
                double ss = 0;
                for (final double v : nb) {
                    ss += (v - mean) * (v - mean);
                }
                within += ss / (nb.length - 1) / draws;
            }
        }
        return new Share(variance(means), replications > 1 ? within / replications : Double.NaN);
    }

    /**
     * The decomposition over every arm but the reference together: the sums of the arms' total and
     * noise variances of the incremental net benefit, so that the arms whose increments vary most
     * weigh most. An arm whose increment hardly depends on the inputs has a share near 1 at any
     * number of replications; this share says how much of the PSA's spread as a whole is noise.
     */
    public static Share pooled(final ProbabilisticAnalysis.Result result, final Perspective perspective,
            final double wtp) {
        double total = 0;
        double noise = 0;
        for (int a = 1; a < result.arms().size(); a++) {
            final Share share = of(result, perspective, wtp, a, 0);
            total += share.total();
            noise += share.noise();
        }
        return new Share(total, noise);
    }

    /**
     * @return one sentence for each perspective in which noise dominates the spread of an arm's
     *     incremental net benefit at the study's willingness to pay, naming the arms and shares (or
     *     saying that one replication per draw cannot tell noise from parameter uncertainty)
     */
    public static List<String> warnings(final ProbabilisticAnalysis.Result result) {
        final double wtp = result.study().reference().evaluation().willingnessToPay();
        final List<String> out = new ArrayList<>();
        if (result.replicationsPerDraw() < 2) {
            out.add("with 1 replication per draw the PSA cannot tell simulation noise from parameter uncertainty: "
                    + "its spread, acceptability and EVPI include the noise; give --per-draw 2 or more");
            return out;
        }
        for (final Perspective p : Perspective.values()) {
            final List<String> arms = new ArrayList<>();
            for (int a = 1; a < result.arms().size(); a++) {
                final Share share = of(result, p, wtp, a, 0);
                if (!(share.share() < DOMINANT)) {
                    arms.add(result.arms().get(a) + String.format(Locale.ROOT, " %.0f%%", 100 * share.share()));
                }
            }
            if (!arms.isEmpty()) {
                out.add(String.format(Locale.ROOT, "%s perspective: simulation noise is more than half the variance "
                        + "across draws of the incremental net benefit of %s: their spread across draws is mostly "
                        + "noise, because the inputs hardly move them or because each draw has too few replications "
                        + "(--per-draw); the corrected acceptability and EVPI regress the noise away",
                        p.label(), String.join(", ", arms)));
            }
        }
        return out;
    }

    /** @return each replication's net benefit of {@code arm} in one draw, less {@code versus}'s if it is not negative */
    static double[] netBenefit(final ProbabilisticAnalysis.Draw draw, final Perspective perspective,
            final double wtp, final int arm, final int versus) {
        final double[] costs = draw.replicationCosts()[arm][perspective.ordinal()];
        final double[] qalys = draw.replicationQalys()[arm];
        final double[] out = new double[qalys.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = IncrementalAnalysis.netMonetaryBenefit(costs[r], qalys[r], wtp);
            if (versus >= 0) {
                out[r] -= IncrementalAnalysis.netMonetaryBenefit(draw.replicationCosts()[versus][perspective.ordinal()][r],
                        draw.replicationQalys()[versus][r], wtp);
            }
        }
        return out;
    }

    /** @return the sample variance (n - 1), 0 for fewer than two values */
    static double variance(final double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = 0;
        for (final double v : values) {
            mean += v / values.length;
        }
        double ss = 0;
        for (final double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (values.length - 1);
    }
}

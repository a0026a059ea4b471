package org.therapysim.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Incremental cost-effectiveness analysis of mutually exclusive strategies (benefit designs), as
 * in Drummond et al.'s Methods for the Economic Evaluation of Health Care Programmes: strategies
 * are ordered by cost; a strategy is <em>dominated</em> when another costs no more and achieves at
 * least as much effect (one of the two strictly); it is <em>extendedly dominated</em> when a mix of
 * two other strategies would give more effect for its cost, which shows as an incremental
 * cost-effectiveness ratio (ICER) higher than that of the next more effective strategy. The
 * remaining strategies form the efficiency frontier, each with its ICER against the previous one.
 * The steps are those of the textbook procedure: order by cost, remove the dominated strategies,
 * then remove extendedly dominated strategies one at a time, recomputing the ICERs of those left,
 * until the ICERs rise along the frontier (removing one can make another extendedly dominated). A
 * strategy exactly on the line between its neighbours (equal ICERs) stays on the frontier.
 *
 * <p>Ties: of two or more strategies with identical cost and effect (a cap that never binds, say)
 * the first listed is kept and each later one is marked {@link Status#DOMINATED} with the first as
 * its comparator, so no two frontier strategies are identical and no ICER is 0/0. Of strategies with
 * equal cost, the less effective ones are dominated; of strategies with equal effect, the dearer
 * ones are.
 *
 * <p>Net monetary benefit at a willingness to pay per unit of effect {@code wtp} is
 * {@code wtp x effect - cost}; the cost-effectiveness acceptability curve gives, for each
 * willingness to pay, the share of draws in which each strategy has the highest net benefit.
 */
public final class IncrementalAnalysis {
    /** How a strategy stands after the analysis. */
    public enum Status {
        /** On the efficiency frontier (the cheapest one has no ICER). */
        FRONTIER,
        /**
         * Another strategy costs no more and gives at least as much effect, one strictly; or an
         * identical strategy is listed before it.
         */
        DOMINATED,
        /** A mix of two frontier strategies gives more effect for the same cost. */
        EXTENDEDLY_DOMINATED,
        /** Its cost or effect is undefined (an arm with no patients): it takes no part. */
        UNDEFINED
    }

    /**
     * A strategy's expected cost and effect.
     *
     * @param name its name
     * @param cost expected cost
     * @param effect expected effect (QALYs, recoveries)
     */
    public record Strategy(String name, double cost, double effect) {
    }

    /**
     * The analysis of one strategy.
     *
     * @param strategy the strategy
     * @param status where it stands
     * @param comparator on the frontier: the previous frontier strategy it is compared with (null
     *     for the cheapest); when dominated: a strategy that dominates it; when extendedly
     *     dominated: null
     * @param incrementalCost cost minus the comparator's (NaN without a frontier comparator)
     * @param incrementalEffect effect minus the comparator's (NaN without a frontier comparator)
     * @param icer incremental cost per unit of incremental effect against the comparator (NaN off
     *     the frontier and for the cheapest frontier strategy)
     */
    public record Row(Strategy strategy, Status status, Strategy comparator, double incrementalCost,
            double incrementalEffect, double icer) {
    }

    private IncrementalAnalysis() {
    }

    /** @return one row per strategy, in the order given */
    public static List<Row> analyse(final List<Strategy> strategies) {
        final int n = strategies.size();
        final Row[] rows = new Row[n];
        // 1. Order by cost, the more effective first among equal costs, the first listed first
        // among identical strategies (the sort is stable).
        final List<Integer> byCost = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (defined(strategies.get(i))) {
                byCost.add(i);
            } else {
                rows[i] = new Row(strategies.get(i), Status.UNDEFINED, null, Double.NaN, Double.NaN, Double.NaN);
            }
        }
        byCost.sort(Comparator.comparingDouble((Integer i) -> strategies.get(i).cost())
                .thenComparing(Comparator.comparingDouble((Integer i) -> strategies.get(i).effect()).reversed()));
        // 2. Remove dominated strategies.
        final List<Integer> candidates = new ArrayList<>();
        for (final int i : byCost) {
            final Strategy dominator = dominator(i, strategies);
            if (dominator != null) {
                rows[i] = new Row(strategies.get(i), Status.DOMINATED, dominator, Double.NaN, Double.NaN, Double.NaN);
            } else {
                candidates.add(i);
            }
        }
        // 3. Remove extendedly dominated strategies, one at a time, recomputing the ICERs of the
        // remaining ones each time, until they rise along the frontier.
        boolean removed = true;
        while (removed) {
            removed = false;
            for (int c = 1; c < candidates.size() - 1; c++) {
                final Strategy previous = strategies.get(candidates.get(c - 1));
                final Strategy current = strategies.get(candidates.get(c));
                final Strategy next = strategies.get(candidates.get(c + 1));
                if (icer(previous, current) > icer(current, next)) {
                    rows[candidates.remove(c)] = new Row(current, Status.EXTENDEDLY_DOMINATED, null, Double.NaN,
                            Double.NaN, Double.NaN);
                    removed = true;
                    break;
                }
            }
        }
        // 4. The frontier, each strategy against the previous one.
        for (int c = 0; c < candidates.size(); c++) {
            final Strategy s = strategies.get(candidates.get(c));
            if (c == 0) {
                rows[candidates.get(c)] = new Row(s, Status.FRONTIER, null, Double.NaN, Double.NaN, Double.NaN);
            } else {
                final Strategy previous = strategies.get(candidates.get(c - 1));
                rows[candidates.get(c)] = new Row(s, Status.FRONTIER, previous, s.cost() - previous.cost(),
                        s.effect() - previous.effect(), icer(previous, s));
            }
        }
        return List.of(rows);
    }

    /**
     * @return a strategy that dominates the one at {@code index}: one that costs no more and gives
     *     at least as much effect, one of the two strictly; failing that, an identical strategy
     *     listed before it (the tie rule); else null
     */
    private static Strategy dominator(final int index, final List<Strategy> all) {
        final Strategy s = all.get(index);
        Strategy earlierTwin = null;
        for (int i = 0; i < all.size(); i++) {
            final Strategy other = all.get(i);
            if (i == index || !defined(other) || other.cost() > s.cost() || other.effect() < s.effect()) {
                continue;
            }
            if (other.cost() < s.cost() || other.effect() > s.effect()) {
                return other;
            }
            if (i < index && earlierTwin == null) {
                earlierTwin = other;
            }
        }
        return earlierTwin;
    }

    private static boolean defined(final Strategy s) {
        return Double.isFinite(s.cost()) && Double.isFinite(s.effect());
    }

    private static double icer(final Strategy from, final Strategy to) {
        return (to.cost() - from.cost()) / (to.effect() - from.effect());
    }

    /** @return net monetary benefit {@code wtp x effect - cost} */
    public static double netMonetaryBenefit(final double cost, final double effect, final double wtp) {
        return wtp * effect - cost;
    }

    /**
     * The cost-effectiveness acceptability curve: for each willingness to pay, the share of draws in
     * which each strategy has the highest net monetary benefit. A tie between strategies in a draw
     * shares that draw equally, so each column sums to 1.
     *
     * @param costs costs[draw][strategy]
     * @param effects effects[draw][strategy]
     * @param wtps willingness-to-pay values
     * @return probability[strategy][wtp index]
     */
    public static double[][] acceptability(final double[][] costs, final double[][] effects, final double[] wtps) {
        if (costs.length == 0 || costs.length != effects.length) {
            throw new IllegalArgumentException("costs and effects need the same, non-zero number of draws");
        }
        final int strategies = costs[0].length;
        final double[][] p = new double[strategies][wtps.length];
        final double[] nmb = new double[strategies];
        for (int w = 0; w < wtps.length; w++) {
            for (int d = 0; d < costs.length; d++) {
                double best = Double.NEGATIVE_INFINITY;
                int ties = 0;
                for (int s = 0; s < strategies; s++) {
                    nmb[s] = netMonetaryBenefit(costs[d][s], effects[d][s], wtps[w]);
                    if (nmb[s] > best) {
                        best = nmb[s];
                        ties = 1;
                    } else if (nmb[s] == best) {
                        ties++;
                    }
                }
                for (int s = 0; s < strategies; s++) {
                    if (nmb[s] == best) {
                        p[s][w] += 1.0 / ties / costs.length;
                    }
                }
            }
        }
        return p;
    }

    /**
     * The strategy a decision maker picks without more information: at each willingness to pay, the
     * highest mean net monetary benefit over the draws; of strategies tied on it, the first listed.
     * With the acceptability curve it gives the cost-effectiveness acceptability frontier (Fenwick,
     * Claxton and Sculpher 2001, Health Economics 10:779-787): the probability that the chosen strategy is
     * the best.
     *
     * @return index of the chosen strategy, by willingness-to-pay index
     */
    public static int[] optimal(final double[][] costs, final double[][] effects, final double[] wtps) {
        final int[] out = new int[wtps.length];
        for (int w = 0; w < wtps.length; w++) {
            final double[] mean = meanNetBenefit(costs, effects, wtps[w]);
            for (int s = 1; s < mean.length; s++) {
                out[w] = mean[s] > mean[out[w]] ? s : out[w];
            }
        }
        return out;
    }

    /**
     * Expected loss of each strategy: the mean over draws of the best strategy's net monetary
     * benefit less this one's, the value forgone by choosing it (Alarid-Escudero et al. 2019, Value in
     * Health 22(5)).
     * The chosen strategy's ({@link #optimal}) is the expected value of perfect information.
     *
     * @return loss[strategy][wtp index], per unit of the costs
     */
    public static double[][] expectedLoss(final double[][] costs, final double[][] effects, final double[] wtps) {
        final int strategies = costs[0].length;
        final double[][] loss = new double[strategies][wtps.length];
        for (int w = 0; w < wtps.length; w++) {
            for (int d = 0; d < costs.length; d++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < strategies; s++) {
                    best = Math.max(best, netMonetaryBenefit(costs[d][s], effects[d][s], wtps[w]));
                }
                for (int s = 0; s < strategies; s++) {
                    loss[s][w] += (best - netMonetaryBenefit(costs[d][s], effects[d][s], wtps[w])) / costs.length;
                }
            }
        }
        return loss;
    }

    /** @return each strategy's mean net monetary benefit over the draws */
    public static double[] meanNetBenefit(final double[][] costs, final double[][] effects, final double wtp) {
        final double[] mean = new double[costs[0].length];
        for (final double[] row : costs) {
            if (row.length != mean.length) {
                throw new IllegalArgumentException("every draw needs every strategy");
            }
        }
        for (int d = 0; d < costs.length; d++) {
            for (int s = 0; s < mean.length; s++) {
                mean[s] += netMonetaryBenefit(costs[d][s], effects[d][s], wtp) / costs.length;
            }
        }
        return mean;
    }
}

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
 * Net monetary benefit at a willingness to pay per unit of effect {@code wtp} is
 * {@code wtp x effect - cost}; the cost-effectiveness acceptability curve gives, for each
 * willingness to pay, the share of draws in which each strategy has the highest net benefit.
 */
public final class IncrementalAnalysis {
    /** How a strategy stands after the analysis. */
    public enum Status {
        /** On the efficiency frontier (the cheapest one has no ICER). */
        FRONTIER,
        /** Another strategy costs no more and gives at least as much effect. */
        DOMINATED,
        /** A mix of two frontier strategies gives more effect for the same cost. */
        EXTENDEDLY_DOMINATED
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
        final List<Strategy> byCost = new ArrayList<>(strategies);
        byCost.sort(Comparator.comparingDouble(Strategy::cost).thenComparing(Comparator
                .comparingDouble(Strategy::effect).reversed()));
        final List<Row> rows = new ArrayList<>();
        final List<Strategy> candidates = new ArrayList<>();
        for (final Strategy s : byCost) {
            final Strategy dominator = dominator(s, strategies);
            if (dominator != null) {
                rows.add(new Row(s, Status.DOMINATED, dominator, Double.NaN, Double.NaN, Double.NaN));
            } else {
                candidates.add(s);
            }
        }
        // Remove extendedly dominated strategies until ICERs rise along the frontier.
        boolean removed = true;
        while (removed) {
            removed = false;
            for (int i = 1; i < candidates.size() - 1; i++) {
                if (icer(candidates.get(i - 1), candidates.get(i)) > icer(candidates.get(i), candidates.get(i + 1))) {
                    rows.add(new Row(candidates.remove(i), Status.EXTENDEDLY_DOMINATED, null, Double.NaN, Double.NaN,
                            Double.NaN));
                    removed = true;
                    break;
                }
            }
        }
        for (int i = 0; i < candidates.size(); i++) {
            final Strategy s = candidates.get(i);
            if (i == 0) {
                rows.add(new Row(s, Status.FRONTIER, null, Double.NaN, Double.NaN, Double.NaN));
            } else {
                final Strategy previous = candidates.get(i - 1);
                rows.add(new Row(s, Status.FRONTIER, previous, s.cost() - previous.cost(),
                        s.effect() - previous.effect(), icer(previous, s)));
            }
        }
        rows.sort(Comparator.comparingInt(r -> strategies.indexOf(r.strategy())));
        return rows;
    }

    /** @return a strategy that dominates {@code s}, or null; identical strategies do not dominate each other */
    private static Strategy dominator(final Strategy s, final List<Strategy> all) {
        for (final Strategy other : all) {
            if (other != s && other.cost() <= s.cost() && other.effect() >= s.effect()
                    && (other.cost() < s.cost() || other.effect() > s.effect())) {
                return other;
            }
        }
        return null;
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
}

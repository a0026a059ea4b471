package org.therapysim.experiment;

import ec.util.MersenneTwisterFast;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.therapysim.model.RandomStreams;

/**
 * The design points of a sweep: which value each varied scenario key takes at each point. Keys
 * given as lists of values are always crossed (full factorial); keys given as ranges are covered
 * by a full factorial of evenly spaced levels (bounds included), a Latin hypercube (one value in
 * each of N equal strata of every range, strata matched at random) or a Sobol sequence (Commons
 * Math, the first N points after the origin), and crossed with the lists. A range whose bounds are
 * whole numbers gives whole numbers. Values are the text written into the scenario, as YAML.
 */
public final class SweepDesign {
    private static final MathContext DIGITS = new MathContext(4);

    /** How ranges are covered. */
    public enum Kind {
        /** Evenly spaced levels, crossed. */
        FACTORIAL,
        /** A Latin hypercube of N points. */
        LHS,
        /** The first N points of a Sobol sequence. */
        SOBOL;
    }

    /**
     * A varied key.
     *
     * @param key dotted scenario key
     * @param values the values of a list factor (empty for a range)
     * @param low lower bound of a range
     * @param high upper bound of a range
     */
    public record Factor(String key, List<String> values, double low, double high) {
        public Factor {
            values = List.copyOf(values);
        }

        /** @return a factor of listed values */
        public static Factor list(final String key, final List<String> values) {
            return new Factor(key, values, Double.NaN, Double.NaN);
        }

        /** @return a factor over a range */
        public static Factor range(final String key, final double low, final double high) {
            return new Factor(key, List.of(), low, high);
        }

        /** @return whether the factor is a range */
        public boolean isRange() {
            return values.isEmpty();
        }

        private boolean whole() {
            return low == Math.rint(low) && high == Math.rint(high);
        }

        /** @return the value at a position u in [0, 1] of the range, as text */
        String at(final double u) {
            final double v = low + u * (high - low);
            return whole() ? Long.toString(Math.round(v))
                    : new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString();
        }
    }

    private SweepDesign() {
    }

    /**
     * @param points design points of a Latin hypercube or Sobol design
     * @param levels levels of each range in a factorial design
     * @param seed master seed (the Latin hypercube's random strata)
     * @return each point's values, in the factors' order; the first factor varies slowest
     */
    public static List<List<String>> points(final List<Factor> factors, final Kind kind, final int points,
            final int levels, final long seed) {
        final List<Factor> ranges = factors.stream().filter(Factor::isRange).toList();
        final List<List<String>> rangePoints = ranges.isEmpty() ? List.of(List.of())
                : switch (kind) {
                    case FACTORIAL -> grid(ranges, levels);
                    case LHS -> latinHypercube(ranges, points, seed);
                    case SOBOL -> sobol(ranges, points);
                };
        List<List<String>> out = List.of(List.of());
        for (final Factor f : factors) {
            if (f.isRange()) {
                continue;
            }
            final List<List<String>> next = new ArrayList<>();
            for (final List<String> prefix : out) {
                for (final String v : f.values()) {
                    final List<String> p = new ArrayList<>(prefix);
                    p.add(v);
                    next.add(p);
                }
            }
            out = next;
        }
        // Cross the lists with the ranges' points, then put every value back in the factors' order.
        final List<List<String>> crossed = new ArrayList<>();
        for (final List<String> listed : out) {
            for (final List<String> ranged : rangePoints) {
                final List<String> p = new ArrayList<>();
                int li = 0;
                int ri = 0;
                for (final Factor f : factors) {
                    p.add(f.isRange() ? ranged.get(ri++) : listed.get(li++));
                }
                crossed.add(List.copyOf(p));
            }
        }
        return crossed;
    }

    private static List<List<String>> grid(final List<Factor> ranges, final int levels) {
        List<List<String>> out = List.of(List.of());
        for (final Factor f : ranges) {
            final List<List<String>> next = new ArrayList<>();
            for (final List<String> prefix : out) {
                for (int l = 0; l < levels; l++) {
                    final List<String> p = new ArrayList<>(prefix);
                    p.add(f.at(levels == 1 ? 0.5 : (double) l / (levels - 1)));
                    // Whole-number ranges narrower than the levels would repeat a value: keep it once.
                    if (!next.contains(p)) {
                        next.add(p);
                    }
                }
            }
            out = next;
        }
        return out;
    }

    private static List<List<String>> latinHypercube(final List<Factor> ranges, final int n, final long seed) {
        final MersenneTwisterFast random = new MersenneTwisterFast(
                RandomStreams.replicationSeed(seed ^ 0x4C4853L, 0));
        final double[][] u = new double[n][ranges.size()];
        for (int j = 0; j < ranges.size(); j++) {
            final int[] strata = new int[n];
            for (int i = 0; i < n; i++) {
                strata[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                final int k = random.nextInt(i + 1);
                final int t = strata[i];
                strata[i] = strata[k];
                strata[k] = t;
            }
            for (int i = 0; i < n; i++) {
                u[i][j] = (strata[i] + random.nextDouble()) / n;
            }
        }
        return toValues(ranges, u);
    }

    private static List<List<String>> sobol(final List<Factor> ranges, final int n) {
        final SobolSequenceGenerator sobol = new SobolSequenceGenerator(ranges.size());
        sobol.nextVector();
        final double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            u[i] = sobol.nextVector();
        }
        return toValues(ranges, u);
    }

    private static List<List<String>> toValues(final List<Factor> ranges, final double[][] u) {
        final List<List<String>> out = new ArrayList<>();
        for (final double[] point : u) {
            final List<String> p = new ArrayList<>();
            for (int j = 0; j < ranges.size(); j++) {
                p.add(ranges.get(j).at(point[j]));
            }
            out.add(List.copyOf(p));
        }
        return out;
    }
}

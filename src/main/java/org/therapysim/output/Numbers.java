package org.therapysim.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Formats numbers for tables: locale-independent, fixed precision, empty for undefined values. */
public final class Numbers {
    private static final MathContext SIGNIFICANT = new MathContext(8, RoundingMode.HALF_EVEN);

    private Numbers() {
    }

    /** Powers of ten, by number of decimals. */
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L};
    /** Above this many units of the last decimal, the exact path is taken. */
    private static final double FAST_LIMIT = 1e15;

    /** @return the value with {@code decimals} decimals, or "" for NaN/infinite */
    public static String fixed(final double value, final int decimals) {
        final StringBuilder out = new StringBuilder(24);
        appendFixed(out, value, decimals);
        return out.toString();
    }

    /**
     * Appends the value with {@code decimals} decimals (at most 8), nothing for NaN/infinite: the
     * same digits as {@code String.format("%.Nf")}, the shortest decimal form of the double rounded
     * half up, with no negative zero. The value scaled to units of the last decimal is rounded
     * directly unless it lies within a few units in the last place of a half-way point, where the
     * shortest form and the double could round differently; those go through {@link BigDecimal}.
     */
    public static void appendFixed(final StringBuilder out, final double value, final int decimals) {
        if (!Double.isFinite(value)) {
            return;
        }
        final double scaled = Math.abs(value) * POW10[decimals];
        if (scaled < FAST_LIMIT) {
            final double whole = Math.floor(scaled);
            final double fraction = scaled - whole;
            if (Math.abs(fraction - 0.5) > 4 * Math.ulp(scaled)) {
                final long units = (long) whole + (fraction > 0.5 ? 1 : 0);
                if (units != 0 && value < 0) {
                    out.append('-');
                }
                out.append(units / POW10[decimals]);
                if (decimals > 0) {
                    out.append('.');
                    final String digits = Long.toString(units % POW10[decimals]);
                    for (int i = digits.length(); i < decimals; i++) {
                        out.append('0');
                    }
                    out.append(digits);
                }
                return;
            }
        }
        final BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        out.append(rounded.signum() == 0 ? rounded.abs().toPlainString() : rounded.toPlainString());
    }

    /** @return the value to 8 significant digits in plain notation, or "" for NaN/infinite */
    public static String significant(final double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        if (value == 0.0) {
            return "0";
        }
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    /** @return the value or "" when null */
    public static String cell(final Object value) {
        return value == null ? "" : value.toString();
    }
}

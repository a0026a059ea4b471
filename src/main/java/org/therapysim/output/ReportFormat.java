package org.therapysim.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import org.therapysim.experiment.MetricSummary;

/**
 * Formats numbers for people reading a report: grouped thousands, a true minus sign, a fixed and
 * small number of decimals, percentages with one decimal, money without cents once amounts reach
 * 100 and intervals as "[low, high]". Undefined values read "n/a", never NaN or Infinity.
 * Locale-independent (digits and separators as in English).
 */
final class ReportFormat {
    /** Shown for an undefined value. */
    static final String UNDEFINED = "n/a";
    /** Shown where an interval cannot be computed (fewer than two replications with a value). */
    static final String NO_INTERVAL = "(no interval)";
    private static final String MINUS = "\u2212";
    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "\u20ac", "GBP", "\u00a3");

    private final String currencyPrefix;

    /** @param currency the currency code of every amount (a symbol is used for USD, EUR and GBP) */
    ReportFormat(final String currency) {
        final String symbol = SYMBOLS.get(currency.toUpperCase(Locale.ROOT));
        this.currencyPrefix = symbol != null ? symbol : currency + "\u00a0";
    }

    /** @return the value with grouped thousands and {@code decimals} decimals, "n/a" when undefined */
    static String number(final double value, final int decimals) {
        if (!Double.isFinite(value)) {
            return UNDEFINED;
        }
        final String digits = String.format(Locale.US, "%,." + decimals + "f",
                BigDecimal.valueOf(Math.abs(value)).setScale(decimals, RoundingMode.HALF_UP));
        return (value < 0 && !isZero(digits) ? MINUS : "") + digits;
    }

    /** @return the value with an explicit sign (+ or minus; none for zero) */
    static String signed(final double value, final int decimals) {
        final String text = number(value, decimals);
        return value > 0 && !isZero(text) ? "+" + text : text;
    }

    /** @return a share as a percentage with one decimal, e.g. "52.3%" */
    static String percent(final double share) {
        return Double.isFinite(share) ? number(100 * share, 1) + "%" : UNDEFINED;
    }

    /** @return a difference of shares in percentage points with one decimal, e.g. "+1.2 pp" */
    static String points(final double share) {
        return Double.isFinite(share) ? signed(100 * share, 1) + "\u00a0pp" : UNDEFINED;
    }

    /** @return an amount: whole units from 10 up, cents below ("$1,234", "$3.45") */
    String money(final double amount) {
        return withCurrency(amount, false, Math.abs(amount) >= 10 ? 0 : 2);
    }

    /** @return an amount with an explicit sign */
    String signedMoney(final double amount) {
        return withCurrency(amount, true, Math.abs(amount) >= 10 ? 0 : 2);
    }

    /**
     * @return an amount rounded to three significant digits from 1,000 up ("$23,400"), for ratios
     *     and totals whose further digits carry no information
     */
    String roundedMoney(final double amount) {
        if (!Double.isFinite(amount) || Math.abs(amount) < 1000) {
            return money(amount);
        }
        return withCurrency(new BigDecimal(amount).round(new MathContext(3, RoundingMode.HALF_UP)).doubleValue(),
                false, 0);
    }

    /** @return a plan setting's amount: cents only when it has them ("$20", "$73.89") */
    String setting(final double amount) {
        return withCurrency(amount, false, amount == Math.rint(amount) ? 0 : 2);
    }

    private String withCurrency(final double amount, final boolean sign, final int decimals) {
        if (!Double.isFinite(amount)) {
            return UNDEFINED;
        }
        final String digits = number(Math.abs(amount), decimals);
        if (isZero(digits)) {
            return currencyPrefix + digits;
        }
        return (amount < 0 ? MINUS : sign ? "+" : "") + currencyPrefix + digits;
    }

    /** @return "[low, high]" of a summary with each end formatted, or a note when there is none */
    static String interval(final MetricSummary summary, final java.util.function.DoubleFunction<String> format) {
        if (summary == null || !Double.isFinite(summary.ciLow()) || !Double.isFinite(summary.ciHigh())) {
            return NO_INTERVAL;
        }
        return "[" + format.apply(summary.ciLow()) + ", " + format.apply(summary.ciHigh()) + "]";
    }

    /** @return whether a summary's interval lies wholly above or below zero */
    static boolean excludesZero(final MetricSummary summary) {
        return summary != null && summary.excludesZero();
    }

    private static boolean isZero(final String formatted) {
        return formatted.chars().noneMatch(c -> c >= '1' && c <= '9');
    }
}

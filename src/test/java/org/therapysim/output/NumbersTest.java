package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void fixedWritesTheSameDigitsAsFormatWithoutNegativeZero() {
        final Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            final double value = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(8) - 2);
            for (final int decimals : new int[] {2, 4}) {
                String expected = String.format(Locale.ROOT, "%." + decimals + "f", value);
                if (expected.startsWith("-") && Double.parseDouble(expected) == 0.0) {
                    expected = expected.substring(1);
                }
                assertEquals(expected, Numbers.fixed(value, decimals), "value " + value);
            }
        }
        // Half-way points and values next to them, where the double and its shortest decimal form
        // can round differently, and large amounts.
        for (int n = -200_000; n <= 200_000; n++) {
            for (final int decimals : new int[] {2, 4}) {
                final double tie = (n + 0.5) / (decimals == 2 ? 100.0 : 10_000.0);
                for (final double value : new double[] {tie, Math.nextUp(tie), Math.nextDown(tie), n * 1234.5678901}) {
                    String expected = String.format(Locale.ROOT, "%." + decimals + "f", value);
                    if (expected.startsWith("-") && Double.parseDouble(expected) == 0.0) {
                        expected = expected.substring(1);
                    }
                    assertEquals(expected, Numbers.fixed(value, decimals), "value " + value);
                }
            }
        }
        assertEquals("2.68", Numbers.fixed(2.675, 2));
        assertEquals("1234567890123.46", Numbers.fixed(1234567890123.456, 2));
        assertEquals("0.00", Numbers.fixed(-0.001, 2));
        assertEquals("1.01", Numbers.fixed(1.005, 2));
        assertEquals("", Numbers.fixed(Double.NaN, 2));
    }
}

package org.therapysim.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Maps the lower-case words of scenario files to enum constants, rejecting anything else. */
final class ScenarioWords {
    private ScenarioWords() {
    }

    /** @return the scenario word of an enum constant (its name in lower case) */
    static String word(final Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** @return the constant whose word is {@code word}; otherwise an error naming the accepted words */
    static <E extends Enum<E>> E parse(final E[] values, final String word) {
        for (final E value : values) {
            if (word(value).equals(word)) {
                return value;
            }
        }
        throw new IllegalArgumentException("must be one of "
                + Arrays.stream(values).map(ScenarioWords::word).collect(Collectors.joining(", ")));
    }
}

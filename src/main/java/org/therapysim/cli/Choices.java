package org.therapysim.cli;

import java.util.Arrays;
import java.util.Locale;
import org.therapysim.TherapysimException;

/** Reads an option whose value names one constant of an enum, in any case. */
final class Choices {
    private Choices() {
    }

    /**
     * @param option the option's name, for the message
     * @return the constant named {@code value}; otherwise exit 2 listing the choices
     */
    static <E extends Enum<E>> E parse(final String value, final String option, final Class<E> type) {
        for (final E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw TherapysimException.invalidInput(option + " = " + value + ": must be one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }
}

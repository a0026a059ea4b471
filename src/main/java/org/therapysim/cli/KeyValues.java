package org.therapysim.cli;

import java.util.Arrays;
import java.util.List;
import org.therapysim.TherapysimException;

/**
 * A scenario key with a list of its values, as {@code sweep --vary} and {@code optimize --choice}
 * take it: {@code KEY=A,B,...}, each value non-empty and none repeated.
 *
 * @param key the dotted scenario key
 * @param values the values, stripped of surrounding blanks, in the order given
 */
record KeyValues(String key, List<String> values) {
    /**
     * @param option the option's name, for the message, such as {@code --vary}
     * @param text the option's value as given
     * @param example a well-formed value, for the message
     * @throws TherapysimException (bad input) naming the option, the text and the rule broken
     */
    static KeyValues parse(final String option, final String text, final String example) {
        final int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw TherapysimException.invalidInput(option + " = " + text + ": must be KEY=A,B,... such as " + example);
        }
        final List<String> values = Arrays.stream(text.substring(eq + 1).split(",", -1)).map(String::strip).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw TherapysimException.invalidInput(option + " = " + text + ": a value is empty");
        }
        if (values.stream().distinct().count() < values.size()) {
            throw TherapysimException.invalidInput(option + " = " + text + ": a value is repeated");
        }
        return new KeyValues(text.substring(0, eq).strip(), values);
    }
}

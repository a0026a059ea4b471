package org.therapysim.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.util.List;
import org.therapysim.TherapysimException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The smallest and largest value a whole-number option accepts. Every option so marked is checked
 * once the command line is parsed and before the command reads any file, so a value out of range
 * stops with exit code 2 and one line naming the option as typed, the value and the range.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@interface Limits {
    /** @return the smallest value allowed */
    long min();

    /** @return the largest value allowed */
    long max();

    /** Checks the whole-number options given on a parsed command line against their limits. */
    final class Checker {
        private Checker() {
        }

        /** @throws TherapysimException (exit 2) for the first option given outside its limits */
        static void check(final ParseResult parsed) {
            ParseResult command = parsed;
            while (command.hasSubcommand()) {
                command = command.subcommand();
            }
            for (final OptionSpec option : command.matchedOptions()) {
                if (!(option.userObject() instanceof Field field)) {
                    continue;
                }
                final Limits limits = field.getAnnotation(Limits.class);
                final Object value = option.getValue();
                if (limits == null || !(value instanceof Number number)) {
                    continue;
                }
                final long n = number.longValue();
                if (n < limits.min() || n > limits.max()) {
                    throw TherapysimException.invalidInput(typed(parsed.originalArgs(), option) + " = " + n
                            + ": must be a whole number between " + limits.min() + " and " + limits.max());
                }
            }
        }

        /** @return the option's name as the user typed it (the last time it was given), else its longest name */
        static String typed(final List<String> args, final OptionSpec option) {
            for (int i = args.size() - 1; i >= 0; i--) {
                final String arg = args.get(i);
                for (final String name : option.names()) {
                    final boolean shortName = name.length() == 2 && !name.startsWith("--");
                    if (arg.equals(name) || arg.startsWith(name + "=") || shortName && arg.startsWith(name)) {
                        return name;
                    }
                }
            }
            return option.longestName();
        }

        /** Runs the parsed command after checking its options; a value out of range ends as an execution error. */
        static int execute(final ParseResult parsed) {
            ParseResult command = parsed;
            while (command.hasSubcommand()) {
                command = command.subcommand();
            }
            try {
                if (!command.isUsageHelpRequested() && !command.isVersionHelpRequested()) {
                    check(parsed);
                }
            } catch (TherapysimException e) {
                throw new CommandLine.ExecutionException(command.commandSpec().commandLine(), e.getMessage(), e);
            }
            return new CommandLine.RunLast().execute(parsed);
        }
    }
}

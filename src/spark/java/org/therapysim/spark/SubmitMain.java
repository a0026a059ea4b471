package org.therapysim.spark;

import java.util.Arrays;
import java.util.List;
import org.therapysim.cli.Main;

/**
 * The entry point for {@code spark-submit --class org.therapysim.spark.SubmitMain}: the therapysim
 * command line, with {@code --engine spark} added to {@code run}, {@code compare}, {@code sweep}
 * and {@code psa} unless an engine is given, so the study runs on the master spark-submit was given.
 */
public final class SubmitMain {
    private static final List<String> STUDIES = List.of("run", "compare", "sweep", "psa");

    private SubmitMain() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(final String[] args) {
        Main.main(withSparkEngine(args));
    }

    /** @return the arguments, with {@code --engine spark} at the end when a study command names no engine */
    static String[] withSparkEngine(final String[] args) {
        if (args.length == 0 || !STUDIES.contains(args[0])) {
            return args;
        }
        for (final String arg : args) {
            if (arg.equals("--engine") || arg.startsWith("--engine=") || arg.equals("--")) {
                return args;
            }
        }
        final String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--engine";
        all[args.length + 1] = "spark";
        return all;
    }
}

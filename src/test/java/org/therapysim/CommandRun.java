package org.therapysim;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.therapysim.cli.Main;

/**
 * A command line run in this JVM as a user would run it from the shell: its exit status and what
 * it printed.
 *
 * @param status the exit status
 * @param out standard output
 * @param err standard error
 */
public record CommandRun(int status, String out, String err) {
    /** @return the outcome of {@code therapysim ARGS} */
    public static CommandRun of(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CommandRun(status, out.toString(), err.toString());
    }
}

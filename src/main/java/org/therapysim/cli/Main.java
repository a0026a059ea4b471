package org.therapysim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.therapysim.ExitCode;
import org.therapysim.TherapysimException;
import org.therapysim.output.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code therapysim} command. Exit codes: 0 ok, 1 run failed, 2 invalid input, 3 output
 * problem, 4 internal error. Errors are reported once, on standard error; stack traces only with
 * {@code --verbose}.
 */
@Command(name = "therapysim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Agent-based simulation of psychotherapy courses under managed-care benefit designs.",
        subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class, ValidateCommand.class,
            BenchCommand.class, CheckCommand.class, CalibrateCommand.class, OptimizeCommand.class, PsaCommand.class, TornadoCommand.class,
            GuiCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:run failed, or (check) a published target missed",
            "2:invalid input (scenario, study or options)", "3:output problem (folder exists, disk, permissions)",
            "4:internal error"})
public final class Main implements Runnable {
    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces with errors.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is needed (run, compare, sweep, check, "
                + "validate, bench, calibrate, optimize, psa, tornado, gui; see --help)");
    }

    /** Entry point. */
    public static void main(final String[] args) {
        // A heap too small for the run is told within seconds, not after minutes of collecting;
        // what the journal recorded stays recorded (a halt is as a kill to it).
        // JAVA_OPTS=-Dtherapysim.memoryWatch=false turns the watch off.
        if (!"false".equals(System.getProperty("therapysim.memoryWatch"))) {
            MemoryWatch.start("therapysim: " + outOfMemory(), ExitCode.RUN_FAILED.status());
        }
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** @return what to tell a user whose run ran out of memory: the heap in use and how to give more */
    static String outOfMemory() {
        return "out of memory (the Java heap may grow to " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MiB): give Java more, e.g. JAVA_OPTS=-Xmx8g ./therapysim ..., or simulate fewer members,"
                + " replications at once (--threads 1) or sessions (no --sessions); no results folder was written";
    }

    /** @return whether running out of memory caused the failure */
    static boolean outOfMemory(final Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the command line with the given streams.
     *
     * @return the exit status
     */
    public static int execute(final String[] args, final PrintWriter out, final PrintWriter err) {
        final boolean verbose = Arrays.asList(args).contains("--verbose");
        final CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionStrategy(Limits.Checker::execute);
        cmd.setParameterExceptionHandler((ex, arguments) -> {
            err.println("therapysim: " + ex.getMessage());
            err.println("Try 'therapysim " + commandName(ex.getCommandLine()) + "--help' for usage.");
            err.flush();
            return ExitCode.INVALID_INPUT.status();
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (outOfMemory(ex)) {
                err.println("therapysim: " + outOfMemory());
                if (verbose) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return ExitCode.RUN_FAILED.status();
            }
            if (ex instanceof TherapysimException known) {
                err.println("therapysim: " + known.getMessage());
                if (verbose) {
                    known.printStackTrace(err);
                }
                err.flush();
                return known.exitCode().status();
            }
            err.println("therapysim: internal error: " + ex);
            if (verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("Run again with --verbose for details.");
            }
            err.flush();
            return ExitCode.INTERNAL_ERROR.status();
        });
        final int status;
        try {
            status = cmd.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("therapysim: " + outOfMemory());
            err.flush();
            return ExitCode.RUN_FAILED.status();
        }
        out.flush();
        return status;
    }

    private static String commandName(final CommandLine commandLine) {
        return commandLine == null || commandLine.getParent() == null ? "" : commandLine.getCommandName() + " ";
    }

    /**
     * @return the command line as typed: the subcommand and its arguments, less {@code --resume}
     *     (which changes how a run gets its results, never what they are, so a resumed run records
     *     the same command as an uninterrupted one)
     */
    static List<String> commandLine(final CommandSpec spec) {
        final List<String> command = new ArrayList<>();
        command.add("therapysim");
        spec.commandLine().getParseResult().originalArgs().stream().filter(a -> !a.equals("--resume"))
                .forEach(command::add);
        return command;
    }

    /** Reports the version and commit. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            final String commit = BuildInfo.commit();
            return new String[] {"therapysim " + BuildInfo.version() + (commit == null ? "" : " (" + commit + ")")};
        }
    }
}

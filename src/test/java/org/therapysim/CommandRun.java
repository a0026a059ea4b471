package org.therapysim;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    /**
     * Starts {@code therapysim ARGS} in a JVM of its own, as the launcher would, for what only a
     * separate process shows (signals, a small heap, the watch that {@code main} starts).
     *
     * @param jvmOptions options of the JVM, before the class path
     * @param err where its standard error goes (standard output is discarded)
     */
    public static Process inNewJvm(final List<String> jvmOptions, final Path err, final String... args)
            throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
    }

    /**
     * Waits until {@code file} (a run's journal) holds more than {@code bytes}, the process has
     * ended, or {@code seconds} have passed, whichever comes first; the caller then stops the process
     * and checks what it left.
     */
    public static void awaitGrowth(final Process process, final Path file, final long bytes, final long seconds)
            throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!(Files.isRegularFile(file) && Files.size(file) > bytes) && process.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}

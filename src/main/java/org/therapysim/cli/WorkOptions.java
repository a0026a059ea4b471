package org.therapysim.cli;

import org.therapysim.TherapysimException;
import picocli.CommandLine.Option;

/** Options shared by every command that simulates and writes a folder: threads, overwrite, quiet. */
final class WorkOptions {
    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--overwrite", description = "Replace the output folder if it exists and therapysim wrote it: a folder holding any file"
            + " its manifest does not list is kept, and the command stops with exit code 3.")
    boolean overwrite;

    @Option(names = {"-q", "--quiet"}, description = "No progress display and no summary on the terminal.")
    boolean quiet;

    /** @return the worker threads to use; rejects fewer than one with exit code 2 */
    int threadCount() {
        if (threads != null && threads < 1) {
            throw TherapysimException.invalidInput("--threads = " + threads + ": must be at least 1");
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}

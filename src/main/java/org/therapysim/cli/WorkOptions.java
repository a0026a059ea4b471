package org.therapysim.cli;

import picocli.CommandLine.Option;

/** Options shared by every command that simulates and writes a folder: threads, overwrite, quiet. */
final class WorkOptions {
    /** The most worker threads a command starts: more than any machine's cores. */
    static final int MAX_THREADS = 1024;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads, 1 to " + MAX_THREADS + " (default: all cores). Results do not depend on it.")
    @Limits(min = 1, max = MAX_THREADS)
    Integer threads;

    @Option(names = "--overwrite", description = "Replace the output folder if it exists and therapysim wrote it: a folder holding any file"
            + " its manifest does not list is kept, and the command stops with exit code 3.")
    boolean overwrite;

    @Option(names = {"-q", "--quiet"}, description = "No progress display and no summary on the terminal.")
    boolean quiet;

    /** @return the worker threads to use (the command line checked the value given: see {@link Limits}) */
    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}

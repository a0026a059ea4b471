package org.therapysim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that run simulations and write a results folder. */
final class RunOptions {
    @Option(names = {"-n", "--replications"}, paramLabel = "N",
            description = "Replications per arm (default: the study's or scenario's).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "SEED", description = "Master seed (default: the study's or scenario's).")
    Long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Results folder (default: results/<name of the first file>).")
    Path output;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--sessions", description = "Also write sessions.csv, one row per attended session.")
    boolean sessions;

    @Option(names = "--overwrite", description = "Replace the results folder if it exists.")
    boolean overwrite;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary on the terminal.")
    boolean quiet;

    int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}

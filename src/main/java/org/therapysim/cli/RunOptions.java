package org.therapysim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that run simulations and write a results folder. */
final class RunOptions {
    @Option(names = {"-n", "--replications"}, paramLabel = "N",
            description = "Replications per arm, 1 to 100000 (default: the study's or scenario's).")
    @Limits(min = 1, max = 100_000)
    Integer replications;

    @Option(names = "--seed", paramLabel = "SEED", description = "Master seed (default: the study's or scenario's).")
    Long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Results folder (default: results/<name of the first file>).")
    Path output;

    @Option(names = "--sessions", description = "Also write sessions.csv, one row per attended session.")
    boolean sessions;

    @Option(names = "--evaluation", description = "Also write evaluation.csv, one row per patient who sought care:"
            + " QALYs and discounted costs by component over the evaluation horizon, condition, employment and wage.")
    boolean evaluation;

    @Option(names = "--wtp", paramLabel = "AMOUNT",
            description = "Willingness to pay per QALY (default: the scenario's evaluation.willingnessToPay).")
    Double wtp;

    @Mixin
    ResumeOption resuming = new ResumeOption();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    WorkOptions work = new WorkOptions();
}

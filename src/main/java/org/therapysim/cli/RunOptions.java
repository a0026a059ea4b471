package org.therapysim.cli;

import java.nio.file.Path;
import org.therapysim.engine.Engines;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--sessions", description = "Also write sessions.csv, one row per attended session.")
    boolean sessions;

    @Option(names = "--wtp", paramLabel = "AMOUNT",
            description = "Willingness to pay per QALY (default: the scenario's evaluation.willingnessToPay).")
    Double wtp;

    @Option(names = "--resume",
            description = "Continue this command's run that was stopped (killed, crashed), keeping its finished "
                    + "replications; the results are the same as those of an uninterrupted run.")
    boolean resume;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = {"Where the replications run: local (this machine's threads) or spark (a build with Spark"
                + " support; see docs/SCALING.md). Results do not depend on it (default: ${DEFAULT-VALUE})."})
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --engine spark: local[*] (default: embedded, all cores), local[N],"
                + " spark://HOST:PORT, yarn or k8s://https://HOST:PORT.")
    String master;

    @Mixin
    WorkOptions work = new WorkOptions();

    /** @return the engine chosen, checked to be available (exit 2 otherwise) */
    Engines.Choice engineChoice() {
        return Engines.choose(engine, master);
    }
}

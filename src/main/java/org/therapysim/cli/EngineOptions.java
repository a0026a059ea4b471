package org.therapysim.cli;

import org.therapysim.engine.Engines;
import picocli.CommandLine.Option;

/** Where the commands that run studies run their replications: {@code --engine} and {@code --master}. */
final class EngineOptions {
    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
            description = {"Where the replications run: local (this machine's threads) or spark (a build with Spark"
                + " support; see docs/SCALING.md). Results do not depend on it (default: ${DEFAULT-VALUE})."})
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master for --engine spark: local[*] (embedded, all cores; the default unless"
                + " spark-submit gave one), local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT.")
    String master;

    /** @return the engine chosen, checked to be available (exit 2 otherwise) */
    Engines.Choice choice() {
        return Engines.choose(engine, master);
    }
}

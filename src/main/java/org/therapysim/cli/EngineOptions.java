package org.therapysim.cli;

import org.therapysim.TherapysimException;
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

    /**
     * @return the engine chosen, refusing {@code --resume} with any engine but the local one, which
     *     alone keeps a journal of finished replications (exit 2)
     */
    Engines.Choice choice(final boolean resume) {
        if (resume && !"local".equals(engine)) {
            throw TherapysimException.invalidInput("--resume: only the local engine records finished replications; "
                    + "a stopped run on --engine " + engine + " starts again without it");
        }
        return choice();
    }
}

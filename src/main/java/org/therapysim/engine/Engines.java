package org.therapysim.engine;

import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.therapysim.TherapysimException;

/**
 * The engines a study can run on: {@code local} (this JVM's threads, always there) and
 * {@code spark} (present only in a build with Spark support). The core never refers to an
 * engine's classes; it finds them through {@link ServiceLoader}.
 */
public final class Engines {
    /** The default engine: a thread pool in this JVM. */
    public static final String LOCAL = "local";
    /** The Spark engine, built with {@code mvn -Pspark package -DskipTests}. */
    public static final String SPARK = "spark";
    /** Every engine name, in the order help lists them. */
    public static final List<String> NAMES = List.of(LOCAL, SPARK);

    private Engines() {
    }

    /**
     * The engine to run on and where.
     *
     * @param name an engine name (lower case)
     * @param master the engine's master URL, or null for its default
     */
    public record Choice(String name, String master) {
        /** The local engine. */
        public static final Choice LOCAL_THREADS = new Choice(LOCAL, null);

        /** @return whether the study runs on this JVM's thread pool */
        public boolean isLocal() {
            return LOCAL.equals(name);
        }
    }

    /**
     * Reads {@code --engine} and {@code --master} and checks that the engine is available and the
     * master valid, before any work starts.
     *
     * @throws TherapysimException (exit 2) for an unknown engine, an engine this build lacks, a
     *     master given to the local engine, or a master the engine rejects
     */
    public static Choice choose(final String engine, final String master) {
        final String name = engine == null ? LOCAL : engine.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(name)) {
            throw TherapysimException.invalidInput("--engine = " + engine + ": must be one of " + NAMES);
        }
        if (name.equals(LOCAL)) {
            if (master != null) {
                throw TherapysimException.invalidInput("--master = " + master + ": applies only to --engine spark");
            }
            return Choice.LOCAL_THREADS;
        }
        provider(name).checkMaster(master);
        return new Choice(name, master);
    }

    /** @return a started engine for a choice that is not local */
    public static Engine open(final Choice choice) {
        return provider(choice.name()).open(choice.master());
    }

    private static EngineProvider provider(final String name) {
        try {
            for (final EngineProvider p : ServiceLoader.load(EngineProvider.class, Engines.class.getClassLoader())) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            // A stale or partial build: the listing is there but its classes or Spark's are not.
        }
        throw TherapysimException.invalidInput("--engine " + name + ": this build has no " + name + " support;"
                + " build it with 'mvn -Pspark package -DskipTests' and run ./therapysim (see docs/SCALING.md)");
    }
}

package org.therapysim.engine;

/**
 * Makes an engine other than the local one. Implementations are listed in
 * {@code META-INF/services/org.therapysim.engine.EngineProvider} of the build that includes them
 * (the spark engine: {@code mvn -Pspark package}).
 */
public interface EngineProvider {
    /** @return the name given to {@code --engine} */
    String name();

    /**
     * Checks a master URL (or null for the engine's default) without starting anything.
     *
     * @throws org.therapysim.TherapysimException (exit 2) when it is not one the engine accepts
     */
    void checkMaster(String master);

    /** @return a started engine on {@code master} (null: the engine's default) */
    Engine open(String master);
}

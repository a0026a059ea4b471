package org.therapysim.spark;

import java.util.regex.Pattern;
import org.therapysim.TherapysimException;
import org.therapysim.engine.Engine;
import org.therapysim.engine.EngineProvider;
import org.therapysim.engine.Engines;

/** Makes the {@code spark} engine; listed in META-INF/services of a build with Spark support. */
public final class SparkEngineProvider implements EngineProvider {
    /** The master URLs Spark accepts: embedded, standalone, YARN and Kubernetes. */
    private static final Pattern MASTER = Pattern.compile(
            "local|local\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?]|local-cluster\\[\\d+, *\\d+, *\\d+]"
                    + "|spark://[^\\s/:,]+(:\\d+)?(,[^\\s/:,]+(:\\d+)?)*|yarn|k8s://\\S+");

    @Override
    public String name() {
        return Engines.SPARK;
    }

    @Override
    public void checkMaster(final String master) {
        if (master != null && !MASTER.matcher(master.trim()).matches()) {
            throw TherapysimException.invalidInput("--master = " + master + ": must be local[*], local[N],"
                    + " spark://HOST:PORT, yarn or k8s://https://HOST:PORT");
        }
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkEngineProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw TherapysimException.invalidInput("--engine spark: Spark is not on the class path: run with"
                    + " ./therapysim after 'mvn -Pspark package -DskipTests' (it adds target/spark-lib/), or under"
                    + " spark-submit (see docs/SCALING.md)");
        }
    }

    @Override
    public Engine open(final String master) {
        checkMaster(master);
        return SparkEngine.start(master == null ? null : master.trim());
    }
}

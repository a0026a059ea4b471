package org.therapysim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.CommandRun;

/**
 * The spark engine on {@code local-cluster[2,1,1024]}: a standalone master and two workers in this
 * JVM, whose executors are JVMs of their own that load the project's classes only from the jar the
 * engine ships and draw their first random numbers on Spark's task threads. The tables are the
 * local engine's byte for byte, and the episode rows those of patients.csv.
 *
 * <p>Runs after {@code package} (failsafe): Spark's workers start executors with the jars in
 * {@code $SPARK_HOME/jars}, linked here to target/spark-lib, and the engine ships the project's jar.
 */
class SparkClusterIT {
    private static final String MASTER = "local-cluster[2,1,1024]";
    private static final List<String> SAME_BYTES = List.of("summary.csv", "curves.csv", "design.csv",
            "cost_effectiveness.csv", "net_benefit_by_wtp.csv", "scenario.yaml");

    @TempDir
    Path dir;

    /** Gives the workers a Spark home: Spark's jars in SPARK_HOME/jars, as a Spark distribution has them. */
    @BeforeAll
    static void sparkHome() throws IOException {
        final String home = System.getenv("SPARK_HOME");
        final String lib = System.getProperty("therapysim.spark.lib");
        assertNotNull(home, "SPARK_HOME is not set (the spark profile's failsafe configuration sets it)");
        assertNotNull(lib, "therapysim.spark.lib is not set (the spark profile's failsafe configuration sets it)");
        final Path spark = Path.of(lib).toAbsolutePath();
        assertTrue(Files.isDirectory(spark), spark + " is missing: it is written at package");
        final Path jars = Path.of(home, "jars");
        Files.createDirectories(jars.getParent());
        if (!Files.exists(jars)) {
            Files.createSymbolicLink(jars, spark);
        }
        assertEquals(spark.toRealPath(), jars.toRealPath(), jars + " is not target/spark-lib");
        assertTrue(SparkEngine.applicationJar() != null, "the engine does not run from a jar: nothing to ship");
    }

    @Test
    void executorsInTheirOwnJvmsReproduceTheLocalEngine() throws IOException {
        final String[] sweep = {"sweep", "scenarios/baseline.yaml", "--vary", "plan.copay=0,40", "-n", "2",
            "--overwrite", "-q", "-o"};
        final Path local = dir.resolve("local");
        final Path cluster = dir.resolve("cluster");
        final CommandRun byThreads = CommandRun.of(with(sweep, local.toString(), "--threads", "2"));
        assertEquals(0, byThreads.status(), byThreads.err());
        final CommandRun bySpark = CommandRun.of(with(sweep, cluster.toString(), "--engine", "spark", "--master", MASTER));
        assertEquals(0, bySpark.status(), bySpark.err());

        for (final String file : SAME_BYTES) {
            assertArrayEquals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(cluster.resolve(file)), file);
        }
        try (Stream<Path> parts = Files.walk(cluster.resolve("patients.parquet"))) {
            assertEquals(4, parts.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".parquet")).count(),
                    "one Parquet file per task");
        }
        final List<List<String>> expected = SparkEngineTest.csvRows(local.resolve("patients.csv"));
        final List<List<String>> actual = SparkEngineTest.parquetRows(cluster.resolve("patients.parquet"));
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "episode row " + i);
        }
    }

    private static String[] with(final String[] args, final String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }
}

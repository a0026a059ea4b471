package org.therapysim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.therapysim.CommandRun;
import org.therapysim.output.EpisodeTable;
import org.therapysim.output.Numbers;

/**
 * The spark engine on an embedded two-core master gives the local engine's results: the same
 * summary tables byte for byte, and the same episode rows in Parquet as in patients.csv.
 */
class SparkEngineTest {
    private static final List<String> SAME_BYTES = List.of("summary.csv", "curves.csv", "design.csv",
            "cost_effectiveness.csv", "net_benefit_by_wtp.csv", "scenario.yaml", "charts/dose_effect.svg",
            "charts/recovery_rate.svg");
    private static final String[] SWEEP = {"sweep", "scenarios/baseline.yaml", "--vary", "plan.copay=0,40", "-n", "3",
        "--overwrite", "-q"};

    @TempDir
    Path dir;

    private static String[] with(final String[] args, final String... more) {
        final String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void sparkOnTwoCoresReproducesTheLocalEngine() throws IOException {
        final Path local = dir.resolve("local");
        final Path spark = dir.resolve("spark");
        final CommandRun byThreads = CommandRun.of(with(SWEEP, "-o", local.toString(), "--threads", "2"));
        assertEquals(0, byThreads.status(), byThreads.err());
        final CommandRun bySpark = CommandRun.of(with(SWEEP, "-o", spark.toString(), "--engine", "spark", "--master", "local[2]"));
        assertEquals(0, bySpark.status(), bySpark.err());

        for (final String file : SAME_BYTES) {
            assertArrayEquals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(spark.resolve(file)), file);
        }
        assertFalse(Files.exists(spark.resolve("patients.csv")));
        assertTrue(Files.exists(spark.resolve("patients.parquet/_SUCCESS")));
        try (Stream<Path> files = Files.walk(spark.resolve("patients.parquet"))) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".crc")), "checksum files left in the table");
        }
        try (Stream<Path> leftovers = Files.list(dir)) {
            assertEquals(List.of("local", "spark"), leftovers.map(p -> p.getFileName().toString()).sorted().toList(),
                    "a staging folder was left behind");
        }
        final String manifest = Files.readString(spark.resolve("manifest.json"));
        assertTrue(manifest.contains("patients.parquet/arm=copay%3D40/part-"), manifest);

        final List<List<String>> expected = csvRows(local.resolve("patients.csv"));
        final List<List<String>> actual = parquetRows(spark.resolve("patients.parquet"));
        assertEquals(expected.size(), actual.size());
        assertTrue(expected.size() > 1000, "too small a sweep to compare: " + expected.size() + " episodes");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "episode row " + i);
        }
    }

    /**
     * Runs {@code command} with the local engine and on {@code local[2]} and compares {@code files}
     * byte for byte. @return the Spark run's folder
     */
    private Path assertSameOnSpark(final String name, final String[] command, final String... files)
            throws IOException {
        final Path local = dir.resolve(name + "-local");
        final Path spark = dir.resolve(name + "-spark");
        final CommandRun byThreads = CommandRun.of(with(command, "-o", local.toString(), "--threads", "2"));
        assertEquals(0, byThreads.status(), byThreads.err());
        final CommandRun bySpark = CommandRun.of(with(command, "-o", spark.toString(), "--engine", "spark", "--master",
                "local[2]"));
        assertEquals(0, bySpark.status(), bySpark.err());
        for (final String file : files) {
            assertArrayEquals(Files.readAllBytes(local.resolve(file)), Files.readAllBytes(spark.resolve(file)), file);
        }
        return spark;
    }

    @Test
    void probabilisticAnalysisOnSparkDrawsTheSame() throws IOException {
        assertSameOnSpark("psa", new String[] {"psa", "scenarios/benefit-designs.yaml", "--draws", "3", "-n", "1",
            "--overwrite", "-q"}, "psa_draws.csv", "psa_summary.csv", "acceptability.csv", "summary.csv",
                "cost_effectiveness.csv");
    }

    @Test
    void tornadoOnSparkVariesTheSame() throws IOException {
        final Path spark = assertSameOnSpark("tornado", new String[] {"tornado", "scenarios/benefit-designs.yaml",
            "-n", "1", "--parameter", "dynamics.dropout.baseLogit", "--parameter", "dynamics.access.startPricePer100",
            "--overwrite", "-q"}, "tornado.csv", "summary.csv", "cost_effectiveness.csv");
        assertTrue(Files.exists(spark.resolve("patients.parquet")), "the base case's episodes, as Parquet");
    }

    @Test
    void badSparkOptionsEndWithOneLineAndStatusTwo() {
        final CommandRun master = CommandRun.of(with(SWEEP, "-o", dir.resolve("m").toString(), "--engine", "spark", "--master",
                "lokal[2]"));
        assertEquals(2, master.status(), master.err());
        assertEquals(1, master.err().strip().lines().count(), master.err());
        assertTrue(master.err().contains("--master = lokal[2]"), master.err());

        final CommandRun sessions = CommandRun.of(with(SWEEP, "-o", dir.resolve("s").toString(), "--engine", "spark",
                "--master", "local[1]", "--sessions"));
        assertEquals(2, sessions.status(), sessions.err());
        assertTrue(sessions.err().contains("--sessions"), sessions.err());
        assertFalse(Files.exists(dir.resolve("s")));

        final CommandRun evaluation = CommandRun.of(with(SWEEP, "-o", dir.resolve("e").toString(), "--engine", "spark",
                "--master", "local[1]", "--evaluation"));
        assertEquals(2, evaluation.status(), evaluation.err());
        assertTrue(evaluation.err().contains("--evaluation") && evaluation.err().contains("evaluation.csv"),
                evaluation.err());
        assertFalse(Files.exists(dir.resolve("e")));
    }

    @Test
    void aTaskThatKeptFailingIsReportedOnOneLine() {
        final String abort = "Job aborted due to stage failure: Task 2 in stage 0.0 failed 4 times, most recent failure:"
                + " Lost task 2.3 in stage 0.0 (TID 10) (127.0.0.1 executor 1): ";
        final String trace = "\n\tat org.apache.spark.executor.Executor$TaskRunner.run(Executor.scala:1)\n\nDriver stacktrace:";
        assertEquals("a task failed 4 times, last on 127.0.0.1 executor 1: java.io.IOException:"
                + " java.lang.ClassNotFoundException: org.therapysim.engine.ReplicationTask",
                SparkEngine.jobFailure(new SparkException(abort + "java.io.IOException: java.lang.ClassNotFoundException:"
                        + " org.therapysim.engine.ReplicationTask" + trace)));

        final Throwable initialiser = new ExceptionInInitializerError("Exception java.lang.IllegalArgumentException: no"
                + " such algorithm [in thread \"task 1\"]");
        final SparkException again = new SparkException(abort + "java.lang.NoClassDefFoundError: Could not initialize"
                + " class org.therapysim.model.RandomStreams" + trace,
                new NoClassDefFoundError("Could not initialize class org.therapysim.model.RandomStreams").initCause(initialiser));
        final String line = SparkEngine.jobFailure(new IllegalStateException("wrapped", again));
        assertEquals("a task failed 4 times, last on 127.0.0.1 executor 1: java.lang.NoClassDefFoundError: Could not"
                + " initialize class org.therapysim.model.RandomStreams (caused by java.lang.ExceptionInInitializerError:"
                + " Exception java.lang.IllegalArgumentException: no such algorithm [in thread \"task 1\"])", line);

        assertEquals("SparkException: something else", SparkEngine.jobFailure(new SparkException("something else\nmore")));
    }

    /** @return patients.csv's rows, sorted by arm, replication, patient and episode */
    static List<List<String>> csvRows(final Path file) throws IOException {
        final List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file)) {
            for (final CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(in)) {
                rows.add(r.toList());
            }
        }
        rows.sort(CANONICAL);
        return rows;
    }

    /** @return the Parquet table's rows as patients.csv prints them, in patients.csv's column order, sorted */
    static List<List<String>> parquetRows(final Path table) {
        final SparkSession spark = SparkSession.builder().master("local[1]").appName("read back")
                .config("spark.ui.enabled", "false").config("spark.sql.debug.maxToStringFields", "100")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false").getOrCreate();
        try {
            final List<Row> rows = spark.read().parquet(table.toUri().toString())
                    .selectExpr(EpisodeTable.HEADER).collectAsList();
            final List<List<String>> cells = new ArrayList<>();
            for (final Row row : rows) {
                final List<String> line = new ArrayList<>();
                for (int c = 0; c < EpisodeTable.HEADER.length; c++) {
                    line.add(cell(EpisodeTable.HEADER[c], row.get(c)));
                }
                cells.add(line);
            }
            cells.sort(CANONICAL);
            return cells;
        } finally {
            spark.stop();
        }
    }

    private static String cell(final String column, final Object value) {
        if (value instanceof Double d) {
            return Numbers.fixed(d, column.startsWith("alliance") ? 4 : 2);
        }
        return Numbers.cell(value);
    }

    /** Arm, then replication, patient and episode as numbers. */
    private static final Comparator<List<String>> CANONICAL = Comparator.<List<String>, String>comparing(r -> r.get(0))
            .thenComparingInt(r -> Integer.parseInt(r.get(1))).thenComparingInt(r -> Integer.parseInt(r.get(2)))
            .thenComparingInt(r -> Integer.parseInt(r.get(3)));
}

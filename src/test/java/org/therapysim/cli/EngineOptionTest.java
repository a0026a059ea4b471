package org.therapysim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine} and {@code --master}: a wrong choice ends before any work with one line and status 2. */
class EngineOptionTest {
    @TempDir
    Path dir;

    private String[] sweep(final String... more) {
        final String[] base = {"sweep", "scenarios/baseline.yaml", "--vary", "plan.copay=0,40", "-n", "1", "-q", "-o",
            dir.resolve("out").toString()};
        final String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private String fails(final String... args) {
        final StringWriter err = new StringWriter();
        final int status = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, status, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(dir.resolve("out")));
        return err.toString();
    }

    @Test
    void unknownEngineListsTheEngines() {
        assertTrue(fails(sweep("--engine", "hadoop")).contains("--engine = hadoop: must be one of [local, spark]"));
    }

    @Test
    void masterNeedsTheSparkEngine() {
        assertTrue(fails(sweep("--master", "local[2]")).contains("applies only to --engine spark"));
    }

    @Test
    void resumeNeedsTheLocalEngine() {
        assertTrue(fails(sweep("--engine", "spark", "--resume")).contains("--resume: only the local engine"));
        assertTrue(fails("psa", "scenarios/benefit-designs.yaml", "--draws", "2", "-n", "1", "-q", "-o",
                dir.resolve("out").toString(), "--engine", "spark", "--resume").contains("--resume: only the local engine"));
    }

    private static boolean sparkBuilt() {
        try {
            Class.forName("org.therapysim.spark.SparkEngineProvider");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void sparkWithoutSparkSupportSaysHowToBuildIt() {
        assumeFalse(sparkBuilt(), "this build has Spark support");
        assertTrue(fails(sweep("--engine", "spark")).contains("mvn -Pspark package -DskipTests"));
    }
}

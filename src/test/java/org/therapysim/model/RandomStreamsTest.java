package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * The model's generators do not depend on the thread that first asks for one: a fresh JVM whose
 * first request comes from a thread with a context class loader that cannot see the JDK's
 * generator algorithms (as on a Spark executor) draws the same numbers as this one.
 */
class RandomStreamsTest {
    /** Draws from a patient stream and a free generator, one number a line. */
    static List<String> draws() {
        final List<String> out = new ArrayList<>();
        final RandomGenerator patient = RandomStreams.stream(RandomStreams.replicationSeed(20_240_611L, 3),
                RandomStreams.PATIENTS, 17);
        final RandomGenerator free = RandomStreams.generator(99);
        for (int i = 0; i < 5; i++) {
            out.add(Long.toString(patient.nextLong()));
            out.add(Double.toString(patient.nextDouble()));
            out.add(Double.toString(free.nextGaussian()));
            out.add(Integer.toString(free.nextInt(1000)));
        }
        return out;
    }

    private static List<String> inFreshJvm(final String mode) throws IOException, InterruptedException {
        final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        final Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ForeignContextLoader.class.getName(), mode).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }

    @Test
    void aForeignContextLoaderCannotFindTheAlgorithmByItself() throws IOException, InterruptedException {
        assertEquals(List.of("not found"), inFreshJvm("factory"));
    }

    @Test
    void generatorsAskedForFirstUnderAForeignContextLoaderDrawTheSameNumbers() throws IOException,
            InterruptedException {
        final List<String> expected = draws();
        assertTrue(expected.size() > 1);
        assertEquals(expected, inFreshJvm("streams"));
    }

    /** Asks for generators first from a thread whose context class loader sees only the platform's classes. */
    static final class ForeignContextLoader {
        private ForeignContextLoader() {
        }

        public static void main(final String[] args) throws IOException {
            try (URLClassLoader foreign = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
                Thread.currentThread().setContextClassLoader(foreign);
                if (args[0].equals("factory")) {
                    try {
                        RandomGeneratorFactory.of("L64X128MixRandom");
                        System.out.println("found");
                    } catch (IllegalArgumentException e) {
                        System.out.println("not found");
                    }
                } else {
                    draws().forEach(System.out::println);
                }
            }
        }
    }
}

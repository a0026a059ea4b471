package org.therapysim.model;

import ec.util.MersenneTwisterFast;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Derives every seed of the model from one number, so that results depend on the master seed and
 * the replication index alone, never on thread count or execution order.
 *
 * <p>Each source of randomness gets its own stream: arrivals, the workforce, and one stream per
 * patient, each an L64X128MixRandom generator of the LXM family (Steele and Vigna 2021; Java's
 * {@code java.util.random}), whose 32 bytes of state make a stream per patient cheap to create
 * and to keep (a Mersenne Twister holds 2.5 KB). Because a patient's draws come from its own stream and
 * every simulated week consumes the same block of draws whatever happens in it, the same patient
 * meets the same random events under every benefit design (common random numbers, as in
 * L'Ecuyer's SSJ); the designs differ only where their rules make the patient's course differ.
 * Mixing uses the SplitMix64 finaliser (Steele, Lea and Flood 2014).
 */
public final class RandomStreams {
    /** Stream identifiers: each names one independent source of randomness. */
    static final long ARRIVALS = 1;
    static final long WORKFORCE = 2;
    static final long PATIENTS = 3;
    private static final long PARAMETERS = 4;
    private static final long DRAWS = 0x5A17E5L;
    private static final long VALUE_OF_INFORMATION = 0x7E1F0L;
    private static final RandomGeneratorFactory<RandomGenerator> LXM = lxm();

    private RandomStreams() {
    }

    /**
     * The factory of L64X128MixRandom generators. Java looks its generator algorithms up once per
     * JVM, through the context class loader of the thread that asks first, and (in Java 17) defines
     * the module that holds them, jdk.random, to the application class loader. Asked first from a
     * thread whose context class loader does not delegate to that one, such as a Spark executor's
     * task thread, Java would find no algorithm, for good; the system class loader always finds
     * them. The factory, and so every number drawn, is the same whichever loader finds it.
     */
    private static RandomGeneratorFactory<RandomGenerator> lxm() {
        final Thread thread = Thread.currentThread();
        final ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            return RandomGeneratorFactory.of("L64X128MixRandom");
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    /**
     * Seed of replication {@code r}: a function of the master seed and r only, never zero, 32 bits
     * (MASON's generator seeds from 32 bits when given a long).
     */
    public static int replicationSeed(final long masterSeed, final int replication) {
        int seed = (int) mix(masterSeed ^ mix(0x9E3779B97F4A7C15L * (replication + 1L)));
        while (seed == 0) {
            seed = (int) mix(seed + 0x632BE59BD9B4E019L);
        }
        return seed;
    }

    /**
     * Master seed of probabilistic draw {@code d}: its replications use seeds derived from it as
     * from any master seed, independent of the study's own replications.
     */
    public static long drawSeed(final long masterSeed, final int draw) {
        return mix(masterSeed ^ mix(DRAWS + 0x9E3779B97F4A7C15L * (draw + 1L)));
    }

    /** @return the generator of draw {@code d}'s parameter values */
    public static MersenneTwisterFast parameterStream(final long masterSeed, final int draw) {
        final long a = mix(replicationSeed(masterSeed, draw) * 0xD1B54A32D192ED03L + PARAMETERS);
        final long b = mix(a ^ 0x94D049BB133111EBL);
        return new MersenneTwisterFast(new int[] {(int) (a >>> 32), (int) a, (int) (b >>> 32), (int) b});
    }

    /**
     * The stream of the value-of-information analysis of a PSA: draws of regression coefficients for
     * standard errors ({@code index} tells the analyses apart), independent of every simulation stream.
     */
    public static MersenneTwisterFast valueOfInformationStream(final long masterSeed, final int index) {
        final long a = mix(mix(masterSeed ^ VALUE_OF_INFORMATION) + 0x9E3779B97F4A7C15L * (index + 1L));
        final long b = mix(a ^ 0x94D049BB133111EBL);
        return new MersenneTwisterFast(new int[] {(int) (a >>> 32), (int) a, (int) (b >>> 32), (int) b});
    }

    /** @return a generator for one stream of a replication, e.g. the {@code index}-th patient's */
    static RandomGenerator stream(final int replicationSeed, final long streamId, final long index) {
        final long a = mix(replicationSeed * 0xD1B54A32D192ED03L + streamId);
        return LXM.create(mix(a ^ (index * 0xAEF17502108EF2D9L + 0x94D049BB133111EBL)));
    }

    /** @return a generator seeded from {@code seed} alone, for work outside a replication (e.g. an optimiser) */
    public static RandomGenerator generator(final long seed) {
        return LXM.create(mix(seed));
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mix with good avalanche. */
    static long mix(final long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

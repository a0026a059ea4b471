package org.therapysim.model;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Lets Commons Math distributions and optimizers draw from one of the model's generators. The delegate can be switched, so
 * one set of distribution objects can serve every patient's own stream (single-threaded: one
 * adapter belongs to one simulation).
 */
public final class RandomAdapter implements RandomGenerator {
    private java.util.random.RandomGenerator delegate;

    public RandomAdapter(final java.util.random.RandomGenerator delegate) {
        this.delegate = delegate;
    }

    /** Draw from {@code generator} from now on. */
    void use(final java.util.random.RandomGenerator generator) {
        this.delegate = generator;
    }

    @Override
    public void setSeed(final int seed) {
        throw new UnsupportedOperationException("seeds are derived by RandomStreams");
    }

    @Override
    public void setSeed(final int[] seed) {
        throw new UnsupportedOperationException("seeds are derived by RandomStreams");
    }

    @Override
    public void setSeed(final long seed) {
        throw new UnsupportedOperationException("seeds are derived by RandomStreams");
    }

    @Override
    public void nextBytes(final byte[] bytes) {
        delegate.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return delegate.nextInt();
    }

    @Override
    public int nextInt(final int n) {
        return delegate.nextInt(n);
    }

    @Override
    public long nextLong() {
        return delegate.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return delegate.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return delegate.nextFloat();
    }

    @Override
    public double nextDouble() {
        return delegate.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return delegate.nextGaussian();
    }
}

package org.therapysim.model;

import org.apache.commons.math3.random.RandomGenerator;

/** Lets Commons Math distributions and optimizers draw from one of the model's generators. */
public final class RandomAdapter implements RandomGenerator {
    private final java.util.random.RandomGenerator delegate;

    public RandomAdapter(final java.util.random.RandomGenerator delegate) {
        this.delegate = delegate;
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

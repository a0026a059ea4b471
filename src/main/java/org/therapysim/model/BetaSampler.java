package org.therapysim.model;

import java.util.random.RandomGenerator;

/**
 * Draws from a Beta(p, q) distribution by Cheng's (1978) rejection algorithms: BB when both shapes
 * exceed 1, BC otherwise. Each draw takes pairs of uniforms until one is accepted. The constants
 * that depend only on the shapes are computed once, and the logarithms and exponentials are the
 * JDK's, which the JIT compiles to machine instructions; trait sampling at admission was a tenth of
 * a million-patient replication with them recomputed and taken from a software library.
 *
 * <p>Cheng, R.C.H. (1978). Generating beta variates with nonintegral shape parameters.
 * Communications of the ACM, 21(4), 317-322.
 */
final class BetaSampler {
    /** ln 4 and 1 + ln 5, as the paper gives them. */
    private static final double LOG4 = 1.3862944;
    private static final double ONE_PLUS_LOG5 = 2.609438;

    /** Whether p is the smaller shape (BB) or the larger (BC), i.e. whether a draw is W/(b+W). */
    private final boolean direct;
    private final boolean bb;
    /** The shapes as the algorithm orders them: for BB a <= b, for BC a >= b. */
    private final double a;
    private final double b;
    private final double alpha;
    private final double logAlpha;
    private final double beta;
    private final double gamma;
    private final double k1;
    private final double k2;

    BetaSampler(final double p, final double q) {
        if (!(p > 0) || !(q > 0)) {
            throw new IllegalArgumentException("Beta shapes must be positive: " + p + ", " + q);
        }
        this.alpha = p + q;
        this.logAlpha = Math.log(alpha);
        this.bb = Math.min(p, q) > 1.0;
        if (bb) {
            this.a = Math.min(p, q);
            this.b = Math.max(p, q);
            this.beta = Math.sqrt((alpha - 2.0) / (2.0 * a * b - alpha));
            this.gamma = a + 1.0 / beta;
            this.k1 = 0.0;
            this.k2 = 0.0;
        } else {
            this.a = Math.max(p, q);
            this.b = Math.min(p, q);
            this.beta = 1.0 / b;
            final double delta = 1.0 + a - b;
            this.k1 = delta * (0.0138889 + 0.0416667 * b) / (a * beta - 0.777778);
            this.k2 = 0.25 + (0.5 + 0.25 / delta) * b;
            this.gamma = 0.0;
        }
        this.direct = a == p;
    }

    /** @return one draw, from {@code random}'s uniforms */
    double sample(final RandomGenerator random) {
        return bb ? sampleBB(random) : sampleBC(random);
    }

    private double sampleBB(final RandomGenerator random) {
        while (true) {
            final double u1 = random.nextDouble();
            final double u2 = random.nextDouble();
            final double v = beta * (Math.log(u1) - Math.log1p(-u1));
            final double w = Math.min(a * Math.exp(v), Double.MAX_VALUE);
            final double z = u1 * u1 * u2;
            final double r = gamma * v - LOG4;
            final double s = a + r - w;
            if (s + ONE_PLUS_LOG5 >= 5.0 * z) {
                return deliver(w);
            }
            final double t = Math.log(z);
            if (s > t || r + alpha * (logAlpha - Math.log(b + w)) >= t) {
                return deliver(w);
            }
        }
    }

    private double sampleBC(final RandomGenerator random) {
        while (true) {
            final double u1 = random.nextDouble();
            final double u2 = random.nextDouble();
            final double z;
            if (u1 < 0.5) {
                final double y = u1 * u2;
                z = u1 * y;
                if (0.25 * u2 + z - y >= k1) {
                    continue;
                }
            } else {
                z = u1 * u1 * u2;
                if (z <= 0.25) {
                    final double v = beta * (Math.log(u1) - Math.log1p(-u1));
                    return deliver(Math.min(a * Math.exp(v), Double.MAX_VALUE));
                }
                if (z >= k2) {
                    continue;
                }
            }
            final double v = beta * (Math.log(u1) - Math.log1p(-u1));
            final double w = Math.min(a * Math.exp(v), Double.MAX_VALUE);
            if (alpha * (logAlpha - Math.log(b + w) + v) - LOG4 >= Math.log(z)) {
                return deliver(w);
            }
        }
    }

    private double deliver(final double w) {
        return direct ? w / (b + w) : b / (b + w);
    }
}

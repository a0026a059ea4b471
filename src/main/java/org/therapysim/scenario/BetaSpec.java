package org.therapysim.scenario;

/**
 * A quantity on [0, 1] drawn from a Beta distribution given by its mean and standard deviation
 * (the form in which published studies report such traits).
 *
 * @param mean mean, strictly between 0 and 1; with sd 0 it may also be 0 or 1
 * @param sd standard deviation; 0 gives every agent the mean (a point mass, so 0 turns the trait
 *     off: no one misses a session at no-show mean 0); must satisfy sd^2 < mean (1 - mean) otherwise
 */
public record BetaSpec(double mean, double sd) {
    public BetaSpec {
        Check.nonNegative("sd", sd);
        if (sd == 0.0) {
            Check.probability("mean", mean);
        } else {
            Check.range("mean", mean, 1e-9, 1 - 1e-9);
        }
        if (sd > 0.0 && sd * sd >= mean * (1 - mean)) {
            throw new InvalidValueException("sd", sd,
                    "must be below sqrt(mean * (1 - mean)) = " + Math.sqrt(mean * (1 - mean)) + " for a Beta distribution");
        }
    }

    /** @return the first shape parameter (alpha) of the Beta distribution */
    public double alpha() {
        return mean * common();
    }

    /** @return the second shape parameter (beta) of the Beta distribution */
    public double beta() {
        return (1 - mean) * common();
    }

    private double common() {
        return mean * (1 - mean) / (sd * sd) - 1;
    }
}

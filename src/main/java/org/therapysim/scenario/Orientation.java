package org.therapysim.scenario;

/**
 * A therapeutic orientation (a technique) and its specific effect.
 *
 * @param name e.g. cbt
 * @param share share of therapists practising it
 * @param specificEffect relative change in the rate of symptom improvement (0 = only common factors)
 */
public record Orientation(String name, double share, double specificEffect) {
    public Orientation {
        Check.text("name", name);
        Check.probability("share", share);
        Check.range("specificEffect", specificEffect, -0.5, 0.5);
    }
}

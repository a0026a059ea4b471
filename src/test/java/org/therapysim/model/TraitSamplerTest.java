package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.therapysim.scenario.BetaSpec;

/** Each trait's Beta draws come from that trait's distribution, however the specifications alternate. */
class TraitSamplerTest {
    @Test
    void alternatingTraitsDrawAsTheirOwnSamplersDo() {
        final BetaSpec[] specs = {new BetaSpec(0.3, 0.1), new BetaSpec(0.7, 0.15), new BetaSpec(0.5, 0.2),
            new BetaSpec(0.3, 0.1)};
        final BetaSampler[] own = new BetaSampler[specs.length];
        for (int i = 0; i < specs.length; i++) {
            own[i] = new BetaSampler(specs[i].alpha(), specs[i].beta());
        }
        final TraitSampler sampler = new TraitSampler();
        final RandomGenerator a = RandomStreams.generator(42);
        final RandomGenerator b = RandomStreams.generator(42);
        for (int k = 0; k < 4_000; k++) {
            final int i = (k * 7 + k / 5) % specs.length;
            assertEquals(own[i].sample(b), sampler.beta(specs[i], a), "draw " + k + " of trait " + i);
        }
    }
}

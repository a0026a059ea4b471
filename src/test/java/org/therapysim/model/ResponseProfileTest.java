package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.therapysim.scenario.InvalidValueException;
import org.therapysim.scenario.ResponseClasses;

/**
 * The latent response classes, against docs/MODEL.md ("Response classes"): with shares 0.2
 * (non-responders) and 0.3 (late responders) a draw u below 0.2 is a non-responder, from 0.2 up
 * to 0.5 a late responder, and from 0.5 on a typical responder; the class multiplies the rate of
 * improvement by the non-responders' effect (0.25 here), by 0 before the late onset session (6)
 * and 1 from it, and by 1 for a typical responder.
 */
class ResponseProfileTest {
    private static final ResponseProfile PROFILE = new ResponseProfile(new ResponseClasses(0.2, 0.25, 0.3, 6, 0.1, 2.5));

    @Test
    void theDrawFallsIntoTheClassesByTheirCumulativeShares() {
        assertEquals(ResponseProfile.Kind.NON_RESPONDER, PROFILE.kind(0.0));
        assertEquals(ResponseProfile.Kind.NON_RESPONDER, PROFILE.kind(0.1999));
        assertEquals(ResponseProfile.Kind.LATE, PROFILE.kind(0.2));
        assertEquals(ResponseProfile.Kind.LATE, PROFILE.kind(0.4999));
        // Fast responders: 0.5 <= u < 0.2 + 0.3 + 0.1 = 0.6.
        assertEquals(ResponseProfile.Kind.FAST, PROFILE.kind(0.5));
        assertEquals(ResponseProfile.Kind.FAST, PROFILE.kind(0.5999));
        assertEquals(ResponseProfile.Kind.TYPICAL, PROFILE.kind(0.6));
        assertEquals(ResponseProfile.Kind.TYPICAL, PROFILE.kind(0.9999));
    }

    @Test
    void withEveryShareZeroEveryoneIsTypical() {
        final ResponseProfile off = new ResponseProfile(new ResponseClasses(0.0, 0.0, 0.0, 6, 0.0, 1.0));
        assertEquals(ResponseProfile.Kind.TYPICAL, off.kind(0.0));
        assertEquals(1.0, off.effect(off.kind(0.0), 1), 0.0);
    }

    @Test
    void eachClassMultipliesTheRateOfImprovement() {
        assertEquals(1.0, PROFILE.effect(ResponseProfile.Kind.TYPICAL, 1), 0.0);
        assertEquals(1.0, PROFILE.effect(ResponseProfile.Kind.TYPICAL, 30), 0.0);
        assertEquals(0.25, PROFILE.effect(ResponseProfile.Kind.NON_RESPONDER, 1), 0.0);
        assertEquals(0.25, PROFILE.effect(ResponseProfile.Kind.NON_RESPONDER, 30), 0.0);
        assertEquals(2.5, PROFILE.effect(ResponseProfile.Kind.FAST, 1), 0.0);
        assertEquals(2.5, PROFILE.effect(ResponseProfile.Kind.FAST, 30), 0.0);
    }

    @Test
    void aLateResponderRespondsFromTheOnsetSessionOn() {
        assertEquals(0.0, PROFILE.effect(ResponseProfile.Kind.LATE, 1), 0.0);
        assertEquals(0.0, PROFILE.effect(ResponseProfile.Kind.LATE, 5), 0.0);
        assertEquals(1.0, PROFILE.effect(ResponseProfile.Kind.LATE, 6), 0.0);
        assertEquals(1.0, PROFILE.effect(ResponseProfile.Kind.LATE, 20), 0.0);
    }

    @Test
    void theSharesMayNotExceedOneTogether() {
        assertThrows(InvalidValueException.class, () -> new ResponseClasses(0.6, 0.0, 0.5, 6, 0.0, 1.0));
        assertEquals(0.5, new ResponseClasses(0.5, 0.0, 0.5, 6, 0.0, 1.0).lateResponderShare(), 0.0);
        assertThrows(InvalidValueException.class, () -> new ResponseClasses(0.3, 0.0, 0.5, 6, 0.3, 2.0));
        assertEquals(0.2, new ResponseClasses(0.3, 0.0, 0.5, 6, 0.2, 2.0).fastResponderShare(), 0.0);
    }
}

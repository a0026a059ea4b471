package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The compact episode record gives back every component as given, absent ones as null. */
class EpisodeRecordTest {
    /** A record with every component present and each value distinct. */
    private static EpisodeRecord full(final Boolean flag) {
        return new EpisodeRecord(1_234_567, 3, "anxiety", 40_001, "cbt", 2, 4, 6, 2_599, 17, 12, 5, 9,
                EndReason.PLANNED, 21, 7, true, flag, flag, flag, !flag, flag, !flag, 11, 13, 2_598, 0.6125,
                0.7375, 3, 2, 1, 4, 5, 6, true, 1_234.5, 67.25, 40.0, 999.125, 321.0625);
    }

    @Test
    void everyComponentComesBackAsGiven() {
        for (final Boolean flag : new Boolean[] {true, false}) {
            final EpisodeRecord e = full(flag);
            assertEquals(1_234_567, e.patientId());
            assertEquals(3, e.episode());
            assertEquals("anxiety", e.condition());
            assertEquals(40_001, e.therapistId());
            assertEquals("cbt", e.therapistOrientation());
            assertEquals(2, e.arrivalWeek());
            assertEquals(4, e.bookedWeek());
            assertEquals(6, e.firstSessionWeek());
            assertEquals(2_599, e.endWeek());
            assertEquals(17, e.sessionsAttended());
            assertEquals(12, e.sessionsPlanPaid());
            assertEquals(5, e.sessionsSelfPaid());
            assertEquals(9, e.sessionsToReliableImprovement());
            assertEquals(EndReason.PLANNED, e.endReason());
            assertEquals(21, e.baselineScore());
            assertEquals(7, e.endScore());
            assertTrue(e.casenessAtStart());
            assertEquals(flag, e.reliableImprovement());
            assertEquals(flag, e.recovered());
            assertEquals(flag, e.reliableRecovery());
            assertEquals(!flag, e.deteriorated());
            assertEquals(flag, e.relapsed());
            assertEquals(!flag, e.returned());
            assertEquals(11, e.weeksToRelapse());
            assertEquals(13, e.weeksToReturn());
            assertEquals(2_598, e.weeksFollowedUp());
            assertEquals(0.6125, e.allianceMean());
            assertEquals(0.7375, e.allianceFinal());
            assertEquals(3, e.ruptures());
            assertEquals(2, e.repairs());
            assertEquals(1, e.therapistSwitches());
            assertEquals(4, e.noShows());
            assertEquals(5, e.cancellations());
            assertEquals(6, e.reviews());
            assertTrue(e.outOfNetwork());
            assertEquals(1_234.5, e.payerCost());
            assertEquals(67.25, e.patientCost());
            assertEquals(40.0, e.adminCost());
            assertEquals(999.125, e.productivityLoss());
            assertEquals(321.0625, e.medicalCost());
            assertEquals(2, e.weeksWaiting());
            assertEquals(2, e.weeksHesitating());
            assertEquals(flag, e.endedRecovered());
        }
    }

    @Test
    void absentComponentsComeBackAsNull() {
        final EpisodeRecord e = new EpisodeRecord(5, 1, "depression", null, null, 0, null, null, 0, 0, 0, 0, null,
                EndReason.DECLINED, 14, null, false, null, null, null, null, null, null, null, null, 51, null, null,
                0, 0, 0, 0, 0, 0, false, 0, 0, 0, 0, 0);
        assertNull(e.therapistId());
        assertNull(e.bookedWeek());
        assertNull(e.firstSessionWeek());
        assertNull(e.sessionsToReliableImprovement());
        assertNull(e.endScore());
        assertFalse(e.casenessAtStart());
        assertNull(e.reliableImprovement());
        assertNull(e.recovered());
        assertNull(e.reliableRecovery());
        assertNull(e.deteriorated());
        assertNull(e.relapsed());
        assertNull(e.returned());
        assertNull(e.weeksToRelapse());
        assertNull(e.weeksToReturn());
        assertNull(e.allianceMean());
        assertNull(e.allianceFinal());
        assertFalse(e.outOfNetwork());
        assertNull(e.weeksWaiting());
        assertNull(e.weeksHesitating());
        assertFalse(e.endedRecovered());
        assertNull(new EpisodeRecord(5, 1, "depression", null, null, 0, 0, null, 0, 0, 0, 0, null,
                EndReason.GAVE_UP_WAITING, 14, null, false, null, null, null, null, null, null, null, null, 51, null,
                null, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, 0, 0).weeksWaiting());
    }

    @Test
    void recordsAreEqualWhenEveryComponentIs() {
        assertEquals(full(true), full(true));
        assertEquals(full(true).hashCode(), full(true).hashCode());
        assertNotEquals(full(true), full(false));
        final EpisodeRecord absent = new EpisodeRecord(1_234_567, 3, "anxiety", null, "cbt", 2, 4, 6, 2_599, 17, 12,
                5, 9, EndReason.PLANNED, 21, 7, true, true, true, true, false, true, false, 11, 13, 2_598, 0.6125,
                0.7375, 3, 2, 1, 4, 5, 6, true, 1_234.5, 67.25, 40.0, 999.125, 321.0625);
        assertNotEquals(full(true), absent, "a therapist id of 0 stored for an absent one must not compare equal");
    }

    @Test
    void aCountTooLargeToStoreIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EpisodeRecord(1, 1, "anxiety", null, null, 0, null,
                null, 40_000, 0, 0, 0, null, EndReason.HORIZON, 14, null, false, null, null, null, null, null, null,
                null, null, 0, null, null, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, 0, 0));
    }
}

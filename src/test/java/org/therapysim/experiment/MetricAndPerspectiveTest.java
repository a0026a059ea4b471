package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metrics' identifiers and units, and what each perspective counts (docs/MODEL.md, "Perspectives"). */
class MetricAndPerspectiveTest {
    @Test
    void metricsAreFoundByIdentifierInAnyCase() {
        assertSame(Metric.DROPOUT_RATE, Metric.byId("dropout_rate"));
        assertSame(Metric.COST_SOCIETAL, Metric.byId("COST_PER_PATIENT_SOCIETAL"));
        assertSame(Metric.RECOVERIES_PER_1000, Metric.byId("recoveries_per_1000_member_years"));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.byId("nope"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        final Set<String> ids = new HashSet<>();
        for (final Metric m : Metric.values()) {
            assertTrue(ids.add(m.id()), "identifiers are unique: " + m.id());
            assertSame(m, Metric.byId(m.id()));
            assertFalse(m.label().isBlank(), m + " has a label");
        }
    }

    @Test
    void sharesAreTheMetricsWhoseUnitIsAShare() {
        assertTrue(Metric.STARTED_RATE.isShare());
        assertTrue(Metric.EARLY_DROPOUT_SHARE.isShare());
        assertTrue(Metric.THERAPIST_VARIANCE_SHARE.isShare());
        assertFalse(Metric.EPISODES.isShare());
        assertFalse(Metric.ALLIANCE_MEAN.isShare());
        assertFalse(Metric.GOOD_ENOUGH_GAP.isShare(), "a difference of shares, not a share");
        assertFalse(Metric.COST_PAYER.isShare());
        assertEquals("share of started episodes", Metric.DROPOUT_RATE.unit());
        assertEquals("Dropout", Metric.DROPOUT_RATE.label());
        assertEquals("currency", Metric.PAYER_COST_PMPM.unit());
    }

    @Test
    void eachPerspectiveCountsItsOwnComponents() {
        assertEquals(List.of(Perspective.PAYER, Perspective.EMPLOYER, Perspective.HEALTHCARE, Perspective.SOCIETAL),
                List.of(Perspective.values()));
        assertEquals(List.of(Metric.PLAN_SESSIONS_PER_PATIENT, Metric.ADMIN_PER_PATIENT,
                Metric.PLAN_MEDICAL_PER_PATIENT), Perspective.PAYER.components());
        assertEquals(List.of(Metric.PLAN_SESSIONS_PER_PATIENT, Metric.ADMIN_PER_PATIENT,
                Metric.PLAN_MEDICAL_PER_PATIENT, Metric.PRODUCTIVITY_PER_PATIENT), Perspective.EMPLOYER.components());
        assertEquals(List.of(Metric.PLAN_SESSIONS_PER_PATIENT, Metric.ADMIN_PER_PATIENT,
                Metric.OUT_OF_POCKET_PER_PATIENT, Metric.MEDICAL_PER_PATIENT), Perspective.HEALTHCARE.components());
        assertEquals(List.of(Metric.PLAN_SESSIONS_PER_PATIENT, Metric.ADMIN_PER_PATIENT,
                Metric.OUT_OF_POCKET_PER_PATIENT, Metric.MEDICAL_PER_PATIENT, Metric.PRODUCTIVITY_PER_PATIENT,
                Metric.TIME_PER_PATIENT), Perspective.SOCIETAL.components());
        assertSame(Metric.COST_PAYER, Perspective.PAYER.cost());
        assertSame(Metric.COST_EMPLOYER, Perspective.EMPLOYER.cost());
        assertSame(Metric.COST_HEALTHCARE, Perspective.HEALTHCARE.cost());
        assertSame(Metric.COST_SOCIETAL, Perspective.SOCIETAL.cost());
        assertEquals("payer", Perspective.PAYER.id());
        assertEquals("employer", Perspective.EMPLOYER.id());
        assertEquals("healthcare", Perspective.HEALTHCARE.id());
        assertEquals("societal", Perspective.SOCIETAL.id());
        assertEquals("Payer", Perspective.PAYER.label());
        assertEquals("Employer", Perspective.EMPLOYER.label());
        assertEquals("Health care sector", Perspective.HEALTHCARE.label());
        assertEquals("Societal", Perspective.SOCIETAL.label());
        assertTrue(Perspective.PAYER.counts().contains("administration"));
        assertTrue(Perspective.EMPLOYER.counts().contains("productivity"));
        assertTrue(Perspective.HEALTHCARE.counts().contains("out-of-pocket"));
        assertTrue(Perspective.SOCIETAL.counts().contains("time"));
    }
}

package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Which perspective counts which impact, against docs/MODEL.md ("Perspectives"). */
class ImpactInventoryTest {
    private static ImpactInventory.Impact measuredBy(final Metric metric) {
        return ImpactInventory.IMPACTS.stream().filter(i -> i.metric() == metric).findFirst().orElseThrow();
    }

    private static List<Perspective> counting(final Metric metric) {
        final ImpactInventory.Impact impact = measuredBy(metric);
        return java.util.Arrays.stream(Perspective.values()).filter(impact::countedBy).collect(Collectors.toList());
    }

    @Test
    void healthCountsInEveryPerspective() {
        assertEquals(List.of(Perspective.values()), counting(Metric.QALYS_PER_PATIENT));
    }

    @Test
    void eachCostCountsWhereItsPerspectiveSaysSo() {
        final List<Perspective> all = List.of(Perspective.values());
        assertEquals(all, counting(Metric.PLAN_SESSIONS_PER_PATIENT));
        assertEquals(all, counting(Metric.ADMIN_PER_PATIENT));
        assertEquals(List.of(Perspective.PAYER, Perspective.EMPLOYER), counting(Metric.PLAN_MEDICAL_PER_PATIENT));
        assertEquals(List.of(Perspective.HEALTHCARE, Perspective.SOCIETAL), counting(Metric.MEDICAL_PER_PATIENT));
        assertEquals(List.of(Perspective.HEALTHCARE, Perspective.SOCIETAL), counting(Metric.OUT_OF_POCKET_PER_PATIENT));
        assertEquals(List.of(Perspective.EMPLOYER, Perspective.SOCIETAL), counting(Metric.PRODUCTIVITY_PER_PATIENT));
        assertEquals(List.of(Perspective.SOCIETAL), counting(Metric.TIME_PER_PATIENT));
    }

    @Test
    void whatIsNotModelledCountsNowhereAndSaysSo() {
        final List<ImpactInventory.Impact> unmeasured = ImpactInventory.IMPACTS.stream()
                .filter(i -> !i.measured()).toList();
        // Future unrelated medical costs, caregivers, transport, unpaid work, the other sectors.
        assertEquals(5, unmeasured.size());
        for (final ImpactInventory.Impact impact : unmeasured) {
            for (final Perspective p : Perspective.values()) {
                assertFalse(impact.countedBy(p), impact.impact());
            }
            assertTrue(impact.note().startsWith("not modelled"), impact.impact());
        }
    }

    @Test
    void everyCostComponentOfAPerspectiveIsInTheInventory() {
        for (final Perspective p : Perspective.values()) {
            for (final Metric component : p.components()) {
                assertTrue(ImpactInventory.IMPACTS.stream().anyMatch(i -> i.metric() == component),
                        p.id() + " counts " + component.id() + ", which the inventory must list");
            }
        }
    }
}

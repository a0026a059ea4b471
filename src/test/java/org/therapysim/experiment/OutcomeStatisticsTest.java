package org.therapysim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Scenario;

class OutcomeStatisticsTest {
    @Test
    void intraclassCorrelationMatchesAHandComputedCase() {
        // Groups {1,2,3}, {4,5}, {9}: N = 6, k = 3, grand mean 4; SSB = 3*4 + 2*0.25 + 1*25 = 37.5,
        // SSW = 2 + 0.5 = 2.5; MSB = 18.75, MSW = 2.5/3; n0 = (6 - 14/6) / 2 = 11/6.
        final double msb = 18.75;
        final double msw = 2.5 / 3;
        final double n0 = 11.0 / 6;
        final double expected = (msb - msw) / (msb + (n0 - 1) * msw);
        assertEquals(expected, OutcomeStatistics.intraclassCorrelation(
                List.of(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0), List.of(9.0))), 1e-12);
    }

    @Test
    void intraclassCorrelationRecoversKnownVarianceComponents() {
        // 200 groups of unequal size, between sd 1 and within sd 3: true ICC = 1 / (1 + 9) = 0.10.
        final Random random = new Random(12);
        final List<List<Double>> groups = new ArrayList<>();
        for (int g = 0; g < 200; g++) {
            final double effect = random.nextGaussian();
            final List<Double> values = new ArrayList<>();
            for (int i = 0; i < 20 + g % 30; i++) {
                values.add(effect + 3 * random.nextGaussian());
            }
            groups.add(values);
        }
        assertEquals(0.10, OutcomeStatistics.intraclassCorrelation(groups), 0.03);
    }

    @Test
    void noTherapistEffectGivesAShareNearZeroAndSkillDifferencesRaiseIt() {
        final Scenario same = TestScenarios.cohort(3000, 52, "workforce.allianceSkillSd=0", "workforce.traineeShare=0",
                "workforce.therapists=60", "workforce.harmfulCourseRisk.sd=0");
        final Scenario varied = TestScenarios.cohort(3000, 52, "workforce.allianceSkillSd=1.5",
                "workforce.traineeShare=0", "workforce.therapists=60", "workforce.harmfulCourseRisk.sd=0", "name=varied");
        final ExperimentResult r = TestScenarios.compare(4, same, varied);
        final MetricSummary none = r.reference().summary(Metric.THERAPIST_VARIANCE_SHARE);
        final MetricSummary some = r.arms().get(1).summary(Metric.THERAPIST_VARIANCE_SHARE);
        assertTrue(Math.abs(none.mean()) < 0.02, "no therapist effect: " + none);
        assertTrue(some.ciLow() > none.ciHigh(), "skill differences show: " + some + " vs " + none);
    }

    @Test
    void allianceAndOutcomeAreCorrelatedInTheBaseline() {
        final MetricSummary r = TestScenarios.compare(3, TestScenarios.shipped("baseline.yaml")).reference()
                .summary(Metric.ALLIANCE_OUTCOME_R);
        assertTrue(r.ciLow() > 0, "positive alliance-outcome correlation: " + r);
    }

    @Test
    void cohensDMatchesAHandComputedCase() {
        // Means 2 and 4; sums of squares 2 and 2 over 4 degrees of freedom: pooled sd 1, d = -2.
        assertEquals(-2.0, OutcomeStatistics.cohensD(new double[] {1, 2, 3}, new double[] {3, 4, 5}), 1e-12);
    }

    @Test
    void aSpecificEffectShowsAsADifferenceBetweenOrientations() {
        final Scenario equal = TestScenarios.cohort(3000, 52);
        final Scenario specific = TestScenarios.cohort(3000, 52, "workforce.orientations[0].specificEffect=0.5",
                "name=specific");
        final ExperimentResult r = TestScenarios.compare(10, equal, specific);
        final MetricSummary none = r.reference().summary(Metric.ORIENTATION_MEAN_D);
        final MetricSummary added = r.arms().get(1).differenceFrom(r.reference(), Metric.ORIENTATION_MEAN_D);
        assertTrue(none.mean() < 0.2, "no specific effects: " + none);
        // Same patients and therapists in both arms: the difference is the technique's alone.
        assertTrue(added.ciLow() > 0, "a 50% faster technique shows: " + added);
    }
}

package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.scenario.Scenario;

/**
 * Each mechanism moves outcomes the way the literature says, on common random numbers: the paired
 * difference's 95% interval must exclude zero in the expected direction.
 */
class MechanismTest {
    private static MetricSummary diff(final ExperimentResult r, final Metric metric) {
        final ArmResult arm = r.arms().get(1);
        return arm.differenceFrom(r.reference(), metric);
    }

    @Test
    void strongerTherapistAllianceSkillGivesBetterOutcomes() {
        final Scenario weak = TestScenarios.cohort(1500, 52, "workforce.traineeShare=1",
                "workforce.traineeAllianceShift=-1.0", "workforce.allianceSkillSd=0");
        final Scenario strong = TestScenarios.cohort(1500, 52, "workforce.traineeShare=1",
                "workforce.traineeAllianceShift=1.0", "workforce.allianceSkillSd=0");
        final ExperimentResult r = TestScenarios.compare(5, weak, strong.withName("strong"));
        assertTrue(diff(r, Metric.ALLIANCE_MEAN).ciLow() > 0);
        assertTrue(diff(r, Metric.RECOVERY_RATE).ciLow() > 0, "recovery rises: " + diff(r, Metric.RECOVERY_RATE));
        assertTrue(diff(r, Metric.DROPOUT_RATE).ciHigh() < 0, "dropout falls: " + diff(r, Metric.DROPOUT_RATE));
    }

    @Test
    void repairedRupturesBeatUnrepairedOnes() {
        final Scenario poor = TestScenarios.cohort(1500, 52, "workforce.repairSkill.mean=0.05",
                "workforce.repairSkill.sd=0.01", "dynamics.ruptures.baseProbability=0.15");
        final Scenario good = TestScenarios.cohort(1500, 52, "workforce.repairSkill.mean=0.95",
                "workforce.repairSkill.sd=0.01", "dynamics.ruptures.baseProbability=0.15");
        final ExperimentResult r = TestScenarios.compare(5, poor, good.withName("repairs"));
        assertTrue(diff(r, Metric.REPAIR_RATE).ciLow() > 0.5);
        assertTrue(diff(r, Metric.ALLIANCE_MEAN).ciLow() > 0);
        assertTrue(diff(r, Metric.DROPOUT_RATE).ciHigh() < 0, "dropout falls: " + diff(r, Metric.DROPOUT_RATE));
        assertTrue(diff(r, Metric.RELIABLE_IMPROVEMENT_RATE).ciLow() > 0,
                "improvement rises: " + diff(r, Metric.RELIABLE_IMPROVEMENT_RATE));
    }

    @Test
    void higherCopayMeansFewerSessionsAndMoreDropout() {
        final Scenario low = TestScenarios.cohort(3000, 52, "plan.copay=0");
        final Scenario high = TestScenarios.cohort(3000, 52, "plan.copay=70");
        final ExperimentResult r = TestScenarios.compare(6, low, high.withName("copay 70"));
        assertTrue(diff(r, Metric.MEAN_SESSIONS).ciHigh() < 0, "sessions fall: " + diff(r, Metric.MEAN_SESSIONS));
        assertTrue(diff(r, Metric.DROPOUT_RATE).ciLow() > 0, "dropout rises: " + diff(r, Metric.DROPOUT_RATE));
        assertTrue(diff(r, Metric.PATIENT_COST_PER_EPISODE).ciLow() > 0);
        assertEquals(0.0, r.reference().summary(Metric.DECLINED_RATE).mean(), "free care deters no one");
        assertTrue(diff(r, Metric.STARTED_RATE).ciHigh() < 0, "fewer start: " + diff(r, Metric.STARTED_RATE));
    }

    @Test
    void aDeductibleDetersStartingMoreThanTheSameCopayAfterIt() {
        // The first session costs the full allowed amount until a deductible is met.
        final Scenario copay = TestScenarios.cohort(1500, 30, "plan.copay=20");
        final Scenario deductible = TestScenarios.cohort(1500, 30, "plan.copay=20", "plan.deductible=500");
        final ExperimentResult r = TestScenarios.compare(4, copay, deductible.withName("deductible"));
        assertTrue(diff(r, Metric.DECLINED_RATE).ciLow() > 0, "more decline: " + diff(r, Metric.DECLINED_RATE));
    }

    @Test
    void aTightCapEndsCoursesAndLowersRecovery() {
        final Scenario none = TestScenarios.shipped("baseline.yaml");
        final Scenario cap = TestScenarios.shipped("cap-6-stop.yaml");
        final ExperimentResult r = TestScenarios.compare(4, none, cap);
        assertTrue(r.arms().get(1).summary(Metric.CAP_REACHED_RATE).mean() > 0.1);
        assertTrue(diff(r, Metric.RECOVERY_RATE).ciHigh() < 0, "recovery falls: " + diff(r, Metric.RECOVERY_RATE));
        assertTrue(diff(r, Metric.PAYER_COST_PER_EPISODE).ciHigh() < 0);
    }

    @Test
    void theBaselineHasLastingNonRespondersAndDeterioration() {
        // The same patients without response classes and harmful courses, and with them (the defaults).
        final Scenario without = TestScenarios.cohort(1500, 52, "patients.responseClasses.nonResponderShare=0",
                "patients.responseClasses.lateResponderShare=0", "workforce.harmfulCourseRisk.mean=0",
                "workforce.harmfulCourseRisk.sd=0");
        final Scenario baseline = TestScenarios.cohort(1500, 52);
        final ExperimentResult r = TestScenarios.compare(5, without, baseline.withName("baseline"));
        final ArmResult arm = r.arms().get(1);
        assertTrue(arm.summary(Metric.DETERIORATION_RATE).ciLow() > 0.02,
                "deterioration: " + arm.summary(Metric.DETERIORATION_RATE));
        assertTrue(diff(r, Metric.DETERIORATION_RATE).ciLow() > 0.01,
                "harmful courses add deterioration: " + diff(r, Metric.DETERIORATION_RATE));
        assertTrue(arm.summary(Metric.NOT_HELPED_RATE).ciLow() > 0.05,
                "some are not helped: " + arm.summary(Metric.NOT_HELPED_RATE));
        assertTrue(diff(r, Metric.NOT_HELPED_RATE).ciLow() > 0,
                "more are not helped: " + diff(r, Metric.NOT_HELPED_RATE));
        assertTrue(arm.summary(Metric.IMPROVED_BY_SESSION_26).ciHigh() < 0.95,
                "the dose-effect curve levels off: " + arm.summary(Metric.IMPROVED_BY_SESSION_26));
    }

    @Test
    void therapistsWithAHigherHarmfulRiskSeeMoreDeterioration() {
        final Scenario low = TestScenarios.cohort(1500, 52, "workforce.harmfulCourseRisk.mean=0.005",
                "workforce.harmfulCourseRisk.sd=0");
        final Scenario high = TestScenarios.cohort(1500, 52, "workforce.harmfulCourseRisk.mean=0.03",
                "workforce.harmfulCourseRisk.sd=0");
        final ExperimentResult r = TestScenarios.compare(5, low, high.withName("high risk"));
        assertTrue(diff(r, Metric.DETERIORATION_RATE).ciLow() > 0, "more deterioration: " + diff(r, Metric.DETERIORATION_RATE));
        assertTrue(diff(r, Metric.RECOVERY_RATE).ciHigh() < 0, "less recovery: " + diff(r, Metric.RECOVERY_RATE));
    }

    @Test
    void moreNonRespondersLowerTheDoseEffectCurve() {
        final Scenario few = TestScenarios.cohort(1500, 52, "patients.responseClasses.nonResponderShare=0.02");
        final Scenario many = TestScenarios.cohort(1500, 52, "patients.responseClasses.nonResponderShare=0.25");
        final ExperimentResult r = TestScenarios.compare(5, few, many.withName("many"));
        assertTrue(diff(r, Metric.IMPROVED_BY_SESSION_8).ciHigh() < 0, "fewer improve: " + diff(r, Metric.IMPROVED_BY_SESSION_8));
        assertTrue(diff(r, Metric.NOT_HELPED_RATE).ciLow() > 0, "more not helped: " + diff(r, Metric.NOT_HELPED_RATE));
    }
}

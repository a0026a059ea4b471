package org.therapysim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.therapysim.TestScenarios;
import org.therapysim.scenario.Condition;
import org.therapysim.scenario.Measure;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.SymptomDynamics;

/**
 * The week-to-week fluctuation of symptoms outside therapy, against docs/MODEL.md ("Waiting"):
 * its size is taken from the control groups of Ebert et al. (2016), in which 7.60% of depressed
 * adults reliably deteriorated between baseline and post-treatment without the intervention. With
 * the defaults, depressed patients at caseness who go 8 weeks untreated (the course
 * {@code s <- s - r_nat s + sigma_nat z}, bounded to the range, read as whole points) reliably
 * deteriorate about as often. The earlier fluctuation (1 point a week) gave under 1%.
 */
class UntreatedFluctuationTest {
    private static final int PATIENTS = 200_000;
    private static final int WEEKS = 8;

    @Test
    void theDefaultUntreatedCourseDeterioratesAsOftenAsTheControlGroups() {
        final Scenario scenario = TestScenarios.defaults();
        final double share = deteriorated(scenario, scenario.dynamics().symptoms());
        // 7.60% published; 200,000 patients put the simulation's own error near 0.1 points.
        assertEquals(0.076, share, 0.006, "share reliably deteriorated after 8 untreated weeks");
    }

    @Test
    void theEarlierWeeklyFluctuationWouldMissThePublishedShare() {
        final Scenario scenario = TestScenarios.defaults();
        final SymptomDynamics d = scenario.dynamics().symptoms();
        final SymptomDynamics earlier = new SymptomDynamics(d.improvementRate(), d.resistanceSlowing(), d.noiseSd(), 1.0,
                d.feedbackGain());
        assertTrue(deteriorated(scenario, earlier) < 0.02, "1 point a week leaves almost nobody reliably worse");
    }

    @Test
    void aSessionWeekCarriesTheSessionsVariabilityAndTheWeeksFluctuation() {
        final SymptomDynamics d = new SymptomDynamics(0.2, 0.9, 1.0, 1.8, 0.08);
        // sqrt(1.0^2 + 1.8^2) = 2.0591.
        assertEquals(Math.sqrt(1.0 + 3.24), d.sessionWeekSd(), 1e-12);
        final SymptomCourse course = new SymptomCourse(d);
        // A session that changes nothing (alliance 0) leaves the noise alone: 15 + 2.0591 x 1.
        assertEquals(15 + Math.sqrt(4.24), course.afterSession(15, 0, 0, 0, false, 1.0, 27), 1e-12);
        // Without a session only the week's fluctuation: 15 - 0.008 x 15 + 1.8 x 1.
        assertEquals(15 - 0.12 + 1.8, course.untreated(15, 0.008, 1.0, 27), 1e-12);
    }

    /** Share of PHQ-9 patients at caseness whose reading after 8 untreated weeks is reliably worse. */
    private static double deteriorated(final Scenario scenario, final SymptomDynamics dynamics) {
        final Condition depression = scenario.conditions().stream().filter(c -> c.measure().equals("PHQ-9")).findFirst()
                .orElseThrow();
        final Measure phq9 = scenario.measures().get("PHQ-9");
        final SymptomCourse course = new SymptomCourse(dynamics);
        final SplittableRandom random = new SplittableRandom(20261130L);
        int atCaseness = 0;
        int worse = 0;
        while (atCaseness < PATIENTS) {
            double score = Math.min(phq9.max(),
                    Math.max(0.0, depression.baselineMean() + depression.baselineSd() * random.nextGaussian()));
            final long before = Math.round(score);
            if (before < phq9.caseness()) {
                continue;
            }
            atCaseness++;
            for (int week = 0; week < WEEKS; week++) {
                score = course.untreated(score, depression.naturalImprovementPerWeek(), random.nextGaussian(), phq9.max());
            }
            if (Math.round(score) - before >= phq9.reliableChange()) {
                worse++;
            }
        }
        return worse / (double) atCaseness;
    }
}

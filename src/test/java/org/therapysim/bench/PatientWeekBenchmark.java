package org.therapysim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;

/**
 * The inner loop: a 52-week replication of a closed cohort under the default dynamics (every
 * patient arrives at week 0, enough therapists that nobody waits), the setting of {@code
 * therapysim bench}, with the same seed at every invocation so that each does the same work. The
 * score is milliseconds per replication; the cohort times 52 weeks over that time gives
 * patient-weeks per second (docs/PERFORMANCE.md; the weeks stepped in an episode are printed once
 * at set-up). The fork uses the throughput collector, as the launcher does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
@State(Scope.Thread)
public class PatientWeekBenchmark {
    @Param({"10000"})
    int patients;

    private Scenario scenario;

    @Setup(Level.Trial)
    public void scenario() {
        final ScenarioLoader loader = new ScenarioLoader();
        Scenario s = loader.defaultScenario();
        s = loader.vary(s, "population.mode", "cohort", "benchmark");
        s = loader.vary(s, "population.cohortSize", Integer.toString(patients), "benchmark");
        s = loader.vary(s, "simulation.weeks", "52", "benchmark");
        s = loader.vary(s, "evaluation.horizonWeeks", "52", "benchmark");
        s = loader.vary(s, "workforce.therapists", Integer.toString(patients / 25 + 1), "benchmark");
        scenario = s;
        System.out.println("patient-weeks per replication: " + patients * 52L + ", in an episode: " + replication());
    }

    /** @return the replication's weeks in an episode (returned so the work is not optimised away) */
    @Benchmark
    public long replication() {
        return new TherapySim(scenario, RandomStreams.replicationSeed(1, 0), false).run().patientWeeks();
    }
}

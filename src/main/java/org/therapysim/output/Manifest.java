package org.therapysim.output;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json}: how a results folder was made, so that any figure in it can be traced and
 * regenerated: the build, the command, the seeds and the timings.
 *
 * @param tool always "therapysim"
 * @param version the build's version
 * @param gitCommit the source commit, or null if unknown
 * @param command the command line as typed (subcommand and arguments)
 * @param study the study's name
 * @param arms the arms' names, the first the reference
 * @param masterSeed the master seed
 * @param replications replications per arm
 * @param replicationSeeds the seed of each replication, shared by every arm
 * @param threads worker threads used (results do not depend on it)
 * @param javaVersion the Java runtime
 * @param startTime when the run started (UTC)
 * @param endTime when the results were complete (UTC)
 * @param wallTimeSeconds elapsed time
 * @param patientWeeks patient-weeks simulated over all arms and replications
 * @param files the files of the folder
 */
public record Manifest(String tool, String version, String gitCommit, List<String> command, String study,
        List<String> arms, long masterSeed, int replications, List<Integer> replicationSeeds, int threads,
        String javaVersion, Instant startTime, Instant endTime, double wallTimeSeconds, long patientWeeks,
        List<String> files) {
}

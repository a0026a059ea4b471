package org.therapysim.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;

/** Writes {@code manifest.json} as the last file of a results folder, listing every file in it. */
final class FolderManifest {
    private FolderManifest() {
    }

    /**
     * @param replications replications per arm (per draw, for a probabilistic analysis)
     * @param seeds the seeds the runs used
     */
    static void write(final ResultsFolder folder, final List<String> command, final Study study,
            final int replications, final List<Integer> seeds, final int threads, final Instant start,
            final long patientWeeks) throws IOException {
        final Path file = folder.file("manifest.json");
        final Path root = file.getParent();
        final List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = Stream.concat(walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()),
                    Stream.of("manifest.json")).distinct().sorted().toList();
        }
        final Instant end = Instant.now();
        ManifestJson.write(new Manifest("therapysim", BuildInfo.version(), BuildInfo.commit(), command, study.name(),
                study.arms().stream().map(Scenario::name).toList(), study.seed(), replications, seeds, threads,
                System.getProperty("java.version"), start, end, Duration.between(start, end).toMillis() / 1000.0,
                patientWeeks, files), file);
    }
}

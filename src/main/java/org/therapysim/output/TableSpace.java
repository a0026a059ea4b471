package org.therapysim.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.therapysim.TherapysimException;
import org.therapysim.model.RandomStreams;
import org.therapysim.model.Kept;
import org.therapysim.model.ReplicationResult;
import org.therapysim.model.TherapySim;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.Study;

/**
 * How many bytes a run's tables ({@code patients.csv}, and {@code sessions.csv} with
 * {@code --sessions} and {@code evaluation.csv} with {@code --evaluation}) and its journal will take, estimated before the run so that a run that cannot
 * fit on its disk is refused rather than filling it.
 *
 * <p>The estimate simulates replication 0 of every arm (its own seed, so exactly the replication
 * the run will write first) and renders its rows as the tables will, with the widest replication
 * number of the run, so that the bytes per replication are measured, not assumed: how many
 * patients seek care, how many episodes and attended sessions each has, and how long each row is
 * all come from the model. The sum over arms is multiplied by the replications and by
 * {@link #MARGIN} for the variation between replications, and {@link #JOURNAL_BYTES} is added for
 * each replication's record in the journal. Charts, the report and the small tables are left out
 * (under a few MB). The pilot costs one replication per arm, so it runs only when
 * {@link #crudeBound} does not already fit. See docs/SCALING.md ("Disk space").
 */
public final class TableSpace {
    /**
     * Allowance for replications larger than the first: on the shipped study the tables of single
     * replications vary by a few percent; a small population varies more.
     */
    public static final double MARGIN = 1.25;
    /** Bytes each replication adds to the journal: about 2 KB measured (docs/PERFORMANCE.md), doubled. */
    public static final long JOURNAL_BYTES = 4096;
    /** Longest row of patients.csv apart from the arm's name, with room to spare (about 200 measured). */
    static final long EPISODE_ROW_BYTES = 300;
    /** Longest row of sessions.csv apart from the arm's name, with room to spare (about 58 measured). */
    static final long SESSION_ROW_BYTES = 90;
    /** Longest row of evaluation.csv apart from the arm's name, with room to spare (about 130 measured). */
    static final long EVALUATION_ROW_BYTES = 200;

    /** Where the free space of a folder's file system comes from (injectable, for tests). */
    @FunctionalInterface
    public interface FreeSpace {
        /** @return bytes usable by this process on the file system holding {@code folder} */
        long usable(Path folder) throws IOException;
    }

    /** The file system's own figure: {@link java.nio.file.FileStore#getUsableSpace()}. */
    public static final FreeSpace FILE_STORE = folder -> Files.getFileStore(folder).getUsableSpace();

    private TableSpace() {
    }

    /**
     * A figure that needs no simulation, far above every run measured: twice the expected arrivals
     * (for chance), each with an episode in every 4 weeks followed (measured: 1.1 to 2.1 episodes per
     * patient over 52 to 520 weeks) and a session in every week followed (a patient attends at most
     * one a week; measured: 6 to 11 over 104 to 520 weeks), each row at its longest. A run under it
     * needs no closer estimate.
     *
     * @return the bound in bytes
     */
    public static long crudeBound(final Study study, final Kept kept) {
        final boolean sessions = kept.sessions();
        double bytes = 0;
        for (final Scenario arm : study.arms()) {
            final int weeks = arm.simulation().weeks();
            final double arrivals = 2 * expectedArrivals(arm);
            final long nameBytes = arm.name().getBytes(StandardCharsets.UTF_8).length + 2L;
            bytes += arrivals * Math.max(1, weeks / 4.0) * (EPISODE_ROW_BYTES + nameBytes);
            if (sessions) {
                bytes += arrivals * weeks * (SESSION_ROW_BYTES + nameBytes);
            }
            if (kept.patients()) {
                bytes += arrivals * (EVALUATION_ROW_BYTES + nameBytes);
            }
        }
        return saturated(bytes * study.replications() + (double) JOURNAL_BYTES * study.replications()
                * study.arms().size());
    }

    /** @return patients expected to begin a first episode during a replication of {@code arm} */
    static double expectedArrivals(final Scenario arm) {
        final var population = arm.population();
        return switch (population.mode()) {
            case COHORT -> population.cohortSize();
            case OPEN -> population.members() * population.annualIncidence()
                    * Math.min(population.arrivalWeeks(), arm.simulation().weeks()) / 52.0;
        };
    }

    /**
     * Estimates the tables' bytes from replication 0 of every arm (see the class comment).
     *
     * @return the estimate in bytes
     */
    public static long estimate(final Study study, final Kept kept) {
        final int last = study.replications() - 1;
        double perReplication = 0;
        for (final Scenario arm : study.arms()) {
            final ReplicationResult pilot = new TherapySim(arm, RandomStreams.replicationSeed(study.seed(), 0), kept)
                    .run();
            try {
                perReplication += CsvRow.length(EpisodeTable.render(arm.name(), last, pilot));
                if (kept.sessions()) {
                    perReplication += CsvRow.length(SessionTable.render(arm.name(), last, pilot));
                }
                if (kept.patients()) {
                    perReplication += CsvRow.length(EvaluationTable.render(arm.name(), last, pilot));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        final double headers = 1024;
        return saturated(perReplication * MARGIN * study.replications() + headers
                + (double) JOURNAL_BYTES * study.replications() * study.arms().size());
    }

    /**
     * Refuses a run whose tables would not fit in the free space of {@code target}'s file system:
     * first against {@link #crudeBound}, and only when that does not fit, against {@link #estimate}.
     *
     * @param reclaimable bytes the run will reuse (an interrupted run's work folder, on resuming)
     * @return the estimate when it was made, or -1 when the crude bound fitted
     * @throws TherapysimException with exit code 2 (invalid input) when the estimate exceeds the free space
     */
    public static long check(final Study study, final Kept kept, final Path target, final long reclaimable,
            final FreeSpace freeSpace) {
        final boolean sessions = kept.sessions();
        final Path folder = existing(target.toAbsolutePath());
        final long free;
        try {
            free = saturated((double) freeSpace.usable(folder) + reclaimable);
        } catch (IOException e) {
            // A file system that cannot say leaves the disk-full handling of the run to cope.
            return -1;
        }
        if (crudeBound(study, kept) <= free) {
            return -1;
        }
        final long estimate = estimate(study, kept);
        if (estimate > free) {
            throw TherapysimException.invalidInput(String.format(Locale.ROOT, "-o = %s: the tables would take about %s"
                    + " (%d arm(s) x %d replications%s), more than the %s free on its file system (%s); give fewer"
                    + " replications (-n)%s or choose another folder (-o)", target, bytes(estimate), study.arms().size(),
                    study.replications(), details(kept, ", with "), bytes(free), folder,
                    sessions || kept.patients() ? ", leave out " + options(kept) : ""));
        }
        return estimate;
    }

    private static String details(final Kept kept, final String prefix) {
        if (kept.sessions() && kept.patients()) {
            return prefix + "sessions.csv and evaluation.csv";
        }
        return kept.sessions() ? prefix + "sessions.csv" : kept.patients() ? prefix + "evaluation.csv" : "";
    }

    private static String options(final Kept kept) {
        if (kept.sessions() && kept.patients()) {
            return "--sessions or --evaluation";
        }
        return kept.sessions() ? "--sessions" : "--evaluation";
    }

    /** @return the bytes held by the files under {@code folder}, or 0 when it does not exist */
    public static long sizeOf(final Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** @return a byte count for people: 1.5 GB, 320 MB, 12 kB (decimal units) */
    public static String bytes(final long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        if (bytes >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
    }

    private static Path existing(final Path path) {
        Path p = path;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null ? p : path.getRoot();
    }

    private static long saturated(final double bytes) {
        return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(bytes);
    }
}

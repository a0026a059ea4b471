package org.therapysim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.therapysim.TherapysimException;
import org.therapysim.engine.Engines;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.CapacityCheck;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.model.Kept;
import org.therapysim.output.ResultsWriter;
import org.therapysim.output.SweepAxis;
import org.therapysim.output.TableSpace;
import org.therapysim.output.WorkFolder;
import org.therapysim.scenario.Study;

/** Runs a study with the shared options and reports the headline numbers on the terminal. */
final class StudyRunner {
    private static final List<Metric> HEADLINE = List.of(Metric.RECOVERY_RATE, Metric.RELIABLE_IMPROVEMENT_RATE,
            Metric.DROPOUT_RATE, Metric.MEAN_SESSIONS, Metric.PAYER_COST_PER_EPISODE, Metric.PAYER_COST_PMPM);

    /** Where the free space of the output folder's file system comes from; tests put a figure of their own. */
    static volatile TableSpace.FreeSpace freeSpace = TableSpace.FILE_STORE;

    private StudyRunner() {
    }

    /**
     * Refuses, before anything is simulated or written, a run on this machine whose tables would not
     * fit in the free space of the output folder's file system (see {@link TableSpace}). Another engine
     * writes its table where its executors run, so it is not checked here.
     */
    static void checkSpace(final Study study, final Kept kept, final Path target, final boolean resume,
            final Engines.Choice engine) {
        if (engine.isLocal()) {
            TableSpace.check(study, kept, target, resume ? TableSpace.sizeOf(WorkFolder.of(target)) : 0, freeSpace);
        }
    }

    static int run(final Study loaded, final RunOptions options, final String defaultName, final List<String> command,
            final SweepAxis sweep, final PrintWriter out, final PrintWriter err) {
        final Study study = withWillingnessToPay(loaded, options.wtp).withRun(
                options.replications != null ? options.replications : loaded.replications(),
                options.seed != null ? options.seed : loaded.seed());
        final Engines.Choice engine = options.engine.choice(options.resuming.resume);
        final Path target = options.output != null ? options.output : Path.of("results", defaultName);
        final int total = study.arms().size() * study.replications();
        final ExperimentResult result;
        final int threads = options.work.threadCount();
        checkSpace(study, new Kept(options.sessions, options.evaluation), target, options.resuming.resume, engine);
        try (WorkFolder work = WorkFolder.open(target, options.work.overwrite, options.resuming.resume,
                ResultsWriter.fingerprint(study, options.sessions, options.evaluation), note -> {
                    err.println("therapysim: " + note);
                    err.flush();
                });
                Progress progress = Progress.start("Simulating", total, options.work.quiet, System.err)) {
            work.expect(total);
            try {
                result = ResultsWriter.run(study, new ResultsWriter.Options(target, options.work.overwrite,
                        options.sessions, threads, command, sweep, engine, options.evaluation), progress, null, work);
            } catch (RuntimeException e) {
                throw work.explain(e);
            }
        }
        if (!options.work.quiet) {
            printHeadline(result, out);
            out.printf(Locale.ROOT, "%nResults: %s%n", target);
        }
        out.flush();
        warnAboutCapacity(result, err);
        return 0;
    }

    /** Says, on standard error and even with --quiet, which arms' results the waiting list drives. */
    static void warnAboutCapacity(final ExperimentResult result, final PrintWriter err) {
        for (final String warning : CapacityCheck.warnings(result)) {
            err.println("therapysim: warning: " + warning);
        }
        err.flush();
    }

    /** @return the study with every arm valuing a QALY at {@code wtp}, or unchanged when it is null */
    static Study withWillingnessToPay(final Study study, final Double wtp) {
        if (wtp == null) {
            return study;
        }
        if (!(wtp >= 0) || Double.isInfinite(wtp)) {
            throw TherapysimException.invalidInput("--wtp = " + wtp + ": must be a non-negative amount");
        }
        return study.withArms(study.arms().stream()
                .map(a -> a.withEvaluation(a.evaluation().withWillingnessToPay(wtp))).toList());
    }

    /** Prints each arm's headline metrics with 95% intervals, and paired differences from the reference. */
    static void printHeadline(final ExperimentResult result, final PrintWriter out) {
        final ArmResult reference = result.reference();
        out.printf(Locale.ROOT, "%s: %d arm(s) x %d replications, master seed %d%n", result.study().name(),
                result.arms().size(), result.study().replications(), result.study().seed());
        for (final ArmResult arm : result.arms()) {
            out.printf(Locale.ROOT, "%n%s%s%n", arm.name(), arm.index() == 0 ? "  (reference)" : "");
            for (final Metric metric : HEADLINE) {
                final MetricSummary s = arm.summary(metric);
                final StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-34s %s  [%s, %s]",
                        metric.label(), show(metric, s.mean()), show(metric, s.ciLow()), show(metric, s.ciHigh())));
                if (arm.index() > 0) {
                    final MetricSummary d = arm.differenceFrom(reference, metric);
                    line.append(String.format(Locale.ROOT, "   diff %s [%s, %s]", signed(metric, d.mean()),
                            signed(metric, d.ciLow()), signed(metric, d.ciHigh())));
                }
                out.println(line);
            }
        }
    }

    private static String show(final Metric metric, final double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        return metric.isShare() ? String.format(Locale.ROOT, "%.1f%%", 100 * value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String signed(final Metric metric, final double value) {
        if (!Double.isFinite(value)) {
            return "-";
        }
        return metric.isShare() ? String.format(Locale.ROOT, "%+.1f pp", 100 * value)
                : String.format(Locale.ROOT, "%+.2f", value);
    }
}

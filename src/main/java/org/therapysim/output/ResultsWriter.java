package org.therapysim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.therapysim.TherapysimException;
import org.therapysim.engine.Engine;
import org.therapysim.engine.Engines;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.CostEffectiveness;
import org.therapysim.experiment.Experiment;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.Perspective;
import org.therapysim.experiment.ProgressListener;
import org.therapysim.model.Kept;
import org.therapysim.scenario.Study;

/**
 * Runs a study and writes its results folder: patients.csv (and sessions.csv) streamed while the
 * replications finish, then summary.csv, curves.csv, cost_effectiveness.csv, impact_inventory.csv, scenario.yaml, the
 * charts, report.html (all of it in one self-contained page) and manifest.json.
 * Everything is written into a staging folder that becomes the results folder only when complete.
 * On an engine other than the local one (such as Spark), that engine writes the episode table as
 * patients.parquet into the staging folder instead, and the rest is written here as usual.
 */
public final class ResultsWriter {
    /** The episode table as written by an engine other than the local one. */
    public static final String PARQUET_EPISODES = "patients.parquet";
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 620;
    private static final List<Metric> ARM_CHARTS = List.of(Metric.RECOVERY_RATE, Metric.DROPOUT_RATE,
            Metric.PAYER_COST_PER_EPISODE, Metric.PAYER_COST_PMPM);

    /**
     * What to write and how to run.
     *
     * @param target the results folder
     * @param overwrite whether an existing folder may be replaced
     * @param sessions whether to write sessions.csv
     * @param threads worker threads
     * @param command the command line, for the manifest
     * @param sweep the varied parameter of a sweep, or null
     * @param engine where the replications run (local threads unless chosen otherwise)
     */
    public record Options(Path target, boolean overwrite, boolean sessions, int threads, List<String> command,
            SweepAxis sweep, Engines.Choice engine, boolean evaluation) {
        public Options {
            command = List.copyOf(command);
            engine = engine == null ? Engines.Choice.LOCAL_THREADS : engine;
        }

        /** Options without the per-patient evaluation table. */
        public Options(final Path target, final boolean overwrite, final boolean sessions, final int threads,
                final List<String> command, final SweepAxis sweep, final Engines.Choice engine) {
            this(target, overwrite, sessions, threads, command, sweep, engine, false);
        }

        /** Options for a run on this JVM's threads. */
        public Options(final Path target, final boolean overwrite, final boolean sessions, final int threads,
                final List<String> command, final SweepAxis sweep) {
            this(target, overwrite, sessions, threads, command, sweep, null);
        }

        /** @return which records replications keep for the detail tables */
        Kept kept() {
            return new Kept(sessions, evaluation);
        }
    }

    private ResultsWriter() {
    }

    /** Files a sensitivity analysis adds to the folder, and what the report shows of them. */
    @FunctionalInterface
    public interface Addition {
        /**
         * Writes the analysis's files into {@code folder} and returns the report's section.
         *
         * @param base the study's result, as the folder's tables show it
         */
        UncertaintyResults write(ResultsFolder folder, ExperimentResult base) throws IOException;
    }

    /**
     * Runs the study and writes the folder.
     *
     * @return the summarised result
     */
    public static ExperimentResult run(final Study study, final Options options, final ProgressListener progress) {
        return run(study, options, progress, null);
    }

    /**
     * Runs the study (the base case) and writes the folder with a sensitivity analysis's files.
     *
     * @param addition the analysis's files and report section, or null
     * @return the summarised result
     */
    public static ExperimentResult run(final Study study, final Options options, final ProgressListener progress,
            final Addition addition) {
        try (WorkFolder work = WorkFolder.open(options.target(), options.overwrite(), false,
                fingerprint(study, options.sessions()), note -> System.err.println("therapysim: " + note))) {
            try {
                return run(study, options, progress, addition, work);
            } catch (RuntimeException e) {
                throw work.explain(e);
            }
        }
    }

    /** @return what identifies a run of the study, for resuming it (see {@link WorkFolder}) */
    public static String fingerprint(final Study study, final boolean sessions) {
        return WorkFolder.fingerprint(study, "study", "sessions " + sessions);
    }

    /** As {@link #fingerprint(Study, boolean)}, for a run that also writes the per-patient evaluation table. */
    public static String fingerprint(final Study study, final boolean sessions, final boolean evaluation) {
        return evaluation ? WorkFolder.fingerprint(study, "study", "sessions " + sessions, "evaluation true")
                : fingerprint(study, sessions);
    }

    /**
     * Runs the study (the base case) in an open work folder, recording each replication in its
     * journal ({@code tasks/replications/}, which holds the tables too while they are written) and
     * taking those an earlier attempt recorded, and writes
     * the results folder, byte for byte as an uninterrupted run would.
     *
     * @param addition the analysis's files and report section, or null
     * @return the summarised result
     */
    public static ExperimentResult run(final Study study, final Options options, final ProgressListener progress,
            final Addition addition, final WorkFolder work) {
        final Instant start = Instant.now();
        try (ResultsFolder folder = work.results()) {
            final ExperimentResult result;
            if (!options.engine().isLocal()) {
                result = runOnEngine(study, options, folder, progress);
            } else try (ReplicationTables tables = ReplicationTables.open(work.journal("replications"),
                    options.kept())) {
                result = new Experiment(study, options.kept(), options.threads()).run(tables, progress,
                        work.journal("replications"));
                tables.placeIn(folder);
            }
            SummaryTable.writeSummary(result, options.sweep(), folder.file("summary.csv"));
            if (options.sweep() != null) {
                SummaryTable.writeDesign(result, options.sweep(), folder.file("design.csv"));
            }
            SummaryTable.writeCurves(result, folder.file("curves.csv"));
            CostEffectivenessTable.write(result, folder.file("cost_effectiveness.csv"));
            ImpactInventoryTable.write(folder.file("impact_inventory.csv"));
            if (result.arms().size() > 1) {
                CostEffectivenessTable.writeNetBenefit(result, folder.file("net_benefit_by_wtp.csv"));
            }
            ScenarioFile.write(study, folder.file("scenario.yaml"));
            writeCharts(result, options.sweep(), folder);
            final UncertaintyResults uncertainty = addition == null ? null : addition.write(folder, result);
            final Manifest manifest = manifest(study, options, result, start, folder);
            HtmlReport.write(result, manifest, uncertainty, options.sweep(), folder.file("report.html"));
            ManifestJson.write(manifest, folder.file("manifest.json"));
            folder.commit();
            return result;
        } catch (IOException e) {
            throw TherapysimException.output("cannot write results to " + options.target() + ": " + TherapysimException.why(e), e);
        }
    }

    /**
     * Runs the study on another engine, which writes the episode table as Parquet into the staging
     * folder ({@code patients.parquet/arm=NAME/}) instead of patients.csv; sessions are not written.
     */
    private static ExperimentResult runOnEngine(final Study study, final Options options, final ResultsFolder folder,
            final ProgressListener progress) {
        if (options.sessions()) {
            throw TherapysimException.invalidInput("--sessions: the " + options.engine().name()
                    + " engine does not write sessions.csv; leave it out or use --engine local");
        }
        if (options.evaluation()) {
            throw TherapysimException.invalidInput("--evaluation: the " + options.engine().name()
                    + " engine does not write evaluation.csv; leave it out or use --engine local");
        }
        try (Engine engine = Engines.open(options.engine())) {
            return new Experiment(study, false, options.threads()).run(engine, folder.file(PARQUET_EPISODES), progress);
        }
    }

    private static void writeCharts(final ExperimentResult result, final SweepAxis sweep, final ResultsFolder folder)
            throws IOException {
        final Path charts = folder.charts();
        write(Charts.doseEffect(result), charts, "dose_effect");
        write(Charts.retention(result), charts, "retention");
        write(Charts.endReasons(result), charts, "end_reasons");
        for (final Metric metric : ARM_CHARTS) {
            write(Charts.metricByArm(result, metric), charts, metric.id());
        }
        if (result.arms().size() > 1) {
            write(Charts.forest(result), charts, "paired_differences");
            final double[] wtps = result.reference().scenario().evaluation().willingnessToPayGrid();
            for (final Perspective perspective : Perspective.values()) {
                write(Charts.netBenefitByWillingnessToPay(result, perspective, wtps,
                        CostEffectiveness.netBenefitByWillingnessToPay(result, perspective, wtps)), charts,
                        "net_benefit_" + perspective.id());
            }
        }
        if (sweep != null) {
            for (final SweepAxis.Chart chart : sweep.charts(result)) {
                write(chart.chart(), charts, chart.file());
            }
        }
    }

    private static void write(final JFreeChart chart, final Path directory, final String name) throws IOException {
        ChartFiles.write(chart, directory, name, WIDTH, HEIGHT);
    }

    /** @return the manifest, listing the files written so far and the two still to come: the report and itself */
    private static Manifest manifest(final Study study, final Options options, final ExperimentResult result,
            final Instant start, final ResultsFolder folder) throws IOException {
        final List<String> files = folder.files("manifest.json", "report.html");
        final Instant end = Instant.now();
        return new Manifest("therapysim", BuildInfo.version(), BuildInfo.commit(),
                options.command(), study.name(), study.arms().stream().map(a -> a.name()).toList(), study.seed(),
                study.replications(), result.seeds(), options.threads(), System.getProperty("java.version"), start, end,
                Duration.between(start, end).toMillis() / 1000.0,
                result.arms().stream().mapToLong(ArmResult::patientWeeks).sum(), files);
    }
}

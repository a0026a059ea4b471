package org.therapysim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.therapysim.TherapysimException;
import org.therapysim.experiment.TargetCheck;
import org.therapysim.scenario.Study;

/**
 * Writes the folder of a validation run: validation.csv, each checked scenario fully resolved,
 * the dose-effect curve against the published points, and a manifest.
 */
public final class ValidationWriter {
    private static final String DOSE_EFFECT_PREFIX = "improved_by_session_";

    /**
     * What one checked targets file ran.
     *
     * @param targetsFile the file
     * @param scenario the scenario's name
     * @param masterSeed its master seed
     * @param replicationSeeds the replication seeds
     */
    public record Checked(String targetsFile, String scenario, long masterSeed, List<Integer> replicationSeeds) {
    }

    /**
     * The manifest of a validation folder.
     *
     * @param tool always "therapysim"
     * @param version the build's version
     * @param gitCommit the source commit, or null
     * @param command the command line
     * @param checked what each targets file ran
     * @param targets targets compared
     * @param missed targets missed
     * @param startTime start (UTC)
     * @param endTime end (UTC)
     * @param files the files of the folder
     */
    public record ValidationManifest(String tool, String version, String gitCommit, List<String> command,
            List<Checked> checked, long targets, long missed, Instant startTime, Instant endTime,
            List<String> files) {
    }

    private ValidationWriter() {
    }

    /** Writes the folder atomically. */
    public static void write(final List<TargetCheck.Outcome> outcomes, final Path target, final boolean overwrite,
            final List<String> command, final Instant start) {
        try (ResultsFolder folder = ResultsFolder.open(target, overwrite)) {
            ValidationTable.write(outcomes, folder.file("validation.csv"));
            final List<Checked> checked = new ArrayList<>();
            final Map<String, String> charts = new HashMap<>();
            for (final TargetCheck.Outcome outcome : outcomes) {
                final String base = ResultsFolder.nameOf(outcome.path());
                final Study study = outcome.result().study();
                ScenarioFile.write(study, folder.file("scenarios/" + base + ".yaml"));
                final List<PublishedPoint> points = new ArrayList<>();
                for (final TargetCheck.Row row : outcome.rows()) {
                    if (row.metric().id().startsWith(DOSE_EFFECT_PREFIX)) {
                        points.add(new PublishedPoint(
                                Integer.parseInt(row.metric().id().substring(DOSE_EFFECT_PREFIX.length())),
                                row.target().value(), row.target().low(), row.target().high(),
                                row.target().source().shortCitation()));
                    }
                }
                if (!points.isEmpty()) {
                    final JFreeChart chart = Charts.doseEffectAgainst(outcome.result(), points);
                    ChartFiles.write(chart, folder.charts(), "dose_effect_vs_published_" + base,
                            1000, 620);
                    charts.put(base, HtmlReport.inlineSvg(chart, "dose-effect-" + base,
                            "Dose-effect against published points, " + base));
                }
                checked.add(new Checked(outcome.path().toString(), study.reference().name(), study.seed(),
                        outcome.result().seeds()));
            }
            final long targets = outcomes.stream().mapToLong(o -> o.rows().size()).sum();
            final long missed = outcomes.stream().mapToLong(TargetCheck.Outcome::missed).sum();
            AtomicFile.write(folder.file("report.html"), ValidationReport.validation(outcomes, charts, command));
            ManifestJson.write(new ValidationManifest("therapysim", BuildInfo.version(), BuildInfo.commit(), command,
                    checked, targets, missed, start, Instant.now(), folder.files("manifest.json")),
                    folder.file("manifest.json"));
            folder.commit();
        } catch (IOException e) {
            throw TherapysimException.output("cannot write " + target + ": " + TherapysimException.why(e), e);
        }
    }
}

package org.therapysim.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.therapysim.TherapysimException;
import org.therapysim.experiment.Calibration;
import org.therapysim.experiment.TargetCheck;
import org.therapysim.scenario.FreeParameter;

/**
 * Writes a calibration folder: {@code fitted.yaml}, a scenario overlay that extends the calibrated
 * scenario with the fitted values (other scenarios can extend it in turn), {@code fit.csv} (each
 * parameter's bounds, start and fitted value), {@code targets.csv} (each target at the fitted
 * point), {@code report.html} (the same, to read) and a manifest.
 */
public final class CalibrationWriter {
    /**
     * The manifest of a calibration folder.
     *
     * @param tool always "therapysim"
     * @param version the build's version
     * @param gitCommit the source commit, or null
     * @param command the command line
     * @param targetsFile the targets file
     * @param scenarioFile the calibrated scenario
     * @param masterSeed the seed of every evaluation's replications
     * @param replications replications per evaluation
     * @param evaluations objective evaluations
     * @param startObjective objective at the start
     * @param objective objective at the fitted point
     * @param missed targets missed at the fitted point
     * @param startTime start (UTC)
     * @param endTime end (UTC)
     * @param files the files of the folder
     */
    public record CalibrationManifest(String tool, String version, String gitCommit, List<String> command,
            String targetsFile, String scenarioFile, long masterSeed, int replications, int evaluations,
            double startObjective, double objective, long missed, Instant startTime, Instant endTime,
            List<String> files) {
    }

    private CalibrationWriter() {
    }

    /** Writes the folder atomically. */
    public static void write(final Calibration.Fit fit, final List<FreeParameter> free, final Path targetsFile,
            final Path scenarioFile, final long seed, final int replications, final Path target,
            final boolean overwrite, final List<String> command, final Instant start) {
        try (ResultsFolder folder = ResultsFolder.open(target, overwrite)) {
            Files.writeString(folder.file("fitted.yaml"), overlay(fit, scenarioFile, target), StandardCharsets.UTF_8);
            try (Tables.Printer out = Tables.open(folder.file("fit.csv"), "parameter", "low", "high", "start", "fitted")) {
                for (final FreeParameter p : free) {
                    out.printRecord(p.key(), Numbers.significant(p.low()), Numbers.significant(p.high()),
                            Numbers.significant(fit.start().get(p.key())),
                            Numbers.significant(fit.values().get(p.key())));
                }
            }
            ValidationTable.write(List.of(new TargetCheck.Outcome(null, targetsFile, null, fit.rows())),
                    folder.file("targets.csv"));
            AtomicFile.write(folder.file("report.html"), ValidationReport.calibration(fit, free, targetsFile,
                    scenarioFile, seed, replications, command));
            final long missed = fit.rows().stream().filter(r -> !r.inside()).count();
            ManifestJson.write(new CalibrationManifest("therapysim", BuildInfo.version(), BuildInfo.commit(), command,
                    targetsFile.toString(), scenarioFile.toString(), seed, replications, fit.evaluations(),
                    fit.startObjective(), fit.objective(), missed, start, Instant.now(), folder.files("manifest.json")),
                    folder.file("manifest.json"));
            folder.commit();
        } catch (IOException e) {
            throw TherapysimException.output("cannot write " + target + ": " + TherapysimException.why(e), e);
        }
    }

    /** @return the overlay: extends the calibrated scenario (path relative to the folder) and sets the fitted keys */
    static String overlay(final Calibration.Fit fit, final Path scenarioFile, final Path folder) throws IOException {
        final Map<String, JsonNode> values = new LinkedHashMap<>();
        for (final Map.Entry<String, Double> entry : fit.values().entrySet()) {
            final double value = entry.getValue();
            values.put(entry.getKey(), value == Math.rint(value) && Math.abs(value) < 1e15
                    ? LongNode.valueOf((long) value) : DoubleNode.valueOf(value));
        }
        return ScenarioOverlay.yaml("Fitted by therapysim calibrate: objective " + Numbers.significant(fit.startObjective())
                + " -> " + Numbers.significant(fit.objective()) + " after " + fit.evaluations() + " evaluations.\n"
                + "Extend this file to use the fitted values; see fit.csv and targets.csv beside it.", scenarioFile,
                folder, fit.scenario().name() + " (calibrated)", values);
    }
}

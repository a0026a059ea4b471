package org.therapysim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.experiment.SessionCurves;

/**
 * {@code summary.csv} (one row per arm and metric: mean, sd and 95% t interval over replications,
 * and for every arm after the first the paired difference from the reference on common random
 * numbers) and {@code curves.csv} (the dose-effect and retention curves behind the charts).
 */
public final class SummaryTable {
    /** Columns of summary.csv. */
    public static final String[] HEADER = {"arm", "metric", "unit", "mean", "sd", "ci_low", "ci_high", "n",
        "diff_vs_reference", "diff_ci_low", "diff_ci_high"};
    /** Columns of curves.csv. */
    public static final String[] CURVE_HEADER = {"arm", "curve", "session", "mean", "ci_low", "ci_high", "n"};

    private SummaryTable() {
    }

    /** Writes summary.csv. */
    public static void writeSummary(final ExperimentResult result, final Path file) throws IOException {
        writeSummary(result, null, file);
    }

    /**
     * Writes summary.csv; for a sweep, with a column per varied key after the arm.
     *
     * @param sweep the sweep's keys and values, or null
     */
    public static void writeSummary(final ExperimentResult result, final SweepAxis sweep, final Path file)
            throws IOException {
        final ArmResult reference = result.reference();
        final String currency = reference.scenario().costs().currency();
        try (Tables.Printer out = Tables.open(file, withKeys(HEADER, sweep))) {
            for (final ArmResult arm : result.arms()) {
                for (final Metric metric : Metric.values()) {
                    final MetricSummary s = arm.summary(metric);
                    final boolean compared = arm.index() > 0;
                    final MetricSummary d = compared ? arm.differenceFrom(reference, metric) : null;
                    final List<Object> row = new ArrayList<>();
                    row.add(arm.name());
                    if (sweep != null) {
                        for (int k = 0; k < sweep.keys().size(); k++) {
                            row.add(sweep.valuesOf(k).get(arm.index()));
                        }
                    }
                    row.addAll(List.of(metric.id(),
                            "currency".equals(metric.unit()) ? currency : metric.unit(),
                            Numbers.significant(s.mean()), Numbers.significant(s.sd()),
                            Numbers.significant(s.ciLow()), Numbers.significant(s.ciHigh()), s.n(),
                            compared ? Numbers.significant(d.mean()) : "",
                            compared ? Numbers.significant(d.ciLow()) : "",
                            compared ? Numbers.significant(d.ciHigh()) : ""));
                    out.printRecord(row);
                }
            }
        }
    }

    /** Writes design.csv: each arm of a sweep and the value of every varied key. */
    public static void writeDesign(final ExperimentResult result, final SweepAxis sweep, final Path file)
            throws IOException {
        try (Tables.Printer out = Tables.open(file, withKeys(new String[] {"arm"}, sweep))) {
            for (final ArmResult arm : result.arms()) {
                final List<Object> row = new ArrayList<>();
                row.add(arm.name());
                for (int k = 0; k < sweep.keys().size(); k++) {
                    row.add(sweep.valuesOf(k).get(arm.index()));
                }
                out.printRecord(row);
            }
        }
    }

    /** @return {@code header} with the sweep's keys inserted after its first column */
    private static String[] withKeys(final String[] header, final SweepAxis sweep) {
        if (sweep == null) {
            return header;
        }
        final List<String> columns = new ArrayList<>();
        columns.add(header[0]);
        columns.addAll(sweep.keys());
        columns.addAll(List.of(header).subList(1, header.length));
        return columns.toArray(String[]::new);
    }

    /** Writes curves.csv. */
    public static void writeCurves(final ExperimentResult result, final Path file) throws IOException {
        try (Tables.Printer out = Tables.open(file, CURVE_HEADER)) {
            for (final ArmResult arm : result.arms()) {
                writeCurve(out, arm.name(), "dose_effect", arm.doseEffect());
                writeCurve(out, arm.name(), "retention", arm.retention());
            }
        }
    }

    private static void writeCurve(final Tables.Printer out, final String arm, final String curve,
            final List<MetricSummary> points) throws IOException {
        for (int k = 0; k < SessionCurves.MAX_SESSION; k++) {
            final MetricSummary s = points.get(k);
            out.printRecord(arm, curve, k + 1, Numbers.significant(s.mean()), Numbers.significant(s.ciLow()),
                    Numbers.significant(s.ciHigh()), s.n());
        }
    }
}

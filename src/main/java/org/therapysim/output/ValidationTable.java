package org.therapysim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.therapysim.experiment.TargetCheck;

/**
 * {@code validation.csv}: one row per published target, with the simulated value and whether it is
 * met. {@code role} says what the target can show ({@code input}, {@code calibrated} or
 * {@code independent}: only independent targets are evidence of validity); {@code relative_to}
 * names the reference scenario of a ratio target (empty otherwise).
 */
public final class ValidationTable {
    /** Column names, in order. */
    public static final String[] HEADER = {"targets_file", "target", "role", "statistic", "relative_to", "source",
        "published_value", "published_low", "published_high", "simulated_mean", "simulated_ci_low", "simulated_ci_high", "n", "inside"};

    private ValidationTable() {
    }

    /** Writes every row of every checked file. */
    public static void write(final List<TargetCheck.Outcome> outcomes, final Path file) throws IOException {
        try (Tables.Printer out = Tables.open(file, HEADER)) {
            for (final TargetCheck.Outcome outcome : outcomes) {
                for (final TargetCheck.Row row : outcome.rows()) {
                    out.printRecord(outcome.path().getFileName(), row.target().name(), row.target().role().word(),
                            row.metric().id(),
                            row.target().reference() == null ? "" : row.target().reference(),
                            row.target().source().shortCitation(), Numbers.significant(row.target().value()),
                            Numbers.significant(row.target().low()), Numbers.significant(row.target().high()),
                            Numbers.significant(row.simulated().mean()), Numbers.significant(row.simulated().ciLow()),
                            Numbers.significant(row.simulated().ciHigh()), row.simulated().n(), row.inside());
                }
            }
        }
    }
}

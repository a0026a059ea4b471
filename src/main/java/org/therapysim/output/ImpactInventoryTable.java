package org.therapysim.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.therapysim.experiment.ImpactInventory;
import org.therapysim.experiment.Perspective;

/**
 * {@code impact_inventory.csv}: one row per impact of the Second Panel's inventory, its sector,
 * the metric that measures it (blank when the model does not; each arm's value is that metric's
 * row in {@code summary.csv}), whether each perspective counts it, and a note.
 */
public final class ImpactInventoryTable {
    private ImpactInventoryTable() {
    }

    /** @return the column names */
    static String[] header() {
        final List<String> columns = new ArrayList<>(List.of("sector", "impact", "measured_by"));
        for (final Perspective p : Perspective.values()) {
            columns.add("counted_" + p.id());
        }
        columns.add("note");
        return columns.toArray(String[]::new);
    }

    /** Writes the table. */
    public static void write(final Path file) throws IOException {
        try (Tables.Printer out = Tables.open(file, header())) {
            for (final ImpactInventory.Impact impact : ImpactInventory.IMPACTS) {
                final List<Object> row = new ArrayList<>();
                row.add(impact.sector());
                row.add(impact.impact());
                row.add(impact.measured() ? impact.metric().id() : "");
                for (final Perspective p : Perspective.values()) {
                    row.add(impact.countedBy(p) ? "yes" : "no");
                }
                row.add(impact.note());
                out.printRecord(row.toArray());
            }
        }
    }
}

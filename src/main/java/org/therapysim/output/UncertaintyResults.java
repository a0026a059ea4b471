package org.therapysim.output;

import java.util.List;

/**
 * What the report shows of an analysis run on top of a study: in its "Uncertainty" section, a
 * probabilistic sensitivity analysis (PSA) or a one-way (tornado) analysis; in an "Optimisation"
 * section of its own, a search for the best design within a budget. A few sentences, charts as
 * inline SVG and small tables. Text and table cells are plain text (the report escapes them);
 * charts are SVG elements as made by {@link HtmlReport#inlineSvg}.
 *
 * @param summary what was run and what it shows, in plain words (may be empty)
 * @param warnings what the reader must know before trusting the figures, one sentence each
 * @param figures charts, in order
 * @param tables tables, in order
 * @param kind which section of the report shows it
 */
public record UncertaintyResults(String summary, List<String> warnings, List<Figure> figures, List<Table> tables,
        Kind kind) {
    /** Which section of the report shows the results. */
    public enum Kind {
        /** A sensitivity analysis, in "Uncertainty". */
        UNCERTAINTY,
        /** A design search, in "Optimisation". */
        OPTIMIZATION
    }

    public UncertaintyResults {
        summary = summary == null ? "" : summary;
        warnings = List.copyOf(warnings);
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
        kind = kind == null ? Kind.UNCERTAINTY : kind;
    }

    /** A sensitivity analysis's results. */
    public UncertaintyResults(final String summary, final List<String> warnings, final List<Figure> figures,
            final List<Table> tables) {
        this(summary, warnings, figures, tables, Kind.UNCERTAINTY);
    }

    /** Results without warnings. */
    public UncertaintyResults(final String summary, final List<Figure> figures, final List<Table> tables) {
        this(summary, List.of(), figures, tables);
    }

    /**
     * A chart.
     *
     * @param svg an SVG element (from {@link HtmlReport#inlineSvg}), inserted as is
     * @param caption what the chart shows, plain text
     */
    public record Figure(String svg, String caption) {
        public Figure {
            if (svg == null || !svg.startsWith("<svg")) {
                throw new IllegalArgumentException("an SVG element is needed");
            }
            caption = caption == null ? "" : caption;
        }
    }

    /**
     * A small table of plain-text cells.
     *
     * @param caption what the table shows, with its units
     * @param header column headers
     * @param rows rows of cells, each as long as the header
     */
    public record Table(String caption, List<String> header, List<List<String>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (final List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells for " + header.size()
                            + " columns");
                }
            }
        }
    }
}

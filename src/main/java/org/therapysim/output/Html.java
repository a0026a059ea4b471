package org.therapysim.output;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small pieces of HTML for {@link HtmlReport}: escaping, colours, a shell command line and the style sheet. */
final class Html {
    /** Arguments that need no quoting in a POSIX shell. */
    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    /**
     * The page's style sheet: a readable column of at most 1000 px, tables that scroll sideways
     * inside their box rather than widen the page, charts that scale to the column, and print rules
     * (black text, no navigation, no table or figure split across pages).
     */
    static final String STYLE = """
            :root { --muted: #555; --rule: #d0d0d0; --tint: #f3f6fa; --chg: #fff1c2; }
            * { box-sizing: border-box; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
              color: #1a1a1a; background: #fff; line-height: 1.45; margin: 0 auto; padding: 1.5rem 1.25rem 3rem;
              max-width: 1000px; font-size: 16px; }
            h1 { font-size: 1.9rem; margin: 0 0 .4rem; line-height: 1.2; }
            h2 { font-size: 1.45rem; margin: 2.4rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #1a1a1a; }
            h3 { font-size: 1.15rem; margin: 1.8rem 0 .4rem; }
            p { margin: .5rem 0; }
            .question { font-size: 1.15rem; margin: .4rem 0 .6rem; }
            .meta { color: var(--muted); font-size: .92rem; margin: .2rem 0; }
            nav ul { list-style: none; padding: .5rem 0; margin: 1rem 0 0; display: flex; flex-wrap: wrap; gap: .3rem 1.1rem;
              border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); font-size: .95rem; }
            nav a { color: #0b5394; text-decoration: none; }
            nav a:hover { text-decoration: underline; }
            .wrap { overflow-x: auto; max-width: 100%; margin: .6rem 0; }
            table { border-collapse: collapse; font-size: .84rem; width: 100%; font-variant-numeric: tabular-nums; }
            caption { caption-side: top; text-align: left; font-weight: 600; font-size: .9rem; padding: 0 0 .35rem; }
            th, td { border-bottom: 1px solid var(--rule); padding: .35rem .4rem; vertical-align: top; text-align: right; }
            thead th { border-bottom: 2px solid #1a1a1a; background: var(--tint); vertical-align: bottom; }
            tbody th, thead th:first-child { text-align: left; font-weight: 600; }
            tbody th { min-width: 7.5rem; max-width: 11rem; }
            table.arms td, table.arms th { text-align: left; }
            table.impact td, table.impact th { text-align: left; }
            aside.findings { border: 1px solid var(--rule); border-left: 4px solid #0072b2; padding: .5rem 1rem; margin: 1rem 0; }
            aside.findings li { margin: .35rem 0; }
            aside.findings h2 { margin-top: .5rem; }
            table.plain td:first-child, table.plain th:first-child { text-align: left; }
            table.arms td { white-space: nowrap; }
            th.status, td.status { text-align: left; min-width: 8.5rem; }
            td.status .ci { white-space: normal; }
            td.chg { background: var(--chg); font-weight: 600; }
            td.refcell { text-align: center; color: var(--muted); font-style: italic; }
            .v, .ci, .d { display: block; white-space: nowrap; }
            .ci { color: var(--muted); font-size: .78rem; }
            .d { margin-top: .2rem; }
            .swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 2px; margin-right: .35rem;
              vertical-align: baseline; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
            .note { color: var(--muted); font-size: .85rem; }
            .absent { background: var(--tint); padding: .6rem .8rem; border-left: 4px solid #0b5394; }
            .warning { background: #fdecea; padding: .6rem .8rem; border-left: 4px solid #b3261e; }
            dl.arms dt, dl.methods dt { font-weight: 600; margin-top: .5rem; }
            dl.arms dd, dl.methods dd { margin: .1rem 0 0 1.2rem; }
            .source { color: var(--muted); }
            figure { margin: 1.2rem 0; }
            svg.chart { display: block; width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: var(--muted); font-size: .88rem; margin-top: .3rem; }
            pre { background: #f6f6f6; border: 1px solid #e2e2e2; padding: .6rem .8rem; font-size: .8rem;
              white-space: pre-wrap; overflow-wrap: anywhere; }
            code { font-size: .9em; background: #f1f1f1; padding: 0 .2em; }
            @media print {
              nav { display: none; }
              body { color: #000; max-width: none; padding: 0; font-size: 11pt; }
              .meta, .note, .ci, figcaption, .source, td.refcell { color: #000; }
              h2, h3 { page-break-after: avoid; break-after: avoid; }
              table, figure, pre.command { page-break-inside: avoid; break-inside: avoid; }
              .wrap { overflow: visible; }
              svg.chart { border: none; }
              a { color: #000; }
            }
            """;

    private Html() {
    }

    /** @return the text with the characters that are special in HTML text and attributes escaped */
    static String escape(final String text) {
        if (text == null) {
            return "";
        }
        final StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** @return the colour as a CSS hex value */
    static String colour(final Color colour) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    /** @return the arguments as one shell line, each quoted where the shell would split or expand it */
    static String shellLine(final List<String> arguments) {
        final StringBuilder out = new StringBuilder();
        for (final String argument : arguments) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(PLAIN_ARGUMENT.matcher(argument).matches() ? argument
                    : "'" + argument.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }
}

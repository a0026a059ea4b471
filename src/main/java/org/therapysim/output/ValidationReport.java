package org.therapysim.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.therapysim.experiment.Calibration;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.TargetCheck;
import org.therapysim.scenario.FreeParameter;
import org.therapysim.scenario.Source;
import org.therapysim.scenario.Target;

/**
 * {@code report.html} of a validation or a calibration folder: each published figure against the
 * simulation, with its full source (and, for a calibration, the fitted parameters), the dose-effect
 * curves against the published points, and how to reproduce the folder. Self-contained like the
 * study report (inline styles and SVG), and the same for every run of the same files and seeds (no
 * times are shown).
 */
final class ValidationReport {
    private static final String VERDICT_NOTE = "A figure is reproduced when the mean over the replications lies"
            + " inside its band: the published confidence interval, or a band around a figure published without one."
            + " Ranges in square brackets after a simulated value are 95% confidence intervals over the"
            + " replications. A figure's role says what it can show: an <b>independent</b> figure was never used"
            + " to set or fit the model, and only such figures are evidence of validity; a <b>calibrated</b> one was"
            + " fitted by <code>therapysim calibrate</code> and an <b>input</b> one is taken by a default directly, so"
            + " reproducing them shows only that the model was set up as intended.";

    private final StringBuilder out = new StringBuilder(1 << 18);

    private ValidationReport() {
    }

    /**
     * @param charts inline SVG charts by the targets file's base name (absent when it has none)
     * @param command the command line that made the folder
     */
    static String validation(final List<TargetCheck.Outcome> outcomes, final Map<String, String> charts,
            final List<String> command) {
        final ValidationReport page = new ValidationReport();
        final long targets = outcomes.stream().mapToLong(o -> o.rows().size()).sum();
        final long missed = outcomes.stream().mapToLong(TargetCheck.Outcome::missed).sum();
        page.head("Validation against published figures", targets - missed + " of " + targets
                + " published figures reproduced" + (missed == 0 ? "." : "; <b>" + missed + " missed</b>.")
                + " By role: " + Html.escape(TargetCheck.byRole(outcomes)) + ".");
        for (final TargetCheck.Outcome outcome : outcomes) {
            final int n = outcome.result().study().replications();
            page.out.append("<section>\n<h2>").append(Html.escape(outcome.file().name()))
                    .append("</h2>\n<p>Targets file <code>").append(Html.escape(outcome.path().toString()))
                    .append("</code>, scenario <b>").append(Html.escape(outcome.result().reference().name()))
                    .append("</b>, ").append(n).append(n == 1 ? " replication" : " replications")
                    .append(", master seed ").append(outcome.result().study().seed()).append(".</p>\n");
            page.targets(outcome.file().name() + ": published and simulated", outcome.rows());
            final String chart = charts.get(ResultsFolder.nameOf(outcome.path()));
            if (chart != null) {
                page.out.append("<figure>").append(chart).append("<figcaption>The simulated dose-effect curve with"
                        + " its 95% band, against the published points and their bands.</figcaption></figure>\n");
            }
            page.out.append("</section>\n");
        }
        page.reproduce(command, "Each checked scenario, fully resolved, is in <code>scenarios/</code> beside this"
                + " report; <code>validation.csv</code> holds the tables above and <code>manifest.json</code> the"
                + " build, seeds and times.");
        return page.out.toString();
    }

    /** The page of a calibration: the fitted parameters and every target at the fitted point. */
    static String calibration(final Calibration.Fit fit, final List<FreeParameter> free, final Path targetsFile,
            final Path scenarioFile, final long seed, final int replications, final List<String> command) {
        final ValidationReport page = new ValidationReport();
        final long missed = fit.rows().stream().filter(r -> !r.inside()).count();
        page.head("Calibration of " + Html.escape(fit.scenario().name()), "Fitted " + free.size() + " parameters of <code>"
                + Html.escape(scenarioFile.toString()) + "</code> to <code>" + Html.escape(targetsFile.toString())
                + "</code>: " + (fit.rows().size() - missed) + " of " + fit.rows().size() + " figures reproduced at the"
                + " fitted point" + (missed == 0 ? "." : "; <b>" + missed + " missed</b>."));
        page.out.append("<section>\n<h2>Fit</h2>\n<p>").append(fit.evaluations()).append(" evaluations of ")
                .append(replications).append(" replications each (master seed ").append(seed)
                .append(", common random numbers); objective (squared distance from the targets in half-widths of"
                        + " their bands) ").append(UncertaintyCharts.rounded(fit.startObjective())).append(" at the"
                        + " start, ").append(UncertaintyCharts.rounded(fit.objective())).append(" fitted.</p>\n")
                .append("<div class=\"wrap\"><table class=\"plain\">\n<caption>Free parameters</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Parameter</th><th scope=\"col\">Range</th><th scope=\"col\">Start</th>")
                .append("<th scope=\"col\">Fitted</th></tr></thead>\n<tbody>\n");
        for (final FreeParameter p : free) {
            page.out.append("<tr><td><code>").append(Html.escape(p.key())).append("</code></td><td>")
                    .append(UncertaintyCharts.rounded(p.low())).append(" to ").append(UncertaintyCharts.rounded(p.high()))
                    .append("</td><td>").append(UncertaintyCharts.rounded(fit.start().get(p.key()))).append("</td><td>")
                    .append(UncertaintyCharts.rounded(fit.values().get(p.key()))).append("</td></tr>\n");
        }
        page.out.append("</tbody>\n</table></div>\n</section>\n<section>\n<h2>Targets at the fitted point</h2>\n");
        page.targets("Published and simulated at the fitted point", fit.rows());
        page.out.append("</section>\n");
        page.reproduce(command, "<code>fitted.yaml</code> beside this report extends the calibrated scenario with the"
                + " fitted values; <code>fit.csv</code> and <code>targets.csv</code> hold the tables above and"
                + " <code>manifest.json</code> the build, seed and times.");
        return page.out.toString();
    }

    /** @param summary HTML (escaped by the caller) */
    private void head(final String title, final String summary) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(title).append("</title>\n<style>\n").append(Html.STYLE).append("</style>\n</head>\n<body>\n")
                .append("<header>\n<h1>").append(title).append("</h1>\n<p class=\"question\">").append(summary)
                .append("</p>\n<p class=\"meta\">").append(VERDICT_NOTE).append("</p>\n</header>\n");
    }

    private void targets(final String caption, final List<TargetCheck.Row> rows) {
        out.append("<div class=\"wrap\"><table class=\"plain\">\n<caption>").append(Html.escape(caption))
                .append("</caption>\n<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Role</th>")
                .append("<th scope=\"col\">Published [band]</th>")
                .append("<th scope=\"col\">Simulated [95% CI]</th><th scope=\"col\">Reproduced</th></tr></thead>\n")
                .append("<tbody>\n");
        for (final TargetCheck.Row row : rows) {
            final Target t = row.target();
            out.append("<tr><td><b>").append(Html.escape(t.name())).append("</b>");
            if (t.reference() != null) {
                out.append(" (ratio to <code>").append(Html.escape(t.reference())).append("</code>)");
            }
            out.append("<div class=\"note\">").append(Html.escape(t.definition())).append("</div>")
                    .append("<div class=\"note\">").append(Html.escape(citation(t.source()))).append("</div></td>")
                    .append("<td>").append(t.role().word()).append("</td>")
                    .append("<td>").append(value(row.metric(), t, t.value())).append("<div class=\"ci\">[")
                    .append(value(row.metric(), t, t.low())).append(", ").append(value(row.metric(), t, t.high()))
                    .append("]</div></td><td>").append(value(row.metric(), t, row.simulated().mean()))
                    .append("<div class=\"ci\">").append(Html.escape(ReportFormat.interval(row.simulated(),
                            v -> value(row.metric(), t, v)))).append("</div></td><td>")
                    .append(row.inside() ? "yes" : "<b>no</b>").append("</td></tr>\n");
        }
        out.append("</tbody>\n</table></div>\n");
    }

    private void reproduce(final List<String> command, final String files) {
        out.append("<section id=\"reproduce\">\n<h2>Reproduce</h2>\n<p>This folder was made by:</p>\n")
                .append("<pre class=\"command\">").append(Html.escape(Html.shellLine(command))).append("</pre>\n<p>")
                .append(files).append("</p>\n</section>\n</body>\n</html>\n");
    }

    private static String citation(final Source s) {
        return s.authors() + " (" + s.year() + "). " + s.title() + ". " + s.journal() + ".";
    }

    private static String value(final Metric metric, final Target target, final double v) {
        return metric.isShare() && target.reference() == null ? ReportFormat.percent(v)
                : UncertaintyCharts.rounded(v);
    }
}

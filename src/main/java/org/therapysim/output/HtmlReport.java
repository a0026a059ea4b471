package org.therapysim.output;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.CapacityCheck;
import org.therapysim.experiment.CostEffectiveness;
import org.therapysim.experiment.EpisodeMetrics;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.ImpactInventory;
import org.therapysim.experiment.IncrementalAnalysis;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.experiment.Perspective;
import org.therapysim.scenario.AtCapRule;
import org.therapysim.scenario.CapPeriod;
import org.therapysim.scenario.CostSettings;
import org.therapysim.scenario.Evaluation;
import org.therapysim.scenario.Measure;
import org.therapysim.scenario.PlanSpec;
import org.therapysim.scenario.PopulationMode;
import org.therapysim.scenario.Scenario;

/**
 * {@code report.html}: a results folder in one self-contained page for readers who do not open
 * CSV files: the question, the design search that chose the arms (after {@code optimize}), the
 * arms and how their plans differ, the headline results with 95%
 * intervals and paired differences from the reference, the charts, the economic evaluation in each
 * perspective with the budget impact, uncertainty, methods with sources, and how to reproduce the
 * folder. The page needs nothing else: styles are inline and charts are inline SVG; nothing is
 * fetched. Every text taken from a scenario is escaped.
 *
 * <p>The page shows the manifest without its times and thread count, so the same study and seed
 * give the same page byte for byte, on any number of threads.
 */
public final class HtmlReport {
    /** Size in SVG user units of every chart (the page scales it to its width). */
    static final int CHART_WIDTH = 1000;
    static final int CHART_HEIGHT = 620;

    /** Said instead of a cost per unit of effect when the paired intervals of cost and effect both include zero. */
    static final String NO_DETECTABLE_DIFFERENCE = "no detectable difference";

    private final ExperimentResult result;
    private final Manifest manifest;
    private final UncertaintyResults uncertainty;
    private final SweepAxis sweep;
    private final Scenario reference;
    private final CostSettings costs;
    private final Evaluation evaluation;
    private final ReportFormat format;
    private final StringBuilder out = new StringBuilder(1 << 20);

    private HtmlReport(final ExperimentResult result, final Manifest manifest, final UncertaintyResults uncertainty,
            final SweepAxis sweep) {
        this.result = Objects.requireNonNull(result);
        this.manifest = manifest;
        this.uncertainty = uncertainty;
        this.sweep = sweep;
        this.reference = result.reference().scenario();
        this.costs = reference.costs();
        this.evaluation = reference.evaluation();
        this.format = new ReportFormat(costs.currency());
    }

    /**
     * @param manifest how the folder was made (its command, seeds and times), or null when unknown
     * @param uncertainty sensitivity analyses to show, or null when none was run
     * @return the page
     */
    public static String render(final ExperimentResult result, final Manifest manifest,
            final UncertaintyResults uncertainty) {
        return render(result, manifest, uncertainty, null);
    }

    /**
     * @param sweep the varied parameter when the study is a sweep (its charts are added), or null
     * @return the page
     */
    public static String render(final ExperimentResult result, final Manifest manifest,
            final UncertaintyResults uncertainty, final SweepAxis sweep) {
        return new HtmlReport(result, manifest, uncertainty, sweep).page();
    }

    /**
     * Writes the page through a hidden temporary file in the same folder renamed into place, so an
     * interrupted write never leaves a partial page under the final name.
     */
    public static void write(final ExperimentResult result, final Manifest manifest,
            final UncertaintyResults uncertainty, final SweepAxis sweep, final Path file) throws IOException {
        AtomicFile.write(file, render(result, manifest, uncertainty, sweep));
    }

    /**
     * Draws a chart as an SVG element for an HTML page: scalable (a view box, width 100%), with a
     * title and an accessible label, and element ids that start with {@code id} so that several
     * charts can share a page.
     *
     * @param id a page-unique identifier (letters, digits, '-' and '_')
     * @param title what the chart shows, plain text
     */
    public static String inlineSvg(final JFreeChart chart, final String id, final String title) {
        final String safeId = id.replaceAll("[^A-Za-z0-9_-]", "_");
        final SVGGraphics2D svg = new SVGGraphics2D(CHART_WIDTH, CHART_HEIGHT);
        svg.setDefsKeyPrefix(safeId + "-");
        chart.draw(svg, new Rectangle(0, 0, CHART_WIDTH, CHART_HEIGHT));
        final String element = svg.getSVGElement(safeId, false, new ViewBox(0, 0, CHART_WIDTH, CHART_HEIGHT), null,
                null);
        final int open = element.indexOf('>');
        return "<svg class=\"chart\" width=\"100%\" role=\"img\" aria-label=\"" + Html.escape(title) + "\""
                + element.substring(4, open + 1) + "<title>" + Html.escape(title) + "</title>"
                + element.substring(open + 1);
    }

    private String page() {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(result.study().name())).append(" \u2014 therapysim report</title>\n")
                .append("<style>\n").append(Html.STYLE).append("</style>\n</head>\n<body>\n");
        header();
        keyFindings();
        navigation();
        if (optimization()) {
            section("optimization", "Optimisation");
            analysis(uncertainty);
            out.append("</section>\n");
        }
        arms();
        headline();
        charts();
        economics();
        uncertaintySection();
        methods();
        reproduce();
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void header() {
        out.append("<header>\n<h1>").append(Html.escape(result.study().name())).append("</h1>\n");
        final String question = result.study().description();
        if (question != null && !question.isBlank()) {
            out.append("<p class=\"question\">").append(Html.escape(question.strip())).append("</p>\n");
        }
        final int n = result.study().replications();
        out.append("<p class=\"meta\">");
        out.append("master seed ").append(result.study().seed()).append(" \u00b7 ").append(n)
                .append(n == 1 ? " replication" : " replications").append(" per arm \u00b7 ")
                .append(result.arms().size()).append(result.arms().size() == 1 ? " arm" : " arms")
                .append(" \u00b7 made by therapysim");
        if (manifest != null && manifest.version() != null) {
            out.append(' ').append(Html.escape(manifest.version()));
        }
        out.append("</p>\n<p class=\"meta\">Every arm ran with the same simulated members and the same random draws"
                + " (common random numbers), so differences between arms come from the benefit design, not from"
                + " chance in who fell ill. Ranges in square brackets are 95% confidence intervals over the "
                + "replications.</p>\n</header>\n");
    }

    /** The answer first: one sentence per design on recovery, access, cost and cost-effectiveness. */
    private void keyFindings() {
        final List<String> sentences = new KeyFindings(result, format, evaluation.willingnessToPay()).sentences();
        if (sentences.isEmpty()) {
            return;
        }
        out.append("<aside class=\"findings\" aria-label=\"Key findings\">\n<h2>Key findings</h2>\n<p>Each design"
                + " against ").append(armLabel(result.reference())).append(": paired differences per replication"
                + " with 95% intervals; <b>bold</b> where the interval excludes zero.</p>\n<ul>\n");
        for (final String sentence : sentences) {
            out.append("<li>").append(sentence).append("</li>\n");
        }
        out.append("</ul>\n</aside>\n");
    }

    private void navigation() {
        out.append("<nav><ul>");
        if (optimization()) {
            out.append("<li><a href=\"#optimization\">Optimisation</a></li>");
        }
        for (final String[] link : new String[][] {{"arms", "The arms"}, {"headline", "Headline results"},
            {"charts", "Charts"}, {"economics", "Economic evaluation"}, {"uncertainty", "Uncertainty"},
            {"methods", "Methods"}, {"reproduce", "Reproduce"}}) {
            out.append("<li><a href=\"#").append(link[0]).append("\">").append(link[1]).append("</a></li>");
        }
        out.append("</ul></nav>\n");
    }

    // ---------------------------------------------------------------- arms

    /** A plan setting shown in the arms table: a short header, its meaning and its value for a plan. */
    private record PlanColumn(String header, String meaning, Function<PlanSpec, String> value, boolean always) {
    }

    private List<PlanColumn> planColumns() {
        return List.of(
                new PlanColumn("Cap", "plan-paid sessions allowed per episode (/ep) or per plan year (/yr)",
                        p -> !p.sessionCap().isCapped() ? "none"
                                : (long) p.sessionCap().sessions().value()
                                        + (p.sessionCap().per() == CapPeriod.EPISODE ? "/ep" : "/yr"), true),
                new PlanColumn("At cap", "what happens at the cap", this::atCap, true),
                new PlanColumn("Review", "utilization review after N plan-paid sessions; +E sessions per approval,"
                        + " W weeks to a decision", this::review, true),
                new PlanColumn("Copay", "patient payment per in-network session", p -> format.setting(p.copay()), true),
                new PlanColumn("Coins.", "coinsurance: patient's share of the allowed amount",
                        p -> ReportFormat.percent(p.coinsurance()), true),
                new PlanColumn("Deduct.", "deductible per plan year", p -> format.setting(p.deductible()), true),
                new PlanColumn("OOP max", "out-of-pocket maximum per plan year",
                        p -> p.outOfPocketMax().isUnlimited() ? "none" : format.setting(p.outOfPocketMax().value()),
                        false),
                new PlanColumn("Prior auth.", "prior authorization before the first session",
                        p -> p.priorAuthorization().enabled() ? "yes, " + p.priorAuthorization().delayWeeks() + " wk"
                                : "no", false),
                new PlanColumn("In network", "share of therapists in the plan's network",
                        p -> ReportFormat.percent(p.network().inNetworkShare()), true),
                new PlanColumn("OON paid", "share of the allowed amount the plan pays out of network",
                        p -> ReportFormat.percent(p.network().outOfNetworkReimbursement()), false),
                new PlanColumn("Allowed", "amount the plan recognises per in-network session",
                        p -> format.setting(p.allowedAmount()), false),
                new PlanColumn("Admin", "administrative cost per review / per prior authorization",
                        p -> format.setting(p.review().adminCost()) + " / "
                                + format.setting(p.priorAuthorization().adminCost()), false));
    }

    private String atCap(final PlanSpec plan) {
        if (!plan.sessionCap().isCapped()) {
            return "\u2013";
        }
        final AtCapRule rule = plan.sessionCap().atCap();
        return switch (rule) {
            case STOP -> "stop";
            case SELF_PAY -> "self-pay";
            case SWITCH_THERAPIST -> "switch (+" + plan.sessionCap().switchSessions() + ")";
            case REVIEW -> "review";
        };
    }

    private String review(final PlanSpec plan) {
        final var r = plan.review();
        final String terms = "+" + r.extraSessions() + ", " + r.delayWeeks() + " wk";
        if (r.enabled()) {
            return "after " + r.atSession() + " (" + terms + ")";
        }
        if (plan.sessionCap().isCapped() && plan.sessionCap().atCap() == AtCapRule.REVIEW) {
            return "at cap (" + terms + ")";
        }
        return "off";
    }

    private void arms() {
        section("arms", "The arms");
        final List<PlanColumn> all = planColumns();
        final List<PlanColumn> shown = new ArrayList<>();
        for (final PlanColumn column : all) {
            final Set<String> values = new LinkedHashSet<>();
            for (final ArmResult arm : result.arms()) {
                values.add(column.value().apply(arm.scenario().plan()));
            }
            if (values.size() > 1) {
                shown.add(column);
            }
        }
        final boolean same = shown.isEmpty();
        if (same) {
            all.stream().filter(PlanColumn::always).forEach(shown::add);
        }
        out.append("<p>").append(result.arms().size() == 1 ? "One design was simulated."
                : "The first arm, <b>" + Html.escape(result.reference().name()) + "</b>, is the reference: every"
                        + " other arm is compared with it.");
        out.append(same ? " All arms have the same plan settings."
                : " The table shows the plan settings that differ between arms; a highlighted cell differs from"
                        + " the reference.").append("</p>\n");
        final PlanSpec ref = reference.plan();
        out.append("<div class=\"wrap\"><table class=\"arms\">\n<caption>Benefit design of each arm");
        out.append(same ? "" : " (settings shared by all arms are left out)").append("</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Arm</th>");
        for (final PlanColumn column : shown) {
            out.append("<th scope=\"col\" title=\"").append(Html.escape(column.meaning())).append("\">")
                    .append(Html.escape(column.header())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (final ArmResult arm : result.arms()) {
            out.append("<tr><th scope=\"row\">").append(armLabel(arm)).append("</th>");
            for (final PlanColumn column : shown) {
                final String value = column.value().apply(arm.scenario().plan());
                final boolean changed = arm.index() > 0 && !value.equals(column.value().apply(ref));
                out.append(changed ? "<td class=\"chg\">" : "<td>").append(Html.escape(value)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n<p class=\"note\">");
        for (int i = 0; i < shown.size(); i++) {
            out.append(i == 0 ? "" : "; ").append("<b>").append(Html.escape(shown.get(i).header())).append("</b>: ")
                    .append(Html.escape(shown.get(i).meaning()));
        }
        out.append(". Amounts in ").append(Html.escape(costs.currency())).append(".</p>\n");
        out.append("<dl class=\"arms\">\n");
        for (final ArmResult arm : result.arms()) {
            final String description = arm.scenario().description();
            out.append("<dt>").append(Html.escape(arm.name())).append("</dt><dd>")
                    .append(description == null || description.isBlank() ? "(no description)"
                            : Html.escape(description.strip()));
            final List<String> other = differencesOutsidePlan(arm.scenario());
            if (arm.index() > 0 && !other.isEmpty()) {
                out.append(" <em>Also differs from the reference outside the plan: ")
                        .append(Html.escape(String.join(", ", other))).append(" (see scenario.yaml).</em>");
            }
            out.append("</dd>\n");
        }
        out.append("</dl>\n</section>\n");
    }

    private List<String> differencesOutsidePlan(final Scenario arm) {
        final List<String> parts = new ArrayList<>();
        addIfDifferent(parts, "population", arm.population(), reference.population());
        addIfDifferent(parts, "measures", arm.measures(), reference.measures());
        addIfDifferent(parts, "conditions", arm.conditions(), reference.conditions());
        addIfDifferent(parts, "patients", arm.patients(), reference.patients());
        addIfDifferent(parts, "workforce", arm.workforce(), reference.workforce());
        addIfDifferent(parts, "dynamics", arm.dynamics(), reference.dynamics());
        addIfDifferent(parts, "costs", arm.costs(), reference.costs());
        addIfDifferent(parts, "evaluation", arm.evaluation(), reference.evaluation());
        return parts;
    }

    private static void addIfDifferent(final List<String> parts, final String name, final Object a, final Object b) {
        if (!Objects.equals(a, b)) {
            parts.add(name);
        }
    }

    private String armLabel(final ArmResult arm) {
        return "<span class=\"swatch\" style=\"background:" + Html.colour(Charts.armColour(arm.index()))
                + "\"></span>" + Html.escape(arm.name());
    }

    // ---------------------------------------------------------------- headline results

    /** A warning paragraph: one sentence, capitalised, with a full stop. */
    private void warning(final String text) {
        out.append("<p class=\"warning\" role=\"alert\"><b>Warning:</b> ")
                .append(Html.escape(Character.toUpperCase(text.charAt(0)) + text.substring(1))).append(".</p>\n");
    }

    private void headline() {
        section("headline", "Headline results");
        final int n = result.study().replications();
        out.append("<p>Each cell gives the mean over ").append(n).append(n == 1 ? " replication" : " replications")
                .append(", its 95% interval and, below, the paired difference from the reference with its interval."
                        + " A difference in <b>bold</b> has an interval that excludes zero.</p>\n");
        CapacityCheck.warnings(result).forEach(this::warning);
        headlineTable("Care: what happened to the patients", List.of(Metric.RECOVERY_RATE, Metric.DROPOUT_RATE,
                Metric.MEAN_SESSIONS, Metric.DECLINED_RATE, Metric.CAP_REACHED_RATE),
                List.of("Recovery", "Dropout", "Sessions", "Declined", "Ended at cap"),
                "<b>Recovery</b>: share of finished courses (two or more sessions) that started at caseness and ended"
                        + " below it. <b>Dropout</b>: share of started episodes the patient ended unilaterally."
                        + " <b>Sessions</b>: mean sessions per finished course. <b>Declined</b>: share of episodes"
                        + " that never started because of the price. <b>Ended at cap</b>: share of started episodes"
                        + " that ended at the session cap. <b>pp</b>: percentage points.");
        headlineTable("Health and cost", List.of(Metric.RECOVERIES_PER_PATIENT, Metric.QALYS_PER_PATIENT,
                Metric.COST_PAYER, Metric.PLAN_COST_PMPM),
                List.of("Recoveries per patient", "QALYs per patient", "Payer cost per patient", "Plan cost PMPM"),
                "<b>Recoveries per patient</b>: treated episodes that began at caseness and ended below it within "
                        + horizon() + ", per patient who sought care, counting those who declined, gave up or"
                        + " dropped out: unlike the recovery rate, it falls when a design keeps people from"
                        + " starting. <b>QALYs</b>: quality-adjusted life years per patient who sought care, over "
                        + horizon() + ", discounted. <b>Payer cost per patient</b>: plan payments for sessions and administration"
                        + " per patient over the same horizon, discounted. <b>PMPM</b>: per covered member per month,"
                        + " undiscounted. " + money());
        out.append("</section>\n");
    }

    private void headlineTable(final String caption, final List<Metric> metrics, final List<String> headers,
            final String note) {
        out.append("<div class=\"wrap\"><table class=\"results\">\n<caption>").append(Html.escape(caption))
                .append("</caption>\n<thead><tr><th scope=\"col\">Arm</th>");
        for (final String header : headers) {
            out.append("<th scope=\"col\">").append(Html.escape(header)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        final ArmResult ref = result.reference();
        for (final ArmResult arm : result.arms()) {
            out.append("<tr><th scope=\"row\">").append(armLabel(arm)).append("</th>");
            for (final Metric metric : metrics) {
                final MetricSummary s = arm.summary(metric);
                out.append("<td>");
                estimate(value(metric), s);
                if (arm.index() == 0) {
                    out.append("<span class=\"d\">reference</span>");
                } else if (metric.isShare()) {
                    difference(ReportFormat::points, v -> ReportFormat.signed(100 * v, 1),
                            arm.differenceFrom(ref, metric));
                } else {
                    difference(difference(metric), arm.differenceFrom(ref, metric));
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n<p class=\"note\">").append(note).append("</p>\n");
    }

    /** Appends a mean and its interval, each on its own line. */
    private void estimate(final DoubleFunction<String> format, final MetricSummary s) {
        out.append("<span class=\"v\">").append(Html.escape(format.apply(s.mean()))).append("</span>")
                .append("<span class=\"ci\">").append(Html.escape(ReportFormat.interval(s, format))).append("</span>");
    }

    /** Appends a paired difference and its interval, the difference bold when the interval excludes zero. */
    private void difference(final DoubleFunction<String> format, final MetricSummary d) {
        difference(format, format, d);
    }

    /**
     * Appends a paired difference and, below it, its interval (whose ends may drop the unit that
     * the difference shows).
     */
    private void difference(final DoubleFunction<String> format, final DoubleFunction<String> ends,
            final MetricSummary d) {
        final boolean clear = ReportFormat.excludesZero(d);
        out.append("<span class=\"d\">").append(clear ? "<b>" : "").append(Html.escape(format.apply(d.mean())))
                .append(clear ? "</b>" : "").append("</span><span class=\"ci\">")
                .append(Html.escape(ReportFormat.interval(d, ends))).append("</span>");
    }

    private DoubleFunction<String> value(final Metric metric) {
        if (metric.isShare()) {
            return ReportFormat::percent;
        }
        return switch (metric) {
            case QALYS_PER_PATIENT -> v -> ReportFormat.number(v, 3);
            case RECOVERIES_PER_PATIENT -> v -> ReportFormat.number(v, 3);
            default -> "currency".equals(metric.unit()) ? format::money : v -> ReportFormat.number(v, 1);
        };
    }

    private DoubleFunction<String> difference(final Metric metric) {
        if (metric.isShare()) {
            return ReportFormat::points;
        }
        return switch (metric) {
            case QALYS_PER_PATIENT -> v -> ReportFormat.signed(v, 4);
            case RECOVERIES_PER_PATIENT -> v -> ReportFormat.signed(v, 3);
            default -> "currency".equals(metric.unit()) ? format::signedMoney : v -> ReportFormat.signed(v, 1);
        };
    }

    // ---------------------------------------------------------------- charts

    private void charts() {
        section("charts", "Charts");
        figure(Charts.doseEffect(result), "dose-effect", "Dose-effect: share of patients reliably improved by session",
                "How quickly patients improve: the share reliably improved after each session, by arm. A cap cuts"
                        + " the curve where sessions stop being paid.");
        figure(Charts.retention(result), "retention", "Retention: share of patients still in treatment by session",
                "How long patients stay: the share of started episodes still in treatment at each session.");
        if (result.arms().size() > 1) {
            figure(Charts.forest(result), "paired-differences", "Paired differences from the reference",
                    "Each design's difference from " + result.reference().name() + " with its 95% interval, on the"
                            + " same patients and random draws: recovery among finished courses, recoveries per"
                            + " 1,000 people who sought care, the plan's cost per member per month and QALYs per"
                            + " patient. Where a line crosses the grey line at zero, no difference is detectable.");
        }
        figure(Charts.metricByArm(result, Metric.RECOVERY_RATE), "recovery", "Recovery rate by arm",
                "Recovery among finished courses that started at caseness, with 95% intervals.");
        figure(Charts.metricByArm(result, Metric.DROPOUT_RATE), "dropout", "Dropout rate by arm",
                "Share of started episodes ended by the patient, with 95% intervals.");
        figure(Charts.metricByArm(result, Metric.PAYER_COST_PMPM), "payer-cost", "Payer cost per member per month",
                "What the plan pays for sessions per covered member per month, with 95% intervals.");
        figure(Charts.endReasons(result), "end-reasons", "How episodes ended",
                "Share of all episodes by how they ended: planned, not helped, dropout, at the cap, after a denied"
                        + " review, declined because of the price, gave up before booking, gave up waiting, or still"
                        + " open when the simulation ended.");
        if (sweep != null) {
            for (final SweepAxis.Chart chart : sweep.charts(result)) {
                figure(chart.chart(), chart.file().replace('_', '-'), chart.title(), chart.title() + ".");
            }
        }
        out.append("</section>\n");
    }

    private void figure(final JFreeChart chart, final String id, final String title, final String caption) {
        figure(inlineSvg(chart, id, title), caption);
    }

    private void figure(final String svg, final String caption) {
        out.append("<figure>\n").append(svg).append("\n<figcaption>").append(Html.escape(caption))
                .append("</figcaption>\n</figure>\n");
    }

    // ---------------------------------------------------------------- economics

    private void economics() {
        section("economics", "Economic evaluation");
        final double wtp = evaluation.willingnessToPay();
        out.append("<p>Every patient who sought care is followed for ").append(horizon())
                .append(" from first arrival, whatever became of the episode; costs and quality-adjusted life years"
                        + " (QALYs) are discounted at ").append(ReportFormat.percent(evaluation.discountRate()))
                .append(" a year. Each arm is compared with the reference (paired differences on common random"
                        + " numbers) and all arms together in an incremental analysis. A willingness to pay of ")
                .append(Html.escape(format.money(wtp))).append(" per QALY values health in net monetary"
                        + " benefit (NMB = willingness to pay \u00d7 QALYs \u2212 cost).</p>\n");
        final double[] wtps = evaluation.willingnessToPayGrid();
        for (final Perspective perspective : Perspective.values()) {
            perspectiveTable(perspective, wtp);
            if (result.arms().size() > 1) {
                figure(Charts.netBenefitByWillingnessToPay(result, perspective, wtps,
                        CostEffectiveness.netBenefitByWillingnessToPay(result, perspective, wtps)),
                        "net-benefit-" + perspective.id(), "Net monetary benefit by willingness to pay, "
                                + perspective.id() + " perspective",
                        "Each arm's net monetary benefit per patient against the reference as the value of a QALY"
                                + " goes from 0 to " + format.money(evaluation.willingnessToPayMax())
                                + ", with its 95% paired interval: above zero the arm is worth its cost at that"
                                + " value.");
            }
            if (perspective == Perspective.PAYER && result.arms().size() > 1) {
                figure(Charts.costEffectivenessPlane(result, Perspective.PAYER, wtp), "ce-plane",
                        "Cost-effectiveness plane, payer perspective",
                        "Each arm's incremental QALYs and incremental payer cost per patient against the reference"
                                + " (at the origin), with 95% intervals. The dashed line is the willingness to pay ("
                                + format.money(wtp) + " per QALY): arms below it are cost-effective against the"
                                + " reference; arms in the lower right quadrant cost less and give more health.");
            }
        }
        budgetImpact();
        impactInventory();
        out.append("</section>\n");
    }

    /** The Second Panel's impact inventory: what each perspective counts, and what the model leaves out. */
    private void impactInventory() {
        out.append("<h3 id=\"impact-inventory\">Impact inventory</h3>\n<p>Every consequence of a benefit design by"
                + " sector (Sanders et al. 2016), whether the model measures it and which perspective counts it."
                + " Each measured impact's value per arm is its metric in the tables above and in summary.csv.</p>\n");
        out.append("<div class=\"wrap\"><table class=\"impact\">\n<caption>Impact inventory</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Sector</th><th scope=\"col\">Impact</th><th scope=\"col\">Measured by</th>");
        for (final Perspective p : Perspective.values()) {
            out.append("<th scope=\"col\">").append(Html.escape(p.label())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (final ImpactInventory.Impact impact : ImpactInventory.IMPACTS) {
            out.append("<tr><td>").append(Html.escape(impact.sector())).append("</td><th scope=\"row\">")
                    .append(Html.escape(impact.impact())).append("</th><td>")
                    .append(impact.measured() ? "<code>" + Html.escape(impact.metric().id()) + "</code>"
                            : Html.escape(impact.note()))
                    .append("</td>");
            for (final Perspective p : Perspective.values()) {
                out.append("<td>").append(impact.countedBy(p) ? "yes" : "no").append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n<p class=\"note\">The plan's share of other medical costs is part of"
                + " all of them: the health care sector and society count the whole once.</p>\n");
    }

    private void perspectiveTable(final Perspective perspective, final double wtp) {
        final String id = "perspective-" + perspective.id();
        out.append("<h3 id=\"").append(id).append("\">").append(Html.escape(perspective.label()))
                .append(" perspective</h3>\n<p>Counts ").append(Html.escape(perspective.counts())).append(".</p>\n");
        out.append("<div class=\"wrap\"><table class=\"ce\">\n<caption>").append(Html.escape(perspective.label()))
                .append(" perspective: ").append(Html.escape(settings(wtp))).append("</caption>\n<thead><tr>")
                .append("<th scope=\"col\">Arm</th><th scope=\"col\">Cost</th><th scope=\"col\">QALYs</th>")
                .append("<th scope=\"col\">Recov.</th><th scope=\"col\">ICER /QALY</th>")
                .append("<th scope=\"col\">ICER /recov.</th><th scope=\"col\" class=\"status\">Frontier</th>")
                .append("<th scope=\"col\">\u0394 NMB</th></tr></thead>\n<tbody>\n");
        boolean savings = false;
        for (final CostEffectiveness.Row row : CostEffectiveness.of(result, perspective, wtp)) {
            final ArmResult arm = armNamed(row.arm());
            final boolean compared = row.incrementalCost() != null;
            out.append("<tr><th scope=\"row\">").append(armLabel(arm)).append("</th><td>");
            estimate(format::money, row.cost());
            incremental(compared, format::signedMoney, row.incrementalCost());
            out.append("</td><td>");
            estimate(v -> ReportFormat.number(v, 3), row.qalys());
            incremental(compared, v -> ReportFormat.signed(v, 4), row.incrementalQalys());
            out.append("</td><td>");
            estimate(v -> ReportFormat.number(v, 3), row.recoveries());
            incremental(compared, v -> ReportFormat.signed(v, 3), row.incrementalRecoveries());
            out.append("</td>");
            if (!compared) {
                out.append("<td colspan=\"2\" class=\"refcell\">reference</td>");
            } else {
                out.append("<td>");
                savings |= ratio(row.incrementalCost(), row.incrementalQalys(), row.icerPerQaly(),
                        row.qalyDifferenceDetected());
                out.append("</td><td>");
                savings |= ratio(row.incrementalCost(), row.incrementalRecoveries(), row.icerPerRecovery(),
                        row.recoveryDifferenceDetected());
                out.append("</td>");
            }
            out.append("<td class=\"status\">").append(frontier(row)).append("</td><td>");
            if (row.incrementalNetMonetaryBenefit() == null) {
                out.append("<span class=\"d\">reference</span>");
            } else {
                difference(format::signedMoney, row.incrementalNetMonetaryBenefit());
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table></div>\n<p class=\"note\">Per patient who sought care: mean with 95% interval"
                + " and, below, the paired difference from the reference with its interval."
                + " <b>Recov.</b>: recoveries per patient. <b>\u0394</b>: paired difference from the reference."
                + " <b>ICER</b>: incremental cost-effectiveness ratio, the extra cost per QALY (or per recovery)"
                + " gained against the reference, shown only for a trade-off; <i>dominates</i> means costs no more"
                + " and gives at least as much, <i>dominated</i> the opposite; <i>no detectable difference</i>"
                + " means the 95% paired intervals of both the cost and the effect include zero, so no ratio is"
                + " given. <b>Frontier</b>: standing in the incremental analysis of all arms on cost and QALYs,"
                + " with the cost per QALY against the previous arm on the efficiency frontier (or <i>no"
                + " detectable difference</i>, by the same rule) and the paired differences in cost and QALYs"
                + " from that arm with their intervals. <b>NMB</b>: net monetary benefit at ")
                .append(Html.escape(format.money(wtp))).append(" per QALY; a positive \u0394 NMB favours the arm.");
        if (savings) {
            out.append(" <b>*</b> Costs less and gives less: the ratio is the saving per unit of health given up.");
        }
        out.append("</p>\n");
    }

    /** Appends the paired difference from the reference below an estimate (nothing for the reference). */
    private void incremental(final boolean compared, final DoubleFunction<String> format, final MetricSummary d) {
        if (compared) {
            difference(format, d);
        } else {
            out.append("<span class=\"d\">reference</span>");
        }
    }

    private String settings(final double wtp) {
        return costs.currency() + ", " + costs.priceYear() + " prices; horizon " + horizon()
                + " from first arrival; costs and QALYs discounted at " + ReportFormat.percent(evaluation.discountRate())
                + " a year; willingness to pay " + format.money(wtp) + " per QALY";
    }

    /**
     * Appends the ratio of an incremental cost to an incremental effect against the reference, the
     * word for a dominance, or {@value #NO_DETECTABLE_DIFFERENCE} for a trade-off that the paired
     * intervals cannot tell from noise.
     *
     * @return whether the arm costs less and gives less (the ratio is a saving per unit given up)
     */
    private boolean ratio(final MetricSummary cost, final MetricSummary effect, final double icer,
            final boolean detected) {
        final double c = cost.mean();
        final double e = effect.mean();
        if (!Double.isFinite(c) || !Double.isFinite(e)) {
            out.append(ReportFormat.UNDEFINED);
        } else if (c == 0 && e == 0) {
            out.append("no difference");
        } else if (c <= 0 && e >= 0) {
            out.append("dominates");
        } else if (c >= 0 && e <= 0) {
            out.append("dominated");
        } else if (!detected) {
            out.append(NO_DETECTABLE_DIFFERENCE);
        } else {
            out.append(Html.escape(format.roundedMoney(icer)));
            if (c < 0) {
                out.append("*");
                return true;
            }
        }
        return false;
    }

    /**
     * @return the arm's standing in the incremental analysis; on the frontier, its cost per QALY
     *     against the previous frontier arm (or {@value #NO_DETECTABLE_DIFFERENCE}) and the paired
     *     differences in cost and QALYs from that arm with their intervals
     */
    private String frontier(final CostEffectiveness.Row ce) {
        final IncrementalAnalysis.Row row = ce.analysis();
        return switch (row.status()) {
            case DOMINATED -> "dominated by " + Html.escape(row.comparator().name());
            case EXTENDEDLY_DOMINATED -> "extendedly dominated";
            case UNDEFINED -> "not compared (no patients)";
            case FRONTIER -> row.comparator() == null ? "frontier (least costly)"
                    : "frontier<span class=\"ci\">" + (!ce.frontierDifferenceDetected()
                            ? NO_DETECTABLE_DIFFERENCE + " vs "
                            : Double.isFinite(row.icer()) ? Html.escape(format.roundedMoney(row.icer())) + "/QALY vs "
                            : "vs ")
                            + Html.escape(row.comparator().name()) + "</span>"
                            + frontierDifference("\u0394 cost ", format::signedMoney, ce.frontierCost())
                            + frontierDifference("\u0394 QALYs ", v -> ReportFormat.signed(v, 4), ce.frontierQalys());
        };
    }

    private static String frontierDifference(final String label, final DoubleFunction<String> format,
            final MetricSummary d) {
        return "<span class=\"ci\">" + Html.escape(label + format.apply(d.mean()) + " "
                + ReportFormat.interval(d, format)) + "</span>";
    }

    private void budgetImpact() {
        final int members = reference.population().covered();
        final boolean cohort = reference.population().mode() == PopulationMode.COHORT;
        final String who = ReportFormat.number(members, 0) + (cohort ? " patients of the cohort" : " covered members");
        out.append("<h3 id=\"budget-impact\">Budget impact (payer)</h3>\n<p>What each design changes in the plan's"
                + " cost of sessions and administration, per member per month (PMPM) and a year for the ")
                .append(Html.escape(who)).append(".</p>\n");
        out.append("<div class=\"wrap\"><table class=\"budget\">\n<caption>Budget impact, payer perspective: ")
                .append(Html.escape(costs.currency() + ", " + costs.priceYear() + " prices; undiscounted; "
                        + "for the " + who + "; mean with 95% interval"))
                .append("</caption>\n<thead><tr><th scope=\"col\">Arm</th><th scope=\"col\">Plan cost PMPM</th>")
                .append("<th scope=\"col\">Change PMPM</th><th scope=\"col\">Change per year</th></tr></thead>\n")
                .append("<tbody>\n");
        final ArmResult ref = result.reference();
        final double perYear = 12.0 * members;
        for (final ArmResult arm : result.arms()) {
            out.append("<tr><th scope=\"row\">").append(armLabel(arm)).append("</th><td>");
            estimate(format::money, arm.summary(Metric.PLAN_COST_PMPM));
            out.append("</td>");
            if (arm.index() == 0) {
                out.append("<td colspan=\"2\" class=\"refcell\">reference</td>");
            } else {
                final MetricSummary d = arm.differenceFrom(ref, Metric.PLAN_COST_PMPM);
                out.append("<td>");
                difference(format::signedMoney, d);
                out.append("</td><td>");
                difference(v -> signedRounded(v), d.scaled(perYear));
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table></div>\n<p class=\"note\">Plan cost: plan payments for sessions and"
                + " administration (reviews, authorizations). A negative change is a saving for the plan. Change"
                + " per year = change PMPM \u00d7 12 \u00d7 ").append(Html.escape(who)).append(".</p>\n");
    }

    private String signedRounded(final double amount) {
        final String text = format.roundedMoney(amount);
        return amount > 0 && !text.equals(format.roundedMoney(0)) ? "+" + text : text;
    }

    private ArmResult armNamed(final String name) {
        return result.arms().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- uncertainty

    private void uncertaintySection() {
        section("uncertainty", "Uncertainty");
        out.append("<p>The intervals above show the uncertainty from simulating a finite number of patients"
                + " (Monte Carlo error) with the parameters fixed at their values.</p>\n");
        if (uncertainty == null || optimization()) {
            out.append("<p class=\"absent\">No probabilistic or one-way sensitivity analysis was run for this"
                    + " folder; <code>therapysim psa STUDY --draws N</code> runs a probabilistic one and"
                    + " <code>therapysim tornado STUDY</code> a one-way one (STUDY can be the scenario.yaml beside"
                    + " this report).</p>\n");
        } else {
            analysis(uncertainty);
        }
        out.append("</section>\n");
    }

    /** @return whether the analysis shown is a design search, in a section of its own */
    private boolean optimization() {
        return uncertainty != null && uncertainty.kind() == UncertaintyResults.Kind.OPTIMIZATION;
    }

    /** Writes an analysis's warnings, summary, figures and tables. */
    private void analysis(final UncertaintyResults results) {
        results.warnings().forEach(this::warning);
        if (!results.summary().isBlank()) {
            out.append("<p>").append(Html.escape(results.summary())).append("</p>\n");
        }
        for (final UncertaintyResults.Figure figure : results.figures()) {
            figure(figure.svg(), figure.caption());
        }
        for (final UncertaintyResults.Table table : results.tables()) {
            out.append("<div class=\"wrap\"><table class=\"plain\">\n<caption>").append(Html.escape(table.caption()))
                    .append("</caption>\n<thead><tr>");
            for (final String header : table.header()) {
                out.append("<th scope=\"col\">").append(Html.escape(header)).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            for (final List<String> row : table.rows()) {
                out.append("<tr>");
                for (final String cell : row) {
                    out.append("<td>").append(Html.escape(cell)).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table></div>\n");
        }
    }

    // ---------------------------------------------------------------- methods

    private void methods() {
        section("methods", "Methods");
        out.append("<p>An agent-based simulation: each week, simulated patients arrive, wait, attend or miss"
                + " sessions with their therapist, improve or not, and end treatment; the benefit plan's rules apply"
                + " before each session. Every value and its source is listed in docs/MODEL.md.</p>\n<dl class=\"methods\">\n");
        method("Alliance", "The working alliance between patient and therapist grows towards a ceiling set by the"
                + " patient's capacity and the therapist's skill, most of it in the first three to five sessions;"
                + " symptom change in a session is scaled by it.", "Horvath & Symonds 1991; Wampold & Imel 2015");
        method("Ruptures and repair", "Ruptures in the alliance are more likely with resistant patients, weak"
                + " alliances and therapist errors. A repaired rupture leaves the alliance stronger than before; an"
                + " unrepaired one weakens it and raises the risk of dropout for the next sessions.",
                "Safran & Muran 2000; Eubanks, Muran & Safran 2018");
        method("Dropout", "In each week with a scheduled session the patient may end treatment unilaterally, with"
                + " a probability that is highest after the first two sessions and rises with a weak alliance, an"
                + " unrepaired rupture, a missed session, a trainee therapist and the price of a session.",
                "Olfson et al. 2009; Sharf, Primavera & Diener 2010; Swift & Greenberg 2012; de Jong et al. 2021");
        method("Price response", "The price a patient faces (deductible, copay, coinsurance) lowers the chance of"
                + " starting an episode, of continuing at one's own expense at a cap and of attending; cost sharing"
                + " mainly reduces the number of episodes, not their length.", "Keeler, Manning & Wells 1988");
        method("Booking the first appointment", "A patient who has decided to start does not always book at"
                + " once: each week the chance of booking is higher for more severe patients and lower for more"
                + " fearful ones (fear being the patient's delay between onset and the first call), and a"
                + " hesitating patient may give up the idea of care. The weeks waiting for a first session count"
                + " from booking.", "Clement et al. 2015 (stigma and help-seeking); sizes otherwise assumptions");
        method("Relapse", "A patient who ends below caseness may relapse and start a new episode; the yearly risk"
                + " after a planned ending is that after acute cognitive therapy, higher after other endings and"
                + " when residual symptoms remain at the end. The relapse rate counts relapses within "
                + EpisodeMetrics.FOLLOW_UP_WEEKS + " weeks of the ending, among endings at least that long before"
                + " the end of the simulation, so that designs that end courses earlier or later are followed up"
                + " alike.", "Vittengl et al. 2007; Ali et al. 2017");
        method("Return to care", "A patient who ends at or above caseness (at the cap, after a denied review, a"
                + " dropout, or without starting or booking) may seek care again and start a new episode, the sooner"
                + " the more severe the symptoms, and sooner after an ending by the plan's rules than after one by"
                + " the patient; when a plan-year cap is used up, the return waits for the next plan year. The"
                + " return rate counts returns within " + EpisodeMetrics.FOLLOW_UP_WEEKS + " weeks of the ending,"
                + " in the same way as relapse.",
                "assumption; order of magnitude from Lorimer et al. 2023");
        method("Follow-up", "Every patient who sought care is followed for " + horizon() + " from first arrival,"
                + " whether they started, declined, gave up before booking or while waiting, dropped out or recovered,"
                + " so that the untreated course, relapse and its costs count.",
                "docs/MODEL.md, \"Economic evaluation\"");
        method("Utility mapping", "Each week's questionnaire score is turned into a health-state utility ("
                + Html.escape(instruments()) + ") by a piecewise-linear correspondence given in the scenario"
                + " (measures.*.utility in scenario.yaml); a year at utility u counts u QALYs. The built-in"
                + " correspondence for the PHQ-9 follows the published equipercentile linking of the PHQ-9 and the"
                + " EQ-5D-3L; the GAD-7 takes the same utilities at its own severity cut-offs, its severe band spread"
                + " over the PHQ-9's two highest in proportion (an assumption).",
                "Furukawa et al. 2021; Spitzer et al. 2006");
        method("Discounting", "Costs and QALYs are discounted weekly to the patient's first arrival at "
                + ReportFormat.percent(evaluation.discountRate()) + " a year; budget impact is not discounted.",
                "Sanders et al. 2016");
        final StringBuilder perspectives = new StringBuilder();
        for (final Perspective p : Perspective.values()) {
            perspectives.append(perspectives.length() == 0 ? "" : "; ").append(p.label()).append(": ")
                    .append(p.counts());
        }
        method("Perspectives", Html.escape(perspectives.toString()) + ". The plan pays "
                + ReportFormat.percent(costs.medicalCostPlanShare()) + " of other medical costs; a patient's time"
                + " for a session, travel included, is " + ReportFormat.number(costs.patientHoursPerSession(), 2)
                + " hours at " + Html.escape(format.setting(costs.valueOfTimePerHour())) + " an hour. Dominance,"
                + " extended dominance and the efficiency frontier follow the standard rules of incremental"
                + " analysis.", "Sanders et al. 2016; Ray et al. 2015; Drummond et al. 2015");
        out.append("</dl>\n</section>\n");
    }

    private String instruments() {
        final Set<String> names = new LinkedHashSet<>();
        for (final Measure measure : reference.measures().values()) {
            if (measure.utility() != null) {
                names.add(measure.utility().instrument());
            }
        }
        return names.isEmpty() ? "no mapping given" : String.join(", ", names);
    }

    private void method(final String name, final String html, final String source) {
        out.append("<dt>").append(name).append("</dt><dd>").append(html).append(" <span class=\"source\">Source: ")
                .append(Html.escape(source)).append(".</span></dd>\n");
    }

    // ---------------------------------------------------------------- reproduce

    private void reproduce() {
        section("reproduce", "Reproduce");
        if (manifest != null) {
            out.append("<p>This folder was made by:</p>\n<pre class=\"command\">")
                    .append(Html.escape(Html.shellLine(manifest.command()))).append("</pre>\n");
        }
        if (optimization()) {
            out.append("<p>The command above repeats the search and gives the same folder. The confirmation run"
                    + " alone, both arms with every default resolved and its seed, is in <code>scenario.yaml</code>"
                    + " beside this report: <code>therapysim compare scenario.yaml -o other</code> gives the same"
                    + " tables, charts and figures but the search's (the same seed gives the same results on any"
                    + " number of threads).</p>\n");
        } else {
            out.append("<p>The study as run, every arm with every default resolved (and its uncertain inputs, if"
                    + " any), is in <code>scenario.yaml</code> beside this report: the command above with"
                    + " <code>scenario.yaml</code> in place of the study file and another <code>-o</code> folder gives"
                    + " the same tables, charts and figures (the same seed gives the same results on any number of"
                    + " threads).</p>\n");
        }
        if (manifest != null) {
            out.append("<p>The manifest (<code>manifest.json</code> beside this report also records when the"
                    + " run started and ended and on how many threads): build, command, seeds, files.</p>\n")
                    .append("<pre class=\"manifest\">").append(Html.escape(ManifestJson.reproducibleText(manifest)))
                    .append("</pre>\n");
        } else {
            out.append("<p>No manifest was given for this report.</p>\n");
        }
        out.append("</section>\n");
    }

    // ---------------------------------------------------------------- helpers

    private String horizon() {
        final int weeks = evaluation.horizonWeeks();
        return weeks % 52 == 0 ? (weeks / 52 == 1 ? "1 year" : weeks / 52 + " years") : weeks + " weeks";
    }

    private String money() {
        return "Amounts in " + Html.escape(costs.currency()) + ", " + costs.priceYear() + " prices.";
    }

    private void section(final String id, final String title) {
        out.append("<section id=\"").append(id).append("\">\n<h2>").append(title).append("</h2>\n");
    }
}

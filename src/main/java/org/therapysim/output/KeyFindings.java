package org.therapysim.output;

import java.util.ArrayList;
import java.util.List;
import org.therapysim.experiment.ArmResult;
import org.therapysim.experiment.CostEffectiveness;
import org.therapysim.experiment.ExperimentResult;
import org.therapysim.experiment.Metric;
import org.therapysim.experiment.MetricSummary;
import org.therapysim.experiment.Perspective;

/**
 * The report's key findings: for each design against the reference, one sentence on recovery,
 * access, cost and cost-effectiveness, each figure a paired difference with its 95% interval.
 * Recovery is given both among finished courses (IAPT's rate) and per 1,000 people who sought
 * care, which counts those the design kept from starting; cost-effectiveness is the payer's, at
 * the study's willingness to pay.
 */
final class KeyFindings {
    private final ExperimentResult result;
    private final ReportFormat format;
    private final double wtp;

    KeyFindings(final ExperimentResult result, final ReportFormat format, final double wtp) {
        this.result = result;
        this.format = format;
        this.wtp = wtp;
    }

    /** @return one sentence (HTML) per arm after the reference; empty for a single arm */
    List<String> sentences() {
        final List<String> out = new ArrayList<>();
        final ArmResult ref = result.reference();
        final List<CostEffectiveness.Row> payer = CostEffectiveness.of(result, Perspective.PAYER, wtp);
        for (final ArmResult arm : result.arms()) {
            if (arm.index() == 0) {
                continue;
            }
            final MetricSummary recovery = arm.differenceFrom(ref, Metric.RECOVERY_RATE);
            final MetricSummary perSeeker = arm.differenceFrom(ref, Metric.RECOVERIES_PER_PATIENT).scaled(1000);
            final MetricSummary started = arm.differenceFrom(ref, Metric.STARTED_RATE);
            final MetricSummary pmpm = arm.differenceFrom(ref, Metric.PLAN_COST_PMPM);
            final CostEffectiveness.Row row = payer.stream().filter(r -> r.arm().equals(arm.name())).findFirst()
                    .orElseThrow();
            out.add("<b>" + Html.escape(arm.name()) + "</b>: recovery among finished courses "
                    + figure(ReportFormat::points, recovery) + "; recoveries per 1,000 people who sought care "
                    + figure(v -> ReportFormat.signed(v, 1), perSeeker) + "; episodes started "
                    + figure(ReportFormat::points, started) + "; plan cost per member per month "
                    + figure(format::signedMoney, pmpm) + "; for the payer, " + costEffectiveness(row) + ".");
        }
        return out;
    }

    private String costEffectiveness(final CostEffectiveness.Row row) {
        final MetricSummary nmbSummary = row.incrementalNetMonetaryBenefit();
        final String nmb = "net monetary benefit " + figure(format::signedMoney, nmbSummary) + " per person at "
                + Html.escape(format.money(wtp)) + " per QALY";
        final String cost = figure(format::signedMoney, row.incrementalCost()) + " per person";
        final String qalys = figure(v -> ReportFormat.signed(v, 4), row.incrementalQalys()) + " QALYs";
        final boolean costDiffers = ReportFormat.excludesZero(row.incrementalCost());
        final boolean qalysDiffer = ReportFormat.excludesZero(row.incrementalQalys());
        if (!costDiffers && !qalysDiffer) {
            return "no detectable difference in cost (" + cost + ") or QALYs (" + qalys + "); " + nmb;
        }
        if (!qalysDiffer) {
            return cost + " with no detectable difference in QALYs (" + qalys + "); " + nmb;
        }
        if (!costDiffers) {
            return qalys + " with no detectable difference in cost (" + cost + "); " + nmb;
        }
        final double dc = row.incrementalCost().mean();
        final double dq = row.incrementalQalys().mean();
        final String verdict = !ReportFormat.excludesZero(nmbSummary) ? "whether it is worth it is uncertain"
                : nmbSummary.mean() > 0 ? "worth it" : "not worth it";
        if (dc < 0 && dq < 0) {
            return cost + " and " + qalys + ", " + Html.escape(format.roundedMoney(row.icerPerQaly()))
                    + " saved per QALY lost: " + verdict + "; " + nmb;
        }
        if (dc > 0 && dq > 0) {
            return cost + " and " + qalys + ", " + Html.escape(format.roundedMoney(row.icerPerQaly()))
                    + " per QALY gained: " + verdict + "; " + nmb;
        }
        if (dc < 0) {
            return cost + " and " + qalys + ": it costs less and gives more QALYs; " + nmb;
        }
        return cost + " and " + qalys + ": it costs more and gives fewer QALYs; " + nmb;
    }

    /** @return a difference, bold when its interval excludes zero, followed by its interval */
    private static String figure(final java.util.function.DoubleFunction<String> format, final MetricSummary d) {
        final boolean clear = ReportFormat.excludesZero(d);
        return (clear ? "<b>" : "") + Html.escape(format.apply(d.mean())) + (clear ? "</b>" : "") + " "
                + Html.escape(ReportFormat.interval(d, format));
    }
}

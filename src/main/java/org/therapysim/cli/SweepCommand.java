package org.therapysim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.therapysim.TherapysimException;
import org.therapysim.experiment.SweepDesign;
import org.therapysim.output.ResultsFolder;
import org.therapysim.output.SweepAxis;
import org.therapysim.scenario.ResolvedTree;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code therapysim sweep SCENARIO --vary key=v1,v2,... --range key=low:high ...}: one arm per
 * design point, all on the same seeds. Lists are crossed (full factorial); ranges are covered by a
 * factorial of evenly spaced levels, a Latin hypercube or a Sobol sequence. With lists only (or a
 * factorial), the first point is the reference; a sampled design is compared with the scenario as
 * given, which runs first. The points are compared as the arms of a study are, so a sweep may not
 * vary a setting they must share ({@link Study#SHARED_SETTINGS}, such as the discount rate).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Vary scenario keys over lists (full factorial) and ranges (factorial, Latin hypercube or Sobol).",
    "Examples: --vary plan.sessionCap.sessions=4,8,12,20,40,unlimited",
    "          --range plan.copay=0:60 --range dynamics.relapse.oneYearRisk=0.1:0.5 --design lhs --points 20"})
final class SweepCommand implements Callable<Integer> {
    /** The most design points (arms) of a sweep: far more than a study compares, few enough to hold in memory. */
    static final int MAX_POINTS = 10_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML).")
    Path scenario;

    @Option(names = "--vary", paramLabel = "KEY=V1,V2,...",
            description = "Dotted scenario key and its values (repeat for several keys; crossed).")
    List<String> vary = new ArrayList<>();

    @Option(names = "--range", paramLabel = "KEY=LOW:HIGH",
            description = "Dotted scenario key and the range it is sampled over (repeat for several keys).")
    List<String> range = new ArrayList<>();

    @Option(names = "--design", paramLabel = "KIND", defaultValue = "factorial",
            description = "How ranges are covered: factorial, lhs or sobol (default: ${DEFAULT-VALUE}).")
    String design;

    @Option(names = "--points", paramLabel = "N", defaultValue = "20",
            description = "Design points of an lhs or sobol design, 2 to " + MAX_POINTS + " (default: ${DEFAULT-VALUE}).")
    @Limits(min = 2, max = MAX_POINTS)
    int points;

    @Option(names = "--levels", paramLabel = "L", defaultValue = "3",
            description = "Evenly spaced levels of each range in a factorial design, 1 to " + MAX_POINTS
                    + " (default: ${DEFAULT-VALUE}). The whole design has at most " + MAX_POINTS + " points.")
    @Limits(min = 1, max = MAX_POINTS)
    int levels;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        final List<SweepDesign.Factor> factors = factors();
        final SweepDesign.Kind kind = Choices.parse(design, "--design", SweepDesign.Kind.class);
        checkSize(factors, kind);
        final ScenarioLoader loader = new ScenarioLoader();
        final ResolvedTree base = loader.resolve(scenario);
        final Scenario given = loader.bind(base);
        final long seed = options.seed != null ? options.seed : given.simulation().seed();
        final List<List<String>> designPoints = SweepDesign.points(factors, kind, points, levels, seed);
        final boolean sampled = kind != SweepDesign.Kind.FACTORIAL && factors.stream().anyMatch(SweepDesign.Factor::isRange);
        final List<Scenario> arms = new ArrayList<>();
        final List<List<String>> values = new ArrayList<>();
        if (sampled) {
            arms.add(loader.bind(loader.override(base, "name", "'as given'", "sweep")));
            values.add(List.of());
        }
        for (final List<String> point : designPoints) {
            ResolvedTree varied = base;
            final List<String> parts = new ArrayList<>();
            for (int k = 0; k < factors.size(); k++) {
                final String key = factors.get(k).key();
                varied = loader.override(varied, key, point.get(k), "sweep " + key);
                parts.add(key.substring(key.lastIndexOf('.') + 1) + "=" + point.get(k));
            }
            final String name = String.join(", ", parts);
            // The given scenario's description no longer holds once a key is varied.
            varied = loader.override(varied, "description", quoted(given.name() + " with " + name), "sweep");
            arms.add(loader.bind(loader.override(varied, "name", quoted(name), "sweep")));
            values.add(point);
        }
        final Set<String> names = new HashSet<>();
        for (final Scenario arm : arms) {
            if (!names.add(arm.name())) {
                throw TherapysimException.invalidInput("sweep: two design points are the same (" + arm.name()
                        + "): give distinct values, fewer levels, or a wider range");
            }
        }
        // The points are arms of one comparison (paired differences, one incremental analysis), labelled
        // with the reference point's horizon, discount rate, willingness to pay, currency and price year.
        ScenarioLoader.requireSharedSettings("sweep", arms, "design point",
                "run one sweep (or one study) for each value instead");
        final List<String> keys = factors.stream().map(SweepDesign.Factor::key).toList();
        final String shortKeys = String.join("-", keys.stream().map(k -> k.substring(k.lastIndexOf('.') + 1)).toList());
        final Study study = new Study(given.name() + ": sweep of " + String.join(", ", keys),
                "Sweep of " + String.join(", ", keys) + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", "
                        + designPoints.size() + " points) from " + scenario,
                arms, given.simulation().replications(), given.simulation().seed());
        return StudyRunner.run(study, options, ResultsFolder.nameOf(scenario) + "-sweep-" + shortKeys,
                Main.commandLine(spec), new SweepAxis(keys, values), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** Refuses a design of more than {@link #MAX_POINTS} points before building it. */
    private void checkSize(final List<SweepDesign.Factor> factors, final SweepDesign.Kind kind) {
        final long ranges = factors.stream().filter(SweepDesign.Factor::isRange).count();
        double size = 1;
        final List<String> parts = new ArrayList<>();
        for (final SweepDesign.Factor f : factors) {
            if (!f.isRange()) {
                size *= f.values().size();
                parts.add(f.values().size() + " values of " + f.key());
            }
        }
        if (ranges > 0 && kind == SweepDesign.Kind.FACTORIAL) {
            size *= Math.pow(levels, ranges);
            parts.add(ranges + (ranges == 1 ? " range" : " ranges") + " at --levels " + levels);
        } else if (ranges > 0) {
            size *= points;
            parts.add("--points " + points);
        }
        if (size > MAX_POINTS) {
            throw TherapysimException.invalidInput(String.format(java.util.Locale.ROOT,
                    "sweep: the design has %.0f points (%s): at most %d are allowed", size, String.join(" x ", parts),
                    MAX_POINTS));
        }
    }

    private List<SweepDesign.Factor> factors() {
        if (vary.isEmpty() && range.isEmpty()) {
            throw TherapysimException.invalidInput("sweep: give --vary KEY=V1,V2,... or --range KEY=LOW:HIGH");
        }
        final List<SweepDesign.Factor> factors = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        for (final String v : vary) {
            final KeyValues varied = KeyValues.parse("--vary", v, "plan.sessionCap.sessions=6,12,unlimited");
            factors.add(SweepDesign.Factor.list(varied.key(), varied.values()));
        }
        for (final String r : range) {
            final int eq = r.indexOf('=');
            final String[] bounds = eq > 0 ? r.substring(eq + 1).split(":") : new String[0];
            final double low;
            final double high;
            try {
                low = bounds.length == 2 ? Double.parseDouble(bounds[0].trim()) : Double.NaN;
                high = bounds.length == 2 ? Double.parseDouble(bounds[1].trim()) : Double.NaN;
            } catch (NumberFormatException e) {
                throw TherapysimException.invalidInput("--range = " + r + ": must be KEY=LOW:HIGH with numbers");
            }
            if (!(high > low)) {
                throw TherapysimException.invalidInput("--range = " + r + ": must be KEY=LOW:HIGH with LOW below HIGH,"
                        + " such as plan.copay=0:60");
            }
            factors.add(SweepDesign.Factor.range(r.substring(0, eq).trim(), low, high));
        }
        for (final SweepDesign.Factor f : factors) {
            if (!keys.add(f.key())) {
                throw TherapysimException.invalidInput("sweep: " + f.key() + ": given twice");
            }
        }
        return factors;
    }

    /** @return the text as a single-quoted YAML value */
    private static String quoted(final String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}

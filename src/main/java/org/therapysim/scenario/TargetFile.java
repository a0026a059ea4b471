package org.therapysim.scenario;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A file of published figures and the scenario (setting) in which the model should reproduce them.
 *
 * @param name what the figures describe
 * @param scenario the scenario file, relative to the targets file
 * @param replications replications to run
 * @param seed master seed
 * @param targets the figures
 * @param free parameters that calibration may fit to these targets (may be empty or left out)
 */
public record TargetFile(String name, String scenario, int replications, long seed, List<Target> targets,
        List<FreeParameter> free) {
    public TargetFile {
        Check.text("name", name);
        Check.text("scenario", scenario);
        Check.intRange("replications", replications, 2, 100_000);
        targets = Check.nonEmpty("targets", targets);
        free = free == null ? List.of() : List.copyOf(free);
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            if (!names.add(targets.get(i).name())) {
                throw new InvalidValueException("targets[" + i + "].name", targets.get(i).name(), "must be unique");
            }
        }
    }
}

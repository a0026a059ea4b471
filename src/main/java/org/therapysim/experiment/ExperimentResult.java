package org.therapysim.experiment;

import java.util.List;
import org.therapysim.scenario.Study;

/**
 * The summarised result of a study: one {@link ArmResult} per arm, the first the reference.
 *
 * @param study the study that was run (with its replications and master seed)
 * @param arms the arms' results, in study order
 * @param seeds the replication seeds shared by every arm, by replication index
 */
public record ExperimentResult(Study study, List<ArmResult> arms, List<Integer> seeds) {
    public ExperimentResult {
        arms = List.copyOf(arms);
        seeds = List.copyOf(seeds);
    }

    /** @return the reference arm */
    public ArmResult reference() {
        return arms.get(0);
    }
}

package org.therapysim.scenario;

/** The weekly processes of the model, grouped by mechanism (see docs/MODEL.md). */
public record Dynamics(AllianceDynamics alliance, RuptureDynamics ruptures, SymptomDynamics symptoms,
        EndingRules ending, DropoutHazardSpec dropout, AccessBehaviour access, HelpSeekingSpec helpSeeking,
        RelapseSpec relapse, ReturnToCareSpec returnToCare, DeteriorationDynamics deterioration) {
}

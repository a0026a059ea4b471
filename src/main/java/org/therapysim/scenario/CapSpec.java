package org.therapysim.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A session cap: how many sessions the plan pays for, counted per plan year or per episode, and
 * what happens when the patient reaches it.
 *
 * @param sessions plan-paid sessions allowed, or {@code unlimited}
 * @param per whether the cap counts a plan year (over all episodes) or one episode
 * @param atCap what happens at the cap
 * @param switchSessions with {@code switch_therapist}: sessions the new therapist may give under the plan
 * @param maxSwitches with {@code switch_therapist}: transfers allowed in an episode before the cap stops treatment
 */
public record CapSpec(Limit sessions, CapPeriod per, AtCapRule atCap, int switchSessions, int maxSwitches) {
    public CapSpec {
        if (sessions == null || (!sessions.isUnlimited()
                && (sessions.value() < 1 || sessions.value() != Math.rint(sessions.value())))) {
            throw new InvalidValueException("sessions", sessions, "must be a whole number >= 1 or 'unlimited'");
        }
        if (per == null) {
            throw new InvalidValueException("per", null, "must be plan_year or episode");
        }
        if (atCap == null) {
            throw new InvalidValueException("atCap", null, "must be stop, self_pay, switch_therapist or review");
        }
        Check.intRange("switchSessions", switchSessions, 1, 1000);
        Check.intRange("maxSwitches", maxSwitches, 0, 100);
    }

    /** @return true when the plan caps sessions */
    @JsonIgnore
    public boolean isCapped() {
        return !sessions.isUnlimited();
    }
}

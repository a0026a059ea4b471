package org.therapysim.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.therapysim.scenario.AtCapRule;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;
import sim.util.Interval;

/**
 * The settings a teacher changes in the model inspector, with their ranges ({@code dom}) and
 * descriptions ({@code des}) as MASON reads them. The plan settings apply to the clinic under
 * study (the second clinic when two are shown, else the only one); the therapist and patient
 * settings apply to every clinic, so that two clinics still differ only in their plans. Every
 * setting takes effect at the next start (Stop, then Play): the scenario is rebuilt and validated.
 */
public final class Knobs {
    private static final String NEXT_START = " Takes effect at the next start (press Stop, then Play).";
    private static final AtCapRule[] RULES = AtCapRule.values();

    private final Study study;
    private final ScenarioLoader loader = new ScenarioLoader();
    private int sessionCap;
    private int atCapRule;
    private double copay;
    private int reviewSession;
    private double repairSkill;
    private double allianceSkillSd;
    private double resistance;

    Knobs(final Study study) {
        this.study = study;
        final Scenario studied = studied();
        this.sessionCap = studied.plan().sessionCap().isCapped() ? (int) studied.plan().sessionCap().sessions().value() : 0;
        this.atCapRule = studied.plan().sessionCap().atCap().ordinal();
        this.copay = studied.plan().copay();
        this.reviewSession = studied.plan().review().enabled() ? studied.plan().review().atSession() : 0;
        this.repairSkill = studied.workforce().repairSkill().mean();
        this.allianceSkillSd = studied.workforce().allianceSkillSd();
        this.resistance = studied.patients().resistance().mean();
    }

    private Scenario studied() {
        return study.arms().get(study.arms().size() - 1);
    }

    /** @return the study's arms with the settings applied */
    List<Scenario> arms() {
        final List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < study.arms().size(); i++) {
            Scenario arm = study.arms().get(i);
            arm = set(arm, "workforce.repairSkill.mean", Double.toString(repairSkill));
            arm = set(arm, "workforce.allianceSkillSd", Double.toString(allianceSkillSd));
            arm = set(arm, "patients.resistance.mean", Double.toString(resistance));
            if (i == study.arms().size() - 1) {
                arm = set(arm, "plan.sessionCap.sessions", sessionCap == 0 ? "unlimited" : Integer.toString(sessionCap));
                arm = set(arm, "plan.sessionCap.atCap", RULES[atCapRule].name().toLowerCase(Locale.ROOT));
                arm = set(arm, "plan.copay", Double.toString(copay));
                arm = set(arm, "plan.review.enabled", reviewSession > 0 ? "true" : "false");
                if (reviewSession > 0) {
                    arm = set(arm, "plan.review.atSession", Integer.toString(reviewSession));
                }
            }
            out.add(arm);
        }
        return out;
    }

    private Scenario set(final Scenario arm, final String key, final String value) {
        return loader.vary(arm, key, value, "classroom setting " + key);
    }

    public int getSessionCap() {
        return sessionCap;
    }

    public void setSessionCap(final int value) {
        sessionCap = Math.max(0, Math.min(52, value));
    }

    public Object domSessionCap() {
        return new Interval(0, 52);
    }

    public String desSessionCap() {
        return "Plan-paid sessions per plan year of the clinic under study; 0 means no cap." + NEXT_START;
    }

    public int getAtCapRule() {
        return atCapRule;
    }

    public void setAtCapRule(final int value) {
        atCapRule = Math.max(0, Math.min(RULES.length - 1, value));
    }

    public Object domAtCapRule() {
        final String[] names = new String[RULES.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = RULES[i].name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return names;
    }

    public String desAtCapRule() {
        return "What happens at the cap: treatment stops, the patient may pay the full fee, moves to another"
                + " therapist for more sessions, or a utilization review may grant more." + NEXT_START;
    }

    public double getCopay() {
        return copay;
    }

    public void setCopay(final double value) {
        copay = Math.max(0, Math.min(200, value));
    }

    public Object domCopay() {
        return new Interval(0.0, 200.0);
    }

    public String desCopay() {
        return "What the patient pays per in-network session, in the scenario's currency (clinic under study)."
                + NEXT_START;
    }

    public int getReviewSession() {
        return reviewSession;
    }

    public void setReviewSession(final int value) {
        reviewSession = Math.max(0, Math.min(40, value));
    }

    public Object domReviewSession() {
        return new Interval(0, 40);
    }

    public String desReviewSession() {
        return "Utilization review after this many plan-paid sessions (clinic under study); 0 means no review."
                + NEXT_START;
    }

    public double getRepairSkill() {
        return repairSkill;
    }

    public void setRepairSkill(final double value) {
        repairSkill = Math.max(0.05, Math.min(0.95, value));
    }

    public Object domRepairSkill() {
        return new Interval(0.05, 0.95);
    }

    public String desRepairSkill() {
        return "Therapists' mean skill at repairing a rupture in the alliance (every clinic)." + NEXT_START;
    }

    public double getAllianceSkillSd() {
        return allianceSkillSd;
    }

    public void setAllianceSkillSd(final double value) {
        allianceSkillSd = Math.max(0.0, Math.min(2.0, value));
    }

    public Object domAllianceSkillSd() {
        return new Interval(0.0, 2.0);
    }

    public String desAllianceSkillSd() {
        return "How much therapists differ in forming an alliance (every clinic): 0 makes them all alike."
                + NEXT_START;
    }

    public double getResistance() {
        return resistance;
    }

    public void setResistance(final double value) {
        resistance = Math.max(0.05, Math.min(0.9, value));
    }

    public Object domResistance() {
        return new Interval(0.05, 0.9);
    }

    public String desResistance() {
        return "Patients' mean resistance to change (every clinic): higher slows improvement and makes"
                + " ruptures likelier." + NEXT_START;
    }
}

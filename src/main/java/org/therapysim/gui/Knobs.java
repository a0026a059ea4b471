package org.therapysim.gui;

import java.util.ArrayList;
import java.util.List;
import org.therapysim.scenario.AtCapRule;
import org.therapysim.scenario.CapPeriod;
import org.therapysim.scenario.Scenario;
import org.therapysim.scenario.ScenarioLoader;
import org.therapysim.scenario.Study;

/**
 * The settings a teacher changes, one set per clinic, so that each lesson's clinics keep their own
 * values (in the common-factors lesson the clinics differ in how much therapists differ; in the
 * others in their plans). A setting the teacher leaves alone is not touched, so the clinics run
 * the study's scenarios exactly. Every setting takes effect at the next start: the scenario is
 * rebuilt and validated then.
 */
public final class Knobs {
    private final List<Clinic> clinics = new ArrayList<>();
    private final ScenarioLoader loader = new ScenarioLoader();

    Knobs(final Study study) {
        for (final Scenario arm : study.arms()) {
            clinics.add(new Clinic(arm));
        }
    }

    /** @return the settings of clinic {@code i} (0 the reference) */
    public Clinic clinic(final int i) {
        return clinics.get(i);
    }

    /** @return how many clinics there are */
    public int clinics() {
        return clinics.size();
    }

    /** @return the study's arms with the settings applied */
    List<Scenario> arms() {
        final List<Scenario> out = new ArrayList<>();
        for (final Clinic clinic : clinics) {
            out.add(clinic.apply(loader));
        }
        return out;
    }

    /** One clinic's settings, each with its range; a value outside is brought to the nearest end of the range. */
    public static final class Clinic {
        /** The largest session cap offered: a session a week for a year. */
        static final int MAX_CAP = 52;
        static final double MAX_COPAY = 200;
        static final int MAX_REVIEW = 40;

        private final Scenario scenario;
        private int sessionCap;
        private AtCapRule atCap;
        private double copay;
        private int reviewSession;
        private double repairSkill;
        private double allianceSkillSd;
        private double resistance;

        Clinic(final Scenario scenario) {
            this.scenario = scenario;
            this.sessionCap = initialCap();
            this.atCap = scenario.plan().sessionCap().atCap();
            this.copay = scenario.plan().copay();
            this.reviewSession = initialReview();
            this.repairSkill = scenario.workforce().repairSkill().mean();
            this.allianceSkillSd = scenario.workforce().allianceSkillSd();
            this.resistance = scenario.patients().resistance().mean();
        }

        private int initialCap() {
            return scenario.plan().sessionCap().isCapped() ? (int) scenario.plan().sessionCap().sessions().value() : 0;
        }

        private int initialReview() {
            return scenario.plan().review().enabled() ? scenario.plan().review().atSession() : 0;
        }

        /** @return the plan's session limit: per plan year, or per episode */
        public boolean capPerYear() {
            return scenario.plan().sessionCap().per() == CapPeriod.PLAN_YEAR;
        }

        /** @return the scenario's currency code, e.g. USD */
        public String currency() {
            return scenario.costs().currency();
        }

        private Scenario apply(final ScenarioLoader loader) {
            Scenario arm = scenario;
            if (sessionCap != initialCap()) {
                arm = set(loader, arm, "plan.sessionCap.sessions", sessionCap == 0 ? "unlimited" : Integer.toString(sessionCap));
            }
            if (atCap != scenario.plan().sessionCap().atCap()) {
                arm = set(loader, arm, "plan.sessionCap.atCap", atCap.word());
            }
            if (copay != scenario.plan().copay()) {
                arm = set(loader, arm, "plan.copay", Double.toString(copay));
            }
            if (reviewSession != initialReview()) {
                arm = set(loader, arm, "plan.review.enabled", reviewSession > 0 ? "true" : "false");
                if (reviewSession > 0) {
                    arm = set(loader, arm, "plan.review.atSession", Integer.toString(reviewSession));
                }
            }
            if (repairSkill != scenario.workforce().repairSkill().mean()) {
                arm = set(loader, arm, "workforce.repairSkill.mean", Double.toString(repairSkill));
            }
            if (allianceSkillSd != scenario.workforce().allianceSkillSd()) {
                arm = set(loader, arm, "workforce.allianceSkillSd", Double.toString(allianceSkillSd));
            }
            if (resistance != scenario.patients().resistance().mean()) {
                arm = set(loader, arm, "patients.resistance.mean", Double.toString(resistance));
            }
            return arm;
        }

        private static Scenario set(final ScenarioLoader loader, final Scenario arm, final String key, final String value) {
            return loader.vary(arm, key, value, "classroom setting " + key);
        }

        /** @return sessions the plan pays per plan year (or episode); 0 for no limit */
        public int getSessionCap() {
            return sessionCap;
        }

        public void setSessionCap(final int value) {
            sessionCap = Math.max(0, Math.min(MAX_CAP, value));
        }

        /** @return what happens at the cap */
        public AtCapRule getAtCap() {
            return atCap;
        }

        public void setAtCap(final AtCapRule value) {
            atCap = value;
        }

        /** @return what the patient pays per in-network session, in the scenario's currency */
        public double getCopay() {
            return copay;
        }

        public void setCopay(final double value) {
            copay = Math.max(0, Math.min(MAX_COPAY, value));
        }

        /** @return the plan-paid session after which utilization review decides; 0 for none */
        public int getReviewSession() {
            return reviewSession;
        }

        public void setReviewSession(final int value) {
            reviewSession = Math.max(0, Math.min(MAX_REVIEW, value));
        }

        /** @return therapists' mean skill at repairing a rupture, 0.05 to 0.95 */
        public double getRepairSkill() {
            return repairSkill;
        }

        public void setRepairSkill(final double value) {
            repairSkill = Math.max(0.05, Math.min(0.95, value));
        }

        /** @return how much therapists differ in forming an alliance (standard deviation), 0 to 3 */
        public double getAllianceSkillSd() {
            return allianceSkillSd;
        }

        public void setAllianceSkillSd(final double value) {
            allianceSkillSd = Math.max(0.0, Math.min(3.0, value));
        }

        /** @return patients' mean resistance to change, 0.05 to 0.9 */
        public double getResistance() {
            return resistance;
        }

        public void setResistance(final double value) {
            resistance = Math.max(0.05, Math.min(0.9, value));
        }
    }
}

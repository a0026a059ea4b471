package org.therapysim.model;

/**
 * A member's running totals for the current plan year (52 weeks from week 0): deductible and
 * out-of-pocket paid, and plan-paid sessions. Reset when a new plan year starts.
 */
final class PlanYearLedger {
    /** Weeks in a plan year. */
    static final int WEEKS = 52;

    private int year;
    private double deductiblePaid;
    private double outOfPocketPaid;
    private int planSessions;

    /** @return a word of the ledger (see {@link Caseload}) */
    int touch() {
        return year;
    }

    /** Starts a new plan year if {@code week} lies in a later one; @return whether it did. */
    boolean rollOver(final int week) {
        final int current = week / WEEKS;
        if (current == year) {
            return false;
        }
        year = current;
        deductiblePaid = 0;
        outOfPocketPaid = 0;
        planSessions = 0;
        return true;
    }

    /** @return the first week of the plan year after the one {@code week} lies in */
    static int nextYearStart(final int week) {
        return (week / WEEKS + 1) * WEEKS;
    }

    double deductiblePaid() {
        return deductiblePaid;
    }

    double outOfPocketPaid() {
        return outOfPocketPaid;
    }

    int planSessions() {
        return planSessions;
    }

    void record(final double deductiblePart, final double patientShare, final boolean planPaid) {
        deductiblePaid += deductiblePart;
        outOfPocketPaid += patientShare;
        if (planPaid) {
            planSessions++;
        }
    }
}

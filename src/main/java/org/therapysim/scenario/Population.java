package org.therapysim.scenario;

/**
 * Who arrives for treatment.
 *
 * @param mode open population (weekly arrivals) or closed cohort (all at week 0)
 * @param members covered members (open mode; also the denominator of per-member-per-month costs)
 * @param annualIncidence share of members who begin an episode of psychotherapy in a year
 * @param arrivalWeeks new treatment-seekers arrive during weeks [0, arrivalWeeks) (open mode)
 * @param cohortSize patients in a closed cohort (cohort mode)
 */
public record Population(PopulationMode mode, int members, double annualIncidence, int arrivalWeeks, int cohortSize) {
    public Population {
        if (mode == null) {
            throw new InvalidValueException("mode", null, "must be open or cohort");
        }
        Check.intRange("members", members, 1, 100_000_000);
        Check.probability("annualIncidence", annualIncidence);
        Check.intRange("arrivalWeeks", arrivalWeeks, 1, 52 * 50);
        Check.intRange("cohortSize", cohortSize, 1, 100_000_000);
    }

    /** @return the last week in which a patient first arrives */
    public int lastArrivalWeek() {
        return mode == PopulationMode.OPEN ? arrivalWeeks - 1 : 0;
    }

    /** @return the people costs are spread over: covered members (open) or the cohort (closed) */
    public int covered() {
        return mode == PopulationMode.OPEN ? members : cohortSize;
    }
}

package org.therapysim;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something outside the JVM (a browser, a display) are skipped where it is
 * missing, with the reason in the test report, except where the environment variable {@code CI}
 * is {@code "true"}: there a missing prerequisite is a setup error and the test fails.
 *
 * <p>Call it at the start of each test (not in {@code @BeforeAll}, where an abort hides the
 * class's tests from the report instead of listing them as skipped).
 */
public final class Prerequisite {
    private Prerequisite() {
    }

    /**
     * @param available whether the prerequisite is there
     * @param missing what is missing and how to provide it, for the report
     */
    public static void require(final boolean available, final String missing) {
        require(available, missing, System.getenv("CI"));
    }

    /** The decision of {@link #require(boolean, String)} for a given value of CI. */
    public static void require(final boolean available, final String missing, final String ci) {
        if (available) {
            return;
        }
        if ("true".equals(ci)) {
            Assertions.fail(missing + ", which is required when CI=true");
        }
        Assumptions.abort(missing + "; skipped (CI=true makes this a failure)");
    }
}

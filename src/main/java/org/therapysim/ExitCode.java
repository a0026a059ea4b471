package org.therapysim;

/**
 * The process exit statuses of every therapysim command. Scripts and CI may rely on them, so the
 * numbers never change meaning.
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** The simulation ran but could not complete (for example, a replication failed). */
    RUN_FAILED(1),
    /** A scenario, study or command-line value is invalid; nothing was written. */
    INVALID_INPUT(2),
    /** The results could not be written (folder exists, disk full, permissions). */
    OUTPUT_PROBLEM(3),
    /** A defect in therapysim itself. */
    INTERNAL_ERROR(4);

    private final int status;

    ExitCode(final int status) {
        this.status = status;
    }

    /** @return the numeric process exit status */
    public int status() {
        return status;
    }
}

package org.therapysim;

/**
 * The one exception type that reaches the user: it carries the exit code and a complete,
 * human-readable message (for input errors: file, key path, value and the rule broken).
 */
public class TherapysimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public TherapysimException(final ExitCode exitCode, final String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public TherapysimException(final ExitCode exitCode, final String message, final Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** @return the exit code the process should end with */
    public ExitCode exitCode() {
        return exitCode;
    }

    /** An invalid-input error (exit code 2). */
    public static TherapysimException invalidInput(final String message) {
        return new TherapysimException(ExitCode.INVALID_INPUT, message);
    }

    /** An output error (exit code 3). */
    public static TherapysimException output(final String message, final Throwable cause) {
        return new TherapysimException(ExitCode.OUTPUT_PROBLEM, message, cause);
    }
}

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

    /**
     * @return why a file operation failed, in plain words that name the file or folder (a file
     *     system's own message is often only the path)
     */
    public static String why(final java.io.IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "no such file or folder (" + missing.getFile() + ")";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException exists) {
            return "already exists (" + exists.getFile() + ")";
        }
        if (e instanceof java.nio.file.NotDirectoryException notFolder) {
            return "not a folder (" + notFolder.getFile() + ")";
        }
        if (e instanceof java.nio.file.FileSystemException other && other.getReason() != null) {
            return other.getReason().toLowerCase(java.util.Locale.ROOT) + " (" + other.getFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : "input/output error";
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

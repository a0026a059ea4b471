package org.therapysim;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where therapysim's shipped files are: the folder holding {@code scenarios/} and {@code targets/}
 * beside the build ({@code target/} with the jar or the classes in it), so that the commands that
 * default to a shipped file work from any folder.
 */
public final class Installation {
    /** A system property that names the folder, overriding the jar's location. */
    public static final String HOME_PROPERTY = "therapysim.home";

    private Installation() {
    }

    /** @return the installation folder, or null when it cannot be told (then paths stay relative) */
    public static Path home() {
        final String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        try {
            Path code = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/therapysim-VERSION-all.jar or target/classes: the folder above target/.
            code = code.toAbsolutePath().normalize().getParent();
            if (code != null && code.getFileName() != null && "target".equals(code.getFileName().toString())) {
                final Path home = code.getParent();
                return home != null && Files.isDirectory(home.resolve("scenarios")) ? home : null;
            }
            return null;
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param relative a shipped file or folder, relative to the installation, e.g. {@code targets}
     * @return it in the current folder if it is there (a user's own copy), else in the installation
     *     folder if it is there, else {@code relative} as given (so that messages name it)
     */
    public static Path shipped(final String relative) {
        final Path local = Path.of(relative);
        if (Files.exists(local)) {
            return local;
        }
        final Path home = home();
        if (home != null && Files.exists(home.resolve(relative))) {
            return home.resolve(relative);
        }
        return local;
    }
}

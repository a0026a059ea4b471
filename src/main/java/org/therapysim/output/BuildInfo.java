package org.therapysim.output;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and source commit this build was made from (recorded in every manifest). */
public final class BuildInfo {
    private static final Properties VERSION = load("/org/therapysim/version.properties");
    private static final Properties GIT = load("/org/therapysim/git.properties");

    private BuildInfo() {
    }

    /** @return the project version */
    public static String version() {
        return VERSION.getProperty("version", "unknown");
    }

    /** @return the full commit id, with "-dirty" when built from uncommitted changes, or null if unknown */
    public static String commit() {
        // The Maven plugin writes the full id under git.commit.id.
        final String id = GIT.getProperty("git.commit.id");
        if (id == null || id.isBlank()) {
            return null;
        }
        return "true".equals(GIT.getProperty("git.dirty")) ? id + "-dirty" : id;
    }

    private static Properties load(final String resource) {
        final Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // Unknown build information is reported as unknown.
        }
        return properties;
    }
}

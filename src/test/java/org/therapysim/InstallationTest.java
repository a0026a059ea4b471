package org.therapysim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped scenarios and targets are found beside the build, wherever the command runs. */
class InstallationTest {
    @Test
    void theInstallationIsTheFolderAboveTheBuild() {
        // Tests run from the project folder with the classes in target/classes.
        assertEquals(Path.of("").toAbsolutePath(), Installation.home());
    }

    @Test
    void aShippedFileIsFoundInTheInstallationWhenTheCurrentFolderLacksIt() {
        final String preset = "scenarios/classroom/ten-vs-twenty.yaml";
        // Present in the current folder: the local copy, as given.
        assertEquals(Path.of(preset), Installation.shipped(preset));
        // A name the current folder lacks but the installation has: what another folder would see.
        final String previous = System.getProperty(Installation.HOME_PROPERTY);
        try {
            System.setProperty(Installation.HOME_PROPERTY, Path.of("").toAbsolutePath().resolve("scenarios").toString());
            final Path found = Installation.shipped("classroom/ten-vs-twenty.yaml");
            assertTrue(found.isAbsolute() && Files.isRegularFile(found), found.toString());
            assertEquals(Path.of("no/such/file.yaml"), Installation.shipped("no/such/file.yaml"));
        } finally {
            if (previous == null) {
                System.clearProperty(Installation.HOME_PROPERTY);
            } else {
                System.setProperty(Installation.HOME_PROPERTY, previous);
            }
        }
    }
}

package org.therapysim.output;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.therapysim.CommandRun;

/** A build from a git checkout records its commit, and the manifest and --version show it. */
class BuildInfoTest {
    @Test
    void aBuildFromACheckoutKnowsItsCommit() {
        // A copy of the sources without git history has no commit to record; a checkout does.
        if (!Files.exists(Path.of(".git"))) {
            return;
        }
        final String commit = BuildInfo.commit();
        assertNotNull(commit, "git.properties holds no commit id");
        assertTrue(commit.matches("[0-9a-f]{40}(-dirty)?"), commit);
        final CommandRun version = CommandRun.of("--version");
        assertTrue(version.out().contains("(" + commit + ")"), version.out());
    }
}

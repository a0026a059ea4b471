package org.therapysim.cli;

import picocli.CommandLine.Option;

/** {@code --resume}, for every command that keeps a journal of finished replications. */
final class ResumeOption {
    @Option(names = "--resume",
            description = "Continue this command's run that was stopped (killed, crashed), keeping its finished "
                    + "replications; the results are the same as those of an uninterrupted run.")
    boolean resume;
}

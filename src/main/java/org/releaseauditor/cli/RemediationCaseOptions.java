package org.releaseauditor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --case CASE [--actor NAME]} of the remediate commands: record both runs and the copy into a case. */
public final class RemediationCaseOptions {

    @Option(names = "--case", paramLabel = "CASE",
            description = "Record into this case: the run on the release as submitted, the copy as a dataset derived "
                    + "from it (with the condition), and the re-audit of the copy; each run with its policy findings.")
    Path caseFile;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who is recorded as actor (default: OS user).")
    String actor;

    @picocli.CommandLine.Mixin
    BusyWaitOption busyWait;
}

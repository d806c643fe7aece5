package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.service.remediation.RemediationCall;
import org.releaseauditor.service.remediation.RemediationRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the three {@code remediate <lane>} commands share: the output and case options,
 * {@code --print-request}, and the run itself ({@link RemediationRuns}). Each command adds its
 * lane's options and remediation options.
 */
abstract class RemediateCommandBase implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    RemediationCaseOptions record;

    @Option(names = "--print-request",
            description = "Print the remediation request as JSON (every default filled in) and exit.")
    boolean printRequest;

    /** Runs (or prints) a remediation call with the lane's service. */
    <R extends RemediationRequest> int run(RemediationCall<R> call, RemediationRuns.Runner<R> runner)
            throws AuditException {
        return RemediationRuns.run(spec, output, record, printRequest, call, runner);
    }
}

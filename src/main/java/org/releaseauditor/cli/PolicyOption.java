package org.releaseauditor.cli;

import org.releaseauditor.core.error.PolicyException;
import org.releaseauditor.service.policy.PolicyCheck;
import picocli.CommandLine.Option;

/** {@code --policy P} for the analyze commands: exit code 1 when the policy fails. */
public final class PolicyOption {
    @Option(names = "--policy", paramLabel = "P",
            description = "Evaluate a policy profile: a built-in id (arx-defaults, public-release-clinical, "
                    + "min-group-5, min-cell-10, acro-defaults, trajectory-unicity-10, evaluation-residual-risk) or a "
                    + "JSON file. Exit code 1 when it fails.")
    String policy;

    /** Adds the findings to the output and writes it; returns the exit code. */
    int emit(picocli.CommandLine.Model.CommandSpec spec, OutputOptions output, String text, String resultJson)
            throws PolicyException, java.io.IOException {
        if (policy == null) {
            return output.emit(spec, text);
        }
        PolicyCheck check = PolicyCheck.apply(policy, resultJson, text, output.json());
        output.emit(spec, check.output());
        return check.failed() ? ExitCodes.POLICY_FAILED : ExitCodes.OK;
    }
}

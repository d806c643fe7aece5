package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code case evaluate CASE --run ID --policy P}: exit 1 when the policy fails. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a policy on a recorded run and store the findings (exit 1 if it fails).")
public final class CaseEvaluateCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    CaseWriteOptions target;

    @Option(names = "--run", required = true, description = "Run id from 'case show'.")
    long run;

    @Option(names = "--policy", required = true, paramLabel = "P", 
            description = "Built-in policy id, policy file, or the id of a policy this case has recorded "
                    + "(its stored copy is used).")
    String policy;

    @Override
    public Integer call() throws Exception {
        try (CaseService cs = target.open(spec)) {
            PolicyEvaluation ev = cs.evaluatePolicy(run, policy);
            CaseCli.printFindings(spec.commandLine().getOut(), ev, cs.runs().stream().filter(r -> r.id() == run)
                    .findFirst().map(r -> r.resultJson()).orElse("{}"));
            CaseCli.printReceipt(spec.commandLine().getOut(), cs);
            return ev.failed() ? ExitCodes.POLICY_FAILED : ExitCodes.OK;
        }
    }
}

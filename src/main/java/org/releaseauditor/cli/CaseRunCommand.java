package org.releaseauditor.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.service.cases.CaseService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code case run CASE --lane L --dataset ID|PATH [--param k=v]... [--policy P]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an analysis lane on a dataset of the case and record parameters and results.")
public final class CaseRunCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    CaseWriteOptions target;

    @Option(names = "--lane", required = true, description = "microdata, trajectories or aggregates.")
    String lane;

    @Option(names = "--dataset", required = true, paramLabel = "ID|PATH",
            description = "Dataset id from 'case show', or a file path (registered if new).")
    String dataset;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Lane parameter (repeatable).")
    List<String> params = List.of();

    @Option(names = "--policy", paramLabel = "P", description = "Evaluate this policy (built-in id or file) on the result.")
    String policy;

    @Override
    public Integer call() throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        for (String kv : params) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("case.error.badParam", kv);
            }
            p.put(kv.substring(0, eq).strip(), kv.substring(eq + 1));
        }
        CancellationFlag monitor = new CancellationFlag();
        Thread hook = new Thread(monitor::cancel, "case-run-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try (CaseService cs = target.open(spec)) {
            RunEntry run = cs.runLane(lane, dataset, p, monitor);
            spec.commandLine().getOut().println(Messages.get("casecli.runRecorded", run.id(), run.lane(),
                    run.datasetIds()));
            if (policy != null) {
                PolicyEvaluation ev = cs.evaluatePolicy(run.id(), policy);
                CaseCli.printFindings(spec.commandLine().getOut(), ev);
                CaseCli.printReceipt(spec.commandLine().getOut(), cs);
                return ev.failed() ? ExitCodes.POLICY_FAILED : ExitCodes.OK;
            }
            CaseCli.printReceipt(spec.commandLine().getOut(), cs);
            return ExitCodes.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
    }
}

package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.evaluation.EvaluationLane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code release-auditor analyze evaluation}: singling out, linkability and inference of a derived release. */
@Command(name = "evaluation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Privacy risk of a release derived from a source (synthetic or perturbed data): singling out, "
                + "linkability and inference against the original, a held-out control set and random guessing, "
                + "with Wilson intervals and the residual risk. See src/docs/evaluation.md."},
        footer = {"", "Example:",
            "  release-auditor analyze evaluation --original sample-datasets/evaluation/original.csv \\",
            "      --release sample-datasets/evaluation/release.csv --control sample-datasets/evaluation/control.csv \\",
            "      --aux-a age,gender,home_area,device --aux-b tariff,monthly_spend,data_gb,calls_per_month,tenure_months \\",
            "      --secret monthly_spend --aux age,gender,home_area,tariff,device --policy evaluation-residual-risk"})
public final class AnalyzeEvaluationCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    EvaluationOptions lane;

    @Mixin
    OutputOptions output;

    @Mixin
    PolicyOption policy;

    @Option(names = "--print-request",
            description = "Print the request as JSON (every default filled in) and exit; see case run --request.")
    boolean printRequest;

    @Override
    public Integer call() throws AuditException {
        EvaluationLane evaluation = LaneRegistry.global().require("evaluation", EvaluationLane.class);
        return LaneRuns.analyze(spec, output, policy, printRequest, evaluation, lane.build(null), null);
    }
}

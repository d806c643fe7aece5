package org.releaseauditor.cli;

import java.util.List;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.remediation.MicrodataRemediationRequest;
import org.releaseauditor.service.remediation.RemediationCall;
import picocli.CommandLine.Option;

/** The remediation options of {@code remediate microdata} (the lane options come from {@link MicrodataOptions}). */
public final class RemediateMicrodataOptions {

    @Option(names = "--policy", paramLabel = "P", required = true,
            description = "The policy the copy must pass: a built-in id (min-group-5, arx-defaults, "
                    + "public-release-clinical) or a policy file (required).")
    String policy;

    @Option(names = "--measure", paramLabel = "M",
            description = "Information loss to minimise: loss, discernibility, entropy or precision (default: "
                    + "${bundle:default.remediation.microdata.measure}).")
    String measure;

    @Option(names = "--max-suppression", paramLabel = "SHARE",
            description = "Largest share of records that may be suppressed (default: "
                    + "${bundle:default.remediation.microdata.maxSuppression}).")
    Double maxSuppression;

    @Option(names = "--hierarchy", paramLabel = "COL=FILE|COL=SPEC|SPEC",
            description = "Generalisation hierarchy of a quasi-identifier (repeatable): an ARX hierarchy file, or "
                    + "auto, interval, interval:5,10,20, date, prefix, suppress; a SPEC alone applies to every other "
                    + "QI (default: ${bundle:default.remediation.microdata.hierarchy}).")
    List<String> hierarchies;

    @Option(names = "--levels", paramLabel = "COL=L,…",
            description = "Apply these generalisation levels instead of searching (0 = original), e.g. age=2,sex=0.")
    List<String> levels;

    @Option(names = "--drop", split = ",", paramLabel = "COL",
            description = "Columns left out of the copy (direct identifiers such as a customer id).")
    List<String> drop;

    @Option(names = "--warn-as-fail", description = "The policy's WARN rules must hold as well.")
    Boolean warnAsFail;

    @Option(names = "--pareto-budget", paramLabel = "N",
            description = "Transformations evaluated after the optimum is proven, for the Pareto front of loss "
                    + "against risk (default: ${bundle:default.remediation.microdata.paretoBudget}).")
    Integer paretoBudget;

    @Option(names = "--cache-mb", paramLabel = "MB",
            description = "Memory for class tables the search rolls up from (default: "
                    + "${bundle:default.remediation.microdata.cacheMegabytes}).")
    Integer cacheMegabytes;

    @Option(names = "--write", paramLabel = "FILE",
            description = "Where the remediated copy is written (default: <name>_remediated.csv in the working "
                    + "folder); never over the input.")
    String write;

    /** The remediation call from these options and the lane's. */
    RemediationCall<MicrodataRemediationRequest> build(LaneCall<MicrodataRequest> lane) throws ConfigurationException {
        MicrodataRemediationRequest.Builder b = MicrodataRemediationRequest.builder().analysis(lane).policy(policy)
                .measure(measure).maxSuppression(maxSuppression).levels(levels).dropColumns(drop)
                .warnAsFail(warnAsFail).paretoBudget(paretoBudget).cacheMegabytes(cacheMegabytes).write(write);
        if (hierarchies != null) {
            for (String h : hierarchies) {
                b.hierarchy(h);
            }
        }
        return b.buildCall();
    }
}

package org.releaseauditor.cli;

import java.util.concurrent.Callable;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.microdata.MicrodataLane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code release-auditor analyze microdata}: re-identification risk of record-level data. */
@Command(name = "microdata", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-identification risk of record-level microdata: equivalence classes, k, prosecutor/"
                + "journalist/marketer risk, sample and population uniqueness, QI contribution, l-diversity, "
                + "t-closeness, weighted individual risk and SUDA2."},
        footer = {"", "Examples:",
            "  release-auditor analyze microdata --data sample-datasets/microdata/adult.csv \\",
            "      --qi age,sex,race,marital-status --sensitive salary-class --region usa --format json",
            "  release-auditor analyze microdata --data customers.csv --qi age,gender,postcode_area \\",
            "      --per-record risks.csv                      # QI values masked unless --reveal-values",
            "  release-auditor analyze microdata --summary adult.summary.json --region usa"})
public final class AnalyzeMicrodataCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    MicrodataOptions lane;

    @Mixin
    OutputOptions output;

    @Mixin
    PolicyOption policy;

    @Option(names = "--print-request",
            description = "Print the request as JSON (every default filled in) and exit; see case run --request.")
    boolean printRequest;

    @Override
    public Integer call() throws AuditException {
        return LaneRuns.analyze(spec, output, policy, printRequest,
                LaneRegistry.global().require("microdata", MicrodataLane.class), lane.build(null), (result, m) -> {
                    String note = lane.afterRun(result, m);
                    if (note != null && !output.quiet) {
                        spec.commandLine().getErr().println(note);
                    }
                });
    }
}

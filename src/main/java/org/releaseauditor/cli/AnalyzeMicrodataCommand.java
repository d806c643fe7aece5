package org.releaseauditor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.PopulationRegion;
import org.releaseauditor.core.risk.Regions;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.service.microdata.MicrodataAnalysisService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code release-auditor analyze microdata}: re-identification risk of record-level data. */
@Command(name = "microdata", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-identification risk of record-level microdata: equivalence classes, k, prosecutor/"
                + "journalist/marketer risk, sample and population uniqueness, QI contribution, l-diversity, "
                + "t-closeness, weighted individual risk and SUDA2."},
        footer = {"", "Example:",
            "  release-auditor analyze microdata --data sample-datasets/microdata/adult.csv \\",
            "      --qi age,sex,race,marital-status --sensitive salary-class --region usa --format json"})
public final class AnalyzeMicrodataCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The candidate output (CSV/TSV).")
    Path data;

    @Option(names = "--qi", required = true, split = ",", paramLabel = "COL",
            description = "Quasi-identifiers: columns an attacker may know (comma-separated).")
    List<String> qis;

    @Option(names = "--sensitive", split = ",", paramLabel = "COL[:ordered]",
            description = "Sensitive attributes for l-diversity and t-closeness; ':ordered' uses the ordered distance.")
    List<String> sensitive = new ArrayList<>();

    @Option(names = "--weight", paramLabel = "COL", description = "Sampling-weight column (individual risk).")
    String weight;

    @Option(names = "--household", paramLabel = "COL", description = "Household-id column (household risk).")
    String household;

    @Option(names = "--population", paramLabel = "N", description = "Population size N.")
    Long population;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Population of a region (as in ARX), e.g. germany, uk, france, eu, usa.")
    String region;

    @Option(names = "--sampling-fraction", paramLabel = "F", description = "Sampling fraction n/N in (0,1].")
    Double samplingFraction;

    @Option(names = "--superset", paramLabel = "FILE",
            description = "Population or superset table with the same QI columns (journalist/marketer risk).")
    Path superset;

    @Option(names = "--threshold", defaultValue = "0.2", paramLabel = "T",
            description = "Highest acceptable risk per record (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--max-qi-subset", defaultValue = "10", paramLabel = "M",
            description = "Largest QI subset in the QI-contribution analysis (default: ${DEFAULT-VALUE}).")
    int maxQiSubset;

    @Option(names = "--wildcards", description = "Missing values and '*' match any value (sdcMicro alpha).")
    boolean wildcards;

    @Mixin
    OutputOptions output;

    @Mixin
    ImportOptionsMixin importOptions;

    @Mixin
    PolicyOption policy;

    @Option(names = "--no-suda", description = "Skip SUDA2 (the costliest measure on wide tables).")
    boolean noSuda;

    @Override
    public Integer call() throws AuditException, IOException {
        MicrodataConfig cfg = config();
        try (ConsoleProgress progress = ConsoleProgress.start(spec.commandLine().getErr(), output.quiet)) {
            MicrodataAnalysisService service = new MicrodataAnalysisService().withSuda(!noSuda);
            MicrodataAnalysis a = service.analyzeFile(data, importOptions.toOptions(), cfg, superset, progress);
            String json = service.toJson(a);
            return policy.emit(spec, output, output.json() ? json : service.toText(a), json);
        }
    }

    MicrodataConfig config() throws ConfigurationException {
        if (threshold <= 0 || threshold > 1) {
            throw new ConfigurationException("cli.error.threshold", threshold);
        }
        if (samplingFraction != null && (samplingFraction <= 0 || samplingFraction > 1)) {
            throw new ConfigurationException("cli.error.fraction", samplingFraction);
        }
        if (maxQiSubset < 1) {
            throw new ConfigurationException("cli.error.maxQiSubset", maxQiSubset);
        }
        List<SensitiveAttribute> sens = new ArrayList<>();
        for (String s : sensitive) {
            boolean ordered = s.toLowerCase(Locale.ROOT).endsWith(":ordered");
            sens.add(new SensitiveAttribute(ordered ? s.substring(0, s.length() - 8) : s, ordered));
        }
        PopulationRegion r = region == null ? null : Regions.parse(region);
        return new MicrodataConfig(qis, sens, weight, household, population, r, samplingFraction, threshold,
                maxQiSubset, wildcards, MicrodataConfig.DEFAULT_RECURSIVE_C);
    }
}

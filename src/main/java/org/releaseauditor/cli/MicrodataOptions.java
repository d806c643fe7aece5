package org.releaseauditor.cli;

import java.nio.file.Path;
import java.util.List;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.LaneRequest;
import org.releaseauditor.service.LaneResult;
import org.releaseauditor.service.microdata.MicrodataLane;
import org.releaseauditor.service.microdata.MicrodataRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The microdata lane's options ({@code analyze microdata}, {@code case run --lane microdata}). */
public final class MicrodataOptions extends SummaryLaneOptions {

    @Option(names = "--data", paramLabel = "FILE",
            description = "The candidate output (CSV/TSV or SQLite); in a case also a dataset id.")
    String data;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "A microdata summary (summarize microdata, or the Spark job) audited instead of --data: "
                    + "QIs, sensitive attributes and weight default to the summary's, and given ones must match it; "
                    + "in a case also a dataset id.")
    String summary;

    @Option(names = "--qi", split = ",", paramLabel = "COL",
            description = "Quasi-identifiers: columns an attacker may know (comma-separated, required).")
    List<String> qis;

    @Option(names = "--sensitive", split = ",", paramLabel = "COL[:ordered]",
            description = "Sensitive attributes for l-diversity and t-closeness; ':ordered' uses the ordered distance.")
    List<String> sensitive;

    @Option(names = "--weight", paramLabel = "COL", description = "Sampling-weight column (individual risk).")
    String weight;

    @Option(names = "--household", paramLabel = "COL",
            description = "Household-id column (household risk; needs --weight).")
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
    String superset;

    @Option(names = "--threshold", paramLabel = "T",
            description = "Highest acceptable risk per record (default: ${bundle:default.microdata.threshold}).")
    Double threshold;

    @Option(names = "--max-qi-subset", paramLabel = "M",
            description = "Largest QI subset in the QI-contribution analysis (default: "
                    + "${bundle:default.microdata.maxQiSubset}).")
    Integer maxQiSubset;

    @Option(names = "--wildcards", description = "Missing values and '*' match any value (sdcMicro alpha).")
    Boolean wildcards;

    @Option(names = "--no-suda", description = "Skip SUDA2 (the costliest measure on wide tables).")
    Boolean noSuda;

    @Option(names = "--snb-variant", paramLabel = "arx|corrected",
            description = "SNB population model: arx (as ARX 3.9) or corrected (Chen's published equations) "
                    + "(default: ${bundle:default.microdata.snbVariant}).")
    String snbVariant;

    @Option(names = "--individual-risk-method", paramLabel = "approx|exact",
            description = "Individual risk for f >= 3: approx (sdcMicro's default) or exact (default: "
                    + "${bundle:default.microdata.individualRiskMethod}).")
    String individualRiskMethod;

    @Option(names = "--qual", paramLabel = "Q",
            description = "sdcMicro's final correction factor of individual risk (default: "
                    + "${bundle:default.microdata.qual}).")
    Double qual;

    @Option(names = "--survey", negatable = true,
            description = "Individual risk treats the data as a weighted sample (--survey) or as the population "
                    + "(--no-survey); default: a sample when --weight is given.")
    Boolean survey;

    @Option(names = "--attacker", paramLabel = "MODEL",
            description = "The attacker the result is read for: prosecutor, journalist or marketer "
                    + "(default: ${bundle:default.microdata.attacker}).")
    String attacker;

    @Option(names = "--attacker-preset", paramLabel = "NAME",
            description = "Name of the attacker preset the settings came from (recorded with the run).")
    String attackerPreset;

    @Option(names = "--per-record", paramLabel = "FILE",
            description = "Also write each record's f_k, F_k, individual risk and SUDA score to this CSV file "
                    + "(quasi-identifier values masked unless --reveal-values).")
    Path perRecord;

    @Option(names = "--reveal-values",
            description = "Write the quasi-identifier values into the --per-record file (it then holds personal data).")
    boolean revealValues;

    @Mixin
    ImportOptionsMixin importOptions = new ImportOptionsMixin();

    @Override
    public String lane() {
        return MicrodataRequest.LANE;
    }

    @Override
    public LaneCall<MicrodataRequest> build(LaneRequest base) throws AuditException {
        if (revealValues && perRecord == null) {
            throw new ConfigurationException("casecli.error.revealNeedsPerRecord");
        }
        MicrodataRequest.Builder b = base == null ? MicrodataRequest.builder()
                : ((MicrodataRequest) base).toBuilder();
        if (summary != null) {
            refuseRecordsWithSummary(new Object[][] {{"--data", data}, {"--superset", superset}});
            if (Boolean.TRUE.equals(wildcards)) {
                throw new ConfigurationException("summary.error.wildcards");
            }
            if (perRecord != null) {
                throw new ConfigurationException("summary.error.perRecord");
            }
            b.summary(summary);
            if (base == null) {
                b.fromSummary(file(summary));
            }
        }
        b.data(data).superset(superset).quasiIdentifiers(qis).sensitive(sensitive).weight(weight).household(household)
                .population(population).region(region).samplingFraction(samplingFraction).threshold(threshold)
                .maxQiSubset(maxQiSubset).wildcards(wildcards).suda(noSuda == null ? null : !noSuda)
                .snbVariant(snbVariant).individualRiskMethod(individualRiskMethod).qual(qual)
                .attacker(attacker).attackerPreset(attackerPreset);
        if (survey != null) {
            b.survey(survey);
        }
        importOptions.applyTo(b.importing());
        return b.buildCall();
    }

    @Override
    @SuppressWarnings("unchecked")
    public String afterRun(LaneResult<?, ?> result, ProgressMonitor monitor) throws AuditException {
        if (perRecord == null) {
            return null;
        }
        MicrodataLane lane = LaneRegistry.global().require(MicrodataRequest.LANE, MicrodataLane.class);
        int rows = lane.writePerRecord((LaneResult<MicrodataRequest, MicrodataAnalysis>) result, perRecord,
                revealValues, monitor);
        return Messages.get(revealValues ? "casecli.perRecordRevealed" : "casecli.perRecordWritten", perRecord,
                rows);
    }

    /** The given options that a summary does not use ({@code summarize microdata}). */
    List<String> auditOnlyOptions() {
        return given(new Object[][] {{"--summary", summary}, {"--superset", superset}, {"--population", population},
            {"--region", region}, {"--sampling-fraction", samplingFraction}, {"--threshold", threshold},
            {"--wildcards", wildcards}, {"--no-suda", noSuda}, {"--snb-variant", snbVariant},
            {"--individual-risk-method", individualRiskMethod}, {"--qual", qual}, {"--survey", survey},
            {"--attacker", attacker}, {"--attacker-preset", attackerPreset}, {"--per-record", perRecord}});
    }

    /** Where the data are (summarize microdata), or null. */
    String dataLocation() {
        return data;
    }
}

package org.releaseauditor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.TableSpec;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.service.aggregates.AggregateAnalysisService;
import org.releaseauditor.service.aggregates.AggregateRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code release-auditor analyze aggregates}: audit a release set of count tables. */
@Command(name = "aggregates", mixinStandardHelpOptions = true,
        description = {"Audit a release set of count tables: primary rules (threshold, dominance, p%%),",
            "group disclosure, differencing, LP audit of suppressed cells, trajectory recovery."})
public final class AnalyzeAggregatesCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--table", required = true, paramLabel = "NAME=FILE[,k=v...]",
            description = {"A count table (repeat for each table of the release set). Keys: count=COL,",
                "dims=a|b|c, magnitude=COL, scale=FACTOR, scaleColumn=COL, contrib=FILE, contribId=COL,",
                "contribValue=COL."})
    List<String> tables = new ArrayList<>();

    @Option(names = "--hierarchy", paramLabel = "DIM=FILE",
            description = "Mapping file of a dimension: finest level first, one column per coarser level.")
    List<String> hierarchies = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "N", description = "Threshold rule: minimum count.")
    Double threshold;

    @Option(names = "--operator", defaultValue = "lt", paramLabel = "lt|le",
            description = "Threshold comparison: lt (unsafe if count < N, tau-ARGUS/ACRO) or le (count <= N, sdcTable).")
    String operator;

    @Option(names = "--zero-unsafe", description = "Treat zero counts as unsafe.")
    boolean zeroUnsafe;

    @Option(names = "--dominance", paramLabel = "n=N,k=K", description = "(n,k)-dominance rule, e.g. n=3,k=75.")
    String dominance;

    @Option(names = "--p-percent", paramLabel = "P", description = "p%% rule: a cell is unsafe when the total minus the two largest contributions is below p%% of the largest.")
    Double pPercent;

    @Option(names = "--group", paramLabel = "dims=a|b,by=c[,allowed=M]",
            description = "Group disclosure: groups by dims whose members all (or all but M) share one value of by.")
    String group;

    @Option(names = "--audit", description = "Audit suppressed cells by linear programming over all tables.")
    boolean audit;

    @Option(names = "--protection", paramLabel = "N|P%", defaultValue = "0",
            description = "Required audit interval width: absolute (3) or percent of the value (20%%).")
    String protection;

    @Option(names = "--width", paramLabel = "W", defaultValue = "0",
            description = "Differencing: also report withheld cells pinned to an interval at most W wide.")
    double width;

    @Option(names = "--series", paramLabel = "[NAME=]FILE", arity = "1..*",
            description = "Later cumulative releases in time order (NAME defaults to the first table).")
    List<String> series = new ArrayList<>();

    @Option(names = "--scale", paramLabel = "FACTOR",
            description = "Declared extrapolation factor for every table (rules use count / FACTOR).")
    Double scale;

    @Option(names = "--margin-tokens", paramLabel = "A|B", defaultValue = "Total|All|ALL|*",
            description = "Dimension values that mark margins (default: ${DEFAULT-VALUE}).")
    String marginTokens;

    @Option(names = "--suppression-markers", paramLabel = "A|B", defaultValue = "|x|X|.|..|<5|c|NA",
            description = "Count values that mark suppressed cells; an empty item is the empty field.")
    String suppressionMarkers;

    @Option(names = "--recover-from", paramLabel = "TRAJECTORIES",
            description = "Ground-truth trajectories (user, slot, area) for the recovery stress test.")
    Path recoverFrom;

    @Option(names = "--slot", defaultValue = "1h", paramLabel = "DURATION", description = "Slot length: 15m, 1h, ...")
    String slot;

    @Option(names = "--columns", defaultValue = "user,slot,area", paramLabel = "USER,SLOT,AREA",
            description = "Column names of the trajectory file.")
    String columns;

    @Option(names = "--top-k", defaultValue = "2", description = "k of the top-k places uniqueness.")
    int topK;

    @picocli.CommandLine.Mixin
    OutputOptions output;

    @picocli.CommandLine.Mixin
    PolicyOption policy;

    @Override
    public Integer call() throws AuditException {
        AggregateRequest req = request();
        try (ConsoleProgress monitor = ConsoleProgress.start(spec.commandLine().getErr(), output.quiet)) {
            AggregateAnalysisService service = new AggregateAnalysisService();
            AggregateReport report = service.analyze(req, monitor);
            String json = service.toJson(report);
            return policy.emit(spec, output, output.json() ? json : service.toText(report), json);
        } catch (IOException e) {
            throw new AuditException(e, "aggregate.error.write", String.valueOf(output.out), String.valueOf(e.getMessage()));
        }
    }

    AggregateRequest request() throws ConfigurationException {
        Set<String> margins = new LinkedHashSet<>(Arrays.asList(marginTokens.split("\\|", -1)));
        Set<String> markers = new LinkedHashSet<>(Arrays.asList(suppressionMarkers.split("\\|", -1)));
        List<AggregateRequest.TableInput> inputs = new ArrayList<>();
        for (String t : tables) {
            inputs.add(table(t, margins, markers));
        }
        Map<String, Path> hs = new LinkedHashMap<>();
        for (String h : hierarchies) {
            String[] kv = h.split("=", 2);
            if (kv.length != 2) {
                throw new ConfigurationException("aggregate.error.option", "--hierarchy", h, "DIM=FILE");
            }
            hs.put(kv[0].trim(), Path.of(kv[1].trim()));
        }
        ThresholdRule.Operator op = ThresholdRule.Operator.parse(operator);
        if (op == null) {
            throw new ConfigurationException("aggregate.error.option", "--operator", operator, "lt or le");
        }
        ThresholdRule th = threshold == null ? null : new ThresholdRule(threshold, op, zeroUnsafe);
        int domN = 0;
        double domK = Double.NaN;
        if (dominance != null) {
            Map<String, String> kv = keyValues("--dominance", dominance, "n=3,k=75");
            try {
                domN = Integer.parseInt(kv.getOrDefault("n", ""));
                domK = Double.parseDouble(kv.getOrDefault("k", ""));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("aggregate.error.option", "--dominance", dominance, "n=3,k=75");
            }
        }
        AggregateRequest.GroupCheck gc = null;
        if (group != null) {
            Map<String, String> kv = keyValues("--group", group, "dims=a|b,by=c");
            if (!kv.containsKey("dims") || !kv.containsKey("by")) {
                throw new ConfigurationException("aggregate.error.option", "--group", group, "dims=a|b,by=c");
            }
            gc = new AggregateRequest.GroupCheck(List.of(kv.get("dims").split("\\|")), kv.get("by"),
                    number("--group", kv.getOrDefault("allowed", "0")));
        }
        ProtectionRequirement prot = protection.endsWith("%")
                ? new ProtectionRequirement(0, number("--protection", protection.substring(0, protection.length() - 1)))
                : new ProtectionRequirement(number("--protection", protection), 0);
        Map<String, List<Path>> ser = new LinkedHashMap<>();
        for (String s : series) {
            String[] kv = s.split("=", 2);
            String name = kv.length == 2 ? kv[0].trim() : inputs.get(0).spec().name();
            ser.computeIfAbsent(name, k -> new ArrayList<>()).add(Path.of(kv[kv.length - 1].trim()));
        }
        AggregateRequest.RecoveryInput rec = null;
        if (recoverFrom != null) {
            String[] cols = columns.split(",");
            if (cols.length != 3) {
                throw new ConfigurationException("aggregate.error.option", "--columns", columns, "USER,SLOT,AREA");
            }
            rec = new AggregateRequest.RecoveryInput(recoverFrom, cols[0].trim(), cols[1].trim(), cols[2].trim(),
                    minutes(slot), topK);
        }
        return new AggregateRequest(inputs, hs, th, domN, domK, pPercent == null ? Double.NaN : pPercent, gc, audit,
                prot, width, ser, rec);
    }

    private AggregateRequest.TableInput table(String option, Set<String> margins, Set<String> markers)
            throws ConfigurationException {
        String[] parts = option.split(",");
        String[] first = parts[0].split("=", 2);
        if (first.length != 2 || first[0].isBlank() || first[1].isBlank()) {
            throw new ConfigurationException("aggregate.error.option", "--table", option, "NAME=FILE[,count=COL,...]");
        }
        Map<String, String> kv = keyValues("--table", String.join(",", Arrays.copyOfRange(parts, 1, parts.length)),
                "NAME=FILE[,count=COL,dims=a|b]");
        TableSpec spec = new TableSpec(first[0].trim(), kv.get("count"),
                kv.containsKey("dims") ? List.of(kv.get("dims").split("\\|")) : null, kv.get("magnitude"),
                kv.containsKey("scale") ? number("--table", kv.get("scale")) : scale == null ? 1.0 : scale,
                kv.get("scaleColumn"), margins, markers);
        Path contrib = kv.containsKey("contrib") ? Path.of(kv.get("contrib")) : null;
        return new AggregateRequest.TableInput(spec, Path.of(first[1].trim()), contrib, kv.get("contribId"),
                kv.get("contribValue"));
    }

    private static Map<String, String> keyValues(String option, String text, String expected)
            throws ConfigurationException {
        Map<String, String> kv = new LinkedHashMap<>();
        if (text.isBlank()) {
            return kv;
        }
        for (String part : text.split(",")) {
            String[] p = part.split("=", 2);
            if (p.length != 2) {
                throw new ConfigurationException("aggregate.error.option", option, text, expected);
            }
            kv.put(p[0].trim(), p[1].trim());
        }
        return kv;
    }

    private static double number(String option, String text) throws ConfigurationException {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("aggregate.error.option", option, text, "a number");
        }
    }

    static int minutes(String duration) throws ConfigurationException {
        String d = duration.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (d.endsWith("min")) {
                return Integer.parseInt(d.substring(0, d.length() - 3));
            }
            if (d.endsWith("m")) {
                return Integer.parseInt(d.substring(0, d.length() - 1));
            }
            if (d.endsWith("h")) {
                return 60 * Integer.parseInt(d.substring(0, d.length() - 1));
            }
            return Integer.parseInt(d);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("aggregate.error.option", "--slot", duration, "15m, 30m, 1h, 2h");
        }
    }
}

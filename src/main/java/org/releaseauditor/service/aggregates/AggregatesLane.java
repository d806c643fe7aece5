package org.releaseauditor.service.aggregates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.TableSpec;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.service.AnalysisOutput;
import org.releaseauditor.service.LaneAnalysis;
import org.releaseauditor.service.microdata.MicrodataLane;

/**
 * The aggregates lane inside a case ({@code case run --lane aggregates --param threshold=10 …}).
 * The dataset file is the first table of the release set; more tables come from
 * {@code tables=name=path;name2=path2} and share the reading parameters. Parameters: tables,
 * count, dims (a|b|c), threshold, operator (lt|le), zeroUnsafe, dominance (n=3,k=75 written as
 * {@code 3:75}), pPercent, audit, protection (N or P%), width, scale, marginTokens,
 * suppressionMarkers (A|B, an empty item is the empty field), hierarchies
 * ({@code dim=path;dim2=path2}). The recorded parameters carry every default.
 */
public final class AggregatesLane implements LaneAnalysis {
    static final List<String> KNOWN = List.of("tables", "count", "dims", "threshold", "operator", "zeroUnsafe",
            "dominance", "pPercent", "audit", "protection", "width", "scale", "marginTokens", "suppressionMarkers",
            "hierarchies");
    static final String DEFAULT_MARGINS = "Total|All|*";
    static final String DEFAULT_MARKERS = "|x|X|.|..|<5|c|NA";

    private final AggregateAnalysisService service;

    public AggregatesLane() {
        this(new AggregateAnalysisService());
    }

    public AggregatesLane(AggregateAnalysisService service) {
        this.service = service;
    }

    @Override
    public String lane() {
        return "aggregates";
    }

    @Override
    public AnalysisOutput run(Path data, Map<String, String> params, ProgressMonitor monitor) throws AuditException {
        AggregateRequest req = request(data, params);
        AggregateReport report = service.analyze(req, monitor);
        return new AnalysisOutput(paramsJson(req, params), service.toJson(report));
    }

    /** Builds the request: {@code data} is the first table, named after its file. */
    static AggregateRequest request(Path data, Map<String, String> p) throws ConfigurationException {
        for (String k : p.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new ConfigurationException("lane.error.unknownParam", k, "aggregates", String.join(", ", KNOWN));
            }
        }
        Set<String> margins = tokens(p.getOrDefault("marginTokens", DEFAULT_MARGINS));
        Set<String> markers = tokens(p.getOrDefault("suppressionMarkers", DEFAULT_MARKERS));
        String dims = p.get("dims");
        TableSpec base = new TableSpec("t", p.get("count"), dims == null || dims.isBlank() ? null
                : Arrays.stream(dims.split("\\|")).map(String::strip).toList(), null, number(p, "scale", 1.0), null,
                margins, markers);
        List<AggregateRequest.TableInput> tables = new ArrayList<>();
        tables.add(AggregateRequest.TableInput.of(named(base, stem(data)), data));
        for (Map.Entry<String, Path> e : pairs(p, "tables").entrySet()) {
            tables.add(AggregateRequest.TableInput.of(named(base, e.getKey()), e.getValue()));
        }
        ThresholdRule.Operator op = ThresholdRule.Operator.parse(p.getOrDefault("operator", "lt"));
        if (op == null) {
            throw new ConfigurationException("aggregate.error.option", "operator", p.get("operator"), "lt or le");
        }
        ThresholdRule th = p.containsKey("threshold")
                ? new ThresholdRule(number(p, "threshold", 0), op, bool(p, "zeroUnsafe")) : null;
        int domN = 0;
        double domK = Double.NaN;
        if (p.containsKey("dominance")) {
            String[] nk = p.get("dominance").split(":");
            if (nk.length != 2) {
                throw new ConfigurationException("aggregate.error.option", "dominance", p.get("dominance"), "3:75");
            }
            domN = (int) number(Map.of("dominance", nk[0]), "dominance", 0);
            domK = number(Map.of("dominance", nk[1]), "dominance", 0);
        }
        String prot = p.getOrDefault("protection", "0").strip();
        ProtectionRequirement protection = prot.endsWith("%")
                ? new ProtectionRequirement(0, number(Map.of("protection", prot.substring(0, prot.length() - 1)),
                        "protection", 0))
                : new ProtectionRequirement(number(p, "protection", 0), 0);
        return new AggregateRequest(tables, pairs(p, "hierarchies"), th, domN, domK, number(p, "pPercent", Double.NaN),
                null, bool(p, "audit"), protection, number(p, "width", 0), Map.of(), null);
    }

    /** The parameters actually used, with defaults filled in. */
    static String paramsJson(AggregateRequest req, Map<String, String> p) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        ArrayNode ts = n.putArray("tables");
        for (AggregateRequest.TableInput t : req.tables()) {
            ts.addObject().put("name", t.spec().name()).put("file", t.file().toString());
        }
        TableSpec s = req.tables().get(0).spec();
        n.put("count", s.countColumn());
        if (s.dimensions().isEmpty()) {
            n.putNull("dims"); // every column except the count column
        } else {
            ArrayNode dims = n.putArray("dims");
            s.dimensions().forEach(dims::add);
        }
        ObjectNode hs = n.putObject("hierarchies");
        req.hierarchies().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> hs.put(e.getKey(), e.getValue().toString()));
        if (req.threshold() == null) {
            n.putNull("threshold");
        } else {
            n.put("threshold", req.threshold().threshold());
        }
        n.put("operator", p.getOrDefault("operator", "lt").strip().toLowerCase(Locale.ROOT));
        n.put("zeroUnsafe", req.threshold() != null && req.threshold().zeroUnsafe());
        n.put("dominanceN", req.dominanceN());
        Json.put(n, "dominanceK", req.dominanceK());
        Json.put(n, "pPercent", req.pPercent());
        n.put("audit", req.audit());
        n.put("protection", p.getOrDefault("protection", "0").strip());
        n.put("width", req.width());
        n.put("scale", s.scale());
        n.put("marginTokens", p.getOrDefault("marginTokens", DEFAULT_MARGINS));
        n.put("suppressionMarkers", p.getOrDefault("suppressionMarkers", DEFAULT_MARKERS));
        return Json.write(n);
    }

    private static TableSpec named(TableSpec s, String name) {
        return new TableSpec(name, s.countColumn(), s.dimensions(), s.magnitudeColumn(), s.scale(), s.scaleColumn(),
                s.marginTokens(), s.suppressionMarkers());
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static Set<String> tokens(String text) {
        return new LinkedHashSet<>(Arrays.asList(text.split("\\|", -1)));
    }

    /** {@code a=x;b=y} → ordered map of name → path. */
    private static Map<String, Path> pairs(Map<String, String> p, String key) throws ConfigurationException {
        Map<String, Path> out = new LinkedHashMap<>();
        String text = p.get(key);
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String item : text.split(";")) {
            String[] kv = item.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new ConfigurationException("aggregate.error.option", key, text, "name=path;name2=path2");
            }
            out.put(kv[0].strip(), Path.of(kv[1].strip()));
        }
        return out;
    }

    private static boolean bool(Map<String, String> p, String key) throws ConfigurationException {
        String v = p.getOrDefault(key, "false").strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigurationException("aggregate.error.option", key, v, "true or false");
        }
        return v.equals("true");
    }

    private static double number(Map<String, String> p, String key, double dflt) throws ConfigurationException {
        return MicrodataLane.number(p, key, dflt);
    }
}

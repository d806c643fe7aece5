package org.releaseauditor.service.microdata;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.Regions;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.service.AnalysisOutput;
import org.releaseauditor.service.LaneAnalysis;

/**
 * The microdata lane inside a case ({@code case run --lane microdata --param qis=a,b …}).
 * Parameters: qis (required), sensitive (a,b:ordered), weight, household, population, region,
 * samplingFraction, threshold, maxQiSubset, wildcards, suda, delimiter, encoding.
 */
public final class MicrodataLane implements LaneAnalysis {
    static final List<String> KNOWN = List.of("qis", "sensitive", "weight", "household", "population", "region",
            "samplingFraction", "threshold", "maxQiSubset", "wildcards", "suda", "delimiter", "encoding");

    @Override
    public String lane() {
        return "microdata";
    }

    @Override
    public AnalysisOutput run(Path data, Map<String, String> params, ProgressMonitor monitor) throws AuditException {
        for (String k : params.keySet()) {
            if (!KNOWN.contains(k)) {
                throw new ConfigurationException("lane.error.unknownParam", k, lane(), String.join(", ", KNOWN));
            }
        }
        MicrodataConfig cfg = config(params);
        ImportOptions io = ImportOptions.defaults();
        if (params.containsKey("delimiter")) {
            String d = params.get("delimiter");
            io = io.withDelimiter("tab".equalsIgnoreCase(d) ? '\t' : d.charAt(0));
        }
        if (params.containsKey("encoding")) {
            io = io.withEncoding(params.get("encoding"));
        }
        MicrodataAnalysisService service = new MicrodataAnalysisService()
                .withSuda(!"false".equalsIgnoreCase(params.getOrDefault("suda", "true")));
        MicrodataAnalysis a = service.analyzeFile(data, io, cfg, null, monitor);
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("qis", cfg.quasiIdentifiers());
        used.put("sensitive", cfg.sensitive());
        used.put("weight", cfg.weightColumn());
        used.put("household", cfg.householdColumn());
        used.put("population", cfg.populationSize());
        used.put("region", cfg.region() == null ? null : cfg.region().name());
        used.put("samplingFraction", cfg.samplingFraction());
        used.put("threshold", cfg.threshold());
        used.put("maxQiSubset", cfg.maxQiSubset());
        used.put("wildcards", cfg.wildcards());
        used.put("delimiter", params.get("delimiter"));
        used.put("encoding", params.get("encoding"));
        return new AnalysisOutput(Json.write(Json.MAPPER.valueToTree(used)), service.toJson(a));
    }

    static MicrodataConfig config(Map<String, String> p) throws ConfigurationException {
        String qis = p.get("qis");
        if (qis == null || qis.isBlank()) {
            throw new ConfigurationException("lane.error.missingParam", "qis", "microdata");
        }
        List<SensitiveAttribute> sens = new ArrayList<>();
        if (p.containsKey("sensitive") && !p.get("sensitive").isBlank()) {
            for (String s : p.get("sensitive").split(",")) {
                boolean ordered = s.toLowerCase(Locale.ROOT).endsWith(":ordered");
                sens.add(new SensitiveAttribute(ordered ? s.substring(0, s.length() - 8).trim() : s.trim(), ordered));
            }
        }
        double t = number(p, "threshold", MicrodataConfig.DEFAULT_THRESHOLD);
        if (!(t > 0 && t <= 1)) {
            throw new ConfigurationException("cli.error.threshold", t);
        }
        Double fraction = p.containsKey("samplingFraction") ? number(p, "samplingFraction", 0) : null;
        if (fraction != null && !(fraction > 0 && fraction <= 1)) {
            throw new ConfigurationException("cli.error.fraction", fraction);
        }
        Long population = p.containsKey("population") ? (long) number(p, "population", 0) : null;
        return new MicrodataConfig(Arrays.stream(qis.split(",")).map(String::trim).toList(), sens, p.get("weight"),
                p.get("household"), population, p.containsKey("region") ? Regions.parse(p.get("region")) : null,
                fraction, t, (int) number(p, "maxQiSubset", MicrodataConfig.DEFAULT_MAX_QI_SUBSET),
                Boolean.parseBoolean(p.getOrDefault("wildcards", "false")), MicrodataConfig.DEFAULT_RECURSIVE_C);
    }

    /** A number parameter, or {@code dflt} when absent (shared with the other lanes). */
    public static double number(Map<String, String> p, String key, double dflt) throws ConfigurationException {
        String v = p.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigurationException("lane.error.notANumber", key, v);
        }
    }
}

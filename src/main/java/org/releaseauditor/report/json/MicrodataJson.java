package org.releaseauditor.report.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.risk.ClassSizeHistogram;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.MicrodataResult;
import org.releaseauditor.core.risk.SensitiveAttribute;

/**
 * The microdata lane's result JSON (schemaVersion 1, documented in
 * src/docs/schema/microdata-v1.md) and its text summary. Contains measures only, never values.
 */
public final class MicrodataJson {
    private MicrodataJson() {
    }

    public static String write(MicrodataAnalysis a) {
        return Json.write(tree(a));
    }

    public static ObjectNode tree(MicrodataAnalysis a) {
        MicrodataResult r = a.result();
        MicrodataConfig c = a.config();
        ObjectNode root = Json.root("microdata");
        root.put("dataset", a.datasetName());
        config(root.putObject("config"), c);
        root.put("records", r.records());
        root.put("classes", r.classes());
        root.put("suppressedRecords", r.suppressedRecords());
        ArrayNode hist = root.putArray("histogram");
        ClassSizeHistogram h = r.histogram();
        long[] sizes = h.classSizes();
        long[] counts = h.classCounts();
        for (int i = 0; i < sizes.length; i++) {
            hist.addArray().add(sizes[i]).add(counts[i]);
        }
        root.put("k", r.k());
        ObjectNode below = root.putObject("belowK");
        for (Map.Entry<Integer, MicrodataResult.BelowK> e : r.belowK().entrySet()) {
            below.putObject(Integer.toString(e.getKey())).put("records", e.getValue().records())
                    .put("classes", e.getValue().classes()).put("recordsFraction", e.getValue().recordsFraction());
        }
        attacker(root.putObject("prosecutor"), r.prosecutor());
        attacker(root.putObject("journalist"), r.journalist());
        root.putObject("marketer").put("successRate", r.marketerSuccessRate());
        root.put("populationInformation", r.populationInformation());
        root.put("sampleUniqueness", r.sampleUniqueness());
        MicrodataResult.PopulationUniqueness pu = r.populationUniqueness();
        if (pu == null) {
            root.putNull("populationUniqueness");
        } else {
            population(root.putObject("populationUniqueness"), pu);
        }
        ArrayNode dist = root.putArray("riskDistribution");
        for (MicrodataResult.RiskBin b : r.riskDistribution()) {
            dist.addObject().put("upTo", b.upTo()).put("records", b.records()).put("fraction", b.fraction())
                    .put("cumulative", b.cumulative());
        }
        ObjectNode ld = root.putObject("lDiversity");
        for (MicrodataResult.LDiversityResult l : r.lDiversity()) {
            ObjectNode o = ld.putObject(l.attribute());
            o.put("distinct", l.distinct());
            Json.put(o, "entropy", l.entropy());
            o.put("recursiveC", l.recursiveC());
            o.put("recursiveL", l.recursiveL());
            if (l.worstClass() != null) {
                o.put("worstClassSize", l.worstClass().size());
            }
        }
        ObjectNode tc = root.putObject("tCloseness");
        for (MicrodataResult.TClosenessResult t : r.tCloseness()) {
            ObjectNode o = tc.putObject(t.attribute());
            Json.put(o, "t", t.t());
            o.put("distance", t.distance());
            if (t.worstClass() != null) {
                o.put("worstClassSize", t.worstClass().size());
            }
        }
        ExtrasJson.write(root, a);
        MicrodataResult.PairUniqueness pairs = r.pairUniqueness();
        if (pairs != null) {
            ObjectNode p = root.putObject("pairUniqueness");
            p.putPOJO("attributes", pairs.attributes());
            ArrayNode m = p.putArray("shares");
            for (var row : pairs.shares()) {
                ArrayNode a2 = m.addArray();
                row.forEach(a2::add);
            }
        }
        root.put("wildcards", r.wildcards());
        return root;
    }

    /** The configuration as JSON (the parameters of a run). */
    public static String params(MicrodataConfig c) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        config(o, c);
        return Json.write(o);
    }

    private static void config(ObjectNode cfg, MicrodataConfig c) {
        cfg.putPOJO("quasiIdentifiers", c.quasiIdentifiers());
        ArrayNode sens = cfg.putArray("sensitive");
        for (SensitiveAttribute s : c.sensitive()) {
            sens.addObject().put("attribute", s.column()).put("ordered", s.ordered());
        }
        cfg.put("weight", c.weightColumn());
        cfg.put("household", c.householdColumn());
        cfg.put("populationSize", c.populationSize());
        cfg.put("region", c.region() == null ? null : c.region().name());
        cfg.put("samplingFraction", c.samplingFraction());
        cfg.put("threshold", c.threshold());
        cfg.put("maxQiSubset", c.maxQiSubset());
        cfg.put("wildcards", c.wildcards());
        cfg.put("recursiveC", c.recursiveC());
        cfg.put("snbVariant", c.snbVariant().name());
        cfg.put("individualRiskMethod", c.individualRiskMethod().name());
        cfg.put("qual", c.qual());
        cfg.put("survey", c.surveyData());
    }

    private static void attacker(ObjectNode o, MicrodataResult.AttackerRisk r) {
        o.put("recordsAtRisk", r.recordsAtRisk());
        o.put("highest", r.highest());
        o.put("lowest", r.lowest());
        o.put("successRate", r.successRate());
        o.put("appliedThreshold", r.appliedThreshold());
    }

    private static void population(ObjectNode o, MicrodataResult.PopulationUniqueness pu) {
        o.put("populationSize", pu.populationSize());
        o.put("samplingFraction", pu.samplingFraction());
        Json.put(o, "pitman", pu.pitman());
        Json.put(o, "zayatz", pu.zayatz());
        Json.put(o, "snb", pu.snb());
        Json.put(o, "dankar", pu.dankar());
        o.put("dankarModel", pu.dankarModel().name());
        ObjectNode counts = o.putObject("counts");
        Json.put(counts, "pitman", pu.pitmanCount());
        Json.put(counts, "zayatz", pu.zayatzCount());
        Json.put(counts, "snb", pu.snbCount());
        Json.put(counts, "dankar", pu.dankarCount());
        o.put("snbVariant", pu.snbVariant().name());
        ObjectNode status = o.putObject("status");
        status(status, "pitman", pu.pitmanStatus());
        status(status, "zayatz", pu.zayatzStatus());
        status(status, "snb", pu.snbStatus());
        status(status, "dankar", pu.dankarStatus());
        if (pu.pitmanFit() != null) {
            ObjectNode f = o.putObject("pitmanFit");
            f.put("theta", pu.pitmanFit().theta());
            f.put("alpha", pu.pitmanFit().alpha());
            f.put("iterative", pu.pitmanFit().iterative());
        }
        if (pu.snbFit() != null) {
            ObjectNode f = o.putObject("snbFit");
            f.put("classes", pu.snbFit().classes());
            f.put("alpha", pu.snbFit().alpha());
            f.put("beta", pu.snbFit().beta());
        }
    }

    private static void status(ObjectNode o, String model, MicrodataResult.ModelStatus s) {
        o.putObject(model).put("status", s.status().name()).put("reason", s.reason());
    }

    /** A readable summary for the terminal. */
    public static String text(MicrodataAnalysis a) {
        MicrodataResult r = a.result();
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("Microdata risk: ").append(a.datasetName()).append(nl);
        sb.append("Quasi-identifiers: ").append(String.join(", ", a.config().quasiIdentifiers())).append(nl);
        line(sb, "Records (n)", Long.toString(r.records()));
        if (r.suppressedRecords() > 0) {
            line(sb, "Fully suppressed records", Long.toString(r.suppressedRecords()));
        }
        line(sb, "Equivalence classes (J)", Long.toString(r.classes()));
        line(sb, "k (smallest class)", Integer.toString(r.k()));
        line(sb, "Sample uniqueness", pct(r.sampleUniqueness()));
        MicrodataResult.AttackerRisk p = r.prosecutor();
        line(sb, "Prosecutor records at risk", pct(p.recordsAtRisk()) + "  (applied threshold " + num(p.appliedThreshold())
                + ", requested " + num(r.threshold()) + ")");
        line(sb, "Prosecutor highest risk", num(p.highest()));
        line(sb, "Prosecutor lowest risk", num(p.lowest()));
        line(sb, "Prosecutor success rate", pct(p.successRate()));
        MicrodataResult.AttackerRisk j = r.journalist();
        line(sb, "Journalist records at risk", pct(j.recordsAtRisk()) + (r.populationInformation() ? "" : "  (= prosecutor: no population table)"));
        line(sb, "Journalist highest / success", num(j.highest()) + " / " + pct(j.successRate()));
        line(sb, "Marketer success rate", pct(r.marketerSuccessRate()));
        for (var e : r.belowK().entrySet()) {
            line(sb, "Records in classes < " + e.getKey(), e.getValue().records() + " (" + pct(e.getValue().recordsFraction())
                    + ", " + e.getValue().classes() + " classes)");
        }
        MicrodataResult.PopulationUniqueness pu = r.populationUniqueness();
        if (pu != null) {
            line(sb, "Population N / sampling fraction", pu.populationSize() + " / " + num(pu.samplingFraction()));
            line(sb, "Population uniqueness (Dankar)", opt(pu.dankar()) + " via " + pu.dankarModel()
                    + (pu.dankarStatus().available() ? "" : " (" + pu.dankarStatus().status() + ")"));
            line(sb, "  Pitman / Zayatz / SNB", opt(pu.pitman()) + " / " + opt(pu.zayatz()) + " / " + opt(pu.snb()));
        }
        for (MicrodataResult.LDiversityResult l : r.lDiversity()) {
            line(sb, "l-diversity " + l.attribute(), "distinct " + l.distinct() + ", entropy " + num(l.entropy())
                    + ", recursive (" + num(l.recursiveC()) + "," + l.recursiveL() + ")");
        }
        for (MicrodataResult.TClosenessResult t : r.tCloseness()) {
            line(sb, "t-closeness " + t.attribute(), num(t.t()) + " (" + t.distance() + ")");
        }
        ExtrasJson.text(sb, a);
        return sb.toString();
    }

    static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format(Locale.ROOT, "  %-36s %s%n", label, value));
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.4f %%", v * 100);
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String opt(Double v) {
        return v == null ? "n/a" : pct(v);
    }
}

package org.releaseauditor.report.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.releaseauditor.core.risk.IndividualRiskResult;
import org.releaseauditor.core.risk.MicrodataAnalysis;
import org.releaseauditor.core.risk.QiContribution;
import org.releaseauditor.core.risk.ScoreSummary;
import org.releaseauditor.core.risk.SudaResult;

/** JSON and text of QI contribution, individual risk, SUDA and the population curve. */
final class ExtrasJson {
    private ExtrasJson() {
    }

    static void write(ObjectNode root, MicrodataAnalysis a) {
        ArrayNode qc = root.putArray("qiContribution");
        for (QiContribution q : a.qiContribution()) {
            ObjectNode o = qc.addObject();
            o.putPOJO("qis", q.qis());
            o.put("distinction", q.distinction());
            o.put("separation", q.separation());
        }
        IndividualRiskResult ir = a.individualRisk();
        if (ir == null) {
            root.putNull("individualRisk");
        } else {
            ObjectNode o = root.putObject("individualRisk");
            o.put("records", ir.records());
            o.put("expectedReidentifications", ir.expectedReidentifications());
            o.put("globalRisk", ir.globalRisk());
            o.put("maxRisk", ir.maxRisk());
            o.put("method", ir.method().name());
            o.put("qual", ir.qual());
            o.put("survey", ir.survey());
            o.put("wildcards", ir.wildcards());
            thresholds(o.putArray("recordsAboveThresholds"), ir.recordsAboveThresholds());
            summary(o.putObject("riskDistribution"), ir.riskDistribution());
            IndividualRiskResult.HouseholdRisk h = ir.household();
            if (h == null) {
                o.putNull("household");
            } else {
                ObjectNode ho = o.putObject("household");
                ho.put("households", h.households());
                ho.put("recordsWithoutHousehold", h.recordsWithoutHousehold());
                ho.put("expectedReidentifications", h.expectedReidentifications());
                ho.put("recordExpectedReidentifications", h.recordExpectedReidentifications());
                ho.put("globalRisk", h.globalRisk());
                ho.put("maxRisk", h.maxRisk());
                thresholds(ho.putArray("householdsAboveThresholds"), h.householdsAboveThresholds());
                summary(ho.putObject("riskDistribution"), h.riskDistribution());
            }
        }
        SudaResult s = a.suda();
        if (s == null) {
            root.putNull("suda");
        } else {
            ObjectNode o = root.putObject("suda");
            o.putPOJO("keyVariables", s.keyVariables());
            o.put("maxMsuSize", s.maxMsuSize());
            o.put("disFraction", s.disFraction());
            o.put("records", s.records());
            o.put("recordsWithMsu", s.recordsWithMsu());
            o.put("totalMsus", s.totalMsus());
            o.putPOJO("msusBySize", s.msusBySize());
            o.put("sampleUniques", s.sampleUniques());
            o.put("disProbability", s.disProbability());
            summary(o.putObject("score"), s.score());
            summary(o.putObject("disScore"), s.disScore());
            ArrayNode vc = o.putArray("variableContributions");
            for (SudaResult.VariableContribution v : s.variableContributions()) {
                vc.addObject().put("variable", v.variable()).put("msus", v.msus()).put("contribution", v.contribution());
            }
        }
        ArrayNode curve = root.putArray("populationCurve");
        for (var p : a.populationCurve()) {
            ObjectNode o = curve.addObject();
            o.put("samplingFraction", p.samplingFraction());
            o.put("populationSize", p.populationSize());
            Json.put(o, "pitman", p.pitman());
            Json.put(o, "zayatz", p.zayatz());
            Json.put(o, "snb", p.snb());
            Json.put(o, "dankar", p.dankar());
            o.put("dankarModel", p.dankarModel().name());
            o.put("pitmanStatus", p.pitmanStatus().status().name());
            o.put("snbStatus", p.snbStatus().status().name());
        }
    }

    private static void thresholds(ArrayNode arr, java.util.List<IndividualRiskResult.ThresholdCount> list) {
        for (IndividualRiskResult.ThresholdCount t : list) {
            arr.addObject().put("threshold", t.threshold()).put("count", t.count()).put("share", t.share());
        }
    }

    private static void summary(ObjectNode o, ScoreSummary s) {
        o.put("count", s.count());
        o.put("min", s.min());
        o.put("mean", s.mean());
        o.put("median", s.median());
        o.put("p90", s.p90());
        o.put("p95", s.p95());
        o.put("p99", s.p99());
        o.put("max", s.max());
        ArrayNode h = o.putArray("histogram");
        for (ScoreSummary.Bin b : s.histogram()) {
            h.addObject().put("upTo", b.upperBound()).put("count", b.count());
        }
    }

    static void text(StringBuilder sb, MicrodataAnalysis a) {
        int shown = 0;
        for (QiContribution q : a.qiContribution()) {
            if (q.qis().size() == 1) {
                MicrodataJson.line(sb, "QI " + q.qis().get(0), "distinction " + MicrodataJson.num(q.distinction())
                        + ", separation " + MicrodataJson.num(q.separation()));
                shown++;
            }
        }
        if (a.qiContribution().size() > shown) {
            MicrodataJson.line(sb, "QI subsets analysed", Integer.toString(a.qiContribution().size())
                    + " (see --format json)");
        }
        IndividualRiskResult ir = a.individualRisk();
        if (ir != null) {
            MicrodataJson.line(sb, "Expected re-identifications (BF)", MicrodataJson.num(ir.expectedReidentifications()));
            MicrodataJson.line(sb, "Global risk (BF)", MicrodataJson.pct(ir.globalRisk()));
            MicrodataJson.line(sb, "Highest individual risk (BF)", MicrodataJson.num(ir.maxRisk()));
            if (ir.household() != null) {
                MicrodataJson.line(sb, "Household global risk", MicrodataJson.pct(ir.household().globalRisk()));
            }
        }
        SudaResult s = a.suda();
        if (s != null) {
            MicrodataJson.line(sb, "SUDA2 records with an MSU", s.recordsWithMsu() + " of " + s.records()
                    + " (MSUs up to size " + s.maxMsuSize() + ")");
            MicrodataJson.line(sb, "SUDA2 max score / DIS max", MicrodataJson.num(s.score().max()) + " / "
                    + MicrodataJson.num(s.disScore().max()));
        }
    }
}

package org.releaseauditor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.audit.PolicyJson;
import org.releaseauditor.core.aggregate.AggregateAnalysis;
import org.releaseauditor.core.aggregate.AggregateConfig;
import org.releaseauditor.core.aggregate.AggregateReport;
import org.releaseauditor.core.aggregate.CountTable;
import org.releaseauditor.core.aggregate.PrimaryRuleConfig;
import org.releaseauditor.core.aggregate.ProtectionRequirement;
import org.releaseauditor.core.aggregate.ReleaseSet;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.policy.PolicyEvaluator;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;
import org.releaseauditor.service.policy.ResultMetrics;

/** The JSON of an aggregates report, flattened as policies read it, against the built-in policies. */
class AggregateReportWriterTest {
    private static final ThresholdRule TEN = new ThresholdRule(10, ThresholdRule.Operator.LT, false);
    private static final double X = Double.NaN;

    static CountTable table(String name, String[] keys, double[] counts) {
        String[][] k = new String[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            k[i] = new String[] {keys[i]};
        }
        return CountTable.of(name, List.of("area"), k, counts);
    }

    static AggregateReport run(ReleaseSet base, List<ReleaseSet> later, PrimaryRuleConfig rules) throws Exception {
        return AggregateAnalysis.run(base, later, new AggregateConfig(rules, List.of(), null, 0, true,
                ProtectionRequirement.exactOnly(), 0, TEN), new OjAlgoIntervalSolver(), null, ProgressMonitor.none());
    }

    static Map<String, Double> metrics(AggregateReport r) throws Exception {
        JsonNode json = new ObjectMapper().readTree(AggregateReportWriter.json(r));
        return ResultMetrics.flatten(json);
    }

    static PolicyEvaluation evaluate(String policy, AggregateReport r) throws Exception {
        return PolicyEvaluator.evaluate(PolicyJson.builtIn(policy), metrics(r), Locale.ENGLISH);
    }

    @Test
    void aSecondReleaseWithACellOf4FailsThePolicies() throws Exception {
        ReleaseSet w1 = new ReleaseSet("w1", List.of(table("F", new String[] {"a1", "a2"}, new double[] {30, 12})),
                Map.of());
        ReleaseSet w2 = new ReleaseSet("w2", List.of(table("F", new String[] {"a1", "a2", "a3"},
                new double[] {45, 20, 4})), Map.of());
        AggregateReport alone = run(w1, List.of(), PrimaryRuleConfig.thresholdOnly(null));
        assertFalse(evaluate("min-cell-10", alone).failed());
        assertFalse(evaluate("acro-defaults", alone).failed());
        AggregateReport series = run(w1, List.of(w2), PrimaryRuleConfig.thresholdOnly(null));
        Map<String, Double> m = metrics(series);
        assertEquals(4.0, m.get("aggregates.minCount.F"));
        assertEquals(4.0, m.get("releases.1.aggregates.minCount.F"));
        assertEquals(12.0, m.get("releases.0.aggregates.minCount.F"));
        assertEquals(2.0, m.get("aggregates.releases"));
        assertTrue(evaluate("min-cell-10", series).failed());
        PolicyEvaluation acro = evaluate("acro-defaults", series);
        assertTrue(acro.failed());
        assertEquals(FindingStatus.FAIL, acro.findings().get(0).status());
        // the increment a3 = 4 - 0 is recoverable: ACRO's linked-table review becomes a warning
        assertEquals(FindingStatus.WARN, acro.findings().get(5).status());
    }

    @Test
    void acroDefaultsOnACountTable() throws Exception {
        // counts 12, 15 and a margin 27: passes; dominance and p-ratio do not apply without
        // contributions, and say so
        CountTable ok = table("C", new String[] {"a1", "a2", "Total"}, new double[] {12, 15, 27});
        PolicyEvaluation ev = evaluate("acro-defaults", run(ReleaseSet.of(ok), List.of(),
                PrimaryRuleConfig.thresholdOnly(null)));
        assertFalse(ev.failed());
        Finding nk = ev.findings().get(2);
        assertEquals("aggregates.maxTop2Share", nk.rule().metric());
        assertEquals(FindingStatus.PASS, nk.status());
        assertTrue(nk.explanation().contains("does not apply"), nk.explanation());
        // a published 0 fails (zeros are disclosive), a 9 fails the threshold
        CountTable zero = table("C", new String[] {"a1", "a2", "a3", "Total"}, new double[] {12, 15, 0, 27});
        PolicyEvaluation z = evaluate("acro-defaults", run(ReleaseSet.of(zero), List.of(),
                PrimaryRuleConfig.thresholdOnly(null)));
        assertEquals(FindingStatus.PASS, z.findings().get(0).status());
        assertEquals(FindingStatus.FAIL, z.findings().get(1).status());
        CountTable nine = table("C", new String[] {"a1", "a2", "Total"}, new double[] {9, 15, 24});
        assertEquals(FindingStatus.FAIL, evaluate("acro-defaults", run(ReleaseSet.of(nine), List.of(),
                PrimaryRuleConfig.thresholdOnly(null))).findings().get(0).status());
        // exactly 10 passes: ACRO fails count < 10 only
        CountTable ten = table("C", new String[] {"a1", "a2", "Total"}, new double[] {10, 15, 25});
        assertFalse(evaluate("acro-defaults", run(ReleaseSet.of(ten), List.of(),
                PrimaryRuleConfig.thresholdOnly(null))).failed());
    }

    /** One cell per contribution list, count = number of contributions, 10 or more each. */
    static CountTable magnitudes(double[]... contributions) {
        String[] keys = new String[contributions.length];
        double[] counts = new double[contributions.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = "c" + i;
            counts[i] = contributions[i].length;
        }
        return table("M", keys, counts).withContributions(contributions);
    }

    static double[] cell(double x1, double x2, double each, int others) {
        double[] v = new double[2 + others];
        v[0] = x1;
        v[1] = x2;
        for (int i = 0; i < others; i++) {
            v[2 + i] = each;
        }
        return v;
    }

    @Test
    void acroDefaultsOnMagnitudesAtTheirExactBoundaries() throws Exception {
        // 50 + 40 of 100 = 90 %: ACRO 1.x fails at >= 90 %; rest 10 = 20 % of 50 passes p-ratio
        AggregateReport atNk = run(ReleaseSet.of(magnitudes(cell(50, 40, 1, 10))), List.of(),
                PrimaryRuleConfig.acro());
        assertEquals(0.9, metrics(atNk).get("aggregates.maxTop2Share"), 1e-12);
        PolicyEvaluation nk = evaluate("acro-defaults", atNk);
        assertEquals(FindingStatus.FAIL, nk.findings().get(2).status());
        assertEquals(FindingStatus.PASS, nk.findings().get(3).status());
        // 40 + 39 of 100 = 79 %: passes; rest 21 = 52.5 % of 40: passes
        assertFalse(evaluate("acro-defaults", run(ReleaseSet.of(magnitudes(cell(40, 39, 1, 21))), List.of(),
                PrimaryRuleConfig.acro())).failed());
        // rest exactly 10 % of x1 (100, 50, ten 1s): (160 - 150)/100 = 0.10 is not < 0.10: passes the
        // p-ratio; top 2 = 150/160 = 93.75 % fails NK
        PolicyEvaluation exact = evaluate("acro-defaults", run(ReleaseSet.of(magnitudes(cell(100, 50, 1, 10))),
                List.of(), PrimaryRuleConfig.acro()));
        assertEquals(FindingStatus.PASS, exact.findings().get(3).status());
        assertEquals(FindingStatus.FAIL, exact.findings().get(2).status());
        // (159 - 150)/100 = 0.09 < 0.10 fails
        assertEquals(FindingStatus.FAIL, evaluate("acro-defaults", run(ReleaseSet.of(magnitudes(
                new double[] {100, 50, 1, 1, 1, 1, 1, 1, 1, 1, 1})), List.of(), PrimaryRuleConfig.acro()))
                .findings().get(3).status());
    }

    @Test
    void jsonCarriesTheRulesOperatorsAndTheAuditExplanation() throws Exception {
        CountTable t = table("T", new String[] {"a1", "a2", "Total"}, new double[] {X, 9, 17});
        JsonNode json = new ObjectMapper().readTree(AggregateReportWriter.json(run(ReleaseSet.of(t), List.of(),
                PrimaryRuleConfig.acro())));
        assertEquals(">=", json.at("/rules/dominance/operator").asText());
        assertEquals(2, json.at("/rules/dominance/n").asInt());
        assertEquals(10, json.at("/rules/pPercent").asInt());
        assertTrue(json.at("/rules/zeroMagnitudeUnsafe").asBoolean());
        assertEquals("exact", json.at("/audit/0/exposure").asText());
        assertEquals("Exactly recomputable: the published numbers force the value 8.",
                json.at("/audit/0/explanation").asText());
        assertEquals(1, json.at("/aggregates/exposedCells").asInt());
        String text = AggregateReportWriter.text(run(ReleaseSet.of(t), List.of(), PrimaryRuleConfig.acro()));
        assertTrue(text.contains("Dominance rule: unsafe if top 2 >= 90% of the cell total"), text);
        assertTrue(text.contains("Exactly recomputable"), text);
    }
}

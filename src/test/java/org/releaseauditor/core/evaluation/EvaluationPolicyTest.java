package org.releaseauditor.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.audit.PolicyJson;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.policy.PolicyEvaluator;
import org.releaseauditor.core.policy.PolicyProfile;

/** The built-in residual-risk policy on the metric paths of the lane's JSON (issue 16, item 8). */
class EvaluationPolicyTest {

    private static void put(Map<String, Double> m, String attack, double value, double low, double high) {
        m.put(attack + ".residualRisk.value", value);
        m.put(attack + ".residualRisk.low", low);
        m.put(attack + ".residualRisk.high", high);
        m.put(attack + ".attackRate.value", 0.5);
    }

    @Test
    void failsAboveFivePercentAndWarnsWhenTheIntervalReachesAboveIt() throws Exception {
        PolicyProfile p = PolicyJson.builtIn("evaluation-residual-risk");
        assertFalse(p.source().isBlank());
        Map<String, Double> m = new LinkedHashMap<>();
        put(m, "singlingOut.univariate", 0.01, 0.0, 0.03);
        put(m, "singlingOut.multivariate", 0.02, 0.0, 0.07);
        put(m, "linkability", 0.0, 0.0, 0.01);
        put(m, "inference", 0.09, 0.05, 0.13);
        PolicyEvaluation e = PolicyEvaluator.evaluate(p, m, Locale.ENGLISH);
        List<FindingStatus> statuses = e.findings().stream().map(Finding::status).toList();
        // one rule pair (value FAIL, upper end WARN) per attack: the singling-out values pass; the
        // multivariate interval reaches 0.07 (warn); linkability passes; inference 0.09 fails and its
        // interval reaches 0.13 (warn)
        assertEquals(List.of(FindingStatus.PASS, FindingStatus.PASS, FindingStatus.PASS, FindingStatus.WARN,
                FindingStatus.PASS, FindingStatus.PASS, FindingStatus.FAIL, FindingStatus.WARN), statuses);
        assertEquals("singlingOut.multivariate.residualRisk.high", e.findings().get(3).metricKey());
        assertEquals("inference.residualRisk.value", e.findings().get(6).metricKey());
        assertEquals(FindingStatus.FAIL, e.overall());
    }

    @Test
    void anAttackThatDidNotRunIsReportedAsNotMeasured() throws Exception {
        PolicyProfile p = PolicyJson.builtIn("evaluation-residual-risk");
        Map<String, Double> m = new LinkedHashMap<>();
        put(m, "singlingOut.univariate", 0.01, 0.0, 0.03);
        put(m, "singlingOut.multivariate", 0.02, 0.0, 0.04);
        PolicyEvaluation e = PolicyEvaluator.evaluate(p, m, Locale.ENGLISH);
        assertEquals(FindingStatus.PASS, e.findings().get(0).status());
        assertEquals(FindingStatus.WARN, e.findings().get(4).status(), "linkability did not run");
        assertEquals(null, e.findings().get(4).measured());
        assertEquals(FindingStatus.WARN, e.overall());
    }

    @Test
    void withoutControlEveryRuleSaysNotMeasured() throws Exception {
        PolicyProfile p = PolicyJson.builtIn("evaluation-residual-risk");
        Map<String, Double> m = Map.of("singlingOut.univariate.attackRate.value", 0.3, "linkability.attackRate.value",
                0.1);
        for (Finding f : PolicyEvaluator.evaluate(p, m, Locale.ENGLISH).findings()) {
            assertEquals(FindingStatus.WARN, f.status());
        }
    }
}

package org.releaseauditor.service.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultMetricsTest {

    @Test
    void flattensNumericLeavesToDottedPaths() throws Exception {
        String json = """
                {"k":2,"prosecutor":{"highest":0.5,"recordsAtRisk":0.2},"histogram":[[2,1],[3,1]],
                 "lDiversity":{"diagnosis":{"distinct":2}},"populationUniqueness":{"dankarModel":"pitman"},
                 "flag":true,"tables":[{"minCount":12}]}
                """;
        Map<String, Double> m = ResultMetrics.flatten(new ObjectMapper().readTree(json));
        assertEquals(2.0, m.get("k"));
        assertEquals(0.5, m.get("prosecutor.highest"));
        assertEquals(3.0, m.get("histogram.1.0"));
        assertEquals(2.0, m.get("lDiversity.diagnosis.distinct"));
        assertEquals(12.0, m.get("tables.0.minCount"));
        assertEquals(1.0, m.get("flag"));
        assertFalse(m.containsKey("populationUniqueness.dankarModel"), "strings are not metrics");
    }

    @Test
    void policyServiceEvaluatesBuiltInOnAResult() throws Exception {
        PolicyOutcome o = new PolicyService().evaluate("min-group-5", new ObjectMapper().readTree("{\"k\":3}"));
        assertTrue(o.failed());
        assertTrue(o.policyJson().contains("\"min-group-5\""));
        PolicyOutcome ok = new PolicyService().evaluate("min-group-5", new ObjectMapper().readTree("{\"k\":5}"));
        assertFalse(ok.failed());
    }
}

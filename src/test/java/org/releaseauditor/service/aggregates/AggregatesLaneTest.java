package org.releaseauditor.service.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.casefile.CaseInfo;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.report.json.Json;
import org.releaseauditor.service.AnalysisOutput;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.cases.CaseService;

class AggregatesLaneTest {

    /**
     * A 2 x 2 table with margins: cell (a,x)=3 is withheld, but row a's total 8 and the
     * published (a,y)=5 give it back exactly.
     */
    private static final String TABLE = """
            region,sex,count
            a,x,
            a,y,5
            b,x,12
            b,y,20
            a,Total,8
            b,Total,32
            Total,x,15
            Total,y,25
            Total,Total,40
            """;

    @TempDir
    Path dir;

    @Test
    void parametersAreParsedWithDefaults() throws Exception {
        Path t = dir.resolve("footfall.csv");
        AggregateRequest r = AggregatesLane.request(t, Map.of("threshold", "10", "operator", "le",
                "zeroUnsafe", "true", "audit", "true", "protection", "20%", "dims", "region|sex",
                "tables", "od=" + dir.resolve("od.csv"), "scale", "3.7", "marginTokens", "ALL"));
        assertEquals(2, r.tables().size());
        assertEquals("footfall", r.tables().get(0).spec().name());
        assertEquals("od", r.tables().get(1).spec().name());
        assertEquals(List.of("region", "sex"), r.tables().get(1).spec().dimensions());
        assertEquals(3.7, r.tables().get(0).spec().scale());
        assertEquals(java.util.Set.of("ALL"), r.tables().get(0).spec().marginTokens());
        assertEquals(new ThresholdRule(10, ThresholdRule.Operator.LE, true), r.threshold());
        assertTrue(r.audit());
        assertEquals(20.0, r.protection().percent());
        assertEquals(0.0, r.protection().absolute());
        assertEquals("count", r.tables().get(0).spec().countColumn());

        AggregateRequest d = AggregatesLane.request(t, Map.of());
        assertEquals(null, d.threshold());
        assertFalse(d.audit());
        assertEquals(1, d.tables().size());
        assertTrue(d.tables().get(0).spec().suppressionMarkers().contains(""));
        assertTrue(Double.isNaN(d.pPercent()));
    }

    @Test
    void badParametersAreUsageErrors() {
        Path t = dir.resolve("t.csv");
        assertThrows(ConfigurationException.class, () -> AggregatesLane.request(t, Map.of("qis", "a")));
        assertThrows(ConfigurationException.class, () -> AggregatesLane.request(t, Map.of("operator", "gt")));
        assertThrows(ConfigurationException.class, () -> AggregatesLane.request(t, Map.of("threshold", "ten")));
        assertThrows(ConfigurationException.class, () -> AggregatesLane.request(t, Map.of("audit", "yes")));
        assertThrows(ConfigurationException.class, () -> AggregatesLane.request(t, Map.of("tables", "od")));
        assertThrows(ConfigurationException.class, () -> AggregatesLane.request(t, Map.of("dominance", "3")));
    }

    @Test
    void runFindsTheUnsafeCellAndTheWithheldCellRecomputedFromMargins() throws Exception {
        Path t = dir.resolve("small.csv");
        Files.writeString(t, TABLE);
        AnalysisOutput out = new AggregatesLane().run(t, Map.of("threshold", "10", "audit", "true"),
                ProgressMonitor.none());
        JsonNode params = Json.MAPPER.readTree(out.paramsJson());
        assertEquals(10.0, params.get("threshold").asDouble());
        assertEquals("lt", params.get("operator").asText());
        assertTrue(params.get("audit").asBoolean());
        assertEquals("small", params.get("tables").get(0).get("name").asText());
        assertTrue(params.get("dims").isNull(), "inferred dimensions are recorded as null");
        assertEquals("count", params.get("count").asText());
        JsonNode res = Json.MAPPER.readTree(out.resultJson());
        JsonNode agg = res.get("aggregates");
        // the published 5 and the published margin 8 are below 10; the withheld 3 is pinned
        // exactly by the LP audit (8 - 5)
        assertEquals(2, agg.get("unsafeCells").asInt());
        assertEquals(1, agg.get("exposedCells").asInt());
        assertEquals(1, agg.get("suppressedCells").asInt());
    }

    @Test
    void laneRunsInsideACaseAndFailsMinCell10() throws Exception {
        Path t = dir.resolve("small.csv");
        Files.writeString(t, TABLE);
        assertTrue(LaneRegistry.global().find("aggregates").isPresent());
        try (CaseService cs = CaseService.create(dir.resolve("c.rcase"),
                new CaseInfo("t", "", "", "A", null), LaneRegistry.global())) {
            RunEntry run = cs.runLane("aggregates", t.toString(), Map.of("threshold", "10", "audit", "true"),
                    ProgressMonitor.none());
            assertEquals("aggregates", run.lane());
            PolicyEvaluation ev = cs.evaluatePolicy(run.id(), "min-cell-10");
            assertTrue(ev.failed());
        }
    }
}

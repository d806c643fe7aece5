package org.releaseauditor.service.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneRegistry;
import org.releaseauditor.service.LaneResult;
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
    void commandLineSyntaxIsParsedByTheBuilderWithItsDefaults() throws Exception {
        Path t = dir.resolve("footfall.csv");
        AggregatesRequest.Builder b = AggregatesRequest.builder().threshold(10.0).operator("le").zeroUnsafe(true)
                .audit(true).protection("20%").marginTokens("ALL").scale(3.7);
        b.table("footfall=" + t + ",dims=region|sex", "--table");
        b.table("od=" + dir.resolve("od.csv") + ",count=trips,scale=2", "--table");
        LaneCall<AggregatesRequest> call = b.buildCall();
        AggregatesRequest r = call.request();
        assertEquals(2, r.tables().size());
        assertEquals("footfall", r.tables().get(0).name());
        assertEquals(List.of("region", "sex"), r.tables().get(0).dimensions());
        assertNull(r.tables().get(1).dimensions(), "no dims: inferred from the header");
        assertEquals(3.7, r.tables().get(0).scale(), "--scale applies to tables without their own");
        assertEquals(2.0, r.tables().get(1).scale());
        assertEquals("count", r.tables().get(0).count(), "the default count column");
        assertEquals("trips", r.tables().get(1).count());
        assertEquals(List.of("ALL"), r.marginTokens());
        assertEquals(new ThresholdRule(10, ThresholdRule.Operator.LE, true), r.thresholdRule());
        assertTrue(r.audit());
        assertEquals(20.0, r.protection().percent());
        assertEquals(0.0, r.protection().absolute());
        assertEquals(Map.of("table:footfall", t.toString(), "table:od", dir.resolve("od.csv").toString()),
                call.inputs());

        AggregatesRequest d = AggregatesRequest.defaults();
        assertNull(d.threshold());
        assertFalse(d.audit());
        assertTrue(d.suppressionMarkers().contains(""));
        assertNull(d.pPercent());
        // one set of margin tokens for every front end (the CLI once had ALL, the case lane not)
        assertEquals(List.of("*", "ALL", "All", "Total"), d.marginTokens());
    }

    @Test
    void badOptionsAreUsageErrorsOfTheBuilder() {
        assertThrows(ConfigurationException.class, () -> AggregatesRequest.builder().operator("gt"));
        assertThrows(ConfigurationException.class, () -> AggregatesRequest.builder().table("od", "--table"));
        assertThrows(ConfigurationException.class, () -> AggregatesRequest.builder().dominance("3"));
        assertThrows(ConfigurationException.class, () -> AggregatesRequest.builder().protection("ten"));
        assertThrows(ConfigurationException.class, () -> AggregatesRequest.builder().build(), "no table");
        assertThrows(ConfigurationException.class, () -> {
            AggregatesRequest.Builder b = AggregatesRequest.builder().threshold(-1.0);
            b.table("t");
            b.build();
        });
        assertThrows(ConfigurationException.class, () -> {
            AggregatesRequest.Builder b = AggregatesRequest.builder().dominance(0, 75);
            b.table("t");
            b.build();
        });
    }

    @Test
    void runFindsTheUnsafeCellAndTheWithheldCellRecomputedFromMargins() throws Exception {
        Path t = dir.resolve("small.csv");
        Files.writeString(t, TABLE);
        AggregatesRequest.Builder b = AggregatesRequest.builder().threshold(10.0).audit(true);
        b.table("small");
        LaneResult<AggregatesRequest, AggregatesOutput> out = new AggregatesLane().analyze(b.build(),
                LaneInputs.of("table:small", t), ProgressMonitor.none());
        JsonNode params = Json.MAPPER.readTree(out.requestJson());
        assertEquals(10.0, params.get("threshold").asDouble());
        assertEquals("lt", params.get("operator").asText());
        assertTrue(params.get("audit").asBoolean());
        assertEquals("small", params.get("tables").get(0).get("name").asText());
        assertTrue(params.get("tables").get(0).get("dimensions").isNull(), "inferred dimensions are recorded as null");
        JsonNode res = Json.MAPPER.readTree(out.json());
        assertEquals("aggregates", res.get("lane").asText());
        assertEquals(64, res.at("/inputs/table:small/sha256").asText().length(), "the input's SHA-256 is recorded");
        JsonNode agg = res.get("aggregates");
        // the published 5 and the published margin 8 are below 10; the withheld 3 is pinned
        // exactly by the LP audit (8 - 5)
        assertEquals(2, agg.get("unsafeCells").asInt());
        assertEquals(1, agg.get("exposedCells").asInt());
        assertEquals(1, agg.get("suppressedCells").asInt());
        assertEquals(1, out.output().release().tables().size(), "the dashboard gets the tables as read");
    }

    @Test
    void laneRunsInsideACaseAndFailsMinCell10() throws Exception {
        Path t = dir.resolve("small.csv");
        Files.writeString(t, TABLE);
        assertTrue(LaneRegistry.global().find("aggregates").isPresent());
        try (CaseService cs = CaseService.create(dir.resolve("c.rcase"),
                new CaseInfo("t", "", "", "A", null), LaneRegistry.global())) {
            AggregatesRequest.Builder b = AggregatesRequest.builder().threshold(10.0).audit(true);
            b.table("small");
            RunEntry run = cs.run(b.build(), Map.of("table:small", t.toString()), ProgressMonitor.none());
            assertEquals("aggregates", run.lane());
            PolicyEvaluation ev = cs.evaluatePolicy(run.id(), "min-cell-10");
            assertTrue(ev.failed());
        }
    }

    @Test
    void unknownColumnsAndRolesAreRefusedBeforeAnyWork() throws Exception {
        Path t = dir.resolve("small.csv");
        Files.writeString(t, TABLE);
        AggregatesLane lane = new AggregatesLane();
        AggregatesRequest.Builder b = AggregatesRequest.builder();
        b.table("small").dimensions(List.of("regoin", "sex"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> lane.validate(b.build(), LaneInputs.of("table:small", t)));
        assertTrue(e.getMessage().contains("Did you mean 'region'"), e.getMessage());
        AggregatesRequest.Builder ok = AggregatesRequest.builder();
        ok.table("small");
        assertThrows(ConfigurationException.class, () -> lane.validate(ok.build(),
                LaneInputs.of("table:other", t)), "a role for a table the request does not name");
        assertThrows(ConfigurationException.class, () -> lane.validate(ok.build(), LaneInputs.none()),
                "the table's file is missing");
        AggregatesRequest.Builder dom = AggregatesRequest.builder().dominance(3, 75);
        dom.table("small");
        assertTrue(assertThrows(ConfigurationException.class, () -> lane.validate(dom.build(),
                LaneInputs.of("table:small", t))).getMessage().contains("magnitude"));
    }
}

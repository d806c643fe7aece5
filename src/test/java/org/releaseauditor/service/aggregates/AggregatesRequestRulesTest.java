package org.releaseauditor.service.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.aggregate.AggregateConfig;
import org.releaseauditor.core.aggregate.DominanceRule;
import org.releaseauditor.core.aggregate.PqRule;
import org.releaseauditor.core.aggregate.PrimaryRuleConfig;
import org.releaseauditor.core.aggregate.ThresholdRule;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneInputs;

/**
 * The request's rule settings of issue 12 (dominance boundary, pq, all-zero cells, the ACRO
 * preset, tie samples) and the configuration it hands to the engine; every default is the
 * request builder's.
 */
class AggregatesRequestRulesTest {

    private static AggregatesRequest.Builder withTable(AggregatesRequest.Builder b) throws ConfigurationException {
        b.table("t");
        return b;
    }

    @Test
    void theEngineGetsEveryRuleWithItsBoundary() throws Exception {
        AggregatesRequest r = withTable(AggregatesRequest.builder().threshold(5.0).operator("le")
                .dominance("n=2,k=90,op=ge").pPercent(10.0).pq("p=25,q=50").zeroMagnitudeUnsafe(true)).build();
        PrimaryRuleConfig p = r.primaryRules();
        assertEquals(new ThresholdRule(5, ThresholdRule.Operator.LE, false), p.threshold());
        assertEquals(new DominanceRule(2, 90, DominanceRule.Boundary.GE), p.dominance());
        assertEquals(10.0, p.pPercent());
        assertEquals(new PqRule(25, 50), p.pq());
        assertTrue(p.zeroMagnitudeUnsafe());
        AggregateConfig c = r.config();
        assertEquals(p, c.rules());
        assertEquals(p.threshold(), c.derivedRule(), "derived numbers follow the threshold rule when there is one");
    }

    @Test
    void defaultsLiveInTheBuilder() throws Exception {
        AggregatesRequest r = withTable(AggregatesRequest.builder().dominance("n=3,k=75")).build();
        assertEquals(DominanceRule.Boundary.GT, r.dominanceRule().boundary(), "tau-ARGUS and sdcTable: >");
        assertNull(r.pq());
        assertFalse(r.zeroMagnitudeUnsafe());
        assertNull(r.rulesPreset());
        // without a threshold, derived numbers and series increments are judged by count < 10
        assertEquals(new ThresholdRule(10, ThresholdRule.Operator.LT, false), r.config().derivedRule());
        AggregatesRequest rec = withTable(AggregatesRequest.builder().recoverFrom("x.csv")).build();
        assertEquals(0, rec.recovery().tieSamples());
        assertEquals(0, rec.recoveryConfig().tieSamples());
        assertEquals(2, rec.recoveryConfig().topK());
        AggregatesRequest.RuleStart start = AggregatesRequest.ruleStart();
        assertEquals("gt", start.dominanceOperator());
        assertEquals(PqRule.sdcTableDefault().p(), start.pqP());
        assertEquals(PqRule.sdcTableDefault().q(), start.pqQ());
    }

    @Test
    void theAcroPresetIsAcrosRuleSetAndOptionsOverrideIt() throws Exception {
        AggregatesRequest acro = withTable(AggregatesRequest.builder().rules("acro")).build();
        assertEquals(PrimaryRuleConfig.acro(), acro.primaryRules());
        assertEquals("acro", acro.rulesPreset());
        AggregatesRequest over = withTable(AggregatesRequest.builder().rules("ACRO").threshold(5.0)
                .dominance("n=3,k=75,op=gt")).build();
        assertEquals(5, over.primaryRules().threshold().threshold());
        assertTrue(over.primaryRules().threshold().zeroUnsafe(), "the preset's zero rule stays");
        assertEquals(new DominanceRule(3, 75, DominanceRule.Boundary.GT), over.primaryRules().dominance());
        assertThrows(ConfigurationException.class, () -> AggregatesRequest.builder().rules("sdcmicro"));
    }

    @Test
    void aPresetWithARuleSwitchedOffRoundTripsThroughItsJson() throws Exception {
        AggregatesRequest r = withTable(AggregatesRequest.builder().rules("acro").noDominance().tieSamples(0))
                .build();
        assertNull(r.dominance());
        AggregatesRequest back = AggregatesRequest.fromJson(r.toJson());
        assertEquals(r, back);
        assertNull(back.primaryRules().dominance(), "a rule written as null stays off under the preset");
        assertEquals(r.toJson(), back.toJson());
    }

    @Test
    void aRequestWrittenBeforeTheNewRulesStillReads() throws Exception {
        AggregatesRequest old = AggregatesRequest.fromJson("{\"tables\":[{\"name\":\"f\"}],\"dominance\":"
                + "{\"n\":3,\"k\":75},\"recovery\":{\"userColumn\":\"u\",\"slotColumn\":\"s\",\"areaColumn\":\"a\","
                + "\"slotMinutes\":60,\"topK\":2}}");
        assertEquals(DominanceRule.Boundary.GT, old.dominanceRule().boundary());
        assertEquals(0, old.recovery().tieSamples());
        assertNull(old.pq());
    }

    @Test
    void outOfRangeValuesAreRefusedByTheBuilderAndBeforeAnyFileIsRead() throws Exception {
        assertThrows(ConfigurationException.class, () -> withTable(AggregatesRequest.builder().pq("p=50,q=25"))
                .build(), "p < q");
        assertThrows(ConfigurationException.class, () -> withTable(AggregatesRequest.builder().pq(10, 101))
                .build(), "q <= 100");
        assertThrows(ConfigurationException.class, () -> AggregatesRequest.builder().pq("p=1,q=2,r=3"));
        assertThrows(ConfigurationException.class, () -> AggregatesRequest.builder().dominance("n=2,k=90,op=lt"));
        assertThrows(ConfigurationException.class, () -> withTable(AggregatesRequest.builder().recoverFrom("x")
                .tieSamples(1001)).build());
        withTable(AggregatesRequest.builder().recoverFrom("x").tieSamples(1000)).build();
        // a request made without the builder's checks (read from a case) is checked by the service
        // before it opens a file: the table's file does not exist, yet the error is the option's
        AggregatesRequest ok = withTable(AggregatesRequest.builder()).build();
        AggregatesRequest bad = new AggregatesRequest(ok.tables(), null, "lt", false, null, null,
                new AggregatesRequest.Pq(50, 25), false, null, null, false, 0, 0, 0, ok.marginTokens(),
                ok.suppressionMarkers(), null);
        LaneInputs inputs = LaneInputs.of("table:t", Path.of("does-not-exist.csv"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new AggregatesLane().validate(bad, inputs));
        assertTrue(e.getMessage().contains("--pq"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> new AggregatesLane().analyze(bad, inputs,
                ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("--pq"), e.getMessage());
    }
}

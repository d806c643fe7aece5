package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.risk.RiskTables.column;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.IndividualRiskResult.HouseholdRisk;

class IndividualRiskTest {

    private static final double EPS = 1e-12;

    @ParameterizedTest(name = "f={0}, F={1} -> {2}")
    @CsvSource({
        // METRICS.md golden values (p = 0.01 in each row)
        "1, 100, 0.046517",
        "2, 200, 0.009631",
        "5, 500, 0.002494",
        // F = f: a census, r = 1/f
        "1, 1, 1.0",
        "3, 3, 0.333333",
        // F < f (weights below 1) is raised to f
        "4, 2, 0.25",
    })
    void benedettiFranconiMatchesGoldenValues(int f, double populationSize, double expected) {
        assertEquals(expected, IndividualRisk.risk(f, populationSize), 5e-7);
    }

    @Test
    void handWorkedTableWithHouseholds() throws Exception {
        // QI: x, x, y; weights 10, 30, 50; households h1, h1, h2
        // class x: f=2, F=40, p=0.05: r = 0.05/0.95 − (0.05/0.95)²·ln 20 = 0.04433315159680335
        // class y: f=1, F=50, p=0.02: r = (0.02/0.98)·ln 50           = 0.07983720419241115
        // ER = 2·0.044333… + 0.079837… = 0.16850350738601785; global = ER/3 = 0.05616783579533929
        // h1 = 1 − (1 − 0.044333…)² = 0.08670087486310163; h2 = 0.07983720419241115
        // household ER Σ_h = 0.16653807905551277; per record (sdcMicro hier_risk_ER) 2·h1 + h2
        //   = 0.2532389539186144, hier_risk = 0.08441298463953813
        Column qi = column("qi", "x", "x", "y");
        Column weight = column("w", "10", "30", "50");
        Column household = column("hh", "h1", "h1", "h2");
        Partition p = Partition.group(List.of(qi), ProgressMonitor.none());
        IndividualRiskResult r = IndividualRisk.compute(p, weight, household, ProgressMonitor.none());
        assertEquals(3, r.records());
        assertEquals(0, r.suppressedRecords());
        assertEquals(0.16850350738601785, r.expectedReidentifications(), EPS);
        assertEquals(0.05616783579533929, r.globalRisk(), EPS);
        assertEquals(0.07983720419241115, r.maxRisk(), EPS);
        assertEquals(0.04433315159680335, r.riskDistribution().median(), EPS);
        assertEquals(0.04433315159680335, r.riskDistribution().min(), EPS);
        // thresholds 0.05, 0.1, 0.2: only the y record (0.0798) is above 0.05
        assertEquals(List.of(1L, 0L, 0L), r.recordsAboveThresholds().stream().map(t -> t.count()).toList());
        assertEquals(1.0 / 3, r.recordsAboveThresholds().get(0).share(), EPS);
        // risk bins: 0.044 falls in (0.04, 0.05], 0.0798 in (0.07, 0.08]
        assertEquals(2, binCount(r.riskDistribution(), 0.05));
        assertEquals(1, binCount(r.riskDistribution(), 0.08));
        HouseholdRisk h = r.household();
        assertEquals(2, h.households());
        assertEquals(0, h.recordsWithoutHousehold());
        assertEquals(0.16653807905551277, h.expectedReidentifications(), EPS);
        assertEquals(0.2532389539186144, h.recordExpectedReidentifications(), EPS);
        assertEquals(0.08441298463953813, h.globalRisk(), EPS);
        assertEquals(0.08670087486310163, h.maxRisk(), EPS);
        assertEquals(List.of(2L, 0L, 0L), h.householdsAboveThresholds().stream().map(t -> t.count()).toList());
    }

    private static long binCount(ScoreSummary s, double upperBound) {
        return s.histogram().stream().filter(b -> b.upperBound() == upperBound).findFirst().orElseThrow().count();
    }

    @Test
    void withoutHouseholdColumnThereIsNoHouseholdRisk() throws Exception {
        Partition p = Partition.group(List.of(column("qi", "a", "b")), ProgressMonitor.none());
        IndividualRiskResult r = IndividualRisk.compute(p, column("w", "1", "1"), null, ProgressMonitor.none());
        assertNull(r.household());
        // weights 1: a census, every record unique → r = 1
        assertEquals(2.0, r.expectedReidentifications(), EPS);
        assertEquals(1.0, r.globalRisk(), EPS);
    }

    @Test
    void recordsWithoutHouseholdIdAreHouseholdsOfTheirOwn() throws Exception {
        // census weights: classes a (2 records, r = 1/2 each), b (1 record, r = 1)
        // household h: rows 0 and 2 → 1 − (1 − 0.5)(1 − 1) = 1; row 1 has no id → its own, 0.5
        Partition p = Partition.group(List.of(column("qi", "a", "a", "b")), ProgressMonitor.none());
        IndividualRiskResult r = IndividualRisk.compute(p, column("w", "1", "1", "1"), column("hh", "h", "", "h"),
                ProgressMonitor.none());
        assertEquals(2, r.household().households());
        assertEquals(1, r.household().recordsWithoutHousehold());
        assertEquals(1.5, r.household().expectedReidentifications(), EPS);
        assertEquals(2.5, r.household().recordExpectedReidentifications(), EPS);
    }

    @Test
    void allSuppressedRecordsGetNoRisk() throws Exception {
        // rows 1 and 2 have every QI suppressed: left out; row 0 is unique with F = 4 → p = 0.25
        // r = (0.25/0.75)·ln 4 = 0.46209812037329684
        Partition p = Partition.group(List.of(column("qi", "a", "*", "*")), ProgressMonitor.none());
        IndividualRiskResult r = IndividualRisk.compute(p, column("w", "4", "1", "1"), null, ProgressMonitor.none());
        assertEquals(1, r.records());
        assertEquals(2, r.suppressedRecords());
        assertEquals(0.46209812037329684, r.expectedReidentifications(), EPS);
        assertEquals(0.46209812037329684, r.globalRisk(), EPS);
    }

    @Test
    void invalidWeightsNameColumnAndRowButNoPersonalValues() {
        Partition p = Partition.group(List.of(column("qi", "secretA", "secretB", "secretC")), ProgressMonitor.none());
        DatasetFormatException missing = assertThrows(DatasetFormatException.class,
                () -> IndividualRisk.compute(p, column("w", "1", "", "1"), null, ProgressMonitor.none()));
        assertEquals("risk.error.weightMissing", missing.messageKey());
        assertEquals(2, missing.line());
        assertTrue(missing.getMessage().contains("\"w\"") && missing.getMessage().contains("row 2"),
                missing.getMessage());
        for (String bad : new String[] {"abc", "0", "-3", "NaN", "Infinity"}) {
            DatasetFormatException e = assertThrows(DatasetFormatException.class,
                    () -> IndividualRisk.compute(p, column("w", "1", "1", bad), null, ProgressMonitor.none()));
            assertEquals("risk.error.weightInvalid", e.messageKey());
            assertEquals(3, e.line());
            assertTrue(e.getMessage().contains(bad), e.getMessage());
            assertTrue(!e.getMessage().contains("secret"), e.getMessage());
        }
        assertTrue(Messages.get(Locale.GERMAN, "risk.error.weightInvalid", "w", 3, "abc").contains("Datenzeile 3"));
    }

    @Test
    void stopsWhenCancelled() {
        Partition p = Partition.group(List.of(column("qi", "a", "b")), ProgressMonitor.none());
        CancellationFlag cancelled = new CancellationFlag();
        cancelled.cancel();
        assertThrows(CancelledException.class,
                () -> IndividualRisk.compute(p, column("w", "2", "2"), null, cancelled));
    }

    @Test
    void seriesForPairsNearACensusAgreesWithTheClosedForm() {
        // f = 2 switches to the series when 1 − p < 0.05; at 1 − p = 0.04 the closed form is still
        // accurate to ~1e-14, so both must agree
        double p = 0.96;
        double odds = p / (1 - p);
        double closed = odds - odds * odds * Math.log(1 / p);
        assertEquals(closed, IndividualRisk.risk(2, 2 / p), 1e-12);
        // and it tends to 1/2 as F → f
        assertEquals(0.5, IndividualRisk.risk(2, 2 * (1 + 1e-9)), 1e-8);
    }

    @Property(tries = 2000)
    void riskIsAProbabilityNoLargerThanOneOverF(@ForAll @IntRange(min = 1, max = 50) int f,
            @ForAll @DoubleRange(min = 1.0, max = 1e7) double weightFactor) {
        double r = IndividualRisk.risk(f, f * weightFactor);
        assertTrue(r >= 0 && r <= 1, "r=" + r);
        assertTrue(r <= 1.0 / f + 1e-12, "r=" + r);
    }

    @Property(tries = 100)
    void resultsDoNotDependOnRowOrder(@ForAll @IntRange(min = 1, max = 60) int rows, @ForAll long seed)
            throws Exception {
        Random random = new Random(seed);
        String[] qi = new String[rows];
        String[] w = new String[rows];
        String[] hh = new String[rows];
        for (int i = 0; i < rows; i++) {
            qi[i] = Integer.toString(random.nextInt(5));
            w[i] = Integer.toString(1 + random.nextInt(200));
            hh[i] = Integer.toString(random.nextInt(rows));
        }
        List<Integer> order = RiskTables.shuffledOrder(rows, seed);
        IndividualRiskResult a = run(qi, w, hh);
        IndividualRiskResult b = run(permute(qi, order), permute(w, order), permute(hh, order));
        assertEquals(a.expectedReidentifications(), b.expectedReidentifications(), 1e-9);
        assertEquals(a.maxRisk(), b.maxRisk(), 0.0);
        assertEquals(a.riskDistribution().median(), b.riskDistribution().median(), 0.0);
        assertEquals(a.recordsAboveThresholds(), b.recordsAboveThresholds());
        assertEquals(a.household().households(), b.household().households());
        assertEquals(a.household().expectedReidentifications(), b.household().expectedReidentifications(), 1e-9);
        assertEquals(a.household().maxRisk(), b.household().maxRisk(), 1e-12);
        assertTrue(a.globalRisk() >= 0 && a.globalRisk() <= 1);
    }

    private static IndividualRiskResult run(String[] qi, String[] w, String[] hh) throws Exception {
        Partition p = Partition.group(List.of(column("qi", qi)), ProgressMonitor.none());
        return IndividualRisk.compute(p, column("w", w), column("hh", hh), ProgressMonitor.none());
    }

    private static String[] permute(String[] values, List<Integer> order) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[order.get(i)];
        }
        return out;
    }
}

package org.releaseauditor.core.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.PopulationRegion;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.report.json.MicrodataJson;

/**
 * The audit from a summary gives the raw-data path's numbers bit for bit: the result JSON of both
 * paths is compared as text (the raw path without SUDA2, which a summary cannot give). Expected
 * values are the raw-data path's own output on the same file, which other tests check against ARX,
 * sdcMicro and hand-worked values.
 */
class MicrodataSummaryEquivalenceTest {

    @TempDir
    Path dir;

    private static final Path ADULT = Path.of("sample-datasets/microdata/adult.csv");
    private static final Path CUSTOMERS = Path.of("sample-datasets/microdata/customers.csv");

    @Test
    void adultWithNominalAndOrderedSensitiveAttributesAndARegionGivesTheSameJson() throws Exception {
        Dataset ds = SummaryTestData.load(ADULT, ImportOptions.defaults());
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("sex", "age", "race", "marital-status", "education",
                "native-country"))
                .withSensitive(List.of(new SensitiveAttribute("salary-class", false),
                        new SensitiveAttribute("occupation", false), new SensitiveAttribute("workclass", true),
                        new SensitiveAttribute("age", true)))
                .withRegion(PopulationRegion.USA);
        String raw = SummaryTestData.rawJson(ds, cfg);
        SummaryMicrodataAnalysis s = SummaryTestData.viaSummary(ds, cfg, 10, dir);
        assertEquals(raw, MicrodataJson.write(s.analysis()));
        assertTrue(raw.contains("\"dankarModel\""), "population models were computed");
        assertEquals(List.of("suda", "riskiestClasses"), s.unavailable().stream().map(Unavailable::measure).toList());
    }

    @Test
    void adultAllNineColumnsAtAFractionAndAStrictThresholdGivesTheSameJson() throws Exception {
        Dataset ds = SummaryTestData.load(ADULT, ImportOptions.defaults());
        MicrodataConfig cfg = MicrodataConfig.defaults(ds.columnNames()).withSamplingFraction(0.01)
                .withThreshold(0.09).withMaxQiSubset(3).withRecursiveC(3);
        assertEquals(SummaryTestData.rawJson(ds, cfg),
                MicrodataJson.write(SummaryTestData.viaSummary(ds, cfg, 3, dir).analysis()));
    }

    @Test
    void customersGivesTheSameJsonAndASmallerSubsetLimitThanTheSummaryIsFine() throws Exception {
        Dataset ds = SummaryTestData.load(CUSTOMERS, ImportOptions.defaults());
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("age", "gender", "postcode_area", "tariff", "device"))
                .withSensitive(List.of(new SensitiveAttribute("segment", false),
                        new SensitiveAttribute("tariff", true)))
                .withPopulationSize(2_000_000L).withMaxQiSubset(2);
        assertEquals(SummaryTestData.rawJson(ds, cfg),
                MicrodataJson.write(SummaryTestData.viaSummary(ds, cfg, 10, dir).analysis()));
    }

    @Test
    void missingSuppressedAndAllSuppressedRowsWeightsAndTiesGiveTheSameJson() throws Exception {
        for (long seed = 1; seed <= 12; seed++) {
            Path file = dir.resolve("small-" + seed + ".csv");
            int qis = 1 + (int) (seed % 4);
            SummaryTestData.write(file, 20 + seed * 37, qis, seed, 0.3);
            Dataset ds = SummaryTestData.load(file, ImportOptions.defaults());
            List<String> names = ds.columnNames().subList(0, qis);
            MicrodataConfig cfg = MicrodataConfig.defaults(names)
                    .withSensitive(List.of(new SensitiveAttribute("diag", false),
                            new SensitiveAttribute("score", true)))
                    .withWeights("weight", null).withSamplingFraction(0.05).withThreshold(0.2 + seed / 100.0);
            assertEquals(SummaryTestData.rawJson(ds, cfg),
                    MicrodataJson.write(SummaryTestData.viaSummary(ds, cfg, 10, dir).analysis()), "seed " + seed);
        }
    }

    @Test
    void householdRiskIsListedAsUnavailableAndEverythingElseMatches() throws Exception {
        Path file = dir.resolve("households.csv");
        SummaryTestData.write(file, 3000, 3, 7, 0.05);
        Dataset ds = SummaryTestData.load(file, ImportOptions.defaults());
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("q0", "q1", "q2")).withWeights("weight", "household");
        ObjectMapper m = new ObjectMapper();
        ObjectNode raw = (ObjectNode) m.readTree(SummaryTestData.rawJson(ds, cfg));
        SummaryMicrodataAnalysis s = SummaryTestData.viaSummary(ds, cfg, 10, dir);
        ObjectNode fromSummary = (ObjectNode) m.readTree(MicrodataJson.write(s.analysis()));
        assertNotNull(raw.path("individualRisk").get("household"));
        assertTrue(fromSummary.path("individualRisk").get("household").isNull());
        ((ObjectNode) raw.path("individualRisk")).putNull("household");
        assertEquals(raw, fromSummary);
        assertTrue(s.unavailable().stream().anyMatch(u -> u.measure().equals("individualRisk.household")));
        assertNull(s.analysis().suda());
    }

    @Test
    void aGeneratedMillionRowFileGivesTheSameJson() throws Exception {
        Path file = dir.resolve("million.csv");
        SummaryTestData.write(file, 1_000_000, 8, 42, 0.02);
        Dataset ds = SummaryTestData.load(file, ImportOptions.defaults());
        MicrodataConfig cfg = MicrodataConfig.defaults(ds.columnNames().subList(0, 8))
                .withSensitive(List.of(new SensitiveAttribute("diag", false), new SensitiveAttribute("score", true)))
                .withWeights("weight", null).withSamplingFraction(0.1).withMaxQiSubset(2);
        assertEquals(SummaryTestData.rawJson(ds, cfg),
                MicrodataJson.write(SummaryTestData.viaSummary(ds, cfg, 2, dir).analysis()));
    }
}

package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * The configuration and result records: each "with" method changes exactly its own option, the
 * defaults are ARX's and sdcMicro's, survey data follow the weight column unless set, regions
 * parse as users type them, and the result records copy what they are given.
 */
class ConfigurationRecordsTest {

    @Test
    void defaultsAreArxsAndSdcMicros() {
        MicrodataConfig c = MicrodataConfig.defaults(List.of("a", "b"));
        assertEquals(List.of("a", "b"), c.quasiIdentifiers());
        assertEquals(List.of(), c.sensitive());
        assertNull(c.weightColumn());
        assertNull(c.householdColumn());
        assertNull(c.populationSize());
        assertNull(c.region());
        assertNull(c.samplingFraction());
        assertEquals(0.2, c.threshold());
        assertEquals(10, c.maxQiSubset());
        assertFalse(c.wildcards());
        assertEquals(2.0, c.recursiveC());
        assertSame(SnbVariant.ARX, c.snbVariant());
        assertSame(IndividualRiskMethod.APPROX, c.individualRiskMethod());
        assertEquals(1.0, c.qual());
        assertNull(c.survey());
        assertFalse(c.surveyData());
    }

    @Test
    void eachWithMethodChangesOnlyItsOwnOption() {
        MicrodataConfig base = MicrodataConfig.defaults(List.of("a"));
        MicrodataConfig all = base.withSensitive(List.of(new SensitiveAttribute("s", true)))
                .withWeights("w", "h").withPopulationSize(1000L).withRegion(PopulationRegion.UK)
                .withSamplingFraction(0.5).withThreshold(0.1).withMaxQiSubset(4).withWildcards(true)
                .withRecursiveC(3).withSnbVariant(SnbVariant.CORRECTED)
                .withIndividualRiskMethod(IndividualRiskMethod.EXACT).withQual(0.9).withSurvey(false);
        assertEquals(List.of(new SensitiveAttribute("s", true)), all.sensitive());
        assertEquals("w", all.weightColumn());
        assertEquals("h", all.householdColumn());
        assertEquals(1000L, all.populationSize());
        assertSame(PopulationRegion.UK, all.region());
        assertEquals(0.5, all.samplingFraction());
        assertEquals(0.1, all.threshold());
        assertEquals(4, all.maxQiSubset());
        assertTrue(all.wildcards());
        assertEquals(3.0, all.recursiveC());
        assertSame(SnbVariant.CORRECTED, all.snbVariant());
        assertSame(IndividualRiskMethod.EXACT, all.individualRiskMethod());
        assertEquals(0.9, all.qual());
        assertEquals(Boolean.FALSE, all.survey());
        assertFalse(all.surveyData());
        assertEquals(List.of("a"), all.quasiIdentifiers());
        // null variant and method fall back to the defaults
        assertSame(SnbVariant.ARX, all.withSnbVariant(null).snbVariant());
        assertSame(IndividualRiskMethod.APPROX, all.withIndividualRiskMethod(null).individualRiskMethod());
    }

    @Test
    void surveyDataFollowTheWeightColumnUnlessSetExplicitly() {
        MicrodataConfig base = MicrodataConfig.defaults(List.of("a"));
        assertTrue(base.withWeights("w", null).surveyData());
        assertFalse(base.withWeights(null, "h").surveyData());
        assertTrue(base.withSurvey(true).surveyData());
        assertFalse(base.withWeights("w", null).withSurvey(false).surveyData());
    }

    @Test
    void theListsAreCopiedAndNullSensitiveMeansNone() {
        List<String> qis = new ArrayList<>(List.of("a"));
        MicrodataConfig c = MicrodataConfig.defaults(qis);
        qis.add("b");
        assertEquals(List.of("a"), c.quasiIdentifiers());
        assertEquals(List.of(), c.withSensitive(null).sensitive());
        assertThrows(NullPointerException.class, () -> MicrodataConfig.defaults(null));
    }

    @ParameterizedTest
    @CsvSource({"germany, GERMANY", "DE, GERMANY", "de, GERMANY", "north-america, NORTH_AMERICA",
        "North America, NORTH_AMERICA", "south_america, SOUTH_AMERICA", "' uk ', UK", "European Union, EU",
        "eu, EU", "China (PRC), CHINA", "usa, USA"})
    void regionsParseAsUsersTypeThem(String text, PopulationRegion expected) throws Exception {
        assertSame(expected, Regions.parse(text));
    }

    @Test
    void anUnknownRegionListsTheKnownOnes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> Regions.parse("Atlantis"));
        assertEquals("cli.error.region", e.messageKey());
        assertEquals("Atlantis", e.args()[0]);
        assertTrue(e.args()[1].toString().startsWith("africa, australia, europe"), e.args()[1].toString());
        assertTrue(e.args()[1].toString().endsWith("uk, usa"), e.args()[1].toString());
    }

    @Test
    void regionsCarryArxsPopulationSizes() {
        assertEquals(80_767_000L, PopulationRegion.GERMANY.populationSize());
        assertEquals("Germany", PopulationRegion.GERMANY.displayName());
        assertEquals(317_238_626L, PopulationRegion.USA.populationSize());
        assertEquals("European Union", PopulationRegion.EU.displayName());
    }

    @Test
    void modelStatusAvailabilityAndDefaults() {
        assertTrue(new MicrodataResult.ModelStatus(MicrodataResult.EstimateStatus.OK, null).available());
        assertTrue(new MicrodataResult.ModelStatus(MicrodataResult.EstimateStatus.NO_SAMPLE_UNIQUES, "x")
                .available());
        assertFalse(new MicrodataResult.ModelStatus(MicrodataResult.EstimateStatus.NOT_CONVERGED, "x").available());
        assertFalse(new MicrodataResult.ModelStatus(MicrodataResult.EstimateStatus.NO_VALID_ESTIMATE, "x")
                .available());
        assertEquals("", new MicrodataResult.ModelStatus(MicrodataResult.EstimateStatus.OK, null).reason());
        assertThrows(NullPointerException.class, () -> new MicrodataResult.ModelStatus(null, "x"));
    }

    @Test
    void pairUniquenessSharesAreCopied() {
        List<Double> row = new ArrayList<>(List.of(0.5, 0.25));
        List<List<Double>> shares = new ArrayList<>(List.of(row, List.of(0.25, 1.0)));
        MicrodataResult.PairUniqueness p = new MicrodataResult.PairUniqueness(List.of("a", "b"), shares);
        row.set(0, 9.0);
        shares.clear();
        assertEquals(0.5, p.share(0, 0));
        assertEquals(0.25, p.share(0, 1));
        assertEquals(1.0, p.share(1, 1));
        assertEquals(List.of("a", "b"), p.attributes());
    }
}

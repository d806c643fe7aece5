package org.releaseauditor.ui.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.core.risk.PopulationRegion;

/** The attacker model panel's logic, without the UI toolkit. */
class AttackerModelViewModelTest {
    private AttackerModelViewModel vm;

    @BeforeEach
    void setUp() {
        Messages.setLocale(Locale.ENGLISH);
        vm = new AttackerModelViewModel();
        vm.setColumns(List.of("id", "age", "sex", "district", "diagnosis", "w"), Map.of(
                "id", AttributeRole.IDENTIFIER, "age", AttributeRole.QUASI_IDENTIFIER,
                "sex", AttributeRole.QUASI_IDENTIFIER, "district", AttributeRole.INSENSITIVE,
                "diagnosis", AttributeRole.SENSITIVE, "w", AttributeRole.WEIGHT));
    }

    @Test
    void rolesFromTheWizardBecomeTheConfiguration() {
        MicrodataRequest cfg = vm.toRequest(ImportOptions.defaults()).orElseThrow();
        assertEquals(List.of("age", "sex"), cfg.quasiIdentifiers());
        assertEquals("diagnosis", cfg.sensitive().get(0).column());
        assertEquals("w", cfg.weight());
        assertEquals(0.2, cfg.threshold());
        assertFalse(cfg.wildcards());
        // identifiers are never offered as quasi-identifiers
        assertTrue(vm.qis().stream().noneMatch(c -> c.name().equals("id")));
    }

    @Test
    void neighbourPresetTicksAgeGenderAndDistrict() {
        vm.presetProperty().set(AttackerPreset.builtIn().stream().filter(p -> p.id().equals("neighbour"))
                .findFirst().orElseThrow());
        assertEquals(List.of("age", "sex", "district"), vm.toRequest(ImportOptions.defaults()).orElseThrow().quasiIdentifiers());
        assertEquals(AttackerType.PROSECUTOR, vm.attackerProperty().get());
    }

    @Test
    void clinicalPresetSetsThresholdAndManualChangeMakesItCustom() {
        vm.presetProperty().set(AttackerPreset.builtIn().stream().filter(p -> p.id().equals("clinical"))
                .findFirst().orElseThrow());
        assertEquals(0.09, vm.toRequest(ImportOptions.defaults()).orElseThrow().threshold(), 1e-12);
        vm.thresholdTextProperty().set("0.1");
        assertEquals("custom", vm.presetProperty().get().id());
    }

    @ParameterizedTest
    @CsvSource({"0.2,5", "0.09,12", "0.05,20", "0.1,10", "0.33,4"})
    void appliedThresholdFollowsArx(double t, int minClassSize) {
        vm.thresholdTextProperty().set(Double.toString(t));
        assertTrue(vm.appliedThresholdProperty().get().contains("smaller than " + minClassSize + " "),
                vm.appliedThresholdProperty().get());
    }

    @Test
    void invalidFieldsGiveAMessageAndNoConfiguration() {
        vm.thresholdTextProperty().set("1.5");
        assertTrue(vm.toRequest(ImportOptions.defaults()).isEmpty());
        assertTrue(vm.validationProperty().get().contains("threshold"));
        vm.thresholdTextProperty().set("0,2");
        assertTrue(vm.toRequest(ImportOptions.defaults()).isPresent(), "a decimal comma is accepted");
        vm.fractionTextProperty().set("0");
        assertTrue(vm.validationProperty().get().contains("sampling fraction"));
        vm.fractionTextProperty().set("0.01");
        vm.populationTextProperty().set("12.5");
        assertTrue(vm.validationProperty().get().contains("population"));
        vm.populationTextProperty().set("83 000 000");
        assertEquals(83_000_000L, vm.toRequest(ImportOptions.defaults()).orElseThrow().populationSize());
        vm.qis().forEach(c -> c.selectedProperty().set(false));
        assertTrue(vm.validationProperty().get().isEmpty() || vm.toRequest(ImportOptions.defaults()).isEmpty());
        assertTrue(vm.toRequest(ImportOptions.defaults()).isEmpty());
    }

    @Test
    void regionAndWildcardsReachTheConfiguration() {
        vm.regionProperty().set(PopulationRegion.values()[0]);
        vm.wildcardsProperty().set(true);
        vm.maxSubsetProperty().set(3);
        MicrodataRequest cfg = vm.toRequest(ImportOptions.defaults()).orElseThrow();
        assertEquals(PopulationRegion.values()[0], cfg.region());
        assertTrue(cfg.wildcards());
        assertEquals(3, cfg.maxQiSubset());
        assertNull(cfg.populationSize());
    }

    @Test
    void thePresetAndTheAttackerTravelWithTheRequest() {
        vm.presetProperty().set(AttackerPreset.builtIn().stream().filter(p -> p.id().equals("neighbour"))
                .findFirst().orElseThrow());
        vm.attackerProperty().set(AttackerType.JOURNALIST);
        MicrodataRequest r = vm.toRequest(ImportOptions.defaults()).orElseThrow();
        assertEquals("journalist", r.attacker());
        // a manual change of the attacker makes the preset custom (see above): the request says so
        assertEquals("custom", r.attackerPreset());
        assertTrue(r.attackerModelJson().contains("\"known\":[\"age\",\"sex\",\"district\"]"),
                r.attackerModelJson());
    }

    @Test
    void thePanelStartsFromTheLaneDefaults() {
        MicrodataRequest d = MicrodataRequest.defaults();
        assertEquals(d.threshold(), Double.parseDouble(vm.thresholdTextProperty().get()));
        assertEquals(d.maxQiSubset(), vm.maxSubsetProperty().get());
        assertEquals(d.wildcards(), vm.wildcardsProperty().get());
    }

    @Test
    void rangesAreCheckedByTheRequestBuilder() {
        vm.thresholdTextProperty().set("0");
        assertTrue(vm.toRequest(ImportOptions.defaults()).isEmpty());
        // the builder's message, the same the command line gives for --threshold 0
        assertTrue(vm.validationProperty().get().contains("--threshold"), vm.validationProperty().get());
    }
}

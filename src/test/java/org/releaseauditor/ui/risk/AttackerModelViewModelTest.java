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
import org.releaseauditor.core.risk.MicrodataConfig;
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
        MicrodataConfig cfg = vm.toConfig().orElseThrow();
        assertEquals(List.of("age", "sex"), cfg.quasiIdentifiers());
        assertEquals("diagnosis", cfg.sensitive().get(0).column());
        assertEquals("w", cfg.weightColumn());
        assertEquals(0.2, cfg.threshold());
        assertFalse(cfg.wildcards());
        // identifiers are never offered as quasi-identifiers
        assertTrue(vm.qis().stream().noneMatch(c -> c.name().equals("id")));
    }

    @Test
    void neighbourPresetTicksAgeGenderAndDistrict() {
        vm.presetProperty().set(AttackerPreset.builtIn().stream().filter(p -> p.id().equals("neighbour"))
                .findFirst().orElseThrow());
        assertEquals(List.of("age", "sex", "district"), vm.toConfig().orElseThrow().quasiIdentifiers());
        assertEquals(AttackerType.PROSECUTOR, vm.attackerProperty().get());
    }

    @Test
    void clinicalPresetSetsThresholdAndManualChangeMakesItCustom() {
        vm.presetProperty().set(AttackerPreset.builtIn().stream().filter(p -> p.id().equals("clinical"))
                .findFirst().orElseThrow());
        assertEquals(0.09, vm.toConfig().orElseThrow().threshold(), 1e-12);
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
        assertTrue(vm.toConfig().isEmpty());
        assertTrue(vm.validationProperty().get().contains("threshold"));
        vm.thresholdTextProperty().set("0,2");
        assertTrue(vm.toConfig().isPresent(), "a decimal comma is accepted");
        vm.fractionTextProperty().set("0");
        assertTrue(vm.validationProperty().get().contains("sampling fraction"));
        vm.fractionTextProperty().set("0.01");
        vm.populationTextProperty().set("12.5");
        assertTrue(vm.validationProperty().get().contains("population"));
        vm.populationTextProperty().set("83 000 000");
        assertEquals(83_000_000L, vm.toConfig().orElseThrow().populationSize());
        vm.qis().forEach(c -> c.selectedProperty().set(false));
        assertTrue(vm.validationProperty().get().isEmpty() || vm.toConfig().isEmpty());
        assertTrue(vm.toConfig().isEmpty());
    }

    @Test
    void regionAndWildcardsReachTheConfiguration() {
        vm.regionProperty().set(PopulationRegion.values()[0]);
        vm.wildcardsProperty().set(true);
        vm.maxSubsetProperty().set(3);
        MicrodataConfig cfg = vm.toConfig().orElseThrow();
        assertEquals(PopulationRegion.values()[0], cfg.region());
        assertTrue(cfg.wildcards());
        assertEquals(3, cfg.maxQiSubset());
        assertNull(cfg.populationSize());
    }
}

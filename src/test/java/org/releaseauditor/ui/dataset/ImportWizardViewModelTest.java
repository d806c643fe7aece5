package org.releaseauditor.ui.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.model.SniffResult;

/** The import wizard's logic, without the UI toolkit. */
class ImportWizardViewModelTest {

    private static SniffResult sniff() {
        return new SniffResult("UTF-8", false, ';', '"', true, List.of("zip", "age", "name", "income"),
                List.of(ColumnType.CATEGORICAL, ColumnType.INTEGER, ColumnType.CATEGORICAL, ColumnType.INTEGER),
                List.of(List.of("10115", "34", "A", "100")), 1000, 20, true);
    }

    @Test
    void autoMeansSniffAndOverridesBecomeOptions() {
        Messages.setLocale(Locale.ENGLISH);
        ImportWizardViewModel vm = new ImportWizardViewModel(Path.of("x.csv"));
        ImportOptions o = vm.options();
        assertNull(o.delimiter());
        assertNull(o.encoding());
        assertEquals(ImportOptions.DEFAULT_MISSING, o.missingTokens());
        vm.delimiterProperty().set("tab");
        vm.encodingProperty().set("windows-1252");
        assertEquals('\t', vm.options().delimiter());
        assertEquals("windows-1252", vm.options().encoding());
    }

    @Test
    void sniffSuggestsRolesWithReasonsAndUserChangesSurvive() {
        Messages.setLocale(Locale.ENGLISH);
        ImportWizardViewModel vm = new ImportWizardViewModel(Path.of("x.csv"));
        vm.applySniff(sniff());
        assertEquals(4, vm.roles().size());
        RoleRow zip = vm.roles().get(0);
        assertEquals(AttributeRole.QUASI_IDENTIFIER, zip.roleProperty().get());
        assertTrue(!zip.reason().isBlank());
        zip.roleProperty().set(AttributeRole.INSENSITIVE);
        vm.roles().get(1).typeProperty().set(ColumnType.CATEGORICAL);
        assertEquals(ColumnType.CATEGORICAL, vm.options().typeOverrides().get("age"));
        vm.applySniff(sniff());
        assertEquals(AttributeRole.INSENSITIVE, vm.roles().get(0).roleProperty().get());
        assertEquals(AttributeRole.INSENSITIVE, vm.request().roles().get("zip"));
        assertTrue(vm.detectedSummary().contains("UTF-8"));
        assertTrue(vm.validProperty().get());
    }

    @Test
    void missingTokensFieldParsesEmptyMarker() {
        assertEquals(java.util.Set.of("", "NA"), ImportWizardViewModel.tokens("(empty), NA"));
        assertEquals(java.util.Set.of("-"), ImportWizardViewModel.tokens("-"));
    }
}

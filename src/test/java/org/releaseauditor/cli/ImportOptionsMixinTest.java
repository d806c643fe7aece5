package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.ImportOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ImportOptionsMixinTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        ImportOptionsMixin importOptions;

        @Override
        public void run() {
            // parsing only
        }
    }

    private static ImportOptions parse(String... args) throws ConfigurationException {
        Probe p = new Probe();
        new CommandLine(p).parseArgs(args);
        org.releaseauditor.service.ImportSettings.Builder b = new org.releaseauditor.service.ImportSettings.Builder();
        p.importOptions.applyTo(b);
        return b.build();
    }

    @Test
    void nothingGivenMeansSniffEverything() throws Exception {
        assertEquals(ImportOptions.defaults(), parse());
    }

    @Test
    void parsesEveryOption() throws Exception {
        ImportOptions o = parse("--delimiter", "tab", "--quote", "'", "--encoding", "cp1252", "--no-header",
                "--missing", "NA,-9", "--suppressed", "*,X", "--type", "zip=categorical", "--type", "age=integer");
        assertEquals('\t', o.delimiter());
        assertEquals('\'', o.quote());
        assertEquals("windows-1252", o.encoding());
        assertEquals(Boolean.FALSE, o.header());
        assertEquals(Set.of("NA", "-9"), o.missingTokens());
        assertEquals(Set.of("*", "X"), o.suppressionMarkers());
        assertEquals(Map.of("zip", ColumnType.CATEGORICAL, "age", ColumnType.INTEGER), o.typeOverrides());
        assertEquals(Boolean.TRUE, parse("--header").header());
        assertEquals(';', parse("--delimiter", ";").delimiter());
        assertNull(parse("--header").delimiter());
    }

    @Test
    void leadingEmptyTokenKeepsEmptyFieldsMissing() throws Exception {
        assertEquals(Set.of("", "NA"), parse("--missing", ",NA").missingTokens());
    }

    @Test
    void rejectsInvalidValuesWithAClearMessage() {
        assertTrue(assertThrows(ConfigurationException.class, () -> parse("--delimiter", "ab")).getMessage()
                .contains("Invalid --delimiter 'ab'"));
        assertTrue(assertThrows(ConfigurationException.class, () -> parse("--encoding", "klingon")).getMessage()
                .contains("Unknown --encoding 'klingon'"));
        assertTrue(assertThrows(ConfigurationException.class, () -> parse("--type", "age=number")).getMessage()
                .contains("Invalid --type 'age=number'"));
        assertTrue(assertThrows(ConfigurationException.class, () -> parse("--type", "age")).getMessage()
                .contains("COLUMN=TYPE"));
    }
}

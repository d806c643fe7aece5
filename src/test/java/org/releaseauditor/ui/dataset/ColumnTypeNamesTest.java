package org.releaseauditor.ui.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.model.ColumnType;

/** Issue 13: the import wizard shows column types in words, never raw enum names, in both languages. */
class ColumnTypeNamesTest {

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void everyTypeHasADistinctWordInEnglishAndGerman() {
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            Messages.setLocale(l);
            Set<String> seen = new HashSet<>();
            for (ColumnType t : ColumnType.values()) {
                String name = ImportDialogController.typeName(t);
                assertFalse(name.equals(t.name()) || name.startsWith("columnType."), l + ": " + name);
                assertFalse(!seen.add(name), l + ": two types read " + name);
            }
        }
        Messages.setLocale(Locale.GERMAN);
        assertEquals("ganze Zahl", ImportDialogController.typeName(ColumnType.INTEGER));
    }
}

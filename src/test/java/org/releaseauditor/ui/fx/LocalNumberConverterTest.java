package org.releaseauditor.ui.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.i18n.Messages;

/** The one converter of every decimal spinner: the UI language's format, both separators read, typos keep the value. */
class LocalNumberConverterTest {

    private final AtomicReference<Double> old = new AtomicReference<>(0.95);

    @AfterEach
    void reset() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void formatsInTheUiLanguage() {
        Messages.setLocale(Locale.GERMAN);
        LocalNumberConverter c = LocalNumberConverter.ofUi(old::get);
        assertEquals("0,95", c.toString(0.95));
        assertEquals("12345,5", c.toString(12345.5), "no grouping in an editable field");
        assertEquals("1", c.toString(1.0));
        assertEquals("0,01", c.toString(0.01 + 1e-12), "no binary noise of a spinner's steps");
        assertEquals("", c.toString(null));
        Messages.setLocale(Locale.ENGLISH);
        assertEquals("0.95", c.toString(0.95), "the language is asked at every call");
        assertEquals("12345.5", c.toString(12345.5));
    }

    @Test
    void readsTheCommaAndThePointInBothLanguages() {
        for (Locale l : new Locale[] {Locale.GERMAN, Locale.ENGLISH}) {
            Messages.setLocale(l);
            LocalNumberConverter c = LocalNumberConverter.ofUi(old::get);
            assertEquals(0.9, c.fromString("0,9"), l.toString());
            assertEquals(0.9, c.fromString(" 0.9 "), l.toString());
            assertEquals(0.5, c.fromString(",5"), l.toString());
            assertEquals(3.0, c.fromString("3"), l.toString());
            assertEquals(-0.25, c.fromString("-0,25"), l.toString());
            assertEquals(c.fromString(c.toString(0.123456)), 0.123456, 1e-12, "round trip in " + l);
        }
    }

    @Test
    void badInputKeepsTheOldValue() {
        Messages.setLocale(Locale.GERMAN);
        LocalNumberConverter c = new LocalNumberConverter(() -> Locale.GERMANY, old::get);
        for (String bad : new String[] {"", "  ", "abc", "0,9x", "1.000,5", "1,000.5", "1,2,3", "0..5", "e", null}) {
            assertEquals(0.95, c.fromString(bad), String.valueOf(bad));
        }
        old.set(0.2);
        assertEquals(0.2, c.fromString("zwei"), "the value the field has now");
        assertNull(LocalNumberConverter.parse("abc"));
    }
}

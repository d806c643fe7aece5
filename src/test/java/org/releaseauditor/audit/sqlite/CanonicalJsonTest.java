package org.releaseauditor.audit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.audit.CanonicalJson;

class CanonicalJsonTest {

    /** JSON string literal as the canonical form writes it (test helper). */
    static String quote(String s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", s);
        String w = CanonicalJson.write(m);
        return w.substring(5, w.length() - 1);
    }

    @Test
    void sortsKeysAndEscapesOnlyWhatJsonRequires() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", "x\"y\\z\n\u0001ä/");
        m.put("a", 12L);
        m.put("c", null);
        m.put("d", List.of(1L, "2"));
        assertEquals("{\"a\":12,\"b\":\"x\\\"y\\\\z\\n\\u0001ä/\",\"c\":null,\"d\":[1,\"2\"]}", CanonicalJson.write(m));
    }

    @Test
    void sha256OfEmptyStringIsTheKnownValue() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", CanonicalJson.sha256(""));
    }
}

package org.releaseauditor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteDictionaryTest {

    private static byte[] key(int i) {
        // lengths 0..29, including keys that share their first eight bytes
        String s = "prefix12".substring(0, Math.min(8, i % 30)) + "x".repeat(Math.max(0, i % 30 - 8)) + (i >= 30 ? i : "");
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsEveryStoredKeyAfterManyRehashesAndNothingElse() {
        ByteDictionary d = new ByteDictionary();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            byte[] k = key(i);
            // place the key at an offset inside a larger array, as fields are inside the read buffer
            byte[] buf = new byte[k.length + 20];
            System.arraycopy(k, 0, buf, 7, k.length);
            assertEquals(ByteDictionary.NOT_FOUND, d.find(buf, 7, k.length), "key " + i);
            d.add(buf, 7, k.length, i - 2);
        }
        for (int i = 0; i < n; i++) {
            byte[] k = key(i);
            assertEquals(i - 2, d.find(k, 0, k.length), "key " + i);
        }
        byte[] absent = "prefix12xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx".getBytes(StandardCharsets.UTF_8);
        assertEquals(ByteDictionary.NOT_FOUND, d.find(absent, 0, absent.length));
        assertEquals(ByteDictionary.NOT_FOUND, d.find("zzz".getBytes(StandardCharsets.UTF_8), 0, 3));
    }
}

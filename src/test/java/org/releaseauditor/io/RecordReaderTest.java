package org.releaseauditor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.DatasetFormatException;

class RecordReaderTest {

    private static RecordReader reader(String text, int buffer, int max) {
        return new RecordReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "f.csv", (byte) ',',
                (byte) '"', buffer, false, max);
    }

    private static String field(RecordReader rr, int f) {
        return new String(rr.buffer(), rr.starts[f], rr.ends[f] - rr.starts[f], StandardCharsets.UTF_8);
    }

    @Test
    void splitsRecordsAcrossATinyBufferAndTracksLines() throws Exception {
        RecordReader rr = reader("a,bb,\"c\nc\"\r\n\r\nlonger-field-than-buffer,x,y\rz,,\n", 4, 1 << 20);
        assertTrue(rr.next());
        assertEquals(3, rr.fieldCount);
        assertEquals("bb", field(rr, 1));
        assertEquals("c\nc", field(rr, 2));
        assertEquals(1, rr.recordLine);
        assertTrue(rr.next());
        assertEquals(4, rr.recordLine);
        assertEquals("longer-field-than-buffer", field(rr, 0));
        assertTrue(rr.next());
        assertEquals(5, rr.recordLine);
        assertEquals(3, rr.fieldCount);
        assertEquals("", field(rr, 2));
        assertFalse(rr.next());
    }

    @Test
    void aRecordLongerThanTheLimitPointsAtAnUnclosedQuote() {
        String text = "a,b\n1,\"" + "x".repeat(5000) + "\n2,3\n";
        RecordReader rr = reader(text, 256, 1024);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> {
            while (rr.next()) {
                // read until the error
            }
        });
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("line 2: a record starting here is longer than"), e.getMessage());
    }
}

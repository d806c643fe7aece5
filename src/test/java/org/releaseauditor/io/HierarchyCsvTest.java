package org.releaseauditor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.remediation.microdata.GeneralizationHierarchy;

class HierarchyCsvTest {

    @TempDir
    Path dir;

    @Test
    void readsArxFormatWithQuotesTrimmingAndEmptyLines() throws Exception {
        Path f = dir.resolve("edu.csv");
        Files.writeString(f, "\uFEFFBachelors; Undergraduate ;Higher education;*\r\n\r\n"
                + "\"Some;college\";Undergraduate;\"Higher \"\"ed\"\"\";*\n  \n11th;High School;Secondary education;*",
                StandardCharsets.UTF_8);
        GeneralizationHierarchy h = HierarchyCsv.read(f, "education");
        assertEquals(3, h.leafCount());
        assertEquals(4, h.levels());
        assertEquals("Undergraduate", h.value(h.rowOf("Bachelors"), 1));
        assertEquals("Higher \"ed\"", h.value(h.rowOf("Some;college"), 2));
        assertTrue(h.source().startsWith("edu.csv sha256:"));
        assertEquals(64, h.source().length() - "edu.csv sha256:".length());
    }

    @Test
    void raggedRowNamesTheLine() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "a;x;*\nb;x\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> HierarchyCsv.read(f, "q"));
        assertEquals("remediation.hierarchyFile.ragged", e.messageKey());
        assertEquals(2, e.line());
    }

    @Test
    void missingAndEmptyFilesAreClearErrors() throws Exception {
        assertEquals("io.error.notFound", assertThrows(DatasetFormatException.class,
                () -> HierarchyCsv.read(dir.resolve("none.csv"), "q")).messageKey());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "\n\n");
        assertEquals("remediation.hierarchyFile.empty", assertThrows(DatasetFormatException.class,
                () -> HierarchyCsv.read(empty, "q")).messageKey());
        Path open = dir.resolve("open.csv");
        Files.writeString(open, "a;\"x;*\n");
        assertEquals("io.error.unterminatedQuote", assertThrows(DatasetFormatException.class,
                () -> HierarchyCsv.read(open, "q")).messageKey());
    }

    @Test
    void writeThenReadGivesTheSameHierarchy() throws Exception {
        GeneralizationHierarchy h = GeneralizationHierarchy.of("q", "test", List.of(
                new String[] {"a;b", "x", "*"}, new String[] {" c", "\"y\"", "*"}, new String[] {"", "x", "*"}));
        StringWriter w = new StringWriter();
        HierarchyCsv.write(h, w);
        Path f = dir.resolve("round.csv");
        Files.writeString(f, w.toString());
        GeneralizationHierarchy back = HierarchyCsv.read(f, "q");
        assertEquals(h, back);
        assertArrayEquals(new String[] {" c", "\"y\"", "*"}, back.rows().get(1));
    }

    @Test
    void adultHierarchiesOfTheSamplesHaveArxsShape() throws Exception {
        Path base = Path.of("sample-datasets", "microdata", "hierarchies");
        assertEquals(100, HierarchyCsv.read(base.resolve("adult_age.csv"), "age").leafCount());
        assertEquals(5, HierarchyCsv.read(base.resolve("adult_age.csv"), "age").levels());
        assertEquals(41, HierarchyCsv.read(base.resolve("adult_native-country.csv"), "c").leafCount());
        GeneralizationHierarchy age = HierarchyCsv.read(base.resolve("adult_age.csv"), "age");
        // ARX's file puts v in the 5-year interval that contains v − 1 (15 → 10-14, 16 → 15-19)
        assertEquals("10-14", age.value(age.rowOf("15"), 1));
        assertEquals("15-19", age.value(age.rowOf("16"), 1));
        assertEquals("95-99", age.value(age.rowOf("100"), 1));
    }
}

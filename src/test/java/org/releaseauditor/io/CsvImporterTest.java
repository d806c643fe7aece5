package org.releaseauditor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.model.SniffResult;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;

class CsvImporterTest {

    @TempDir
    Path dir;

    private final CsvImporter importer = new CsvImporter();

    private Path write(String name, String content) throws IOException {
        return write(name, content, StandardCharsets.UTF_8);
    }

    private Path write(String name, String content, Charset cs) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(cs));
        return p;
    }

    private Path writeBytes(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private Dataset read(Path p) throws org.releaseauditor.core.error.AuditException {
        return importer.read(p, ImportOptions.defaults(), ProgressMonitor.none());
    }

    private static List<String> values(Column c) {
        List<String> out = new java.util.ArrayList<>();
        for (int r = 0; r < c.size(); r++) {
            out.add(c.valueAt(r));
        }
        return out;
    }

    // ------------------------------------------------------------------ reading

    @Test
    void readsACommaSeparatedFileIntoDictionaryEncodedColumns() throws Exception {
        Dataset ds = read(write("a.csv", "age,sex\n30,m\n40,f\n30,f\n"));
        assertEquals(List.of("age", "sex"), ds.columnNames());
        assertEquals(3, ds.rowCount());
        Column age = ds.column("age").orElseThrow();
        assertEquals(2, age.cardinality());
        assertEquals(age.code(0), age.code(2));
        assertEquals(List.of("30", "40", "30"), values(age));
        assertEquals(ColumnType.INTEGER, age.type());
        assertEquals(ColumnType.CATEGORICAL, ds.column("sex").orElseThrow().type());
    }

    @Test
    void marksMissingAndSuppressedTokensWithReservedCodes() throws Exception {
        Dataset ds = read(write("m.csv", "a,b\n1,x\n,NA\n?,*\nNULL,y\n"));
        Column a = ds.column("a").orElseThrow();
        Column b = ds.column("b").orElseThrow();
        assertArrayEquals(new int[] {0, Column.MISSING, Column.MISSING, Column.MISSING},
                java.util.Arrays.copyOf(a.codes(), 4));
        assertEquals(Column.MISSING, b.code(1));
        assertEquals(Column.SUPPRESSED, b.code(2));
        assertEquals(2, b.cardinality());
    }

    @Test
    void customMissingAndSuppressionTokensReplaceTheDefaults() throws Exception {
        ImportOptions o = new ImportOptions(null, null, null, null, java.util.Set.of("-9"), java.util.Set.of("X"),
                null);
        Dataset ds = importer.read(write("t.csv", "a,b\n-9,X\nNA,1\n2,3\n"), o, ProgressMonitor.none());
        Column a = ds.column("a").orElseThrow();
        assertEquals(Column.MISSING, a.code(0));
        assertEquals("NA", a.valueAt(1));
        assertEquals(Column.SUPPRESSED, ds.column("b").orElseThrow().code(0));
    }

    @Test
    void quotedFieldsMayContainDelimitersDoubledQuotesAndNewlines() throws Exception {
        Dataset ds = read(write("q.csv", "id,text\n1,\"a,b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\n"));
        Column t = ds.column("text").orElseThrow();
        assertEquals(List.of("a,b", "say \"hi\"", "two\nlines", "plain"), values(t));
    }

    @Test
    void quotedAndUnquotedFormsOfAValueShareOneCode() throws Exception {
        Dataset ds = read(write("s.csv", "v,w\n\"x\"\"y\",1\nx\"y,2\n\"ab\",3\nab,4\n"));
        Column v = ds.column("v").orElseThrow();
        assertEquals(2, v.cardinality());
        assertEquals(v.code(0), v.code(1));
        assertEquals(v.code(2), v.code(3));
    }

    @Test
    void acceptsCrLfAndMissingFinalNewlineAndSkipsBlankLines() throws Exception {
        Dataset ds = read(write("crlf.csv", "a;b\r\n1;2\r\n\r\n3;4"));
        assertEquals(2, ds.rowCount());
        assertEquals(List.of("2", "4"), values(ds.column("b").orElseThrow()));
    }

    @Test
    void readsValuesThatSpanTheReadBufferBoundary() throws Exception {
        StringBuilder sb = new StringBuilder("id,text\n");
        int rows = 30_000;
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(",\"v").append(i % 977).append(",\"\"q\"\"\nnext\"\n");
        }
        Dataset ds = read(write("big.csv", sb.toString()));
        assertEquals(rows, ds.rowCount());
        Column t = ds.column("text").orElseThrow();
        assertEquals(977, t.cardinality());
        assertEquals("v5,\"q\"\nnext", t.valueAt(rows - 1 - (rows - 1) % 977 + 5));
        assertEquals(ColumnType.INTEGER, ds.column("id").orElseThrow().type());
    }

    @Test
    void appliesTypeOverridesAndRejectsValuesThatDoNotFit() throws Exception {
        Path p = write("o.csv", "zip,x\n01234,a\n99999,b\n");
        Dataset ds = importer.read(p, ImportOptions.defaults().withTypeOverride("zip", ColumnType.CATEGORICAL),
                ProgressMonitor.none());
        assertEquals(ColumnType.CATEGORICAL, ds.column("zip").orElseThrow().type());
        assertEquals("01234", ds.column("zip").orElseThrow().valueAt(0));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> importer.read(p,
                ImportOptions.defaults().withTypeOverride("x", ColumnType.INTEGER), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("2 of 2"), e.getMessage());
        DatasetFormatException unknown = assertThrows(DatasetFormatException.class, () -> importer.read(p,
                ImportOptions.defaults().withTypeOverride("Zip", ColumnType.INTEGER), ProgressMonitor.none()));
        assertTrue(unknown.getMessage().contains("'Zip'") && unknown.getMessage().contains("zip, x"),
                unknown.getMessage());
    }

    @Test
    void reportsProgressInBytesAndStopsWhenCancelled() throws Exception {
        StringBuilder sb = new StringBuilder("a\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i % 7).append('\n');
        }
        Path p = write("c.csv", sb.toString());
        long size = Files.size(p);
        long[] last = {-1, -1};
        ProgressMonitor m = new ProgressMonitor() {
            @Override
            public void update(String phase, long done, long total) {
                last[0] = done;
                last[1] = total;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        importer.read(p, ImportOptions.defaults(), m);
        assertEquals(size, last[0]);
        assertEquals(size, last[1]);
        CancellationFlag flag = new CancellationFlag();
        flag.cancel();
        assertThrows(CancelledException.class, () -> importer.read(p, ImportOptions.defaults(), flag));
    }

    // ------------------------------------------------------------------ sniffing

    @ParameterizedTest(name = "delimiter {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ','
            ';'
            'TAB'
            'PIPE'
            """)
    void sniffsEachDelimiter(String d) throws Exception {
        char c = switch (d) {
            case "TAB" -> '\t';
            case "PIPE" -> '|';
            default -> d.charAt(0);
        };
        String text = String.join("\n", "name" + c + "age" + c + "city", "Anna" + c + "31" + c + "Köln",
                "Ben" + c + "45" + c + "Bonn", "Cem" + c + "27" + c + "Ulm") + "\n";
        Path p = write("d.csv", text);
        SniffResult s = importer.sniff(p, ImportOptions.defaults());
        assertEquals(c, s.delimiter());
        assertTrue(s.header());
        assertEquals(List.of("name", "age", "city"), s.columnNames());
        assertEquals(List.of(ColumnType.CATEGORICAL, ColumnType.INTEGER, ColumnType.CATEGORICAL), s.columnTypes());
        assertEquals(3, s.previewRows().size());
        assertEquals(List.of("Anna", "31", "Köln"), s.previewRows().get(0));
        assertEquals(3, s.estimatedRows());
        assertTrue(s.exactRowCount());
        assertEquals(3, read(p).rowCount());
    }

    @Test
    void delimitersInsideQuotesDoNotMisleadTheSniffer() throws Exception {
        Path p = write("qd.csv", "a;b\n\"x,y,z\";1\n\"p,q,r\";2\n\"u\nv,w\";3\n");
        SniffResult s = importer.sniff(p, ImportOptions.defaults());
        assertEquals(';', s.delimiter());
        assertEquals('"', s.quote());
        assertEquals(List.of("u\nv,w", "3"), s.previewRows().get(2));
    }

    @Test
    void sniffsSingleQuotes() throws Exception {
        Path p = write("sq.csv", "a,b\n'x,1',2\n'y,2',3\n");
        SniffResult s = importer.sniff(p, ImportOptions.defaults());
        assertEquals('\'', s.quote());
        assertEquals(List.of("x,1", "2"), s.previewRows().get(0));
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws Exception {
        byte[] body = "plz;ort\n50667;Köln\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path p = writeBytes("bom.csv", withBom);
        SniffResult s = importer.sniff(p, ImportOptions.defaults());
        assertTrue(s.bom());
        assertEquals("UTF-8", s.charset());
        assertEquals("plz", s.columnNames().get(0));
        Dataset ds = read(p);
        assertEquals(List.of("plz", "ort"), ds.columnNames());
        assertEquals("Köln", ds.column("ort").orElseThrow().valueAt(0));
    }

    @Test
    void fallsBackToWindows1252ForUmlautsThatAreNotUtf8() throws Exception {
        Path p = write("w.csv", "Straße;Größe\nMüller;€5\nÄrger;Öl\n", Charset.forName("windows-1252"));
        SniffResult s = importer.sniff(p, ImportOptions.defaults());
        assertEquals("windows-1252", s.charset());
        assertFalse(s.bom());
        Dataset ds = read(p);
        assertEquals(List.of("Straße", "Größe"), ds.columnNames());
        assertEquals(List.of("Müller", "Ärger"), values(ds.column("Straße").orElseThrow()));
        assertEquals("€5", ds.column("Größe").orElseThrow().valueAt(0));
    }

    @Test
    void detectsAHeaderOverNumericData() throws Exception {
        assertTrue(importer.sniff(write("h1.csv", "x,y\n1,2\n3,4\n"), ImportOptions.defaults()).header());
        SniffResult none = importer.sniff(write("h2.csv", "1,2\n3,4\n5,6\n"), ImportOptions.defaults());
        assertFalse(none.header());
        assertEquals(List.of("column1", "column2"), none.columnNames());
        assertEquals(3, read(dir.resolve("h2.csv")).rowCount());
    }

    @Test
    void yearsNextToTextLabelsStillFormAHeader() throws Exception {
        SniffResult s = importer.sniff(write("y.csv", "area;2019;2020\nA;10;12\nB;7;9\n"), ImportOptions.defaults());
        assertTrue(s.header());
        assertEquals(List.of("area", "2019", "2020"), s.columnNames());
        assertFalse(importer.sniff(write("y2.csv", "2019;2020\n10;12\n7;9\n"), ImportOptions.defaults()).header());
    }

    @Test
    void noHeaderWhenTheFirstRowRepeatsDataValues() throws Exception {
        SniffResult s = importer.sniff(write("h3.csv", "red,small\nblue,large\nred,large\n"), ImportOptions.defaults());
        assertFalse(s.header());
    }

    @Test
    void headerOptionOverridesTheSniffer() throws Exception {
        Path p = write("h4.csv", "1,2\n3,4\n");
        Dataset ds = importer.read(p, ImportOptions.defaults().withHeader(true), ProgressMonitor.none());
        assertEquals(List.of("1", "2"), ds.columnNames());
        assertEquals(1, ds.rowCount());
    }

    @Test
    void countsTheRowsOfASmallFileExactly() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 2_345; i++) {
            sb.append(i % 10).append(",\"x\ny\"\n");
        }
        SniffResult s = importer.sniff(write("small.csv", sb.toString()), ImportOptions.defaults());
        assertTrue(s.exactRowCount());
        assertEquals(2_345, s.estimatedRows());
    }

    @Test
    void estimatesTheRowCountOfLargeFilesFromTheSample() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 200_000; i++) {
            sb.append(i % 100 + 10).append(",x").append(i % 10).append('\n');
        }
        SniffResult s = importer.sniff(write("e.csv", sb.toString()), ImportOptions.defaults());
        assertFalse(s.exactRowCount());
        assertTrue(Math.abs(s.estimatedRows() - 200_000) < 2_000, "estimate " + s.estimatedRows());
        assertEquals(SniffResult.PREVIEW_ROWS, s.previewRows().size());
    }

    // ------------------------------------------------------------------ bad input

    private DatasetFormatException fails(Path p) {
        return assertThrows(DatasetFormatException.class, () -> read(p));
    }

    /** Reading fails at this 1-based line and column with a message containing every fragment. */
    private void failsAt(Path p, long line, int column, String... fragments) {
        DatasetFormatException e = fails(p);
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), e.getMessage());
        }
    }

    @Test
    void emptyFileIsReported() throws Exception {
        DatasetFormatException e = fails(write("empty.csv", ""));
        assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("is empty"), e.getMessage());
        assertThrows(DatasetFormatException.class, () -> importer.sniff(dir.resolve("empty.csv"),
                ImportOptions.defaults()));
    }

    @Test
    void headerWithoutDataRowsIsReported() throws Exception {
        DatasetFormatException e = fails(write("ho.csv", "age,sex,zip\n"));
        assertTrue(e.getMessage().contains("header row (3 columns) but no data rows"), e.getMessage());
        DatasetFormatException s = assertThrows(DatasetFormatException.class,
                () -> importer.sniff(dir.resolve("ho.csv"), ImportOptions.defaults()));
        assertEquals(e.getMessage(), s.getMessage());
    }

    @Test
    void raggedRowReportsLineExpectedAndFound() throws Exception {
        DatasetFormatException e = fails(write("r.csv", "a,b,c\n1,2,3\n\"x\ny\",2,3\n4,5\n"));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("line 5: expected 3 fields as in the header, found 2"), e.getMessage());
        assertEquals(3, e.column());
        DatasetFormatException s = assertThrows(DatasetFormatException.class,
                () -> importer.sniff(dir.resolve("r.csv"), ImportOptions.defaults()));
        assertEquals(5, s.line());
    }

    @Test
    void unterminatedQuoteReportsTheLineWhereItOpened() throws Exception {
        failsAt(write("u.csv", "a,b\n1,2\n3,\"open\n4,5\n6,7\n"), 3, 2, "line 3, column 2", "never closed");
    }

    @Test
    void textAfterAClosingQuoteIsReported() throws Exception {
        failsAt(write("aq.csv", "a,b\n1,\"x\"y\n"), 2, 2, "line 2, column 2", "found 'y'");
    }

    @Test
    void gzipFileIsRecognised() throws Exception {
        Path p = dir.resolve("data.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        }
        DatasetFormatException e = fails(p);
        assertTrue(e.getMessage().contains("this looks like a gzip file, not delimited text; decompress it first"), e.getMessage());
    }

    @Test
    void zipFileIsRecognised() throws Exception {
        Path p = dir.resolve("data.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
            out.putNextEntry(new ZipEntry("a.csv"));
            out.write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertTrue(fails(p).getMessage().contains("this looks like a zip file"));
    }

    @Test
    void binaryFileWithNulBytesIsRecognised() throws Exception {
        DatasetFormatException e = fails(writeBytes("b.bin", new byte[] {'a', ',', 'b', '\n', 1, 0, 2, 3}));
        assertTrue(e.getMessage().contains("NUL byte at byte 6 (line 2)") && e.getMessage().contains("binary"),
                e.getMessage());
    }

    @Test
    void utf16FileIsRecognised() throws Exception {
        DatasetFormatException e = fails(write("u16.csv", "\uFEFFa,b\n1,2\n", StandardCharsets.UTF_16LE));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
    }

    @Test
    void duplicateColumnNamesAreReported() throws Exception {
        failsAt(write("dup.csv", "age,sex,age\nx,1,2\n"), 1, 3, "'age' appears in columns 1 and 3");
    }

    @Test
    void emptyColumnNameIsReported() throws Exception {
        failsAt(write("en.csv", "age,,zip\nx,1,2\n"), 1, 2, "line 1, column 2: the column name is empty");
    }

    @Test
    void invalidUtf8WhenUtf8IsForcedNamesLineColumnAndAdvice() throws Exception {
        byte[] bytes = "a,name\n1,Bob\n2,M\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
        Path p = writeBytes("bad.csv", bytes);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> importer.read(p, ImportOptions.defaults().withEncoding("UTF-8"), ProgressMonitor.none()));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("line 3, column 2 (name)") && e.getMessage().contains(
                "--encoding windows-1252"), e.getMessage());
    }

    @Test
    void invalidUtf8AfterADetectedUtf8SampleIsReported() throws Exception {
        StringBuilder sb = new StringBuilder("id,city\n");
        int rows = 120_000;
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(",K\u00f6ln\n");
        }
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "x,M\u00fcnchen\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        Path p = writeBytes("late.csv", all);
        assertEquals("UTF-8", importer.sniff(p, ImportOptions.defaults()).charset());
        DatasetFormatException e = fails(p);
        assertEquals(rows + 2, e.line());
        assertTrue(e.getMessage().contains("--encoding windows-1252"), e.getMessage());
    }

    @Test
    void missingFileIsReported() {
        DatasetFormatException e = fails(dir.resolve("nope.csv"));
        assertTrue(e.getMessage().contains("nope.csv does not exist"), e.getMessage());
    }

    @Test
    void directoryIsReported() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("folder.csv"));
        DatasetFormatException e = fails(sub);
        assertTrue(e.getMessage().contains("is a directory, not a file"), e.getMessage());
    }

    @Test
    void unsupportedEncodingIsReported() throws Exception {
        Path p = write("enc.csv", "a\n1\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> importer.read(p, ImportOptions.defaults().withEncoding("UTF-16"), ProgressMonitor.none()));
        assertTrue(e.getMessage().contains("'UTF-16' is not supported"), e.getMessage());
    }

    @Test
    void readsTheAdultSampleDataset() throws Exception {
        Path adult = Path.of("sample-datasets/microdata/adult.csv");
        Dataset ds = read(adult);
        assertEquals(30162, ds.rowCount());
        assertEquals(9, ds.columns().size());
        assertEquals(ColumnType.INTEGER, ds.column("age").orElseThrow().type());
        assertEquals(2, ds.column("sex").orElseThrow().cardinality());
    }
}

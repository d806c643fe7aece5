package org.releaseauditor.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.parallel.Workers;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * Reading a file in parallel byte ranges gives exactly the dataset of a sequential read: the same
 * column names, types, dictionaries (order of first appearance) and per-row codes, or the same
 * error. Chunks are forced down to a few bytes so that every boundary case occurs: ranges that
 * start inside quoted fields with line breaks, CRLF pairs, blank lines, values first seen in a
 * later range, invalid bytes and ragged rows.
 */
class ParallelImportProperties {

    private static final ForkJoinPool POOL = new ForkJoinPool(4);
    private static final java.util.concurrent.atomic.AtomicInteger PARALLEL_READS =
            new java.util.concurrent.atomic.AtomicInteger();

    @AfterContainer
    static void shutdown() {
        POOL.shutdown();
        // most generated files must really have been read in parallel, not only by the fallback
        org.junit.jupiter.api.Assertions.assertTrue(PARALLEL_READS.get() > 20, "parallel reads: " + PARALLEL_READS);
    }

    record Input(String text, String encoding) {
    }

    @Provide
    Arbitrary<Input> files() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("ab,\"\n\r xyäé*").ofMaxLength(6)),
                net.jqwik.api.Tuple.of(8, Arbitraries.of("x", "y", "z", "10", "NA", "*", "", "\"q\"", "\"a\nb\"",
                        "\"c,d\"", "\"e\"\"f\"", "ä", "é")),
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 400).map(String::valueOf)));
        Arbitrary<String> eol = Arbitraries.of("\n", "\r\n", "\n\n", "\r");
        return Arbitraries.integers().between(1, 4).flatMap(width -> {
            // mostly rows of the header's width; now and then a ragged one
            Arbitrary<Integer> rowWidth = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(30, Arbitraries.just(width)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 5)));
            Arbitrary<String> line = rowWidth.flatMap(w -> value.list().ofSize(w).map(l -> String.join(",", l)));
            Arbitrary<String> body = Combinators.combine(line, eol).as((l, e) -> l + e).list().ofMinSize(1)
                    .ofMaxSize(60).map(l -> String.join("", l));
            String header = String.join(",", List.of("a", "b", "c", "d").subList(0, width)) + "\n";
            return Combinators.combine(body, Arbitraries.of("UTF-8", "windows-1252"))
                    .as((b, enc) -> new Input(header + b, enc));
        });
    }

    @Property(tries = 400)
    void parallelReadEqualsSequentialRead(@ForAll("files") Input in) throws Exception {
        Path file = Files.createTempFile("parallel", ".csv");
        try {
            Files.write(file, in.text().getBytes(Charset.forName(in.encoding())));
            ImportOptions opts = ImportOptions.defaults().withDelimiter(',').withEncoding(in.encoding());
            CsvImporter parallel = new CsvImporter(Workers.of(POOL), 1);
            assertSame(file, opts, new CsvImporter(Workers.sequential(), Long.MAX_VALUE), parallel);
            if (parallel.lastChunks > 1) {
                PARALLEL_READS.incrementAndGet();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<Input> cleanFiles() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("x", "y", "z", "NA", "*", "", "\"q\"", "\"c,d\"",
                "\"e\"\"f\"", "ä"), Arbitraries.integers().between(0, 400).map(String::valueOf));
        Arbitrary<String> line = value.list().ofSize(3).map(l -> String.join(",", l));
        Arbitrary<String> eol = Arbitraries.of("\n", "\r\n", "\n\n");
        Arbitrary<String> body = Combinators.combine(line, eol).as((l, e) -> l + e).list().ofMinSize(3)
                .ofMaxSize(60).map(l -> String.join("", l));
        return body.map(b -> new Input("a,b,c\n" + b, "UTF-8"));
    }

    /** Without line breaks inside quotes every split is valid: the parallel path must succeed. */
    @Property(tries = 200)
    void filesWithoutQuotedLineBreaksAreReallyReadInParallel(@ForAll("cleanFiles") Input in) throws Exception {
        Path file = Files.createTempFile("parallel", ".csv");
        try {
            Files.write(file, in.text().getBytes(Charset.forName(in.encoding())));
            ImportOptions opts = ImportOptions.defaults().withDelimiter(',').withHeader(true);
            CsvImporter parallel = new CsvImporter(Workers.of(POOL), 1);
            assertSame(file, opts, new CsvImporter(Workers.sequential(), Long.MAX_VALUE), parallel);
            assertTrue(parallel.lastChunks > 1, "chunks " + parallel.lastChunks);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void largeFileIsSplitAndMergedInFileOrder() throws Exception {
        StringBuilder sb = new StringBuilder("id,a,b,text\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        for (int r = 0; r < 200_000; r++) {
            sb.append(r).append(',').append("v").append(rnd.nextInt(300)).append(',')
                    .append(rnd.nextInt(70_000)).append(',').append(r % 1000 == 0 ? "\"multi\nline, quoted\"" : "t")
                    .append(r % 7 == 0 ? "\r\n" : "\n");
        }
        Path file = Files.createTempFile("parallel-large", ".csv");
        try {
            Files.writeString(file, sb.toString());
            ImportOptions opts = ImportOptions.defaults();
            CsvImporter parallel = new CsvImporter(Workers.of(POOL), 1 << 16);
            Dataset d = assertSame(file, opts, new CsvImporter(Workers.sequential(), Long.MAX_VALUE), parallel);
            assertNotNull(d);
            assertTrue(parallel.lastChunks > 1, "chunks: " + parallel.lastChunks);
            assertEquals(200_000, d.rowCount());
            // one, two and four bytes a row by cardinality
            assertEquals(4, d.column("id").orElseThrow().compactCodes().width());
            assertEquals(2, d.column("a").orElseThrow().compactCodes().width());
            assertEquals(4, d.column("b").orElseThrow().compactCodes().width());
            assertEquals(1, d.column("text").orElseThrow().compactCodes().width());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Both importers read the file; both fail alike or give identical datasets. */
    private static Dataset assertSame(Path file, ImportOptions opts, CsvImporter sequential, CsvImporter parallel)
            throws org.releaseauditor.core.error.ResourceLimitException {
        Dataset expected;
        try {
            expected = sequential.read(file, opts, ProgressMonitor.none());
        } catch (DatasetFormatException e) {
            DatasetFormatException p = org.junit.jupiter.api.Assertions.assertThrows(DatasetFormatException.class,
                    () -> parallel.read(file, opts, ProgressMonitor.none()));
            assertEquals(e.getMessage(), p.getMessage());
            return null;
        }
        Dataset actual;
        try {
            actual = parallel.read(file, opts, ProgressMonitor.none());
        } catch (DatasetFormatException e) {
            throw new AssertionError("parallel read failed: " + e.getMessage(), e);
        }
        assertEquals(expected.columnNames(), actual.columnNames());
        assertEquals(expected.rowCount(), actual.rowCount());
        List<Column> ec = expected.columns();
        List<Column> ac = actual.columns();
        for (int c = 0; c < ec.size(); c++) {
            assertEquals(ec.get(c).type(), ac.get(c).type(), "type of " + c);
            assertArrayEquals(ec.get(c).dictionary(), ac.get(c).dictionary(), "dictionary of " + c);
            assertEquals(ec.get(c).compactCodes(), ac.get(c).compactCodes(), "codes of " + c);
        }
        return actual;
    }
}

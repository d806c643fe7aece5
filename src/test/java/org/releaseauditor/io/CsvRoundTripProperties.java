package org.releaseauditor.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;
import org.releaseauditor.core.progress.ProgressMonitor;

/** Writing a random table as CSV (RFC 4180 quoting) and reading it back gives the same values. */
class CsvRoundTripProperties {

    record Table(char delimiter, boolean quoteAll, List<List<String>> rows) {
    }

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab,;|\t\"'\n\r äöü€ß1.-").ofMaxLength(8),
                Arbitraries.strings().alpha().numeric().ofMaxLength(4),
                Arbitraries.of("x", "y", "10", "2.5", "NA", "*", ""));
        return Arbitraries.integers().between(1, 6).flatMap(cols -> {
            Arbitrary<List<String>> row = value.list().ofSize(cols);
            return Combinators.combine(Arbitraries.of(',', ';', '\t', '|'), Arbitraries.of(true, false),
                    row.list().ofMinSize(1).ofMaxSize(40)).as(Table::new);
        });
    }

    private static String field(String v, char d, boolean quoteAll) {
        boolean quote = quoteAll || v.isEmpty() || v.indexOf(d) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    @Property(tries = 300)
    void readingBackAWrittenTableGivesTheSameValues(@ForAll("tables") Table t) throws Exception {
        int cols = t.rows().get(0).size();
        StringBuilder sb = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            names.add("c" + c);
            sb.append(c > 0 ? String.valueOf(t.delimiter()) : "").append(field("c" + c, t.delimiter(), t.quoteAll()));
        }
        sb.append("\r\n");
        for (List<String> row : t.rows()) {
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    sb.append(t.delimiter());
                }
                sb.append(field(row.get(c), t.delimiter(), t.quoteAll()));
            }
            sb.append('\n');
        }
        Path dir = Files.createTempDirectory("roundtrip");
        Path file = dir.resolve("t.csv");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        try {
            ImportOptions opts = new ImportOptions("UTF-8", t.delimiter(), '"', true, Set.of(), Set.of(), null);
            Dataset ds = new CsvImporter().read(file, opts, ProgressMonitor.none());
            assertEquals(names, ds.columnNames());
            assertEquals(t.rows().size(), ds.rowCount());
            for (int c = 0; c < cols; c++) {
                Column col = ds.columns().get(c);
                for (int r = 0; r < t.rows().size(); r++) {
                    assertEquals(t.rows().get(r).get(c), col.valueAt(r), "row " + r + " column " + c);
                }
            }
        } finally {
            Files.delete(file);
            Files.delete(dir);
        }
    }
}

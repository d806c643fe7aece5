package org.releaseauditor.core.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;

/** Tiny table builders for the risk tests (the real importer lives in io). */
final class TestTables {

    static final Path ADULT = Path.of("sample-datasets/microdata/adult.csv");
    static final List<String> ADULT_QIS = List.of("age", "sex", "race", "marital-status", "education",
            "native-country", "workclass", "occupation", "salary-class");

    private TestTables() {
    }

    /** Reads a semicolon-separated file with a header; "*" is SUPPRESSED, "" MISSING. */
    static Dataset readSemicolon(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(";", -1);
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                if (!lines.get(i).isEmpty()) {
                    rows.add(lines.get(i).split(";", -1));
                }
            }
            return table(file.getFileName().toString(), header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a dataset from rows given as "a,b,c" strings; the first string is the header. */
    static Dataset rows(String header, String... rows) {
        List<String[]> parsed = new ArrayList<>();
        for (String r : rows) {
            parsed.add(r.split(",", -1));
        }
        return table("test", header.split(",", -1), parsed);
    }

    /** Adds one cell: "*" is SUPPRESSED, "" MISSING, anything else a value. */
    static void addCell(ColumnBuilder b, String v) {
        if (v.equals("*")) {
            b.addSuppressed();
        } else if (v.isEmpty()) {
            b.addMissing();
        } else {
            b.add(v);
        }
    }

    static Dataset table(String name, String[] header, List<String[]> rows) {
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            ColumnBuilder b = new ColumnBuilder(header[c], rows.size());
            boolean numeric = true;
            for (String[] row : rows) {
                addCell(b, row[c]);
                numeric &= row[c].isEmpty() || row[c].equals("*") || row[c].matches("-?\\d+(\\.\\d+)?");
            }
            columns.add(b.build(numeric ? ColumnType.INTEGER : ColumnType.CATEGORICAL));
        }
        return new Dataset(name, columns);
    }
}

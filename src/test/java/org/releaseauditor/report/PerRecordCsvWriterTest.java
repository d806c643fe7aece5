package org.releaseauditor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnBuilder;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.risk.MicrodataConfig;
import org.releaseauditor.core.risk.PerRecordRisk;
import org.releaseauditor.core.risk.Suda2;

class PerRecordCsvWriterTest {

    private static Column column(String name, String... values) {
        ColumnBuilder b = new ColumnBuilder(name);
        for (String v : values) {
            if (v.equals("*")) {
                b.addSuppressed();
            } else {
                b.add(v);
            }
        }
        return b.build(ColumnType.CATEGORICAL);
    }

    /** q: a, a, "b,c" (needs quoting), * (all QIs suppressed); weights 10, 30, 5, 1; households. */
    private static Dataset data() {
        List<Column> cols = new ArrayList<>();
        cols.add(column("q", "a", "a", "b,c", "*"));
        cols.add(column("w", "10", "30", "5", "1"));
        cols.add(column("hh", "1", "1", "2", "2"));
        return new Dataset("t", cols);
    }

    private static String csv(boolean reveal) throws Exception {
        MicrodataConfig cfg = MicrodataConfig.defaults(List.of("q")).withWeights("w", "hh");
        PerRecordRisk p = PerRecordRisk.compute(data(), cfg, true, 0, Suda2.DEFAULT_DIS_FRACTION,
                ProgressMonitor.none());
        StringWriter out = new StringWriter();
        PerRecordCsvWriter.write(data(), p, reveal, out);
        return out.toString();
    }

    @Test
    void writesOneLinePerRowWithMaskedValues() throws Exception {
        String[] lines = csv(false).split("\r\n");
        assertEquals("row,q,fk,Fk,risk,household_risk,suda_score,dis_suda", lines[0]);
        assertEquals(5, lines.length);
        // class a: f = 2, F = 40, p = 0.05: r = 0.05/0.95 − (0.05/0.95)²·ln 20 = 0.04433315159680335
        String[] first = lines[1].split(",");
        assertEquals("1", first[0]);
        assertEquals(PerRecordCsvWriter.MASK, first[1]);
        assertEquals("2", first[2]);
        assertEquals("40", first[3]);
        assertEquals(0.04433315159680335, Double.parseDouble(first[4]), 1e-15);
        // class "b,c": f = F = 5? no: f = 1, F = 5, p = 0.2: r = 0.25·ln 5
        assertEquals(0.25 * Math.log(5), Double.parseDouble(lines[3].split(",")[4]), 1e-15);
        // the all-suppressed row has no class: empty frequencies and risks
        assertTrue(lines[4].startsWith("4," + PerRecordCsvWriter.MASK + ",,,,"), lines[4]);
        assertFalse(csv(false).contains("b,c"));
    }

    @Test
    void revealsValuesOnlyWhenAsked() throws Exception {
        String text = csv(true);
        assertTrue(text.contains("\r\n3,\"b,c\",1,5,"), text);
        assertTrue(text.contains("\r\n1,a,2,40,"), text);
    }
}

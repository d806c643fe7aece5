package org.releaseauditor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultJsonRendererTest {

    private static ResultJsonRenderer render(String json, boolean records) throws Exception {
        return new ResultJsonRenderer(Locale.ENGLISH, records).render(new ObjectMapper().readTree(json));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            k,                            k: the size of the smallest equivalence class.
            belowK.5.records,             Records in classes smaller than the k in the path (share of all records).
            lDiversity.diagnosis.distinct, Distinct l-diversity of this sensitive attribute: fewest distinct values in any class.
            tables.3.minCount,            Smallest published cell count of this table.
            somethingNew.max,             Maximum value.
            """)
    void everyMetricPathGetsItsOneLineExplanation(String path, String expected) {
        assertEquals(expected, new ResultJsonRenderer(Locale.ENGLISH, false).explain(path));
    }

    @Test
    void unknownMetricStillGetsAGenericLine() {
        assertTrue(new ResultJsonRenderer(Locale.ENGLISH, false).explain("zeta").contains("zeta"));
    }

    @Test
    void everyNumberBecomesARowAndSeriesBecomeTablesAndCharts() throws Exception {
        ResultJsonRenderer r = render("""
                {"records":10,"k":2,"prosecutor":{"highest":0.5},"histogram":[[2,1],[3,1],[5,1]],
                 "riskDistribution":[{"upTo":0.2,"records":5,"fraction":0.5},{"upTo":0.5,"records":5,"fraction":0.5}],
                 "qis":["age","zip"]}
                """, false);
        assertEquals(List.of("records", "k", "prosecutor.highest", "qis"),
                r.rows().stream().map(ReportModel.MetricRow::path).toList());
        assertEquals("0.5", r.rows().get(2).value());
        assertEquals(2, r.tables().size());
        assertEquals(List.of("class size", "number of classes"), r.tables().get(0).columns());
        assertEquals(List.of("histogram", "riskDistribution"),
                r.charts().stream().map(ReportModel.ChartSpec::path).toList());
        assertEquals(List.of(1.0, 1.0, 1.0), r.charts().get(0).ys());
    }

    @Test
    void recordValuesAreHiddenUnlessAsked() throws Exception {
        String json = "{\"k\":1,\"riskiestClasses\":[{\"values\":\"34|10115\",\"size\":1}]}";
        ResultJsonRenderer hidden = render(json, false);
        assertTrue(hidden.tables().isEmpty());
        assertEquals(1, hidden.hiddenNotes().size());
        assertTrue(hidden.rows().stream().noneMatch(m -> m.value().contains("10115")));
        ResultJsonRenderer shown = render(json, true);
        assertEquals("34|10115", shown.tables().get(0).rows().get(0).get(0));
    }

    @Test
    void chartRendersAPng() throws Exception {
        String b64 = ChartRenderer.pngBase64(new ReportModel.ChartSpec("histogram", "t", "x", "y", false,
                List.of("1", "2"), List.of(3.0, 4.0)));
        byte[] png = java.util.Base64.getDecoder().decode(b64);
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }
}

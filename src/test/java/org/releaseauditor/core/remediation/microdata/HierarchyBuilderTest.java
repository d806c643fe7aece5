package org.releaseauditor.core.remediation.microdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.model.ColumnType;

class HierarchyBuilderTest {

    static Column col(String name, ColumnType type, String... v) {
        return MicrodataRemediationTest.column(name, type, v);
    }

    static String[] row(GeneralizationHierarchy h, String leaf) {
        int r = h.rowOf(leaf);
        String[] out = new String[h.levels()];
        for (int l = 0; l < out.length; l++) {
            out[l] = h.value(r, l);
        }
        return out;
    }

    @Test
    void automaticIntegerIntervalsDoubleFromANiceWidth() throws Exception {
        // range 17..90 = 73; 73/20 = 3.65 → width 5, then 10, 20, 40, 80 while more than one interval remains
        GeneralizationHierarchy h = HierarchyBuilder.build(col("age", ColumnType.INTEGER, "17", "39", "90"),
                HierarchySpec.auto());
        assertEquals("interval:5,10,20,40,80", h.source());
        assertArrayEquals(new String[] {"39", "35-39", "30-39", "20-39", "0-39", "0-79", "*"}, row(h, "39"));
        assertArrayEquals(new String[] {"90", "90-94", "90-99", "80-99", "80-119", "80-159", "*"}, row(h, "90"));
        assertEquals(3, h.leafCount());
    }

    @Test
    void explicitWidthsAreUsedAndNegativeIntervalsBracketed() throws Exception {
        GeneralizationHierarchy h = HierarchyBuilder.build(col("t", ColumnType.INTEGER, "-3", "4", "12"),
                HierarchySpec.parse("interval:5,10"));
        assertArrayEquals(new String[] {"-3", "[-5, -1]", "[-10, -1]", "*"}, row(h, "-3"));
        assertArrayEquals(new String[] {"12", "10-14", "10-19", "*"}, row(h, "12"));
    }

    @Test
    void decimalIntervalsAreHalfOpen() throws Exception {
        GeneralizationHierarchy h = HierarchyBuilder.build(col("bmi", ColumnType.DECIMAL, "18.5", "22.25", "31.0"),
                HierarchySpec.parse("interval:2.5,5"));
        assertArrayEquals(new String[] {"22.25", "[20, 22.5)", "[20, 25)", "*"}, row(h, "22.25"));
        assertArrayEquals(new String[] {"18.5", "[17.5, 20)", "[15, 20)", "*"}, row(h, "18.5"));
    }

    @Test
    void datesGoDayMonthQuarterYear() throws Exception {
        GeneralizationHierarchy d = HierarchyBuilder.build(col("d", ColumnType.DATE_TIME, "2024-05-17", "2023-12-01"),
                HierarchySpec.auto());
        assertArrayEquals(new String[] {"2024-05-17", "2024-05", "2024-Q2", "2024", "*"}, row(d, "2024-05-17"));
        GeneralizationHierarchy t = HierarchyBuilder.build(col("t", ColumnType.DATE_TIME, "2024-05-17T08:30",
                "2024-01-02 23:59:59"), HierarchySpec.parse("date"));
        assertArrayEquals(new String[] {"2024-01-02 23:59:59", "2024-01-02", "2024-01", "2024-Q1", "2024", "*"},
                row(t, "2024-01-02 23:59:59"));
    }

    @Test
    void codesAreTruncatedFromTheRight() throws Exception {
        GeneralizationHierarchy h = HierarchyBuilder.build(col("postcode", ColumnType.CATEGORICAL, "10115", "10117",
                "8001"), HierarchySpec.auto());
        assertEquals("prefix", h.source());
        assertArrayEquals(new String[] {"10115", "1011*", "101**", "10***", "1****", "*****", "*"},
                row(h, "10115"));
        assertArrayEquals(new String[] {"8001", "800*", "80**", "8***", "****", "****", "*"}, row(h, "8001"));
    }

    @Test
    void otherLabelsAreSuppressedInOneStep() throws Exception {
        GeneralizationHierarchy h = HierarchyBuilder.build(col("sex", ColumnType.CATEGORICAL, "Male", "Female"),
                HierarchySpec.auto());
        assertEquals("suppress", h.source());
        assertArrayEquals(new String[] {"Male", "*"}, row(h, "Male"));
    }

    @Test
    void wrongColumnTypeIsAClearError() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> HierarchyBuilder.build(
                col("city", ColumnType.CATEGORICAL, "Berlin", "Bonn"), HierarchySpec.parse("interval")));
        assertEquals("remediation.hierarchy.notNumeric", e.messageKey());
        assertEquals("remediation.hierarchy.notDate", assertThrows(ConfigurationException.class,
                () -> HierarchyBuilder.build(col("d", ColumnType.CATEGORICAL, "05/17/2024"),
                        HierarchySpec.parse("date"))).messageKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "interval:0", "interval:5,7", "interval:5,5", "prefix:3", "interval:x"})
    void badSpecsAreRejected(String spec) {
        assertThrows(ConfigurationException.class, () -> HierarchySpec.parse(spec));
    }

    @Test
    void specTextRoundTrips() throws Exception {
        assertEquals("interval:5,10,20", HierarchySpec.parse("interval:5,10,20").text());
        assertEquals("interval:0.5,1", HierarchySpec.parse(" INTERVAL:0.5,1 ").text());
        assertEquals(HierarchySpec.Kind.AUTO, HierarchySpec.parse("auto").kind());
    }

    @Test
    void hierarchyRowsMustBeRegular() {
        assertEquals("remediation.hierarchy.ragged", assertThrows(ConfigurationException.class,
                () -> GeneralizationHierarchy.of("a", "f", List.of(new String[] {"1", "*"}, new String[] {"2"})))
                .messageKey());
        assertEquals("remediation.hierarchy.duplicateLeaf", assertThrows(ConfigurationException.class,
                () -> GeneralizationHierarchy.of("a", "f", List.of(new String[] {"1", "*"}, new String[] {"1", "*"})))
                .messageKey());
        assertEquals("remediation.hierarchy.empty", assertThrows(ConfigurationException.class,
                () -> GeneralizationHierarchy.of("a", "f", List.of())).messageKey());
    }

    @Test
    void lossMeasureNamesParse() throws Exception {
        assertEquals(LossMeasure.DISCERNIBILITY, LossMeasure.parse("discernability"));
        assertEquals(LossMeasure.ENTROPY, LossMeasure.parse("Entropy"));
        assertEquals("remediation.measure.unknown",
                assertThrows(ConfigurationException.class, () -> LossMeasure.parse("kl")).messageKey());
    }
}

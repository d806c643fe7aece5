package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.progress.ProgressMonitor;

class GroundTruthTest {

    static Dataset file(List<String> header, String... rows) {
        List<List<String>> r = new ArrayList<>();
        for (String row : rows) {
            r.add(List.of(row.split(",", -1)));
        }
        return PrimaryRulesTest.dataset(header, r);
    }

    static GroundTruth read(Dataset ds, String slot, int minutes) throws AuditException {
        return GroundTruth.fromDataset(ds, "t.csv", "user", slot, "area", minutes, ProgressMonitor.none());
    }

    @Test
    void timestampsAreBinnedFromMidnightOfTheFirstDay() throws Exception {
        // 30-minute slots: 08:15 is slot 16 of day 1, 08:29 too (the later record wins), the
        // next day's 00:05 is slot 48; the grid ends with the last observed slot (49 slots)
        GroundTruth t = read(file(List.of("user", "time", "area"), "u1,2026-01-05T08:15,x1y2", "u1,2026-01-05 08:29,x3y4",
                "u2,2026-01-06T00:05,x5y6"), "time", 30);
        assertEquals(49, t.slots());
        assertEquals(48, t.slotsPerDay());
        assertEquals(2, t.users());
        assertEquals(2, t.observedPoints());
        assertTrue(t.observed()[0][16]);
        assertFalse(t.observed()[0][17]);
        assertEquals(t.areas().indexOf("x3y4"), t.truth()[0][16]);
        // before the first record a user is at the first place seen, after it at the last one
        assertEquals(t.areas().indexOf("x3y4"), t.truth()[0][0]);
        assertEquals(t.areas().indexOf("x3y4"), t.truth()[0][48]);
        assertEquals(t.areas().indexOf("x5y6"), t.truth()[1][0]);
        assertTrue(t.hasCoordinates());
        assertEquals(3.0, t.x()[t.areas().indexOf("x3y4")]);
        assertEquals(4.0, t.y()[t.areas().indexOf("x3y4")]);
        int[][] f = t.footfall();
        assertEquals(49, f.length);
        assertEquals(2, java.util.Arrays.stream(f[16]).sum());
    }

    @Test
    void aDateAndAnHourColumnMakeTheSlot() throws Exception {
        GroundTruth t = read(file(List.of("user", "date", "hour", "area"), "u1,2025-03-03,8,A", "u1,2025-03-04,23,B"),
                "date+hour", 60);
        assertEquals(48, t.slots());
        assertTrue(t.observed()[0][8]);
        assertTrue(t.observed()[0][47]);
        assertFalse(t.hasCoordinates());
        assertEquals(2, t.observedPoints());
    }

    @Test
    void slotNumbersAreTakenAsTheyAre() throws Exception {
        GroundTruth t = read(file(List.of("user", "slot", "area"), "a,0,p", "a,2,q", "b,1,q"), "slot", 60);
        assertEquals(3, t.slots());
        assertArrayEquals(new int[] {0, 0, 1}, t.truth()[0]);
        assertArrayEquals(new boolean[] {true, false, true}, t.observed()[0]);
        assertArrayEquals(new int[] {1, 1, 1}, t.truth()[1]);
        assertEquals(3, t.observedPoints());
    }

    @Test
    void badInputNamesRowAndColumn() {
        Dataset ds = file(List.of("user", "slot", "area"), "a,0,p", "a,soon,q");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> read(ds, "slot", 60));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        // a slot number after date-times
        DatasetFormatException mixed = assertThrows(DatasetFormatException.class, () -> read(file(
                List.of("user", "slot", "area"), "a,2026-01-05T08:00,p", "a,3,q"), "slot", 60));
        assertEquals(3, mixed.line());
        // a slot beyond a million
        assertThrows(DatasetFormatException.class, () -> read(file(List.of("user", "slot", "area"), "a,1000001,p"),
                "slot", 60));
        assertThrows(ConfigurationException.class, () -> read(ds, "when", 60));
        assertThrows(ConfigurationException.class, () -> read(ds, "slot", 7));
        assertThrows(ConfigurationException.class, () -> read(ds, "slot", 0));
    }

    @Test
    void everyPointObservedWhenBuiltFromAFullGrid() {
        int[][] truth = {{0, 1}, {1, 0}};
        GroundTruth t = new GroundTruth(List.of("a", "b"), new double[] {Double.NaN, Double.NaN},
                new double[] {Double.NaN, Double.NaN}, truth, 2);
        assertEquals(4, t.observedPoints());
        assertFalse(t.hasCoordinates());
        assertEquals(0, new GroundTruth(List.of(), new double[0], new double[0], new int[0][0], 24).slots());
    }
}

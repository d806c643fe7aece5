package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.aggregate.Tables.X;
import static org.releaseauditor.core.aggregate.Tables.row;
import static org.releaseauditor.core.aggregate.Tables.table;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.progress.ProgressMonitor;

class GroupDisclosureTest {
    private static final List<String> DIMS = List.of("home_district", "age_band", "area", "gender");

    /** Footfall by home district × age band × visited area × gender. */
    static CountTable footfall() {
        return table("F", DIMS,
                // D1 18-24: all 14 seen at P (across genders)
                row("D1", "18-24", "P", "f", 6), row("D1", "18-24", "P", "m", 8),
                row("D1", "18-24", "Q", "f", 0), row("D1", "18-24", "Q", "m", 0),
                // D1 25-34: 19 at P, 1 at Q: all but one
                row("D1", "25-34", "P", "f", 10), row("D1", "25-34", "P", "m", 9),
                row("D1", "25-34", "Q", "f", 1), row("D1", "25-34", "Q", "m", 0),
                // D2 18-24: spread
                row("D2", "18-24", "P", "f", 5), row("D2", "18-24", "Q", "m", 7),
                // D2 25-34: one cell withheld
                row("D2", "25-34", "P", "f", 12), row("D2", "25-34", "Q", "f", X));
    }

    @Test
    void findsGroupsWhoseMembersAllShareOneCategory() throws Exception {
        List<DisclosedGroup> g = GroupDisclosure.find(ReleaseSet.of(footfall()), List.of("home_district", "age_band"),
                "area", 0, ProgressMonitor.none());
        assertEquals(2, g.size());
        DisclosedGroup d1 = g.get(0);
        assertEquals(List.of("D1", "18-24"), d1.group());
        assertEquals("P", d1.category());
        assertEquals(14, d1.members());
        assertFalse(d1.hasSuppressed());
        DisclosedGroup d2 = g.get(1);
        assertEquals(List.of("D2", "25-34"), d2.group());
        assertTrue(d2.hasSuppressed(), "a withheld cell makes the finding only possible");
    }

    @Test
    void allButAFewToleratesSomeMembersElsewhere() throws Exception {
        List<DisclosedGroup> g = GroupDisclosure.find(ReleaseSet.of(footfall()), List.of("home_district", "age_band"),
                "area", 1, ProgressMonitor.none());
        assertEquals(3, g.size());
        DisclosedGroup d = g.get(1);
        assertEquals(List.of("D1", "25-34"), d.group());
        assertEquals(19, d.inCategory());
        assertEquals(1, d.outside());
    }

    @Test
    void unknownDimensionsAreAConfigurationError() {
        assertThrows(ConfigurationException.class, () -> GroupDisclosure.find(ReleaseSet.of(footfall()),
                List.of("nope"), "area", 0, ProgressMonitor.none()));
    }

    @Test
    void aGroupNeedsARealMajorityInItsCategory() throws Exception {
        // allowed = 1: G1 = {P: 1, Q: 1} is a 1-and-1 split, neither category is disclosed;
        // G2 = {P: 2, Q: 1} has P as a strict majority with one member outside: reported as P;
        // allowed = 2: G3 = {P: 2, Q: 2} is a tie, never reported; G4 = {P: 3, Q: 2} is reported.
        CountTable t = table("F", List.of("g", "area"),
                row("G1", "P", 1), row("G1", "Q", 1), row("G2", "P", 2), row("G2", "Q", 1),
                row("G3", "P", 2), row("G3", "Q", 2), row("G4", "Q", 2), row("G4", "P", 3));
        List<DisclosedGroup> one = GroupDisclosure.find(ReleaseSet.of(t), List.of("g"), "area", 1,
                ProgressMonitor.none());
        assertEquals(List.of("G2:P"), one.stream().map(d -> d.group().get(0) + ":" + d.category()).toList());
        assertEquals(1, one.get(0).outside());
        List<DisclosedGroup> two = GroupDisclosure.find(ReleaseSet.of(t), List.of("g"), "area", 2,
                ProgressMonitor.none());
        assertEquals(List.of("G2:P", "G4:P"), two.stream().map(d -> d.group().get(0) + ":" + d.category()).toList());
        assertEquals(3, two.get(1).inCategory());
        assertThrows(ConfigurationException.class, () -> GroupDisclosure.find(ReleaseSet.of(t), List.of("g"), "area",
                -1, ProgressMonitor.none()));
    }
}

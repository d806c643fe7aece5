package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * ACRO's own test case: {@code acro.crosstab(data.year, data.grant_type, values=data.inc_grants,
 * aggfunc="mean")} on ACRO's {@code data/test_data.dta} (918 charities), with ACRO's default risk
 * appetite ({@code acro/default.yaml}).
 *
 * <p>The expected cells were obtained by running ACRO itself (releases v1.0.1 and v0.4.12, from
 * their sources, with Debian's pandas) outside this repository:
 * <ul>
 *   <li>ACRO 1.0.1: {@code MinimumThresholdCheck: fail - 6 cells}, {@code NKCheck: fail - 1 cells},
 *       {@code PPercentCheck: fail - 2 cells}: threshold on every R/G cell, NK on 2010|R/G,
 *       p-ratio on 2010|N and 2010|R/G;</li>
 *   <li>ACRO 0.4.12: {@code threshold: 7 cells; p-ratio: 2 cells; nk-rule: 1 cells}, the extra
 *       threshold cell being 2010|N, because 0.4.x counted the non-missing values (5) instead of
 *       the records (59).</li>
 * </ul>
 * The per-cell figures below (records, non-missing values, total, largest and second-largest
 * value) were computed from the same file with pandas; the rules only need those, so the other
 * values of a cell are lumped into pieces no larger than the second-largest.
 */
class AcroReferenceTest {

    private static final List<double[]> CELLS = new ArrayList<>();
    private static final List<String[]> KEYS = new ArrayList<>();

    private static void cell(String year, String grant, int records, int values, double total, double x1, double x2) {
        KEYS.add(new String[] {year, grant});
        CELLS.add(new double[] {records, values, total, x1, x2});
    }

    static {
        cell("2010", "G", 15, 14, 138906690, 57600000, 46628000);
        cell("2010", "N", 59, 5, 0, 0, 0);
        cell("2010", "R", 71, 60, 504137068, 173171008, 165531008);
        cell("2010", "R/G", 8, 4, 46544000, 36645000, 8073000);
        cell("2011", "G", 15, 15, 127533700, 52900000, 44369000);
        cell("2011", "N", 59, 58, 7192804, 960417, 675401);
        cell("2011", "R", 71, 69, 532464724, 179178000, 171564992);
        cell("2011", "R/G", 8, 8, 128380000, 39118000, 30369000);
        cell("2012", "G", 15, 15, 171878700, 60100000, 57500000);
        cell("2012", "N", 59, 59, 7779685, 982879, 857674);
        cell("2012", "R", 71, 69, 480105483, 171692992, 150663008);
        cell("2012", "R/G", 8, 8, 134480000, 42228000, 31064000);
        cell("2013", "G", 15, 15, 203357200, 74500000, 69100000);
        cell("2013", "N", 59, 59, 8728330, 712067, 669620);
        cell("2013", "R", 71, 71, 511361434, 186928992, 173006000);
        cell("2013", "R/G", 8, 8, 134125000, 44385000, 27452000);
        cell("2014", "G", 15, 15, 206222200, 94700000, 85300000);
        cell("2014", "N", 59, 59, 7858697, 645517, 561611);
        cell("2014", "R", 71, 67, 554594197, 234218000, 176550000);
        cell("2014", "R/G", 8, 8, 142766000, 43780000, 31459000);
        cell("2015", "G", 15, 12, 133601200, 89300000, 18759000);
        cell("2015", "N", 59, 58, 8501187, 951007, 616825);
        cell("2015", "R", 71, 51, 551457287, 249327008, 165548000);
        cell("2015", "R/G", 8, 8, 146229000, 43693000, 33580000);
    }

    /** The crosstab with counts = records (ACRO 1.x) or non-missing values (ACRO 0.4.x). */
    static CountTable crosstab(boolean recordsAsCount) {
        double[] counts = new double[CELLS.size()];
        double[][] contributions = new double[CELLS.size()][];
        for (int i = 0; i < counts.length; i++) {
            double[] c = CELLS.get(i);
            counts[i] = recordsAsCount ? c[0] : c[1];
            List<Double> v = new ArrayList<>();
            if (c[2] == 0) {
                for (int k = 0; k < c[1]; k++) {
                    v.add(0.0); // 2010|N: five values, all 0
                }
            } else {
                v.add(c[3]);
                v.add(c[4]);
                double rest = c[2] - c[3] - c[4];
                while (rest > 0) {
                    double piece = Math.min(rest, c[4]);
                    v.add(piece);
                    rest -= piece;
                }
            }
            contributions[i] = v.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return CountTable.of("mean", List.of("year", "grant_type"), KEYS.toArray(new String[0][]), counts)
                .withContributions(contributions);
    }

    static List<String> fired(TableRuleResult r, String rule) {
        return r.unsafe().stream().filter(u -> u.rules().contains(rule)).map(u -> String.join("|", u.cell())).toList();
    }

    @Test
    void acro101DefaultsFlagTheSameCellsAsAcro() {
        TableRuleResult r = PrimaryRules.apply(ReleaseSet.of(crosstab(true)), PrimaryRuleConfig.acro(),
                ProgressMonitor.none()).get(0);
        assertEquals(List.of("2010|R/G", "2011|R/G", "2012|R/G", "2013|R/G", "2014|R/G", "2015|R/G"),
                fired(r, "threshold"));
        // 2010|R/G: (36645000 + 8073000)/46544000 = 0.9608 >= 0.90; the next highest is 2014|G at 0.8728
        assertEquals(List.of("2010|R/G"), fired(r, "dominance"));
        // 2010|N: every value is 0 (ACRO compares T - x1 - x2 = 0 < 0.10);
        // 2010|R/G: (46544000 - 36645000 - 8073000)/36645000 = 0.0498 < 0.10
        assertEquals(List.of("2010|N", "2010|R/G"), fired(r, "p-percent"));
        assertEquals(1, r.zeroMagnitudeCells());
        assertEquals((46544000.0 - 36645000 - 8073000) / 36645000, r.minPRatio(), 1e-15);
        assertEquals((36645000.0 + 8073000) / 46544000, r.maxTop2Share(), 1e-15);
    }

    @Test
    void acro0412CountedNonMissingValuesSo2010NFailsTheThresholdToo() {
        TableRuleResult r = PrimaryRules.apply(ReleaseSet.of(crosstab(false)), PrimaryRuleConfig.acro(),
                ProgressMonitor.none()).get(0);
        List<String> th = fired(r, "threshold");
        assertEquals(7, th.size());
        assertEquals("2010|N", th.get(0));
        // ACRO 0.4.12 used "> 0.9" for dominance; no cell of this table sits at 90 %, so the count is 1 either way
        assertEquals(List.of("2010|R/G"), fired(PrimaryRules.apply(ReleaseSet.of(crosstab(false)),
                new PrimaryRuleConfig(null, new DominanceRule(2, 90, DominanceRule.Boundary.GT), Double.NaN, null),
                ProgressMonitor.none()).get(0), "dominance"));
    }

    @Test
    void withoutTheZeroConventionAnAllZeroCellIsSafeAsInSdcTable() {
        TableRuleResult r = PrimaryRules.apply(ReleaseSet.of(crosstab(true)),
                new PrimaryRuleConfig(null, null, 10, null), ProgressMonitor.none()).get(0);
        assertEquals(List.of("2010|R/G"), fired(r, "p-percent"));
    }
}

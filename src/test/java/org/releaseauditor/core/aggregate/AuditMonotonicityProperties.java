package org.releaseauditor.core.aggregate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.io.lp.OjAlgoIntervalSolver;

class AuditMonotonicityProperties {

    /** A rows × cols table with all margins; cells whose bit is set in {@code hidden} are suppressed. */
    static CountTable table(int[][] v, boolean[] hidden) {
        int rows = v.length;
        int cols = v[0].length;
        List<String[]> keys = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        int idx = 0;
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                double s = 0;
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < cols; j++) {
                        if ((r == rows || r == i) && (c == cols || c == j)) {
                            s += v[i][j];
                        }
                    }
                }
                keys.add(new String[] {r == rows ? "Total" : "r" + r, c == cols ? "Total" : "c" + c});
                counts.add(hidden[idx++] ? Double.NaN : s);
            }
        }
        return CountTable.of("T", List.of("row", "col"), keys.toArray(new String[0][]),
                counts.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Property(tries = 60)
    void suppressingMoreCellsNeverNarrowsAnInterval(@ForAll @IntRange(min = 2, max = 4) int rows,
            @ForAll @IntRange(min = 2, max = 4) int cols, @ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        int[][] v = new int[rows][cols];
        for (int[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = rnd.nextInt(12);
            }
        }
        int cells = (rows + 1) * (cols + 1);
        boolean[] few = new boolean[cells];
        boolean[] more = new boolean[cells];
        few[rnd.nextInt(cells)] = true;
        for (int i = 0; i < cells; i++) {
            few[i] |= rnd.nextInt(4) == 0;
            more[i] = few[i] || rnd.nextInt(3) == 0;
        }
        List<AuditedCell> a = audit(table(v, few));
        List<AuditedCell> b = audit(table(v, more));
        for (AuditedCell x : a) {
            AuditedCell y = b.stream().filter(c -> c.index() == x.index()).findFirst().orElseThrow();
            assertTrue(y.low() <= x.low() + 1e-9 && y.high() >= x.high() - 1e-9,
                    "interval " + x.cell() + " narrowed from [" + x.low() + "," + x.high() + "] to [" + y.low() + ","
                            + y.high() + "]");
            assertTrue(x.low() <= trueValue(v, x) && trueValue(v, x) <= x.high(), "true value outside interval");
        }
    }

    @Property(tries = 40)
    void provenBoundShortcutsGiveTheSameIntervalsAsOneLpPerBound(@ForAll @IntRange(min = 2, max = 5) int rows,
            @ForAll @IntRange(min = 2, max = 5) int cols, @ForAll long seed) throws Exception {
        Random rnd = new Random(seed);
        int[][] v = new int[rows][cols];
        for (int[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = rnd.nextInt(9);
            }
        }
        boolean[] hidden = new boolean[(rows + 1) * (cols + 1)];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = rnd.nextInt(3) == 0;
        }
        ReleaseModel m = ReleaseModel.build(ReleaseSet.of(table(v, hidden)), ProgressMonitor.none());
        List<AuditedCell> fast = SuppressionAudit.audit(m, new OjAlgoIntervalSolver(),
                ProtectionRequirement.exactOnly(), ProgressMonitor.none());
        // the same audit with a solver that forgets solution vectors: every bound costs its own LP
        IntervalSolver plain = system -> {
            IntervalSolver.Session s = new OjAlgoIntervalSolver().open(system);
            return (target, max) -> {
                IntervalSolver.Result r = s.optimise(target, max);
                return new IntervalSolver.Result(r.status(), r.value(), new double[0]);
            };
        };
        List<AuditedCell> slow = SuppressionAudit.audit(m, plain, ProtectionRequirement.exactOnly(),
                ProgressMonitor.none());
        for (int i = 0; i < fast.size(); i++) {
            assertTrue(fast.get(i).low() == slow.get(i).low() && fast.get(i).high() == slow.get(i).high(),
                    fast.get(i) + " vs " + slow.get(i));
        }
    }

    private static double trueValue(int[][] v, AuditedCell cell) {
        String r = cell.cell().get(0);
        String c = cell.cell().get(1);
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v[0].length; j++) {
                if ((r.equals("Total") || r.equals("r" + i)) && (c.equals("Total") || c.equals("c" + j))) {
                    s += v[i][j];
                }
            }
        }
        return s;
    }

    private static List<AuditedCell> audit(CountTable t) throws Exception {
        ReleaseModel m = ReleaseModel.build(ReleaseSet.of(t), ProgressMonitor.none());
        return SuppressionAudit.audit(m, new OjAlgoIntervalSolver(), ProtectionRequirement.exactOnly(),
                ProgressMonitor.none());
    }
}

package org.releaseauditor.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.releaseauditor.core.risk.RiskTables.column;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.model.Column;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;

class QiContributionAnalysisTest {

    private static final double EPS = 1e-12;

    @Test
    void goldenClassSizes11233GiveDistinctionHalfAndSeparation38Over45() throws Exception {
        // classes a:1, b:1, c:2, d:3, e:3 → n = 10, J = 5 → distinction 5/10
        // same-class pairs 0+0+1+3+3 = 7 of C(10,2) = 45 → separation 1 − 7/45 = 38/45
        Column q = column("q", "a", "b", "c", "c", "d", "d", "d", "e", "e", "e");
        List<QiContribution> r = QiContributionAnalysis.compute(List.of(q), 10, ProgressMonitor.none());
        assertEquals(1, r.size());
        assertEquals(List.of("q"), r.get(0).qis());
        assertEquals(0.5, r.get(0).distinction(), EPS);
        assertEquals(38.0 / 45.0, r.get(0).separation(), EPS);
    }

    @Test
    void handWorkedTwoQuasiIdentifiers() throws Exception {
        // rows (A,B): (x,1) (x,1) (x,2) (y,2) (y,2) (y,3); n = 6, C(6,2) = 15
        // {A}:   x:3 y:3              → J=2 → 2/6;  same pairs 3+3 = 6   → 9/15
        // {B}:   1:2 2:3 3:1          → J=3 → 3/6;  same pairs 1+3+0 = 4 → 11/15
        // {A,B}: x1:2 x2:1 y2:2 y3:1  → J=4 → 4/6;  same pairs 1+0+1+0 = 2 → 13/15
        Column a = column("A", "x", "x", "x", "y", "y", "y");
        Column b = column("B", "1", "1", "2", "2", "2", "3");
        List<QiContribution> r = QiContributionAnalysis.compute(List.of(a, b), 10, ProgressMonitor.none());
        assertEquals(List.of(List.of("A"), List.of("B"), List.of("A", "B")), r.stream().map(QiContribution::qis).toList());
        assertEquals(2.0 / 6, r.get(0).distinction(), EPS);
        assertEquals(9.0 / 15, r.get(0).separation(), EPS);
        assertEquals(3.0 / 6, r.get(1).distinction(), EPS);
        assertEquals(11.0 / 15, r.get(1).separation(), EPS);
        assertEquals(4.0 / 6, r.get(2).distinction(), EPS);
        assertEquals(13.0 / 15, r.get(2).separation(), EPS);
    }

    @Test
    void ordersBySizeThenByQuasiIdentifierOrderAndHonoursTheSizeLimit() throws Exception {
        Column a = column("a", "1", "2");
        Column b = column("b", "1", "1");
        Column c = column("c", "2", "1");
        Column d = column("d", "1", "2");
        List<List<String>> all = QiContributionAnalysis.compute(List.of(a, b, c), 10, ProgressMonitor.none())
                .stream().map(QiContribution::qis).toList();
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("a", "b"), List.of("a", "c"),
                List.of("b", "c"), List.of("a", "b", "c")), all);
        List<QiContribution> limited = QiContributionAnalysis.compute(List.of(a, b, c, d), 2, ProgressMonitor.none());
        assertEquals(4 + 6, limited.size());
        assertEquals(List.of("c", "d"), limited.get(limited.size() - 1).qis());
    }

    @Test
    void allSuppressedRecordsAreLeftOutPerSubset() throws Exception {
        // rows (A,B): (*,*) (*,*) (x,1) (y,1)
        // {A}:   2 rows all-suppressed excluded → x, y: n=2, J=2 → 1, 1
        // {B}:   the two (*) rows excluded → 1:2 → n=2, J=1 → 0.5; 1 same pair of 1 → 0
        // {A,B}: 2 excluded → (x,1) (y,1) → 1, 1
        Column a = column("A", "*", "*", "x", "y");
        Column b = column("B", "*", "*", "1", "1");
        List<QiContribution> r = QiContributionAnalysis.compute(List.of(a, b), 2, ProgressMonitor.none());
        assertEquals(1.0, r.get(0).distinction(), EPS);
        assertEquals(1.0, r.get(0).separation(), EPS);
        assertEquals(0.5, r.get(1).distinction(), EPS);
        assertEquals(0.0, r.get(1).separation(), EPS);
        assertEquals(1.0, r.get(2).distinction(), EPS);
        assertEquals(1.0, r.get(2).separation(), EPS);
    }

    @Test
    void edgeCasesWithNoOrOneRecordStayInRange() {
        assertEquals(0.0, QiContributionAnalysis.distinction(0, 0));
        assertEquals(0.0, QiContributionAnalysis.separation(0, 0));
        assertEquals(1.0, QiContributionAnalysis.separation(0, 1));
    }

    @Test
    void pairCountsDoNotOverflowForTenMillionRecords() {
        // C(10^7, 2) = 49,999,995,000,000 does not fit in an int
        assertEquals(49_999_995_000_000L, QiContributionAnalysis.pairs(10_000_000));
        // 10^7 records in two classes of 5·10^6: same pairs 2·C(5·10^6,2) = 24,999,995,000,000
        long same = 2 * QiContributionAnalysis.pairs(5_000_000);
        assertEquals(25_000_000_000_000.0 / 49_999_995_000_000.0,
                QiContributionAnalysis.separation(same, 10_000_000), 1e-15);
    }

    @Test
    void rejectsUnusableConfigurations() {
        Column a = column("a", "1", "2");
        assertThrows(ConfigurationException.class,
                () -> QiContributionAnalysis.compute(List.of(), 10, ProgressMonitor.none()));
        ConfigurationException size = assertThrows(ConfigurationException.class,
                () -> QiContributionAnalysis.compute(List.of(a), 0, ProgressMonitor.none()));
        assertEquals("risk.error.subsetSize", size.messageKey());
        List<Column> many = Collections.nCopies(31, a);
        assertEquals("risk.error.tooManyColumns", assertThrows(ConfigurationException.class,
                () -> QiContributionAnalysis.compute(many, 2, ProgressMonitor.none())).messageKey());
        List<Column> wide = Collections.nCopies(25, a);
        assertEquals("risk.error.tooManySubsets", assertThrows(ConfigurationException.class,
                () -> QiContributionAnalysis.compute(wide, 10, ProgressMonitor.none())).messageKey());
    }

    @Test
    void reportsProgressToTheEndAndStopsWhenCancelled() throws Exception {
        Column a = column("a", "1", "2", "2");
        Column b = column("b", "1", "1", "2");
        Column c = column("c", "2", "1", "1");
        List<long[]> updates = new ArrayList<>();
        String phase = org.releaseauditor.core.i18n.Messages.get("risk.progress.qiContribution");
        ProgressMonitor recording = new CancellationFlag() {
            @Override
            public void update(String p, long done, long total) {
                if (p.equals(phase)) {
                    updates.add(new long[] {done, total});
                }
            }
        };
        QiContributionAnalysis.compute(List.of(a, b, c), 10, recording);
        // the phase ends complete, and its progress never goes back
        long[] lastUpdate = updates.get(updates.size() - 1);
        assertEquals(lastUpdate[1], lastUpdate[0]);
        for (int i = 1; i < updates.size(); i++) {
            assertTrue((double) updates.get(i)[0] / updates.get(i)[1]
                    >= (double) updates.get(i - 1)[0] / updates.get(i - 1)[1]);
        }
        CancellationFlag cancelled = new CancellationFlag();
        cancelled.cancel();
        assertThrows(CancelledException.class, () -> QiContributionAnalysis.compute(List.of(a, b, c), 10, cancelled));
    }

    @Property(tries = 200)
    void valuesAreFractionsAndMatchGroupingFromScratch(@ForAll("tables") int[][] rows) throws Exception {
        int m = rows[0].length;
        List<Column> qis = RiskTables.columns(rows, m);
        for (QiContribution c : QiContributionAnalysis.compute(qis, 10, ProgressMonitor.none())) {
            assertTrue(c.distinction() >= 0 && c.distinction() <= 1, c.toString());
            assertTrue(c.separation() >= 0 && c.separation() <= 1, c.toString());
            List<Column> subset = qis.stream().filter(q -> c.qis().contains(q.name())).toList();
            Partition p = Partition.group(subset, ProgressMonitor.none());
            long same = 0;
            for (int f : p.sizes()) {
                same += QiContributionAnalysis.pairs(f);
            }
            int n = p.classifiedRecords();
            assertEquals(QiContributionAnalysis.distinction(p.classCount(), n), c.distinction(), EPS);
            assertEquals(QiContributionAnalysis.separation(same, n), c.separation(), EPS);
        }
    }

    @Property(tries = 200)
    void distinctionAndSeparationNeverDecreaseWhenAQuasiIdentifierIsAdded(
            @ForAll("tablesWithoutSuppression") int[][] rows) throws Exception {
        List<Column> qis = RiskTables.columns(rows, rows[0].length);
        Map<List<String>, QiContribution> bySet = new HashMap<>();
        for (QiContribution c : QiContributionAnalysis.compute(qis, 10, ProgressMonitor.none())) {
            bySet.put(c.qis(), c);
        }
        for (QiContribution c : bySet.values()) {
            for (Column q : qis) {
                if (c.qis().contains(q.name())) {
                    continue;
                }
                List<String> bigger = qis.stream().map(Column::name)
                        .filter(name -> name.equals(q.name()) || c.qis().contains(name)).toList();
                QiContribution d = bySet.get(bigger);
                assertTrue(d.distinction() >= c.distinction() - EPS, c + " -> " + d);
                assertTrue(d.separation() >= c.separation() - EPS, c + " -> " + d);
            }
        }
    }

    @Property(tries = 100)
    void resultsDoNotDependOnRowOrder(@ForAll("tables") int[][] rows, @ForAll long seed) throws Exception {
        List<Integer> order = RiskTables.shuffledOrder(rows.length, seed);
        int m = rows[0].length;
        assertEquals(QiContributionAnalysis.compute(RiskTables.columns(rows, m), 10, ProgressMonitor.none()),
                QiContributionAnalysis.compute(RiskTables.columns(RiskTables.permute(rows, order), m), 10,
                        ProgressMonitor.none()));
    }

    @Provide
    Arbitrary<int[][]> tables() {
        return table(Arbitraries.integers().between(-2, 3));
    }

    @Provide
    Arbitrary<int[][]> tablesWithoutSuppression() {
        return table(Arbitraries.integers().between(-1, 3));
    }

    private static Arbitrary<int[][]> table(Arbitrary<Integer> cell) {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.integers().between(1, 4))
                .flatAs((n, m) -> cell.array(int[].class).ofSize(m).array(int[][].class).ofSize(n));
    }
}

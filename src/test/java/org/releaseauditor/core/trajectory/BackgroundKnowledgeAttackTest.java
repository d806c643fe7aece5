package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;

class BackgroundKnowledgeAttackTest {

    private static final double EPS = 1e-3;

    private static double[] run(String attack, int k, double tol, String temporal) throws Exception {
        EventTable t = Fixtures.toy();
        TraceSet ts = Fixtures.traces(t, temporal);
        AttackResult r = new BackgroundKnowledgeAttack(ts).run(new AttackSpec(AttackType.fromId(attack), k, tol),
                AttackOptions.defaults(), ProgressMonitor.none());
        assertEquals(AttackResult.Mode.EXACT, r.mode());
        return Fixtures.risksByName(t, r);
    }

    private static double[] parse(String s) {
        return Arrays.stream(s.split(" ")).mapToDouble(x -> x.contains("/")
                ? Double.parseDouble(x.split("/")[0]) / Double.parseDouble(x.split("/")[1])
                : Double.parseDouble(x)).toArray();
    }

    /** METRICS.md §2 golden values, plus the other scikit-mobility docstring values that are not affected by its defects. */
    @ParameterizedTest(name = "{0} k={1} tol={2} time={3}")
    @CsvSource({
        "location, 2, 0, none, 1/3 1/2 1/3 1/3 1/4 1/4 1/2",
        "location, 3, 0, none, 1/2 1 1/2 1/3 1/3 1/4 1",
        "location-sequence, 2, 0, none, 1/2 1/2 1 1/2 1 1/3 1/2",
        "location-sequence, 3, 0, none, 1 1 1 1 1 1/3 1",
        "unique-location, 2, 0, none, 1/3 1/4 1/3 1/3 1/4 1/4 1/4",
        "unique-location, 3, 0, none, 1/2 1/3 1/2 1/3 1/3 1/4 1/4",
        "location-frequency, 2, 0, none, 1/3 1 1/3 1/3 1/3 1/3 1",
        "location-frequency, 2, 0.5, none, 1/3 1 1/3 1/3 1/4 1/4 1",
        "location-frequency, 3, 0.5, none, 1/2 1 1/2 1/3 1/3 1/4 1",
        "location-probability, 2, 0, none, 1/2 1 1/2 1 1 1 1",
        // scikit-mobility's 'Hour' precision is really day precision (its issue #265): compare with 1-day bins
        "location-time, 2, 0, 1d, 1 1 1 1 1 1/2 1",
        // a single time bin makes location-time equal to the location attack (its 'Month' example)
        "location-time, 2, 0, 30d, 1/3 1/2 1/3 1/3 1/4 1/4 1/2",
    })
    void reproducesScikitMobilityToyValues(String attack, int k, double tol, String temporal, String expected)
            throws Exception {
        assertArrayEquals(parse(expected), run(attack, k, tol, temporal), EPS);
    }

    @Test
    void locationTimeAtHourPrecisionDistinguishesHours() throws Exception {
        // with true hour bins every user of the toy data has a unique pair of (place, hour) points, except
        // user 6 whose (A, 02-04 10h), (B, 02-04 11h) is also in user 2's trace
        double[] r = run("location-time", 2, 0, "1h");
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 0.5, 1}, r, EPS);
    }

    @Test
    void homeWorkUsesTheTwoMostVisitedPlaces() throws Exception {
        // u1: X x3, Y x2, Z x1 -> {X, Y}; u2: X x2, Y x3 -> {X, Y}; u3: X x3, Z x2, Y x1 -> {X, Z}
        // the least-visited variant (scikit-mobility's defect) would give u1 {Y, Z} and u3 {Z, Y}: both wrong
        EventTable t = Fixtures.events(
                Fixtures.r("1", "2020-01-01T01:00:00Z", "X"), Fixtures.r("1", "2020-01-01T02:00:00Z", "X"),
                Fixtures.r("1", "2020-01-01T03:00:00Z", "X"), Fixtures.r("1", "2020-01-01T04:00:00Z", "Y"),
                Fixtures.r("1", "2020-01-01T05:00:00Z", "Y"), Fixtures.r("1", "2020-01-01T06:00:00Z", "Z"),
                Fixtures.r("2", "2020-01-01T01:00:00Z", "X"), Fixtures.r("2", "2020-01-01T02:00:00Z", "X"),
                Fixtures.r("2", "2020-01-01T03:00:00Z", "Y"), Fixtures.r("2", "2020-01-01T04:00:00Z", "Y"),
                Fixtures.r("2", "2020-01-01T05:00:00Z", "Y"),
                Fixtures.r("3", "2020-01-01T01:00:00Z", "X"), Fixtures.r("3", "2020-01-01T02:00:00Z", "X"),
                Fixtures.r("3", "2020-01-01T03:00:00Z", "X"), Fixtures.r("3", "2020-01-01T04:00:00Z", "Z"),
                Fixtures.r("3", "2020-01-01T05:00:00Z", "Z"), Fixtures.r("3", "2020-01-01T06:00:00Z", "Y"));
        AttackResult r = new BackgroundKnowledgeAttack(Fixtures.traces(t, "none"))
                .run(new AttackSpec(AttackType.HOME_WORK, 2, 0), AttackOptions.defaults(), ProgressMonitor.none());
        assertArrayEquals(new double[] {0.5, 0.5, 1}, Fixtures.risksByName(t, r), 1e-9);
        assertEquals(2.0 / 3, r.meanRisk(), 1e-9);
        assertEquals(0.5, r.medianRisk(), 1e-9);
        assertEquals(1.0 / 3, r.fractionRisk1(), 1e-9);
    }

    @Test
    void summarisesTheRiskDistribution() throws Exception {
        EventTable t = Fixtures.toy();
        AttackResult r = new BackgroundKnowledgeAttack(Fixtures.traces(t, "none"))
                .run(new AttackSpec(AttackType.LOCATION, 3, 0), AttackOptions.defaults(), ProgressMonitor.none());
        // risks 1/2 1 1/2 1/3 1/3 1/4 1
        assertEquals((0.5 + 1 + 0.5 + 1.0 / 3 + 1.0 / 3 + 0.25 + 1) / 7, r.meanRisk(), 1e-9);
        assertEquals(0.5, r.medianRisk(), 1e-9);
        assertEquals(2.0 / 7, r.fractionRisk1(), 1e-9);
        assertArrayEquals(new int[] {0, 0, 1, 2, 0, 2, 0, 0, 0, 2}, r.histogram().counts());
    }

    @Test
    void samplesInstancesWhenEnumerationExceedsTheLimitAndSaysSo() throws Exception {
        EventTable t = Fixtures.toy();
        TraceSet ts = Fixtures.traces(t, "none");
        AttackSpec spec = new AttackSpec(AttackType.LOCATION, 2, 0);
        // users with 4 records have C(4,2)=6 instances > 5: sampled; users with 3 or 2 records: exact
        AttackResult r = new BackgroundKnowledgeAttack(ts).run(spec, new AttackOptions(5, 200, 0, 7),
                ProgressMonitor.none());
        assertEquals(AttackResult.Mode.MIXED, r.mode());
        assertEquals(3, r.sampledUsers());
        // 200 random draws of 6 possible pairs find the maximum with overwhelming probability (fixed seed)
        assertArrayEquals(new double[] {1.0 / 3, 0.5, 1.0 / 3, 1.0 / 3, 0.25, 0.25, 0.5},
                Fixtures.risksByName(t, r), EPS);
        AttackResult all = new BackgroundKnowledgeAttack(ts).run(spec, new AttackOptions(1, 1, 0, 7),
                ProgressMonitor.none());
        // user 6 has two records: its single instance C(2,2) = 1 is within the limit
        assertEquals(6, all.sampledUsers());
        assertEquals(AttackResult.Mode.MIXED, all.mode());
        assertEquals(7, all.instances());
    }

    @Test
    void enumeratesEveryCombination() {
        int[] c = {0, 1};
        int n = 1;
        while (BackgroundKnowledgeAttack.nextCombination(c, 2, 5)) {
            n++;
        }
        assertEquals(10, n);
        assertEquals(BackgroundKnowledgeAttack.binomial(5, 2), n);
        assertEquals(Long.MAX_VALUE, BackgroundKnowledgeAttack.binomial(10_000, 50));
    }
}

package org.releaseauditor.core.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.progress.ProgressMonitor;

/**
 * The matching rule of each background-knowledge attack on data built so that the attacks
 * disagree: multiset vs set vs ordered subsequence vs (place, time bin) points, and the
 * frequency and probability tolerances exactly on their bounds. Users are named "1".."n" in order
 * of appearance; each expected risk is 1 / (number of users matching the riskiest instance).
 */
class AttackSemanticsTest {

    private static final double EPS = 1e-12;

    /** Events from "user:place place ..." strings, one hour apart, starting 2020-03-02T00:00Z. */
    private static EventTable traces(String... users) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String u : users) {
            String[] parts = u.split(":");
            String[] places = parts[1].trim().split(" ");
            for (int i = 0; i < places.length; i++) {
                rows.add(Fixtures.r(parts[0], String.format("2020-03-02T%02d:00:00Z", i), places[i]));
            }
        }
        return Fixtures.events(rows.toArray(new String[0][]));
    }

    private static AttackResult attack(EventTable t, String temporal, AttackType type, int k, double tol,
            AttackOptions opt) throws Exception {
        return new BackgroundKnowledgeAttack(Fixtures.traces(t, temporal)).run(new AttackSpec(type, k, tol), opt,
                ProgressMonitor.none());
    }

    private static double[] risks(EventTable t, AttackType type, int k, double tol) throws Exception {
        return Fixtures.risksByName(t, attack(t, "none", type, k, tol, AttackOptions.defaults()));
    }

    @Test
    void locationIsMultisetContainmentAndUniqueLocationIsSetContainment() throws Exception {
        // 1: A A, 2: A B. Location k=2: 1's instance {A, A} needs two A's -> only 1 -> risk 1;
        // 2's {A, B}: 1 has no B -> 1. Unique-location k=2: 1 has one distinct place (< k), its whole
        // trace {A} is the instance -> users 1 and 2 -> 1/2; 2's {A, B} -> 1.
        EventTable t = traces("1: A A", "2: A B");
        assertArrayEquals(new double[] {1, 1}, risks(t, AttackType.LOCATION, 2, 0), EPS);
        assertArrayEquals(new double[] {0.5, 1}, risks(t, AttackType.UNIQUE_LOCATION, 2, 0), EPS);
    }

    @Test
    void locationDoesNotCareAboutOrderButSequenceDoes() throws Exception {
        // 1: A B, 2: B A, 3: A C B.
        // Location k=2: 1 {A,B} -> 1,2,3 -> 1/3; 2 {A,B} -> 1/3; 3 {A,C} -> only 3 -> 1.
        // Sequence k=2: 1 (A,B) -> 1 and 3 (A..B with a gap) -> 1/2; 2 (B,A) -> only 2 -> 1;
        // 3 (A,C) -> 1.
        EventTable t = traces("1: A B", "2: B A", "3: A C B");
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1}, risks(t, AttackType.LOCATION, 2, 0), EPS);
        assertArrayEquals(new double[] {0.5, 1, 1}, risks(t, AttackType.SEQUENCE, 2, 0), EPS);
    }

    @Test
    void sequenceNeedsRepeatedPlacesInOrder() throws Exception {
        // 1: A B A, 2: A A B, 3: B A. Sequence k=2 instances of 1: (A,B), (A,A), (B,A).
        // (A,B): 1, 2 -> 1/2; (A,A): 1, 2 -> 1/2; (B,A): 1, 3 -> 1/2 -> risk 1/2.
        // 2: (A,A): 1, 2; (A,B): 1, 2 -> 1/2. 3: (B,A): 1, 3 -> 1/2.
        // Location k=2 of 3 {A,B}: all three contain A and B -> 1/3; of 2: {A,A} -> 1,2 -> 1/2.
        EventTable t = traces("1: A B A", "2: A A B", "3: B A");
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, risks(t, AttackType.SEQUENCE, 2, 0), EPS);
        assertArrayEquals(new double[] {0.5, 0.5, 1.0 / 3}, risks(t, AttackType.LOCATION, 2, 0), EPS);
        // k=3: 1's only instance (A,B,A): 2 has A A B (no A after B) -> 1; 2's (A,A,B) -> 1 has A B A: no
        assertArrayEquals(new double[] {1, 1, 0.5}, risks(t, AttackType.SEQUENCE, 3, 0), EPS);
    }

    @Test
    void aTraceShorterThanKIsItsOwnSingleInstance() throws Exception {
        // 1: A, 2: A B, 3: A B C. Location k=3: 1's instance is {A} -> 3 users -> 1/3;
        // 2's {A, B} -> 2, 3 -> 1/2; 3's {A, B, C} -> 1. One instance each.
        EventTable t = traces("1: A", "2: A B", "3: A B C");
        AttackResult r = attack(t, "none", AttackType.LOCATION, 3, 0, AttackOptions.defaults());
        assertArrayEquals(new double[] {1.0 / 3, 0.5, 1}, Fixtures.risksByName(t, r), EPS);
        assertEquals(3, r.instances());
    }

    @Test
    void enumerationStopsAtTheFirstUniqueInstance() throws Exception {
        // 1: A B C D, 2: A B. Location k=2, lexicographic instances of 1: {A,B} (matches 1, 2),
        // then {A,C}: unique -> risk 1, and the remaining 4 pairs are skipped: 2 instances.
        // 2: {A,B} -> 1/2, one instance. Total 3.
        EventTable t = traces("1: A B C D", "2: A B");
        AttackResult r = attack(t, "none", AttackType.LOCATION, 2, 0, AttackOptions.defaults());
        assertArrayEquals(new double[] {1, 0.5}, Fixtures.risksByName(t, r), EPS);
        assertEquals(3, r.instances());
    }

    @Test
    void repeatedPlacesThatAreNotNeighboursInTimeStillNeedTheirMultiplicity() throws Exception {
        // 1: A B A, 2: A B. Location k=3: 1's only instance is the multiset {A, A, B}; 2 has a single A
        // -> only 1 matches -> 1. 2 has 2 records < 3: its instance is {A, B} -> 1 and 2 -> 1/2.
        EventTable t = traces("1: A B A", "2: A B");
        assertArrayEquals(new double[] {1, 0.5}, risks(t, AttackType.LOCATION, 3, 0), EPS);
        // location-time with a single time bin behaves the same
        assertArrayEquals(new double[] {1, 0.5}, Fixtures.risksByName(t,
                attack(t, "1d", AttackType.LOCATION_TIME, 3, 0, AttackOptions.defaults())), EPS);
    }

    @Test
    void longTracesAndManyDistinctPlacesAreHandled() throws Exception {
        // 1 visits 20 distinct places P0..P19 in order, 2 visits the first 18 of them, 3 only P0.
        // Unique-location k=1: P0 -> 1, 2, 3; P1..P17 -> 1, 2; P18, P19 -> only 1 => risk 1 for 1;
        // 2: its places P1..P17 are shared with 1 only -> 1/2; 3: P0 -> 1/3.
        StringBuilder one = new StringBuilder("1:");
        StringBuilder two = new StringBuilder("2:");
        for (int i = 0; i < 20; i++) {
            one.append(" P").append(i);
            if (i < 18) {
                two.append(" P").append(i);
            }
        }
        EventTable t = traces(one.toString(), two.toString(), "3: P0");
        assertArrayEquals(new double[] {1, 0.5, 1.0 / 3}, risks(t, AttackType.UNIQUE_LOCATION, 1, 0), EPS);
        assertArrayEquals(new double[] {1, 0.5, 1.0 / 3}, risks(t, AttackType.LOCATION, 1, 0), EPS);
        // sequence k=2 of 2: every ordered pair of its places is in 1's trace too -> 1/2
        assertArrayEquals(new double[] {1, 0.5, 1.0 / 3}, risks(t, AttackType.SEQUENCE, 2, 0), EPS);
    }

    @Test
    void samplingStopsAtTheFirstUniqueInstance() throws Exception {
        // 1: A B C D, 2: A B. With every user sampled (limit 1) and up to 50 draws, 1 is unique under
        // 5 of its 6 pairs: the draws stop at the first unique pair, so far fewer than 50 are made;
        // 2's only pair C(2,2) = 1 is within the limit and enumerated.
        EventTable t = traces("1: A B C D", "2: A B");
        AttackResult r = attack(t, "none", AttackType.LOCATION, 2, 0, new AttackOptions(1, 50, 0, 1));
        assertArrayEquals(new double[] {1, 0.5}, Fixtures.risksByName(t, r), EPS);
        assertEquals(1, r.sampledUsers());
        assertTrue(r.instances() < 10, "instances " + r.instances());
    }

    @Test
    void exactLimitIsInclusive() throws Exception {
        // user 1 has C(4, 2) = 6 instances: enumerated at a limit of 6, sampled at 5
        EventTable t = traces("1: A B C D", "2: A B");
        assertEquals(AttackResult.Mode.EXACT,
                attack(t, "none", AttackType.LOCATION, 2, 0, new AttackOptions(6, 3, 0, 1)).mode());
        AttackResult sampled = attack(t, "none", AttackType.LOCATION, 2, 0, new AttackOptions(5, 3, 0, 1));
        assertEquals(AttackResult.Mode.MIXED, sampled.mode());
        assertEquals(1, sampled.sampledUsers());
        assertTrue(sampled.instances() <= 3 + 1, "at most 3 sampled instances plus user 2's one");
    }

    @Test
    void sampledInstancesStopAtTheRequestedNumberWhenNoneIsUnique() throws Exception {
        // 1 and 2 have the same four places: every instance matches both -> risk 1/2 after exactly
        // sampledInstances = 7 draws each (no early stop below risk 1)
        EventTable t = traces("1: A B C D", "2: D C B A");
        AttackResult r = attack(t, "none", AttackType.LOCATION, 2, 0, new AttackOptions(1, 7, 0, 1));
        assertEquals(AttackResult.Mode.SAMPLED, r.mode());
        assertEquals(2, r.sampledUsers());
        assertEquals(14, r.instances());
        assertArrayEquals(new double[] {0.5, 0.5}, Fixtures.risksByName(t, r), EPS);
    }

    @Test
    void frequencyToleranceIsRelativeToTheCandidatesCountAndInclusive() throws Exception {
        // unique-place visits: 1: A x2, 2: A x4, 3: A x1; k = 1, the only instance is {A}.
        // A candidate with c visits matches a target with t visits iff |t - c| <= tol * c.
        // tol 0.5: 1 (t=2): 2 -> |2-4| = 2 <= 2 yes (on the bound), 3 -> 1 <= 0.5 no -> 1/2
        //          2 (t=4): 1 -> 2 <= 1 no, 3 -> 3 <= 0.5 no -> 1
        //          3 (t=1): 1 -> 1 <= 1 yes (on the bound), 2 -> 3 <= 2 no -> 1/2
        EventTable t = traces("1: A A", "2: A A A A", "3: A");
        assertArrayEquals(new double[] {0.5, 1, 0.5}, risks(t, AttackType.FREQUENCY, 1, 0.5), EPS);
        // just inside the bound at 0.49 nobody matches anybody else
        assertArrayEquals(new double[] {1, 1, 1}, risks(t, AttackType.FREQUENCY, 1, 0.49), EPS);
        // tol 1: 1 -> 2 (2 <= 4), 3 (1 <= 1) -> 1/3; 2 -> 1 (2 <= 2) but not 3 (3 > 1) -> 1/2;
        //        3 -> 1 (1 <= 2), 2 (3 <= 4) -> 1/3
        assertArrayEquals(new double[] {1.0 / 3, 0.5, 1.0 / 3}, risks(t, AttackType.FREQUENCY, 1, 1), EPS);
        // the plain location attack ignores the counts at k = 1: everybody has A -> 1/3
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, risks(t, AttackType.LOCATION, 1, 0), EPS);
    }

    @Test
    void frequencyChecksEveryPlaceOfTheInstance() throws Exception {
        // 1: A B B, 2: A A B B, 3: A B. k = 2, instance {A:1, B:2} of 1 at tol 0:
        // 2 has A x2 (mismatch on A), 3 has B x1 (mismatch on B) -> 1
        EventTable t = traces("1: A B B", "2: A A B B", "3: A B");
        assertArrayEquals(new double[] {1, 1, 1}, risks(t, AttackType.FREQUENCY, 2, 0), EPS);
        // tol 0.5 on 1's instance: 2: |1-2| = 1 <= 1 (A), |2-2| = 0 (B) -> match; 3: |1-1| = 0 (A),
        // |2-1| = 1 > 0.5 (B) -> no. -> 1/2. 2's {A:2, B:2}: 1: |2-1| = 1 > 0.5 -> no; 3: no -> 1.
        // 3's {A:1, B:1}: 1: A 0, B |1-2| = 1 <= 1 -> yes; 2: A |1-2| = 1 <= 1, B 1 <= 1 -> yes -> 1/3
        assertArrayEquals(new double[] {0.5, 1, 1.0 / 3}, risks(t, AttackType.FREQUENCY, 2, 0.5), EPS);
    }

    @Test
    void probabilityToleranceIsRelativeToTheCandidatesShareAndInclusive() throws Exception {
        // shares of A / B: 1: 1/2, 1/2 (A B); 2: 1/4, 3/4 (A B B B); 3: 3/4, 1/4 (A A A B); k = 1.
        // A candidate with share v matches a target share u iff |u - v| <= tol * v.
        // tol 0.5: 1 {A}: 2 -> 1/4 <= 1/8 no; 3 -> 1/4 <= 3/8 yes -> 2; {B}: 2 -> 1/4 <= 3/8 yes,
        //          3 -> 1/4 <= 1/8 no -> 2 => 1/2
        //          2 {A}: 1 -> 1/4 <= 1/4 yes (on the bound), 3 -> 1/2 <= 3/8 no -> 2; {B}: 1 -> 1/4 <= 1/4
        //          yes, 3 -> 1/2 <= 1/8 no -> 2 => 1/2; 3 is the mirror image of 2 => 1/2
        EventTable t = traces("1: A B", "2: A B B B", "3: A A A B");
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, risks(t, AttackType.PROBABILITY, 1, 0.5), EPS);
        // tol 0.49: 2's {A}: 1 -> 1/4 <= 0.245 no -> unique => 1; 3 likewise; 1 keeps its matches
        // (1/4 <= 0.3675) => 1/2
        assertArrayEquals(new double[] {0.5, 1, 1}, risks(t, AttackType.PROBABILITY, 1, 0.49), EPS);
    }

    @Test
    void probabilityComparesSharesWhereFrequencyComparesCounts() throws Exception {
        // 1: A B, 2: A A B B. k = 2 at tol 0: shares are equal (1/2, 1/2) but counts differ
        EventTable t = traces("1: A B", "2: A A B B");
        assertArrayEquals(new double[] {0.5, 0.5}, risks(t, AttackType.PROBABILITY, 2, 0), EPS);
        assertArrayEquals(new double[] {1, 1}, risks(t, AttackType.FREQUENCY, 2, 0), EPS);
        assertArrayEquals(new double[] {0.5, 0.5}, risks(t, AttackType.UNIQUE_LOCATION, 2, 0), EPS);
    }

    @Test
    void probabilityInstancesOfTracesOfDifferentLengthAreNotConfused() throws Exception {
        // 1: A B (shares 1/2), 2 and 3: A B C (shares 1/3). k = 2, tol 0.
        // 1's {A, B} with shares 1/2: nobody else -> 1. 2's pairs have shares 1/3: 2 and 3 -> 1/2; 3 likewise.
        // The instance {A:1, B:1} of 1 and of 2 has the same counts: only the trace length tells them apart.
        EventTable t = traces("1: A B", "2: A B C", "3: C B A");
        assertArrayEquals(new double[] {1, 0.5, 0.5}, risks(t, AttackType.PROBABILITY, 2, 0), EPS);
    }

    @Test
    void locationTimeMatchesPlaceAndTimeBinTogether() throws Exception {
        // 1: A at 00h, B at 01h; 2: B at 00h, A at 01h (same places, swapped hours); 3: A at 00h.
        // Location-time k=1 at 1h bins: 1 (A,0h) -> 1, 3 -> 1/2; (B,1h) -> only 1 -> 1 => 1.
        // 2: (B,0h), (A,1h) -> unique => 1. 3: (A,0h) -> 1, 3 => 1/2.
        EventTable t = traces("1: A B", "2: B A", "3: A");
        double[] hourly = Fixtures.risksByName(t,
                attack(t, "1h", AttackType.LOCATION_TIME, 1, 0, AttackOptions.defaults()));
        assertArrayEquals(new double[] {1, 1, 0.5}, hourly, EPS);
        // at day bins the hours vanish: 1 (A,d0) -> 1,2,3 and (B,d0) -> 1,2 => 1/2; 2 likewise => 1/2;
        // 3 (A,d0) -> 1/3
        double[] daily = Fixtures.risksByName(t,
                attack(t, "1d", AttackType.LOCATION_TIME, 1, 0, AttackOptions.defaults()));
        assertArrayEquals(new double[] {0.5, 0.5, 1.0 / 3}, daily, EPS);
    }

    @Test
    void homeWorkKeysOnTheTwoMostVisitedPlacesWithTiesByFirstAppearance() throws Exception {
        // Places appear in the data in the order A, B, C. 1: A B C C -> C x2, then A and B tie at 1:
        // A (appears first) -> {C, A}. 2: C A -> tie: A first -> {A, C}. 3: B C C -> {C, B}.
        // 4: C -> {C, none}. Sets: {A,C}: 1, 2 -> 1/2; {B,C}: 3 -> 1; {C}: 4 -> 1.
        EventTable t = traces("1: A B C C", "2: C A", "3: B C C", "4: C");
        AttackResult r = attack(t, "none", AttackType.HOME_WORK, 5, 0, AttackOptions.defaults());
        assertArrayEquals(new double[] {0.5, 0.5, 1, 1}, Fixtures.risksByName(t, r), EPS);
        assertEquals(2, r.k());
        assertEquals(4, r.instances());
        assertEquals(AttackResult.Mode.EXACT, r.mode());
    }

    @Test
    void sampledTargetsAreTheOnlyOnesEvaluated() throws Exception {
        EventTable t = traces("1: A", "2: A", "3: B", "4: B", "5: C");
        AttackResult r = attack(t, "none", AttackType.LOCATION, 1, 0, new AttackOptions(100, 10, 2, 5));
        assertEquals(2, r.evaluatedUsers());
        int nan = 0;
        for (double x : r.risks()) {
            nan += Double.isNaN(x) ? 1 : 0;
        }
        assertEquals(3, nan);
        AttackResult hw = attack(t, "none", AttackType.HOME_WORK, 2, 0, new AttackOptions(100, 10, 2, 5));
        assertEquals(2, hw.evaluatedUsers());
        assertEquals(2, hw.instances());
    }

    @Test
    void aRunnerReusesItsIndexesAcrossAttacks() throws Exception {
        // the same runner answers a location-time attack after a location attack (different indexes)
        EventTable t = traces("1: A B", "2: B A", "3: A");
        BackgroundKnowledgeAttack runner = new BackgroundKnowledgeAttack(Fixtures.traces(t, "1h"));
        AttackResult loc = runner.run(new AttackSpec(AttackType.LOCATION, 1, 0), AttackOptions.defaults(),
                ProgressMonitor.none());
        AttackResult time = runner.run(new AttackSpec(AttackType.LOCATION_TIME, 1, 0), AttackOptions.defaults(),
                ProgressMonitor.none());
        // location k=1: 1 {A} -> 3 users, {B} -> 1, 2 => 1/2; 2 likewise 1/2; 3 {A} -> 1/3
        assertArrayEquals(new double[] {0.5, 0.5, 1.0 / 3}, Fixtures.risksByName(t, loc), EPS);
        assertArrayEquals(new double[] {1, 1, 0.5}, Fixtures.risksByName(t, time), EPS);
        AttackResult again = runner.run(new AttackSpec(AttackType.LOCATION, 1, 0), AttackOptions.defaults(),
                ProgressMonitor.none());
        assertArrayEquals(loc.risks(), again.risks(), 0);
    }
}

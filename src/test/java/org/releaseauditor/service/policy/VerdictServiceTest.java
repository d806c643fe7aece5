package org.releaseauditor.service.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.casefile.DatasetEntry;
import org.releaseauditor.core.casefile.FindingEntry;
import org.releaseauditor.core.casefile.RunEntry;
import org.releaseauditor.core.verdict.ReleaseResult;
import org.releaseauditor.core.verdict.ReleaseVerdict;
import org.releaseauditor.core.verdict.RunVerdict;
import org.releaseauditor.core.verdict.VerdictStatus;

/**
 * The verdict of a case's release (issue 13, item 1): recomputed from the stored result and
 * policy, checked against the stored findings, attributed to runs and outputs.
 */
class VerdictServiceTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private final VerdictService vs = new VerdictService();

    private static RunEntry run(long id, long dataset, int k) {
        return new RunEntry(id, "microdata", "0.2.0", "{}",
                "{\"schemaVersion\":1,\"lane\":\"microdata\",\"records\":100,\"k\":" + k + "}", List.of(dataset),
                "A", T);
    }

    private static FindingEntry stored(long run, String version, double measured, String status) {
        return new FindingEntry(run, run, "min-group-5", version, "k", ">=", 5, measured, status, "stored text", T);
    }

    private static Map<Long, DatasetEntry> datasets() {
        return Map.of(1L, new DatasetEntry(1, "/data/raw.csv", "aa", 10, T, "{}", T),
                2L, new DatasetEntry(2, "/data/extract.csv", "bb", 10, T, "{}", T));
    }

    @Test
    void aRunIsJudgedAgainAndAgreesWithItsStoredFindings() {
        RunVerdict rv = vs.runVerdict(new VerdictService.RunInput(run(1, 1, 2), List.of(stored(1, "1.0", 2, "FAIL")),
                Optional.empty()), Locale.ENGLISH);
        assertEquals(List.of(), rv.notes());
        assertEquals(ReleaseResult.FAIL, rv.result());
        assertEquals(VerdictStatus.FAIL, rv.statusOf("k"));
        assertEquals(VerdictStatus.NOT_JUDGED, rv.statusOf("records"));
        assertEquals("k (smallest class) is 2; the policy requires at least 5.", rv.findings().get(0).sentence());
        assertEquals(1L, rv.findings().get(0).runId());
        assertEquals(List.of(1L), rv.findings().get(0).outputs());
    }

    @Test
    void storedFindingsWinWhenTheyDifferAndSaySo() {
        // stored k = 3 but the stored result says 2: the decision rested on the stored finding
        RunVerdict rv = vs.runVerdict(new VerdictService.RunInput(run(1, 1, 2), List.of(stored(1, "1.0", 3, "FAIL")),
                Optional.empty()), Locale.ENGLISH);
        assertEquals(1, rv.notes().size());
        assertTrue(rv.notes().get(0).contains("min-group-5"), rv.notes().toString());
        assertEquals(3.0, rv.findings().get(0).measured());
        assertEquals("k (smallest class) is 3; the policy requires at least 5.", rv.findings().get(0).sentence());
        // a stored version the built-in policy no longer has: shown as stored, with a note
        RunVerdict old = vs.runVerdict(new VerdictService.RunInput(run(1, 1, 2),
                List.of(stored(1, "0.9", 2, "FAIL")), Optional.empty()), Locale.ENGLISH);
        assertTrue(old.notes().get(0).contains("could not be read again"), old.notes().toString());
        assertEquals(ReleaseResult.FAIL, old.result());
    }

    @Test
    void theReleaseIsTheRunsOfTheDecisionAndEachOutputTakesTheWorstOfItsRuns() {
        List<VerdictService.RunInput> in = List.of(
                new VerdictService.RunInput(run(1, 1, 2), List.of(stored(1, "1.0", 2, "FAIL")), Optional.empty()),
                new VerdictService.RunInput(run(2, 2, 12), List.of(stored(2, "1.0", 12, "PASS")), Optional.empty()),
                new VerdictService.RunInput(run(3, 2, 12), List.of(), Optional.empty()));
        ReleaseVerdict onlyExtract = vs.release(in, datasets(), List.of(2L), Locale.ENGLISH);
        assertEquals(ReleaseResult.PASS, onlyExtract.result());
        assertEquals(List.of("extract.csv"), onlyExtract.outputs().stream().map(o -> o.name()).toList());
        assertEquals(List.of(1L, 3L), onlyExtract.otherRuns());
        assertEquals(List.of(), onlyExtract.problems());

        // nothing decided: every run; run 3 had no policy, so the extract is NOT_EVALUATED, the raw file FAILs
        ReleaseVerdict all = vs.release(in, datasets(), List.of(), Locale.ENGLISH);
        assertEquals(ReleaseResult.FAIL, all.result());
        assertEquals(ReleaseResult.FAIL, all.output(1).orElseThrow().result());
        assertEquals(ReleaseResult.NOT_EVALUATED, all.output(2).orElseThrow().result());
        assertEquals("aa", all.output(1).orElseThrow().sha256());
        assertEquals(1, all.failures().size());
    }
}

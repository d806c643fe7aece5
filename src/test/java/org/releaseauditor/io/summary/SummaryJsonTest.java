package org.releaseauditor.io.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.risk.SensitiveAttribute;
import org.releaseauditor.core.summary.MicrodataSummary;
import org.releaseauditor.core.summary.SummaryInput;

/** The summary file: exact round trip of doubles, and clear errors for files that are not a valid summary. */
class SummaryJsonTest {

    @TempDir
    Path dir;

    /** Two classes (sizes 2 and 1), one sensitive attribute, weights with awkward doubles. */
    static MicrodataSummary small() {
        MicrodataSummary.Options o = new MicrodataSummary.Options(List.of("a", "b"),
                List.of(new SensitiveAttribute("s", true)), "w", null, 2, Map.of("delimiter", ","));
        return new MicrodataSummary(new SummaryInput("x.csv", "ab".repeat(32), 40, 4), o, "in-process", 4, 1,
                new long[] {2, 1}, new double[] {0.1 + 0.2, 1e-300}, List.of(new MicrodataSummary.SensitiveCells("s",
                        true, 2, new int[] {2, 1}, new int[] {1, 0, 0}, new long[] {1, 1, 1})),
                List.of(new MicrodataSummary.SubsetStats(List.of(0), 3, 2, 1, 1),
                        new MicrodataSummary.SubsetStats(List.of(1), 3, 2, 1, 1),
                        new MicrodataSummary.SubsetStats(List.of(0, 1), 3, 2, 1, 1)));
    }

    @Test
    void aSummaryRoundTripsWithTheSameDoubleBits() throws Exception {
        MicrodataSummary s = small();
        Path f = dir.resolve("s.json");
        SummaryJson.write(s, f);
        MicrodataSummary back = SummaryJson.readMicrodata(f);
        assertEquals(s, back);
        assertEquals(0.30000000000000004, back.weightSums()[0]);
        assertEquals("microdata", SummaryJson.lane(f));
        assertTrue(Files.readString(f).contains("\"schemaVersion\" : 1"));
    }

    private AuditException readBroken(String json) throws Exception {
        Path f = dir.resolve("broken-" + System.nanoTime() + ".json");
        Files.writeString(f, json);
        return assertThrows(AuditException.class, () -> SummaryJson.readMicrodata(f));
    }

    @Test
    void aNewerVersionAnotherLaneOrAnotherFormatIsRefusedWithAReason() throws Exception {
        String ok = SummaryJson.toJson(small());
        assertEquals("summary.error.version",
                readBroken(ok.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2")).messageKey());
        assertEquals("summary.error.lane",
                readBroken(ok.replace("\"lane\" : \"microdata\"", "\"lane\" : \"trajectories\"")).messageKey());
        assertEquals("summary.error.notSummary",
                readBroken(ok.replace("release-auditor-summary", "something-else")).messageKey());
        AuditException e = readBroken(ok.replace("\"rows\" : 4,\n    \"records\"", "\"rows\" : 5,\n    \"records\""));
        assertEquals("summary.error.inconsistent", e.messageKey());
        assertTrue(Messages.get(e.messageKey(), e.args()).contains("rows"));
    }

    @Test
    void cellsThatDoNotAddUpToTheClassSizeAreAnInconsistency() throws Exception {
        String ok = SummaryJson.toJson(small());
        assertEquals("summary.error.inconsistent",
                readBroken(ok.replace("\"count\" : [ 1, 1, 1 ]", "\"count\" : [ 1, 2, 1 ]")).messageKey());
    }

    @Test
    void brokenJsonNamesTheLineAndColumn() throws Exception {
        AuditException e = readBroken("{\n  \"format\" : \"release-auditor-summary\",\n  \"schemaVersion\" : 1,,\n}");
        assertTrue(e instanceof DatasetFormatException);
        assertEquals(3, ((DatasetFormatException) e).line());
    }
}

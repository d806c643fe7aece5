package org.releaseauditor.service.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.aggregates.AggregatesRequest;

/**
 * Aggregates remediation end to end on a table small enough to check by hand: area × gender with
 * all margins published and one cell below 10.
 */
class AggregateRemediationServiceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A-F = 3 is below 10. With every margin published, a single withheld cell is the row margin
     * minus the other cell of its row; two withheld cells of one row are pinned by their column
     * margins; only the whole 2 × 2 interior withheld leaves each cell an interval (for A-F: [0, 18]
     * from the F column and [0, 23] from the A row, since the other three are withheld too).
     */
    static final String TABLE = """
            area,gender,count
            A,F,3
            A,M,20
            A,Total,23
            B,F,15
            B,M,25
            B,Total,40
            Total,F,18
            Total,M,45
            Total,Total,63
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    AggregateRemediationRequest.Builder request(Path table, double threshold) throws Exception {
        AggregatesRequest.Builder a = AggregatesRequest.builder().threshold(threshold).operator("lt");
        a.table("t=" + table + ",dims=area|gender", "--table");
        return AggregateRemediationRequest.builder().analysis(a.buildCall()).policy("min-cell-10");
    }

    @Test
    void primaryAndSecondarySuppressionAreProvenByTheReaudit() throws Exception {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, TABLE);
        Path copy = dir.resolve("t_safe.csv");
        RemediationOutcome o = new AggregateRemediationService().run(request(table, 10)
                .write(List.of(copy.toString())).buildCall(), ProgressMonitor.none());
        JsonNode j = JSON.readTree(o.json());
        assertEquals("FAIL", j.path("before").path("policy").path("overall").asText());
        assertEquals(1, j.path("before").path("summary").path("aggregates.unsafeCells").asInt());
        assertEquals(1, j.path("primary").size());
        assertEquals("A|F", j.path("primary").path(0).path("cell").asText());
        assertTrue(j.path("safe").asBoolean());
        assertTrue(o.passed(), o.text());
        assertEquals(0, j.path("after").path("summary").path("aggregates.exposedCells").asInt());
        assertEquals("PASS", j.path("after").path("policy").path("overall").asText());
        // the copy: the withheld counts are x, every other line as it was
        List<String> in = Files.readAllLines(table);
        List<String> out = Files.readAllLines(copy);
        assertEquals(in.size(), out.size());
        Set<String> withheld = new TreeSet<>();
        for (JsonNode c : j.path("primary")) {
            withheld.add(c.path("cell").asText().replace('|', ','));
        }
        for (JsonNode c : j.path("secondary")) {
            withheld.add(c.path("cell").asText().replace('|', ','));
        }
        List<String> xs = new ArrayList<>();
        for (int i = 1; i < in.size(); i++) {
            String key = in.get(i).substring(0, in.get(i).lastIndexOf(','));
            if (withheld.contains(key)) {
                assertEquals(key + ",x", out.get(i));
                xs.add(key);
            } else {
                assertEquals(in.get(i), out.get(i));
            }
        }
        assertEquals(withheld, new TreeSet<>(xs));
        // a single withheld cell in a row or a column is pinned by a margin: at least the 2 x 2 rectangle
        assertTrue(withheld.size() >= 4, withheld.toString());
        assertEquals(j.path("copy").path("sha256").asText(), o.after().result().inputs().roles().get("table:t")
                .sha256());
        assertTrue(o.after().result().request() instanceof AggregatesRequest a && a.audit(), "the audit is on");
    }

    @Test
    void aThresholdBelowThePolicysMinimumIsRefusedBeforeWork() throws Exception {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, TABLE);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new AggregateRemediationService()
                .run(request(table, 5).buildCall(), ProgressMonitor.none()));
        assertEquals("remediation.aggregate.threshold", e.messageKey());
        assertTrue(e.getLocalizedMessage().contains("--threshold 10"), e.getLocalizedMessage());
        assertFalse(Files.exists(Remediations.defaultCopy(table)));
        // a copy over the table itself
        assertEquals("remediation.error.copyOverInput", assertThrows(ConfigurationException.class,
                () -> new AggregateRemediationService().run(request(table, 10).write(List.of("t=" + table))
                        .buildCall(), ProgressMonitor.none())).messageKey());
    }

    @Test
    void requestSwitchesTheAuditOnAndRoundTrips() throws Exception {
        AggregateRemediationRequest r = request(Path.of("t.csv"), 10).objective("cells").build();
        assertTrue(r.analysis().audit());
        assertTrue(r.analysis().suppressionMarkers().contains("x"));
        assertEquals(r, AggregateRemediationRequest.fromJson(r.toJson()));
        assertEquals("remediation.request.objective", assertThrows(ConfigurationException.class,
                () -> AggregateRemediationRequest.builder().objective("persons")).messageKey());
    }
}

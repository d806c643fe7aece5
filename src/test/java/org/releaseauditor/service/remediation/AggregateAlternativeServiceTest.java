package org.releaseauditor.service.remediation;

import org.releaseauditor.core.error.AuditException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.Transformation;
import org.releaseauditor.io.DatasetFingerprint;
import org.releaseauditor.io.RemediationJson;
import org.releaseauditor.service.aggregates.AggregatesRequest;

/** {@code remediate aggregates --method coarsen|round}: copies, JSON, the re-audit through the lane. */
class AggregateAlternativeServiceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** area × sex; a1, a2 in district d1, a3, a4 in d2. Below 10: a1F 4, a1M 6, a2F 8, a2M 9, a4F 2, a4M 7. */
    static final String AREA_SEX = """
            area,sex,count
            a1,F,4
            a1,M,6
            a2,F,8
            a2,M,9
            a3,F,12
            a3,M,15
            a4,F,2
            a4,M,7
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    AggregateRemediationRequest.Builder request(Path table, String dims, Map<String, Path> hierarchies)
            throws Exception {
        AggregatesRequest.Builder a = AggregatesRequest.builder().threshold(10.0).operator("lt");
        a.table("t=" + table + ",dims=" + dims, "--table");
        for (Map.Entry<String, Path> h : hierarchies.entrySet()) {
            a.hierarchy(h.getKey() + "=" + h.getValue());
        }
        return AggregateRemediationRequest.builder().analysis(a.buildCall()).policy("min-cell-10");
    }

    @Test
    void coarsenWritesTheSummedTableAndTheReauditPasses() throws Exception {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, AREA_SEX);
        Path districts = dir.resolve("districts.csv");
        Files.writeString(districts, "area,district\na1,d1\na2,d1\na3,d2\na4,d2\n");
        Path copy = dir.resolve("t_coarse.csv");
        RemediationOutcome o = new AggregateRemediationService().run(request(table, "area|sex",
                Map.of("area", districts)).method("coarsen").write(List.of(copy.toString())).buildCall(),
                ProgressMonitor.none());
        assertTrue(o.passed(), o.text());
        JsonNode j = JSON.readTree(o.json());
        assertEquals("coarsen", j.path("method").asText());
        assertEquals("coarsen", j.path("request").path("method").asText());
        assertEquals("FAIL", j.path("before").path("policy").path("overall").asText());
        assertEquals("PASS", j.path("after").path("policy").path("overall").asText());
        // d1F 4 + 8 = 12, d1M 6 + 9 = 15, d2F 12 + 2 = 14, d2M 15 + 7 = 22
        assertEquals(List.of("area,sex,count", "d1,F,12", "d1,M,15", "d2,F,14", "d2,M,22"),
                Files.readAllLines(copy));
        assertEquals(DatasetFingerprint.of(copy, ProgressMonitor.none()).sha256(), j.path("copy").path("sha256").asText());
        assertEquals(DatasetFingerprint.of(copy, ProgressMonitor.none()).sha256(), j.path("condition").path("output").path("sha256").asText());
        JsonNode t = j.path("transformation");
        assertEquals("coarsen", t.path("method").asText());
        assertEquals("district", t.path("coarsened").path(0).path("to").asText());
        assertEquals(new Transformation.AggregatesCoarsened(List.of(new Transformation.AggregatesCoarsened.Level("t",
                "area", "area", "district"))), RemediationJson.readTransformation("aggregates", t));
        assertEquals(6, j.path("unsafeBefore").asInt());
        assertEquals(0, j.path("unsafeAfter").asInt());
        assertEquals(copy.toAbsolutePath().toString(), o.after().result().inputs().roles().get("table:t").path()
                .toString());
    }

    @Test
    void roundWritesRoundedCountsAndStatesTheIntervals() throws Exception {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, AREA_SEX);
        Path copy = dir.resolve("t_rounded.csv");
        RemediationOutcome o = new AggregateRemediationService().run(request(table, "area|sex", Map.of())
                .method("round").write(List.of(copy.toString())).buildCall(), ProgressMonitor.none());
        assertTrue(o.passed(), o.text());
        JsonNode j = JSON.readTree(o.json());
        // base 3: 3, 6, 9, 9, 12, 15, 3, 6 -> below 10: fails; base 5: 5, 5, 10, 10, 10, 15, 0, 5 -> fails;
        // base 10: 0, 10, 10, 10, 10, 20, 0, 10 -> passes
        assertEquals(10, j.path("base").asInt());
        assertEquals(3, j.path("tried").size());
        assertEquals(6, j.path("tried").path(0).path("unsafeOnRoundedCounts").asInt());
        assertEquals(3, j.path("tried").path(1).path("unsafeOnRoundedCounts").asInt());
        assertEquals(List.of("area,sex,count", "a1,F,0", "a1,M,10", "a2,F,10", "a2,M,10", "a3,F,10", "a3,M,20",
                "a4,F,0", "a4,M,10"), Files.readAllLines(copy));
        assertEquals("round", j.path("transformation").path("method").asText());
        assertEquals(10, j.path("transformation").path("base").asInt());
        assertTrue(j.path("transformation").path("margins").asText().startsWith("recomputed"));
        // a1F 4 -> 0: [0, 4]; a1M 6 -> 10: [5, 14]
        assertEquals(6, j.path("intervals").size());
        assertEquals(0, j.path("intervals").path(0).path("low").asInt());
        assertEquals(4, j.path("intervals").path(0).path("high").asInt());
        assertEquals(5, j.path("intervals").path(1).path("low").asInt());
        assertEquals(14, j.path("intervals").path(1).path("high").asInt());
        assertEquals("PASS", j.path("after").path("policy").path("overall").asText());
        assertEquals(DatasetFingerprint.of(copy, ProgressMonitor.none()).sha256(), j.path("copy").path("sha256").asText());
    }

    @Test
    void optionsAreCheckedBeforeWork() throws Exception {
        Path table = dir.resolve("t.csv");
        Files.writeString(table, AREA_SEX);
        assertEquals("remediation.request.method", assertThrows(ConfigurationException.class,
                () -> request(table, "area|sex", Map.of()).method("generalise")).messageKey());
        assertEquals("remediation.request.baseWithoutRound", assertThrows(ConfigurationException.class,
                () -> request(table, "area|sex", Map.of()).roundingBase(5).build()).messageKey());
        assertEquals("remediation.round.base", assertThrows(ConfigurationException.class,
                () -> request(table, "area|sex", Map.of()).method("round").roundingBase(1).build()).messageKey());
        AggregateRemediationRequest r = request(table, "area|sex", Map.of()).method("round").roundingBase(5).build();
        assertEquals(r, AggregateRemediationRequest.fromJson(r.toJson()));
        // coarsen without a hierarchy: nothing written
        assertEquals("remediation.coarsen.noHierarchy", assertThrows(ConfigurationException.class,
                () -> new AggregateRemediationService().run(request(table, "area|sex", Map.of()).method("coarsen")
                        .buildCall(), ProgressMonitor.none())).messageKey());
        assertFalse(Files.exists(Remediations.defaultCopy(table)));
    }

    /** The bundled footfall release: raw counts of 800 customers, date × hour × area × age band × gender. */
    @Test
    void footfallRoundsToTenAndDistrictsAloneDoNotPass() throws Exception {
        Path footfall = Path.of("sample-datasets/aggregates/footfall_hourly.csv");
        String dims = "date|hour|area|age_band|gender";
        Path copy = dir.resolve("footfall_rounded.csv");
        RemediationOutcome o = new AggregateRemediationService().run(request(footfall, dims, Map.of())
                .method("round").write(List.of(copy.toString())).buildCall(), ProgressMonitor.none());
        JsonNode j = JSON.readTree(o.json());
        assertTrue(o.passed(), o.text());
        // no margins: every cell is rounded, none recomputed; 3 and 5 leave published counts of 3..9 and 5
        assertEquals(10, j.path("base").asInt());
        assertEquals(32256, j.path("chosen").path("roundedCells").asInt());
        assertEquals(0, j.path("chosen").path("recomputedMargins").asInt());
        assertFalse(j.path("tried").path(0).path("passes").asBoolean());
        assertFalse(j.path("tried").path(1).path("passes").asBoolean());
        // the datasheet: 28,621 interior cells below 10 (4,867 zeros; zeros are safe under --threshold 10)
        assertEquals(28621 - 4867, j.path("chosen").path("unsafeByTrueCount").asInt());
        assertEquals(0, j.path("after").path("summary").path("aggregates.unsafeCells").asInt());
        // every rounded count is a multiple of 10, and the copy has as many rows as the original
        List<String> lines = Files.readAllLines(copy);
        assertEquals(Files.readAllLines(footfall).size(), lines.size());
        Map<String, Integer> remainders = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            int v = Integer.parseInt(l.substring(l.lastIndexOf(',') + 1));
            remainders.merge(Integer.toString(v % 10), 1, Integer::sum);
        }
        assertEquals(Map.of("0", 32256), remainders);

        // coarsening areas to districts (4 areas each) still leaves small cells: no change passes
        Path districts = dir.resolve("districts.csv");
        StringBuilder sb = new StringBuilder("area,district\n");
        for (String l : Files.readAllLines(Path.of("sample-datasets/aggregates/areas.csv")).subList(1, 17)) {
            String[] p = l.split(",");
            sb.append(p[0]).append(',').append(p[1]).append('\n');
        }
        Files.writeString(districts, sb.toString());
        RemediationOutcome c = new AggregateRemediationService().run(request(footfall, dims,
                Map.of("area", districts)).method("coarsen").write(List.of(dir.resolve("f_c.csv").toString()))
                .buildCall(), ProgressMonitor.none());
        JsonNode cj = JSON.readTree(c.json());
        assertFalse(c.passed());
        assertFalse(cj.path("found").asBoolean());
        assertEquals(32256 / 4, cj.path("cellsAfter").asInt());
        assertTrue(cj.path("unsafeAfter").asInt() > 0);
        assertFalse(Files.exists(dir.resolve("f_c.csv")));
        assertTrue(cj.path("after").isNull());
    }

    @Test
    void roundingRefusesWithheldCellsBeforeTheAuditStarts() throws Exception {
        // a1F withheld: rounding needs every count. The refusal must come after reading the table,
        // before the LP audit (which would take minutes on a large release): no audit phase reported.
        Path table = dir.resolve("withheld.csv");
        Files.writeString(table, AREA_SEX.replace("a1,F,4", "a1,F,x"));
        java.util.List<String> phases = new java.util.ArrayList<>();
        ProgressMonitor seen = new ProgressMonitor() {
            @Override
            public void update(String phase, long done, long total) {
                phases.add(phase);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        AuditException e = assertThrows(AuditException.class, () -> new AggregateRemediationService().run(
                request(table, "area|sex", Map.of()).method("round").buildCall(), seen));
        assertEquals("remediation.round.withheld", e.messageKey());
        assertTrue(e.getMessage().contains("1 cells") || e.getMessage().contains("withhold 1"), e.getMessage());
        assertTrue(phases.stream().noneMatch(ph -> ph.toLowerCase(Locale.ROOT).contains("audit")),
                "no audit phase before the refusal: " + phases);
    }
}

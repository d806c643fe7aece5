package org.releaseauditor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.generate.CityParameters;
import org.releaseauditor.core.generate.GeneratedFile;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;

class GenerateServiceTest {

    @TempDir
    static Path tmp;
    static GenerateService.CityResult first;
    static Path dir;

    @BeforeAll
    static void generate() throws Exception {
        dir = tmp.resolve("a");
        first = new GenerateService().generateCity(CityParameters.of(1_500, 3, 16, 11L), dir, ProgressMonitor.none());
    }

    private static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    private static List<String[]> rows(String name) throws IOException {
        return Files.readAllLines(dir.resolve(name)).stream().skip(1).map(l -> l.split(",", -1)).toList();
    }

    @Test
    void sameSeedWritesTheSameBytesAndAnotherSeedDiffers() throws Exception {
        Path again = tmp.resolve("b");
        Path other = tmp.resolve("c");
        new GenerateService().generateCity(CityParameters.of(1_500, 3, 16, 11L), again, ProgressMonitor.none());
        new GenerateService().generateCity(CityParameters.of(1_500, 3, 16, 12L), other, ProgressMonitor.none());
        for (GeneratedFile f : first.files()) {
            assertEquals(sha(dir.resolve(f.name())), sha(again.resolve(f.name())), f.name());
        }
        assertNotEquals(sha(dir.resolve("events_pseudonymised.csv")), sha(other.resolve("events_pseudonymised.csv")));
        assertNotEquals(sha(dir.resolve("footfall_hourly.csv")), sha(other.resolve("footfall_hourly.csv")));
    }

    @Test
    void manifestListsEveryFileWithItsHashAndRowCount() throws Exception {
        JsonNode m = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(1, m.get("schemaVersion").asInt());
        assertEquals(11L, m.get("parameters").get("seed").asLong());
        assertEquals(1_500, m.get("parameters").get("people").asInt());
        assertEquals(11, m.get("files").size());
        for (JsonNode f : m.get("files")) {
            Path p = dir.resolve(f.get("name").asText());
            assertEquals(sha(p), f.get("sha256").asText(), p.toString());
            assertEquals(Files.readAllLines(p).size() - 1, f.get("rows").asLong(), p.toString());
            assertEquals(Files.size(p), f.get("bytes").asLong());
        }
    }

    @Test
    void withheldVariantPublishesNoCountBelowTenAndItsMarginsAddUp() throws Exception {
        Map<String, Integer> raw = new HashMap<>();
        Map<String, Integer> margin = new HashMap<>();
        for (String[] r : rows("footfall_hourly.csv")) {
            String key = r[0] + "," + r[1] + "," + r[2];
            int c = Integer.parseInt(r[5]);
            raw.put(String.join(",", r[0], r[1], r[2], r[3], r[4]), c);
            margin.merge(key + ",ALL,ALL", c, Integer::sum);
            margin.merge(key + "," + r[3] + ",ALL", c, Integer::sum);
            margin.merge(key + ",ALL," + r[4], c, Integer::sum);
        }
        int withheld = 0;
        int published = 0;
        for (String[] r : rows("footfall_hourly_withheld.csv")) {
            String key = String.join(",", r[0], r[1], r[2], r[3], r[4]);
            int truth = raw.containsKey(key) ? raw.get(key) : margin.get(key);
            if (r[5].isEmpty()) {
                withheld++;
                assertTrue(truth < 10, key);
            } else {
                published++;
                int c = Integer.parseInt(r[5]);
                assertTrue(c >= 10, "published count below 10: " + key);
                assertEquals(truth, c, key);
            }
        }
        assertTrue(withheld > 0 && published > 0, withheld + " withheld, " + published + " published");
        assertEquals(raw.size() + raw.size() / 12 * 9, withheld + published, "12 cells + 6 + 2 + 1 margins");
    }

    @Test
    void extrapolatedCountsAreRawTimesTheFactorRoundedHalfUp() throws Exception {
        List<String[]> raw = rows("footfall_hourly.csv");
        List<String[]> ext = rows("footfall_hourly_extrapolated.csv");
        assertEquals(raw.size(), ext.size());
        int checked = 0;
        for (int i = 0; i < raw.size(); i++) {
            int r = Integer.parseInt(raw.get(i)[5]);
            String e = ext.get(i)[5];
            if (r < 10) {
                assertTrue(e.isEmpty());
            } else {
                assertEquals(Math.round(r * 3.7), Long.parseLong(e));
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void eventsAreIsoTimestampedAtKnownCells() throws Exception {
        Map<String, String> cells = new HashMap<>();
        for (String[] c : rows("cells.csv")) {
            cells.put(c[0], c[2] + "," + c[3]);
        }
        List<String[]> ev = rows("events_pseudonymised.csv");
        assertTrue(ev.size() > 1_500 * 3 * 5, "events " + ev.size());
        for (String[] e : ev.subList(0, 2_000)) {
            assertEquals(7, e.length);
            assertTrue(e[1].matches("2025-03-0[345]T\\d\\d:\\d\\d:\\d\\d"), e[1]);
            assertEquals(cells.get(e[2]), e[3] + "," + e[4]);
        }
        assertEquals(1_500 * 3 * 24, rows("trajectories_truth.csv").size());
        assertEquals(1_500, rows("customers.csv").size());
    }

    @Test
    void cancellingDeletesThePartialOutput() {
        Path out = tmp.resolve("cancelled");
        CancellationFlag flag = new CancellationFlag() {
            private int calls;

            @Override
            public boolean isCancelled() {
                return ++calls > 20;
            }
        };
        assertThrows(CancelledException.class,
                () -> new GenerateService().generateCity(CityParameters.of(50_000, 2, 16, 1L), out, flag));
        assertFalse(Files.exists(out.resolve("events_pseudonymised.csv")));
        assertFalse(Files.exists(out.resolve("areas.csv")));
    }
}

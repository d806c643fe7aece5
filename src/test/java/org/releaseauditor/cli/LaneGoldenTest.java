package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.releaseauditor.cli.AnalyzeMicrodataCommandTest.Run;
import org.releaseauditor.service.RequestJson;

/**
 * Golden tests of the four lanes on the bundled samples: {@code analyze <lane> --format json}
 * and {@code case run --lane <lane>} with the same lane options give the same result JSON, and it
 * equals the file checked in under {@code src/test/resources/golden/}. Only {@code inputs.*.path}
 * (where the sample is on this machine) is left out; the inputs' SHA-256 stay in, so a changed
 * sample shows too. Every number in the golden files was computed by this app; when the files were
 * made, the microdata records (20,000), classes (9,035), k (1) and sample uniqueness (0.2035) of
 * customers.csv, and the cells (448), withheld cells (328) and smallest count (10) of
 * od_daily_withheld.csv were recomputed with a short independent script (the trajectory numbers
 * are checked by hand on toy data in AnalyzeTrajectoriesCommandTest and core.trajectory tests; the
 * evaluation numbers are those of the sample's datasheet, checked against Anonymeter's formulas in
 * core.evaluation's AnonymeterReferenceTest and SampleDatasetTest). A
 * change in any number is a visible diff. To regenerate after an
 * intended change, run this test with {@code -Dgolden.update=true} and review the diff.
 */
class LaneGoldenTest {
    static final Path SAMPLES = Path.of("sample-datasets");
    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        AnalyzeMicrodataCommandTest.english();
    }

    static Stream<Arguments> lanes() {
        return Stream.of(
                Arguments.of("microdata", List.of("--data", SAMPLES.resolve("microdata/customers.csv").toString(),
                        "--qi", "age,gender,postcode_area", "--sensitive", "segment", "--region", "germany")),
                Arguments.of("trajectories", List.of("--data",
                        SAMPLES.resolve("trajectories/events_pseudonymised.csv").toString(), "--user", "pseudonym",
                        "--time", "timestamp", "--location", "cell", "--lat", "lat", "--lng", "lon", "--points", "1..3",
                        "--attacks", "location:2,home-work", "--top-n", "2")),
                Arguments.of("aggregates", List.of("--table", "od=" + SAMPLES.resolve(
                        "aggregates/od_daily_withheld.csv") + ",dims=date|home_district|area", "--threshold", "10",
                        "--audit")),
                Arguments.of("evaluation", AnalyzeEvaluationCommandTest.DATASHEET));
    }

    @ParameterizedTest
    @MethodSource("lanes")
    void analyzeAndCaseRunGiveTheGoldenJson(String lane, List<String> laneArgs) throws Exception {
        JsonNode analyzed = analyze(lane, laneArgs);
        JsonNode recorded = caseRun(lane, laneArgs);
        assertSame("analyze " + lane + " vs case run --lane " + lane, analyzed, recorded);
        Path golden = GOLDEN.resolve(lane + ".json");
        String text = PRETTY.writeValueAsString(RequestJson.sorted(analyzed)) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, text, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(golden), "missing " + golden + ": run with -Dgolden.update=true once");
        assertSame(golden.toString(), PRETTY.readTree(Files.readString(golden, StandardCharsets.UTF_8)), analyzed);
    }

    /**
     * The issue's own example: the margin tokens once differed between analyze (Total|All|ALL|*) and
     * the case lane (Total|All|*), so on the withheld footfall table with threshold 10 and the audit
     * analyze found 2,602 exposed cells and the case recorded 0. Both now use the lane's one default.
     */
    @Test
    void analyzeAndCaseRunFindTheSame2602ExposedFootfallCells() throws Exception {
        List<String> args = List.of("--table", "footfall=" + SAMPLES.resolve("aggregates/footfall_hourly_withheld.csv")
                + ",dims=date|hour|area|age_band|gender", "--threshold", "10", "--audit");
        JsonNode analyzed = analyze("aggregates", args);
        JsonNode recorded = caseRun("aggregates", args);
        assertEquals(2602, analyzed.at("/aggregates/exposedCells").asLong(),
                "datasheet footfall_hourly.md: 2,602 withheld cells recomputable from the margins");
        assertEquals(2602, recorded.at("/aggregates/exposedCells").asLong());
        assertSame("full footfall table", analyzed, recorded);
    }

    private JsonNode analyze(String lane, List<String> laneArgs) throws Exception {
        List<String> a = new ArrayList<>(List.of("analyze", lane));
        a.addAll(laneArgs);
        a.addAll(List.of("--format", "json", "-q"));
        Run r = AnalyzeMicrodataCommandTest.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return stripped(r.json());
    }

    private JsonNode caseRun(String lane, List<String> laneArgs) throws Exception {
        Path rcase = dir.resolve(lane + "-" + System.nanoTime() + ".rcase");
        assertEquals(0, AnalyzeMicrodataCommandTest.run("case", "new", rcase.toString(), "--title", "golden",
                "--auditor", "A").code());
        List<String> a = new ArrayList<>(List.of("case", "run", rcase.toString(), "--lane", lane));
        a.addAll(laneArgs);
        Run r = AnalyzeMicrodataCommandTest.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err() + r.out());
        Run show = AnalyzeMicrodataCommandTest.run("case", "show", rcase.toString(), "--format", "json");
        assertEquals(0, show.code(), show.err());
        JsonNode run = show.json().get("runs").get(0);
        assertEquals(lane, run.get("lane").asText());
        return stripped(run.get("result"));
    }

    /** The result without {@code inputs.*.path}. */
    static JsonNode stripped(JsonNode result) {
        JsonNode copy = result.deepCopy();
        JsonNode inputs = copy.get("inputs");
        assertTrue(inputs != null && inputs.size() > 0, "every result names its inputs");
        for (Iterator<JsonNode> it = inputs.elements(); it.hasNext();) {
            ObjectNode in = (ObjectNode) it.next();
            assertEquals(64, in.get("sha256").asText().length(), "each input carries the SHA-256 of its bytes");
            in.remove("path");
        }
        return copy;
    }

    /** Equal trees, or a failure naming the first differing paths. */
    static void assertSame(String what, JsonNode expected, JsonNode actual) {
        List<String> diffs = new ArrayList<>();
        diff("", expected, actual, diffs);
        assertTrue(diffs.isEmpty(), what + " differ at " + diffs);
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (out.size() >= 10) {
            return;
        }
        if (a != null && b != null && a.isObject() && b.isObject()) {
            List<String> keys = new ArrayList<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(k -> {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            });
            keys.forEach(k -> diff(path + "." + k, a.get(k), b.get(k), out));
        } else if (a != null && b != null && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (a == null ? b != null : !a.equals(b)
                && !(a.isNumber() && b != null && b.isNumber() && a.asDouble() == b.asDouble())) {
            out.add(path + ": " + a + " vs " + b);
        }
    }
}

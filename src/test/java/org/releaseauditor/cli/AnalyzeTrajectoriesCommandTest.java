package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeTrajectoriesCommandTest {

    @TempDir
    Path dir;

    /** scikit-mobility's toy data (see core.trajectory.Fixtures#toy for the reconstruction of user 7). */
    private Path toyCsv() throws Exception {
        String csv = String.join("\n", "uid,datetime,cell",
                "1,2011-02-03 08:34:04,A", "1,2011-02-03 09:34:04,B", "1,2011-02-03 10:34:04,C",
                "1,2011-02-04 10:34:04,D", "2,2011-02-03 08:34:04,A", "2,2011-02-03 09:34:04,C",
                "2,2011-02-04 10:34:04,A", "2,2011-02-04 11:34:04,B", "3,2011-02-03 08:34:04,B",
                "3,2011-02-03 09:34:04,C", "3,2011-02-04 10:34:04,A", "3,2011-02-04 11:34:04,D",
                "4,2011-02-04 10:34:04,C", "4,2011-02-04 11:34:04,B", "4,2011-02-04 12:34:04,D",
                "5,2011-02-04 10:34:04,C", "5,2011-02-04 11:34:04,D", "5,2011-02-05 12:34:04,A",
                "6,2011-02-04 10:34:04,A", "6,2011-02-04 11:34:04,B", "7,2011-02-05 08:34:04,A",
                "7,2011-02-05 09:34:04,A", "7,2011-02-05 10:34:04,D") + "\n";
        Path f = dir.resolve("toy.csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        return f;
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReleaseAuditorCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesTheDocumentedJsonWithGoldenAttackValues() throws Exception {
        Path perUser = dir.resolve("risks.csv");
        Run r = run("analyze", "trajectories", "--data", toyCsv().toString(), "--user", "uid", "--time", "datetime",
                "--location", "cell", "--temporal", "1d", "--points", "1..3",
                "--attacks", "location:2-3,sequence:2,home-work", "--sweep", "temporal=1h,1d",
                "--per-user", perUser.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        // schema 2: the lane is named in "lane" like the other lanes (schema 1 said "kind")
        assertEquals(2, j.get("schemaVersion").asInt());
        assertEquals("trajectories", j.get("lane").asText());
        assertFalse(j.has("kind"));
        assertEquals(64, j.at("/inputs/events/sha256").asText().length(), "the input's SHA-256 is recorded");
        assertEquals(7, j.get("users").asInt());
        assertEquals(23, j.get("events").asInt());
        assertEquals("1d", j.get("resolution").get("temporal").asText());
        assertEquals(3, j.get("unicity").size());
        assertEquals(1, j.get("unicity").get(0).get("points").asInt());
        assertEquals(7, j.get("unicity").get(0).get("sampledUsers").asInt());
        JsonNode loc2 = j.get("attacks").get(0);
        assertEquals("location", loc2.get("attack").asText());
        assertEquals(2, loc2.get("k").asInt());
        assertEquals("exact", loc2.get("mode").asText());
        // {1/3, 1/2, 1/3, 1/3, 1/4, 1/4, 1/2}
        assertEquals((3 * (1.0 / 3) + 2 * 0.5 + 2 * 0.25) / 7, loc2.get("meanRisk").asDouble(), 1e-9);
        assertEquals(1.0 / 3, loc2.get("medianRisk").asDouble(), 1e-9);
        assertEquals(0.0, loc2.get("fractionRisk1").asDouble(), 1e-12);
        assertEquals(10, loc2.get("histogram").get("counts").size());
        JsonNode loc3 = j.get("attacks").get(1);
        assertEquals(2.0 / 7, loc3.get("fractionRisk1").asDouble(), 1e-9);
        assertEquals("sequence", j.get("attacks").get(2).get("attack").asText());
        assertEquals("home-work", j.get("attacks").get(3).get("attack").asText());
        JsonNode sweep = j.get("sweep");
        assertEquals(List.of("none"), List.of(sweep.get("spatial").get(0).asText()));
        assertEquals(2, sweep.get("fraction").get(0).size());
        assertEquals(4, sweep.get("points").asInt());
        assertTrue(j.get("homeWork").isArray());
        assertEquals(3, j.get("topN").size());
        List<String> lines = Files.readAllLines(perUser);
        assertEquals("uid,attack,k,risk", lines.get(0));
        assertEquals(1 + 4 * 7, lines.size());
        assertTrue(lines.contains("2,location,3,1.000000"), lines.toString());
    }

    @Test
    void printsAReadableSummary() throws Exception {
        Run r = run("analyze", "trajectories", "--data", toyCsv().toString(), "--user", "uid", "--time", "datetime",
                "--location", "cell", "--attacks", "location:2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Unicity"), r.out());
        assertTrue(r.out().contains("location"), r.out());
    }

    @Test
    void unknownColumnIsAUsageError() throws Exception {
        Run r = run("analyze", "trajectories", "--data", toyCsv().toString(), "--user", "pseudonym", "--time",
                "datetime", "--location", "cell");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("pseudonym"), r.err());
    }

    @Test
    void unparseableTimestampIsAnInputError() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "uid,t,cell\n1,2011-02-03 08:34:04,A\n1,not a time,B\n");
        Run r = run("analyze", "trajectories", "--data", f.toString(), "--user", "uid", "--time", "t", "--location",
                "cell");
        assertEquals(ExitCodes.INPUT, r.code());
        assertTrue(r.err().contains("line 3") && r.err().contains("not a time"), r.err());
    }

    @Test
    void badAttackSpecIsAUsageError() throws Exception {
        Run r = run("analyze", "trajectories", "--data", toyCsv().toString(), "--user", "uid", "--time", "datetime",
                "--location", "cell", "--attacks", "teleport:2");
        assertEquals(ExitCodes.USAGE, r.code());
    }

    @Test
    void mapsLocationsToAreasFromAFile() throws Exception {
        Path map = dir.resolve("areas.csv");
        // A and B become one district, C and D another: every user then has places in both or one of them
        Files.writeString(map, "location,area\nA,north\nB,north\nC,south\nD,south\n");
        Run r = run("analyze", "trajectories", "--data", toyCsv().toString(), "--user", "uid", "--time", "datetime",
                "--location", "cell", "--spatial", "map:" + map, "--temporal", "none", "--points", "1",
                "--attacks", "unique-location:2", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("map:areas.csv", j.get("resolution").get("spatial").asText());
        assertEquals(2, j.get("resolution").get("areas").asInt());
        // users 1-5 and 7 visit both districts, user 6 only north: nobody is unique by one area
        assertEquals(0, j.get("unicity").get(0).get("uniqueUsers").asInt());
        // {north, south} is shared by 6 users (risk 1/6); user 6's whole trace {north} matches all 7
        assertEquals((6 * (1.0 / 6) + 1.0 / 7) / 7, j.get("attacks").get(0).get("meanRisk").asDouble(), 1e-9);
    }

    @Test
    void coordinatesOnAGridFeedTheAreaMap() throws Exception {
        Path f = dir.resolve("gps.csv");
        Files.writeString(f, "uid;ts;lat;lon\n"
                + "a;1583143200;48.1000;11.5000\nb;1583143200;48.1001;11.5001\nc;1583143200;48.2000;11.6000\n");
        Run r = run("analyze", "trajectories", "--data", f.toString(), "--user", "uid", "--time", "ts", "--lat",
                "lat", "--lng", "lon", "--spatial", "grid:1km", "--points", "1", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(2, j.get("resolution").get("areas").asInt());
        assertEquals(1, j.get("unicity").get(0).get("uniqueUsers").asInt());
        assertEquals(2, j.get("areaMap").size());
        int users = 0;
        int unique = 0;
        for (JsonNode c : j.get("areaMap")) {
            users += c.get("users").asInt();
            unique += c.get("uniqueUsers").asInt();
        }
        assertEquals(3, users);
        assertEquals(1, unique);
    }

    @Test
    void gridNeedsCoordinates() throws Exception {
        Run r = run("analyze", "trajectories", "--data", toyCsv().toString(), "--user", "uid", "--time", "datetime",
                "--location", "cell", "--spatial", "grid:500m");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--lat"), r.err());
    }
}

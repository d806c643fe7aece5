package org.releaseauditor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.cli.AnalyzeMicrodataCommandTest.Run;

/** The trajectory lane on the bundled sample: CLI with a policy file, and as a case run. */
class TrajectoryCaseFlowTest {
    static final Path EVENTS = Path.of("sample-datasets", "trajectories", "events_pseudonymised.csv");

    @Test
    void unicityPolicyFailsOnTheSampleEvents(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("unicity.json");
        Files.writeString(policy, """
                {"id": "unicity-4", "version": "1.0", "title": "At most 10 % unique with 4 points",
                 "description": "demo", "source": "test",
                 "rules": [{"metric": "unicity.3.fraction", "operator": "<=", "threshold": 0.1,
                            "severity": "FAIL", "explanation": "Four known points must not single out more than 10 %."}]}
                """);
        Run r = AnalyzeMicrodataCommandTest.run("analyze", "trajectories", "--data", EVENTS.toString(), "--user",
                "pseudonym", "--time", "timestamp", "--location", "cell", "--points", "1..4", "--format", "json",
                "--policy", policy.toString(), "-q");
        assertEquals(ExitCodes.POLICY_FAILED, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(4, j.get("unicity").size());
        double e4 = j.get("unicity").get(3).get("fraction").asDouble();
        assertTrue(e4 > 0.5, "the sample's datasheet reports 86.4 % unique with 4 points: " + e4);
        assertEquals("FAIL", j.at("/policy/overall").asText());
    }

    @Test
    void trajectoriesLaneRunsInACase(@TempDir Path dir) throws Exception {
        Path rcase = dir.resolve("t.rcase");
        assertEquals(0, AnalyzeMicrodataCommandTest.run("case", "new", rcase.toString(), "--title", "Events",
                "--auditor", "A").code());
        assertEquals(0, AnalyzeMicrodataCommandTest.run("case", "add-dataset", rcase.toString(), EVENTS.toString())
                .code());
        Run r = AnalyzeMicrodataCommandTest.run("case", "run", rcase.toString(), "--lane", "trajectories", "--dataset",
                "1", "--user", "pseudonym", "--time", "timestamp", "--location", "cell", "--points", "1..3");
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals(0, AnalyzeMicrodataCommandTest.run("verify", rcase.toString()).code());
    }

    @Test
    void locationIdsWithCoordinatesFillTheAreaMapWithoutChangingUnicity() throws Exception {
        Run ids = AnalyzeMicrodataCommandTest.run("analyze", "trajectories", "--data", EVENTS.toString(), "--user",
                "pseudonym", "--time", "timestamp", "--location", "cell", "--points", "1..2", "--format", "json", "-q");
        Run both = AnalyzeMicrodataCommandTest.run("analyze", "trajectories", "--data", EVENTS.toString(), "--user",
                "pseudonym", "--time", "timestamp", "--location", "cell", "--lat", "lat", "--lng", "lon", "--points",
                "1..2", "--format", "json", "-q");
        assertEquals(0, ids.code(), ids.err());
        assertEquals(0, both.code(), both.err());
        assertEquals(ids.json().get("unicity").toString(), both.json().get("unicity").toString());
        assertTrue(ids.json().path("areaMap").isEmpty(), "no coordinates: no map");
        assertTrue(both.json().path("areaMap").size() > 0, "coordinates place the cells on the map");
    }
}

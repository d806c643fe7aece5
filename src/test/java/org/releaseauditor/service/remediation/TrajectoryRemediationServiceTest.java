package org.releaseauditor.service.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.core.remediation.Transformation;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;

/**
 * Trajectory remediation end to end on the bundled pseudonymised events: the least coarsening
 * that brings unicity with 4 known points to at most 10 %, the copy, and a re-audit through the
 * trajectories lane that measures on the copy what the search measured on the coarsened release.
 */
class TrajectoryRemediationServiceTest {

    static final Path EVENTS = Path.of("sample-datasets", "trajectories", "events_pseudonymised.csv");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String UNICITY_4 = """
            {"schemaVersion": 1, "id": "unicity-4", "version": "1.0", "title": "at most 10 % unique from 4 points",
             "description": "d", "source": "s",
             "rules": [{"metric": "unicity.3.fraction", "operator": "<=", "threshold": 0.1, "severity": "FAIL",
                        "explanation": "x"}]}
            """;

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    TrajectoryRemediationRequest.Builder request(Path policy, int minPoints) throws Exception {
        return TrajectoryRemediationRequest.builder()
                .analysis(TrajectoriesRequest.builder().user("pseudonym").time("timestamp").location("cell")
                        .lat("lat").lng("lon").points(minPoints, 4)
                        .events(EVENTS.toString()).buildCall())
                .policy(policy.toString()).spatial(List.of("grid:1km", "grid:5km")).temporal(List.of("4h", "12h"));
    }

    @Test
    void leastCoarseningIsWrittenAndTheReauditMeasuresWhatTheSearchMeasured() throws Exception {
        Path policy = dir.resolve("unicity-4.json");
        Files.writeString(policy, UNICITY_4);
        Path copy = dir.resolve("events_remediated.csv");
        RemediationOutcome o = new TrajectoryRemediationService().run(request(policy, 1).write(copy.toString())
                .buildCall(), ProgressMonitor.none());
        JsonNode j = JSON.readTree(o.json());
        // the released resolution (cell, 1 h) singles out most users from 4 points (events datasheet: 86.4 %)
        assertTrue(j.path("before").path("summary").path("unicity.3.fraction").asDouble() > 0.5);
        assertEquals("FAIL", j.path("before").path("policy").path("overall").asText());
        assertEquals(9, j.path("grid").size(), "3 spatial x 3 temporal resolutions");
        assertTrue(o.found(), o.text());
        assertTrue(o.passed(), o.text());
        Transformation.Trajectories t = (Transformation.Trajectories) o.transformation();
        JsonNode rec = j.path("recommended");
        assertEquals(rec.path("spatial").asText(), t.spatial());
        assertEquals(rec.path("temporal").asText(), t.temporal());
        // the re-audit of the copy measures the same unicity the search measured for that resolution
        // (same users, seed and draws; the copy's areas and bins are the coarsened partition)
        assertEquals(rec.path("unicity").path(3).path("fraction").asDouble(),
                j.path("after").path("summary").path("unicity.3.fraction").asDouble(), 1e-12);
        assertEquals("pseudonym,timestamp,cell,lat,lon", Files.readAllLines(copy).get(0));
        assertEquals(Files.readAllLines(EVENTS).size(), Files.readAllLines(copy).size(), "every event kept");
        assertEquals("none", ((TrajectoriesRequest) o.after().result().request()).spatial(), "the copy's areas are its places");
    }

    @Test
    void aGivenTransformationIsAppliedAsItIs() throws Exception {
        Path policy = dir.resolve("unicity-4.json");
        Files.writeString(policy, UNICITY_4);
        Path copy = dir.resolve("at.csv");
        RemediationOutcome o = new TrajectoryRemediationService().run(request(policy, 1)
                .at("spatial=grid:1km,temporal=4h,cap=3").write(copy.toString()).buildCall(), ProgressMonitor.none());
        Transformation.Trajectories t = (Transformation.Trajectories) o.transformation();
        assertEquals("grid:1km", t.spatial());
        assertEquals("4h", t.temporal());
        assertEquals(3, t.eventsPerUser());
        // at most 3 events per user
        java.util.Map<String, Integer> perUser = new java.util.HashMap<>();
        for (String line : Files.readAllLines(copy).subList(1, Files.readAllLines(copy).size())) {
            perUser.merge(line.substring(0, line.indexOf(',')), 1, Integer::sum);
        }
        assertTrue(perUser.values().stream().allMatch(n -> n <= 3));
        assertTrue(JSON.readTree(o.json()).path("grid").isMissingNode(), "no search was run");
    }

    @Test
    void policiesAndPointsTheSearchCannotMeetAreRefusedBeforeWork() throws Exception {
        Path policy = dir.resolve("unicity-4.json");
        Files.writeString(policy, UNICITY_4);
        TrajectoryRemediationService s = new TrajectoryRemediationService();
        // the analysis must report unicity from 1 point up to the target's 4
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> s.run(request(policy, 2)
                .buildCall(), ProgressMonitor.none()));
        assertEquals("remediation.trajectory.points", e.messageKey());
        // a microdata policy has no unicity target
        e = assertThrows(ConfigurationException.class, () -> s.run(request(Path.of("min-group-5"), 1).buildCall(),
                ProgressMonitor.none()));
        assertEquals("remediation.policy.unsupported", e.messageKey());
        // cyclic time cannot be written to a copy
        e = assertThrows(ConfigurationException.class, () -> s.run(request(policy, 1).temporal(List.of("tod:4h"))
                .buildCall(), ProgressMonitor.none()));
        assertEquals("remediation.trajectory.cyclicTime", e.messageKey());
        assertFalse(Files.exists(Remediations.defaultCopy(EVENTS)), "nothing written in the working folder");
    }

    @Test
    void requestRoundTripsThroughCanonicalJson() throws Exception {
        TrajectoryRemediationRequest r = request(Path.of("p.json"), 1).at("spatial=grid:1km").build();
        assertEquals(r, TrajectoryRemediationRequest.fromJson(r.toJson()));
        JsonNode n = JSON.readTree(r.toJson());
        assertEquals("auto", n.path("apply").asText());
        assertTrue(n.path("searchCap").asBoolean());
        assertEquals("1h", n.path("at").path("temporal").asText(), "the released resolution by default");
        assertEquals("remediation.request.apply", assertThrows(ConfigurationException.class,
                () -> TrajectoryRemediationRequest.builder().apply("best")).messageKey());
    }
}

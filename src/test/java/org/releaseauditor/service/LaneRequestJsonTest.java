package org.releaseauditor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.risk.PopulationRegion;
import org.releaseauditor.core.trajectory.AttackType;
import org.releaseauditor.service.aggregates.AggregatesRequest;
import org.releaseauditor.service.microdata.MicrodataRequest;
import org.releaseauditor.service.trajectories.TrajectoriesRequest;

/** Lane requests round-trip through canonical JSON, and hand-written JSON is read strictly. */
class LaneRequestJsonTest {

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    static MicrodataRequest microdata() throws ConfigurationException {
        MicrodataRequest.Builder b = MicrodataRequest.builder().quasiIdentifiers(List.of("age", "sex", "zip"))
                .sensitive(List.of("diagnosis:ordered", "income")).weight("w").household("hh")
                .population(83_000_000L).region(PopulationRegion.values()[0]).samplingFraction(0.01).threshold(0.09)
                .maxQiSubset(3).wildcards(true).recursiveC(3.0).suda(false).snbVariant("corrected")
                .individualRiskMethod("exact").qual(0.9).survey(false).attacker("journalist")
                .attackerPreset("neighbour");
        b.importing().delimiter("semicolon").encoding("ISO-8859-1").header(true).missing(List.of("-", "NA"))
                .type("age=integer").sqliteTable("people");
        return b.build();
    }

    static TrajectoriesRequest trajectories() throws ConfigurationException {
        TrajectoriesRequest.Builder b = TrajectoriesRequest.builder().user("uid").time("t").location("cell")
                .lat("lat").lng("lon").attributes(List.of("age_band")).timeFormat("yyyy-MM-dd HH:mm")
                .zone("Europe/Berlin").spatial("map:cells.csv").temporal("tod:4h").points("2..4").sampleUsers(100)
                .seed(7L).attacks("location:1-2,home-work").tolerance(0.1).exactLimit(500L).sampledInstances(50)
                .sweep("spatial=grid:500m,map;temporal=1h,1d").sweepPoints(3).homeWork("off").topN(0);
        return b.build();
    }

    static AggregatesRequest aggregates() throws ConfigurationException {
        AggregatesRequest.Builder b = AggregatesRequest.builder().threshold(10.0).operator("<=").zeroUnsafe(true)
                .dominance("n=2,k=80,op=ge").pPercent(15.0).pq("p=20,q=60").zeroMagnitudeUnsafe(true)
                .group("dims=home|age,by=area,allowed=1").audit(true)
                .protection("20%").width(2.0).marginTokens("Total|ALL").suppressionMarkers("|x")
                .recoverFrom("truth.csv").recoveryColumns("user,date+hour,area").slot("30m").topK(3).tieSamples(50);
        b.table("footfall=f.csv,count=n,dims=area|age|home,magnitude=spend,scale=3.7", "--table");
        b.table("od=od.csv", "--table");
        b.series("footfall=f2.csv");
        return b.build();
    }

    @Test
    void everyLaneRoundTripsThroughItsCanonicalJson() throws Exception {
        List<LaneRequest> requests = List.of(microdata(), trajectories(), aggregates());
        for (LaneRequest r : requests) {
            Lane<?, ?> lane = LaneRegistry.global().require(r.lane());
            String json = r.toJson();
            LaneRequest back = lane.readRequest(json);
            assertEquals(r, back, r.lane());
            assertEquals(json, back.toJson(), "the canonical JSON is stable: " + r.lane());
            assertSortedEverywhere(new ObjectMapper().readTree(json), r.lane());
            assertTrue(json.contains("\"lane\":\"" + r.lane() + "\""), json);
            assertTrue(json.contains("\"requestVersion\":1"), json);
            assertTrue(!json.contains(" ") || json.contains("\"timeFormat\":\"yyyy-MM-dd HH:mm\""),
                    "no whitespace outside strings: " + json);
        }
    }

    private static void assertSortedEverywhere(JsonNode n, String where) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            List<String> sorted = new ArrayList<>(keys);
            sorted.sort(null);
            assertEquals(sorted, keys, "keys sorted in " + where);
            n.fields().forEachRemaining(e -> assertSortedEverywhere(e.getValue(), where + "." + e.getKey()));
        } else if (n.isArray()) {
            n.forEach(e -> assertSortedEverywhere(e, where + "[]"));
        }
    }

    @Test
    void defaultsAreWrittenOutAndAbsentFieldsTakeThem() throws Exception {
        MicrodataRequest minimal = MicrodataRequest.fromJson("{\"quasiIdentifiers\": [\"age\"]}");
        MicrodataRequest built = MicrodataRequest.builder().quasiIdentifiers(List.of("age")).build();
        assertEquals(built, minimal);
        String json = minimal.toJson();
        // the defaults of the lane, written into every stored request
        assertTrue(json.contains("\"threshold\":0.2"), json);
        assertTrue(json.contains("\"maxQiSubset\":10"), json);
        assertTrue(json.contains("\"suda\":true"), json);
        assertTrue(json.contains("\"weight\":null"), json);
        TrajectoriesRequest t = TrajectoriesRequest.fromJson("{\"user\":\"u\",\"time\":\"t\",\"location\":\"c\"}");
        assertEquals(1, t.minPoints());
        assertEquals(5, t.maxPoints());
        assertEquals("1h", t.temporal());
        assertEquals(20, t.homeWork().nightStart());
        assertTrue(t.toJson().contains("\"homeWork\":{\"dayFrom\":9,\"dayTo\":17,\"nightFrom\":20,\"nightTo\":7}"),
                t.toJson());
        AggregatesRequest a = AggregatesRequest.fromJson("{\"tables\":[{\"name\":\"f\"}]}");
        assertEquals(List.of("*", "ALL", "All", "Total"), a.marginTokens());
        assertEquals("count", a.tables().get(0).count());
    }

    @Test
    void numbersAreWrittenTheSameWhateverTheInputSaid() throws Exception {
        MicrodataRequest a = MicrodataRequest.fromJson("{\"quasiIdentifiers\":[\"a\"],\"threshold\":1}");
        MicrodataRequest b = MicrodataRequest.fromJson("{\"quasiIdentifiers\":[\"a\"],\"threshold\":1.0}");
        MicrodataRequest c = MicrodataRequest.fromJson("{\"quasiIdentifiers\":[\"a\"],\"threshold\":1e0}");
        assertEquals(a.toJson(), b.toJson());
        assertEquals(a.toJson(), c.toJson());
        assertTrue(a.toJson().contains("\"threshold\":1.0"), a.toJson());
    }

    @Test
    void misspeltFieldsWrongTypesAndOtherLanesAreUsageErrors() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> MicrodataRequest.fromJson("{\"quasiIdentifiers\":[\"a\"],\"treshold\":0.3}"));
        assertTrue(e.getMessage().contains("treshold") && e.getMessage().contains("threshold"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> MicrodataRequest.fromJson("{\"quasiIdentifiers\":\"a\"}"));
        assertTrue(e.getMessage().contains("quasiIdentifiers") && e.getMessage().contains("array"), e.getMessage());
        e = assertThrows(ConfigurationException.class, () -> MicrodataRequest.fromJson("{\"lane\":\"aggregates\"}"));
        assertTrue(e.getMessage().contains("aggregates"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> MicrodataRequest.fromJson("{\"requestVersion\":2}"));
        assertThrows(ConfigurationException.class, () -> MicrodataRequest.fromJson("[1]"));
        assertThrows(ConfigurationException.class, () -> MicrodataRequest.fromJson("{\"quasiIdentifiers\":[\"a\"],"
                + "\"import\":{\"delimter\":\";\"}}"), "unknown fields of nested objects too");
        assertThrows(ConfigurationException.class, () -> TrajectoriesRequest.fromJson("{\"user\":\"u\",\"time\":\"t\","
                + "\"location\":\"c\",\"attacks\":[{\"attack\":\"teleport\",\"k\":2}]}"));
        assertThrows(ConfigurationException.class, () -> AggregatesRequest.fromJson("{\"tables\":[{\"name\":\"f\","
                + "\"count\":3}]}"));
    }

    @Test
    void valuesAreCheckedWhenTheRequestIsBuiltNotWhenTheWorkRuns() {
        assertThrows(ConfigurationException.class,
                () -> MicrodataRequest.fromJson("{\"quasiIdentifiers\":[\"a\"],\"threshold\":1.5}"));
        assertThrows(ConfigurationException.class, () -> MicrodataRequest.fromJson("{\"quasiIdentifiers\":[]}"));
        assertThrows(ConfigurationException.class,
                () -> MicrodataRequest.fromJson("{\"quasiIdentifiers\":[\"a\",\"a\"]}"));
        // a grid needs coordinates: with location ids only it fails here, not after the events are read
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> TrajectoriesRequest.builder()
                .user("u").time("t").location("cell").spatial("grid:500m").build());
        assertEquals("trajectory.error.spatialNeedsCoordinates", e.messageKey());
        assertThrows(ConfigurationException.class, () -> TrajectoriesRequest.builder().user("u").time("t")
                .location("cell").sweep("spatial=geohash:6").build());
        assertThrows(ConfigurationException.class, () -> TrajectoriesRequest.builder().user("u").time("t")
                .location("cell").temporal("fortnightly").build());
        assertThrows(ConfigurationException.class, () -> TrajectoriesRequest.builder().user("u").time("t")
                .location("cell").zone("Mars/Olympus").build());
        assertThrows(ConfigurationException.class, () -> TrajectoriesRequest.builder().user("u").time("t")
                .lat("lat").lng("lng").spatial("map:cells.csv").build(), "a mapping needs location ids");
        e = assertThrows(ConfigurationException.class, () -> TrajectoriesRequest.builder().time("t").location("c")
                .build());
        // the message names the option and the request field, not the retired --param syntax
        assertTrue(e.getMessage().contains("--user") && !e.getMessage().contains("--param"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> {
            AggregatesRequest.Builder b = AggregatesRequest.builder().slot("7m").recoverFrom("t.csv");
            b.table("f");
            b.build();
        }, "a slot must divide the day");
    }

    @Test
    void theAttackerModelJsonOfAMicrodataRequestIsCanonical() throws Exception {
        String json = microdata().attackerModelJson();
        assertEquals("{\"known\":[\"age\",\"sex\",\"zip\"],\"model\":\"journalist\",\"populationSize\":83000000,"
                + "\"preset\":\"neighbour\",\"region\":\"" + PopulationRegion.values()[0].name()
                + "\",\"samplingFraction\":0.01,\"threshold\":0.09}", json);
        assertEquals(List.of(new TrajectoriesRequest.Attack(AttackType.LOCATION, 1),
                new TrajectoriesRequest.Attack(AttackType.LOCATION, 2),
                new TrajectoriesRequest.Attack(AttackType.HOME_WORK, 2)), trajectories().attacks());
    }
}

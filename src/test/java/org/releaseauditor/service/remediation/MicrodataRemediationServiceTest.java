package org.releaseauditor.service.remediation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.microdata.MicrodataRequest;

/**
 * The microdata remediation service end to end: the optimum equals ARX's (see
 * {@code AdultArxParityTest} for how the ARX values were obtained), the copy is written with its
 * SHA-256, the re-audit goes through the microdata lane on the copy and agrees with what the
 * search predicted, and every option is checked before any work.
 */
class MicrodataRemediationServiceTest {

    static final Path ADULT = Path.of("sample-datasets", "microdata", "adult.csv");
    static final Path CUSTOMERS = Path.of("sample-datasets", "microdata", "customers.csv");
    static final Path HIERARCHIES = Path.of("sample-datasets", "microdata", "hierarchies");
    static final List<String> QIS = List.of("sex", "age", "race", "marital-status", "education", "native-country",
            "workclass", "occupation");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    static MicrodataRemediationRequest.Builder adult(Path copy) throws Exception {
        MicrodataRemediationRequest.Builder b = MicrodataRemediationRequest.builder()
                .analysis(MicrodataRequest.builder().quasiIdentifiers(QIS).suda(false).data(ADULT.toString())
                        .buildCall())
                .policy("min-group-5").write(copy.toString());
        for (String q : QIS) {
            b.hierarchy(q + "=" + HIERARCHIES.resolve("adult_" + q + ".csv"));
        }
        return b;
    }

    @Test
    void adultOptimumEqualsArxAndItsCopyPassesTheReaudit() throws Exception {
        Path copy = dir.resolve("adult_remediated.csv");
        RemediationOutcome o = new MicrodataRemediationService().run(adult(copy).buildCall(), ProgressMonitor.none());
        JsonNode j = JSON.readTree(o.json());
        // ARX 3.9.2, loss metric, k = 5, 5 % suppression (AdultArxParityTest): 0,3,0,0,1,1,1,2, loss
        // 0.2518517151856563 (ARX rounds each QI's value to 10 decimals), 1,458 records suppressed
        JsonNode levels = j.path("optimum").path("levels");
        assertEquals(List.of(0, 3, 0, 0, 1, 1, 1, 2), QIS.stream().map(q -> levels.path(q).asInt()).toList());
        assertEquals(0.2518517151856563, j.path("optimum").path("loss").asDouble(), 1e-9);
        assertEquals(1458, j.path("optimum").path("suppressedRecords").asLong());
        assertTrue(o.found());
        assertTrue(o.passed());
        // the copy is on disk with the SHA-256 the result names
        DatasetFingerprint fp = DatasetFingerprint.of(copy, ProgressMonitor.none());
        assertEquals(fp.sha256(), j.path("copy").path("sha256").asText());
        assertEquals(fp.sha256(), j.path("condition").path("output").path("sha256").asText());
        assertEquals(DatasetFingerprint.of(ADULT, ProgressMonitor.none()).sha256(),
                j.path("condition").path("input").path("sha256").asText());
        // the re-audit read the copy (through the lane, bound to its bytes) and agrees with the prediction
        assertEquals(fp.sha256(), j.path("after").path("inputs").path("data").path("sha256").asText());
        assertEquals(fp.sha256(), o.after().result().inputs().roles().get("data").sha256());
        assertEquals(5, j.path("after").path("summary").path("k").asInt());
        assertEquals(1458, j.path("after").path("summary").path("suppressedRecords").asLong());
        assertEquals(j.path("optimum").path("classes").asLong(), j.path("after").path("summary").path("classes")
                .asLong());
        assertEquals("PASS", j.path("after").path("policy").path("overall").asText());
        assertEquals("FAIL", j.path("before").path("policy").path("overall").asText());
        assertEquals(1, j.path("before").path("summary").path("k").asInt());
        // the transformation is the machine-readable condition, with every hierarchy file by hash
        Transformation.Microdata t = (Transformation.Microdata) o.transformation();
        assertEquals(3, t.levels().get("age"));
        assertEquals(5, t.suppressBelow());
        assertTrue(t.hierarchies().get("age").startsWith("adult_age.csv sha256:"), t.hierarchies().get("age"));
        // hierarchy files are inputs, hashed
        assertTrue(j.path("inputs").has("hierarchy:age"));
        assertEquals(64, j.path("inputs").path("hierarchy:age").path("sha256").asText().length());
        assertEquals(5, j.path("request").path("maxSuppression").asDouble() * 100, 1e-9);
        assertTrue(j.path("paretoFront").size() > 1);
    }

    @Test
    void customersWithAutomaticHierarchiesDropTheIdentifierAndPass() throws Exception {
        Path copy = dir.resolve("c.csv");
        RemediationCall<MicrodataRemediationRequest> call = MicrodataRemediationRequest.builder()
                .analysis(MicrodataRequest.builder().quasiIdentifiers(List.of("age", "gender", "postcode_area"))
                        .suda(false).data(CUSTOMERS.toString()).buildCall())
                .policy("min-group-5").dropColumns(List.of("customer_id")).write(copy.toString()).buildCall();
        RemediationOutcome o = new MicrodataRemediationService().run(call, ProgressMonitor.none());
        assertTrue(o.passed(), o.text());
        String header = Files.readAllLines(copy).get(0);
        assertEquals("age,gender,postcode_area,tariff,device,segment", header);
        assertEquals(20001, Files.readAllLines(copy).size());
        JsonNode j = JSON.readTree(o.json());
        assertEquals("customer_id", j.path("transformation").path("droppedColumns").path(0).asText());
        assertTrue(j.path("after").path("summary").path("k").asInt() >= 5);
        assertTrue(o.text().contains("PASS"), o.text());
    }

    @Test
    void givenLevelsAreAppliedWithoutSearching() throws Exception {
        Path copy = dir.resolve("levels.csv");
        // age level 4 of the ARX hierarchy (20-year bands), everything else at 0: not 5-anonymous within 5 %
        RemediationOutcome o = new MicrodataRemediationService().run(adult(copy)
                .levels(List.of("age=4")).buildCall(), ProgressMonitor.none());
        JsonNode j = JSON.readTree(o.json());
        assertTrue(j.path("search").isNull());
        assertEquals(4, j.path("optimum").path("levels").path("age").asInt());
        assertFalse(j.path("optimum").path("feasible").asBoolean());
        assertTrue(o.found(), "a given transformation is applied");
        assertFalse(o.passed(), "and the re-audit says it fails");
        assertEquals("FAIL", j.path("after").path("policy").path("overall").asText());
        assertTrue(Files.isRegularFile(copy));
    }

    @Test
    void nothingIsWrittenWhenNoChangePasses() throws Exception {
        Path copy = dir.resolve("none.csv");
        // k >= 30,000 of 30,162 records cannot be met with no suppression at all: only the top node could,
        // and it releases one class of 30,162 records, so 'records >= 30,163' makes every node fail
        Path policy = dir.resolve("impossible.json");
        Files.writeString(policy, """
                {"schemaVersion": 1, "id": "impossible", "version": "1", "title": "t", "description": "d",
                 "source": "s", "rules": [{"metric": "records", "operator": ">=", "threshold": 30163,
                 "severity": "FAIL", "explanation": "x"}]}
                """);
        RemediationOutcome o = new MicrodataRemediationService().run(adult(copy).policy(policy.toString())
                .maxSuppression(0.0).paretoBudget(0).buildCall(), ProgressMonitor.none());
        assertFalse(o.found());
        assertFalse(o.passed());
        assertNull(o.after());
        assertFalse(Files.exists(copy));
        JsonNode j = JSON.readTree(o.json());
        assertTrue(j.path("optimum").isNull());
        assertTrue(j.path("copy").isNull());
        assertFalse(j.path("passed").asBoolean());
    }

    @Test
    void badOptionsFailBeforeAnyWork() throws Exception {
        Path copy = dir.resolve("never.csv");
        MicrodataRemediationService s = new MicrodataRemediationService();
        // an unknown QI, with a suggestion
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> s.run(
                MicrodataRemediationRequest.builder().analysis(MicrodataRequest.builder()
                        .quasiIdentifiers(List.of("agee")).data(CUSTOMERS.toString()).buildCall())
                        .policy("min-group-5").write(copy.toString()).buildCall(), ProgressMonitor.none()));
        assertTrue(e.getLocalizedMessage().contains("age"), e.getLocalizedMessage());
        // a FAIL rule the search cannot compute from class sizes (t-closeness)
        Path policy = dir.resolve("t.json");
        Files.writeString(policy, """
                {"schemaVersion": 1, "id": "tc", "version": "1", "title": "t", "description": "d", "source": "s",
                 "rules": [{"metric": "tCloseness.salary-class.t", "operator": "<=", "threshold": 0.2,
                 "severity": "FAIL", "explanation": "x"}]}
                """);
        e = assertThrows(ConfigurationException.class, () -> s.run(adult(copy).policy(policy.toString()).buildCall(),
                ProgressMonitor.none()));
        assertEquals("remediation.policy.unsupported", e.messageKey());
        // the copy over the input
        e = assertThrows(ConfigurationException.class, () -> s.run(adult(ADULT).buildCall(), ProgressMonitor.none()));
        assertEquals("remediation.error.copyOverInput", e.messageKey());
        // a missing hierarchy file
        assertThrows(org.releaseauditor.core.error.DatasetFormatException.class, () -> s.run(
                MicrodataRemediationRequest.builder().analysis(MicrodataRequest.builder().quasiIdentifiers(QIS)
                        .data(ADULT.toString()).buildCall()).policy("min-group-5").write(copy.toString())
                        .hierarchy("age=" + dir.resolve("missing.csv")).buildCall(), ProgressMonitor.none()));
        // a hierarchy given twice for one column
        assertEquals("lane.error.inputTwice", assertThrows(ConfigurationException.class,
                () -> adult(copy).hierarchy("age=" + dir.resolve("other.csv"))).messageKey());
        // an unknown drop column
        e = assertThrows(ConfigurationException.class, () -> s.run(adult(copy).dropColumns(List.of("nope"))
                .buildCall(), ProgressMonitor.none()));
        assertTrue(e.getLocalizedMessage().contains("nope"));
        // a superset is not an input of a remediation
        RemediationCall<MicrodataRemediationRequest> withSuperset = new RemediationCall<>(adult(copy).build(),
                Map.of("data", ADULT.toString(), "superset", ADULT.toString()), Map.of());
        e = assertThrows(ConfigurationException.class, () -> s.run(withSuperset, ProgressMonitor.none()));
        assertEquals("remediation.error.input", e.messageKey());
        assertFalse(Files.exists(copy), "nothing was written");
    }

    @Test
    void requestRoundTripsThroughCanonicalJsonWithEveryDefault() throws Exception {
        MicrodataRemediationRequest r = MicrodataRemediationRequest.builder()
                .analysis(MicrodataRequest.builder().quasiIdentifiers(List.of("age", "sex")).build())
                .policy("min-group-5").hierarchy("age=interval:5,10").build();
        String json = r.toJson();
        assertEquals(r, MicrodataRemediationRequest.fromJson(json));
        JsonNode n = JSON.readTree(json);
        // the defaults, defined once in the builder
        assertEquals("loss", n.path("measure").asText());
        assertEquals(0.05, n.path("maxSuppression").asDouble());
        assertEquals("auto", n.path("hierarchies").path("sex").asText());
        assertEquals("interval:5,10", n.path("hierarchies").path("age").asText());
        assertEquals(1000, n.path("paretoBudget").asInt());
        assertEquals(256, n.path("cacheMegabytes").asInt());
        assertEquals("remediation", n.path("kind").asText());
        assertEquals("microdata", n.path("analysis").path("lane").asText());
        // a hand-written request with a misspelt field is refused
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> MicrodataRemediationRequest.fromJson(json.replace("\"measure\"", "\"mesure\"")));
        assertEquals("request.error.unknownFieldSuggest", e.messageKey());
        assertEquals("measure", e.args()[2], "the nearest field is named");
    }

    @Test
    void builderReadsTheCommandLineSyntax() throws Exception {
        LaneCall<MicrodataRequest> lane = MicrodataRequest.builder().quasiIdentifiers(List.of("age", "sex", "zip"))
                .data("d.csv").buildCall();
        RemediationCall<MicrodataRemediationRequest> c = MicrodataRemediationRequest.builder().analysis(lane)
                .policy("p").hierarchy("prefix").hierarchy("age=ages.csv").hierarchy("sex=suppress")
                .hierarchy("zip=file:interval").levels(List.of("age=2, sex=1")).buildCall();
        assertEquals(Map.of("age", "file", "sex", "suppress", "zip", "file"), c.request().hierarchies());
        assertEquals("ages.csv", c.inputs().get("hierarchy:age"));
        assertEquals("interval", c.inputs().get("hierarchy:zip"), "file: forces a file");
        assertEquals("d.csv", c.inputs().get("data"));
        assertEquals(Map.of("age", 2, "sex", 1), c.request().levels());
        assertEquals(List.of(2, 1, 0), java.util.Arrays.stream(c.request().levelArray()).boxed().toList());
        assertEquals("remediation.request.notQi", assertThrows(ConfigurationException.class,
                () -> MicrodataRemediationRequest.builder().analysis(lane).policy("p").hierarchy("income=auto")
                        .build()).messageKey());
        assertEquals("remediation.request.dropUsed", assertThrows(ConfigurationException.class,
                () -> MicrodataRemediationRequest.builder().analysis(lane).policy("p").dropColumns(List.of("age"))
                        .build()).messageKey());
        assertEquals("remediation.request.noPolicy", assertThrows(ConfigurationException.class,
                () -> MicrodataRemediationRequest.builder().analysis(lane).build()).messageKey());
        assertEquals("remediation.request.maxSuppression", assertThrows(ConfigurationException.class,
                () -> MicrodataRemediationRequest.builder().analysis(lane).policy("p").maxSuppression(1.5).build())
                .messageKey());
        assertEquals("remediation.request.badLevel", assertThrows(ConfigurationException.class,
                () -> MicrodataRemediationRequest.builder().levels(List.of("age:2"))).messageKey());
        assertEquals("remediation.hierarchy.badWidths", assertThrows(ConfigurationException.class,
                () -> MicrodataRemediationRequest.builder().hierarchy("age=interval:x")).messageKey());
    }
}

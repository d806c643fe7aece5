package org.releaseauditor.service.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.releaseauditor.core.error.AuditException;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.evaluation.EvaluationResult;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.progress.CancellationFlag;
import org.releaseauditor.core.progress.CancelledException;
import org.releaseauditor.core.progress.ProgressMonitor;
import org.releaseauditor.service.LaneInputs;
import org.releaseauditor.service.LaneResult;

/**
 * The evaluation lane on the bundled sample and on small constructed files: the three inputs are
 * hashed and bound to the result, the request is checked against the three headers before any
 * work, and the result JSON has the fields of issue 16 item 8.
 */
class EvaluationLaneTest {
    static final Path DIR = Path.of("sample-datasets", "evaluation");
    private final EvaluationLane lane = new EvaluationLane();
    private Locale before;

    @TempDir
    Path tmp;

    @BeforeEach
    void english() {
        before = Messages.locale();
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Messages.setLocale(before);
    }

    /** The configuration of the sample's datasheet (release.md). */
    static EvaluationRequest datasheetRequest() throws ConfigurationException {
        return EvaluationRequest.builder().auxA(List.of("age", "gender", "home_area", "device"))
                .auxB(List.of("tariff", "monthly_spend", "data_gb", "calls_per_month", "tenure_months"))
                .secret("monthly_spend").inferenceAux(List.of("age", "gender", "home_area", "tariff", "device")).build();
    }

    static LaneInputs sample(boolean control) {
        LaneInputs.Builder b = LaneInputs.builder().put(EvaluationRequest.ORIGINAL, DIR.resolve("original.csv"))
                .put(EvaluationRequest.RELEASE, DIR.resolve("release.csv"));
        if (control) {
            b.put(EvaluationRequest.CONTROL, DIR.resolve("control.csv"));
        }
        return b.build();
    }

    @Test
    void theSampleGivesTheDatasheetNumbersWithEveryInputHashed() throws Exception {
        // the readings in the JSON are English whatever the language of the run
        Messages.setLocale(Locale.GERMAN);
        LaneResult<EvaluationRequest, EvaluationResult> r = lane.analyze(datasheetRequest(), sample(true),
                ProgressMonitor.none());
        JsonNode json = new ObjectMapper().readTree(r.json());
        JsonNode manifest = new ObjectMapper().readTree(DIR.resolve("manifest.json").toFile());
        // SHA-256 of the bytes read = the generator's manifest
        for (JsonNode f : manifest.get("files")) {
            String role = f.get("name").asText().replace(".csv", "");
            assertEquals(f.get("sha256").asText(), r.inputs().roles().get(role).sha256(), role);
            assertEquals(f.get("sha256").asText(), json.at("/inputs/" + role + "/sha256").asText(), role);
            assertEquals(f.get("bytes").asLong(), json.at("/inputs/" + role + "/sizeBytes").asLong(), role);
        }
        assertEquals(List.of("original", "release", "control"), List.copyOf(r.inputs().roles().keySet()));
        assertEquals("evaluation", json.get("lane").asText());
        assertEquals(1, json.get("schemaVersion").asInt());
        // the datasheet's successes (original, control) and residual risks, 500 attacks each
        String[] paths = {"/singlingOut/univariate", "/singlingOut/multivariate", "/linkability", "/inference"};
        int[][] successes = {{143, 126}, {156, 111}, {54, 0}, {89, 45}};
        double[] residual = {0.045, 0.115, 0.108, 0.096};
        for (int i = 0; i < 4; i++) {
            JsonNode a = json.at(paths[i]);
            assertEquals(500, a.get("attacks").asInt(), paths[i]);
            assertEquals(successes[i][0], a.at("/attackRate/successes").asInt(), paths[i]);
            assertEquals(successes[i][1], a.at("/controlRate/successes").asInt(), paths[i]);
            for (String rate : List.of("attackRate", "controlRate", "baselineRate", "residualRisk")) {
                for (String field : List.of("value", "low", "high")) {
                    assertTrue(a.get(rate).get(field).isNumber(), paths[i] + "." + rate + "." + field);
                }
            }
            assertEquals(residual[i], a.at("/residualRisk/value").asDouble(), 5e-4, paths[i]);
            assertTrue(a.get("reading").asText().startsWith("An attacker who knows"), a.get("reading").asText());
        }
        // the same request and inputs give the same JSON (deterministic for the seed)
        assertEquals(r.json(), lane.analyze(datasheetRequest(), sample(true), ProgressMonitor.none()).json());
        // the text summary follows the current language
        assertTrue(lane.text(r).contains("Restrisiko"), lane.text(r));
    }

    @Test
    void withoutAControlSetTheResidualRiskIsNull() throws Exception {
        LaneResult<EvaluationRequest, EvaluationResult> r = lane.analyze(EvaluationRequest.builder().attacks(100)
                .build(), sample(false), ProgressMonitor.none());
        JsonNode json = new ObjectMapper().readTree(r.json());
        assertTrue(json.at("/singlingOut/univariate/residualRisk").isNull());
        assertTrue(json.at("/singlingOut/univariate/controlRate").isNull());
        assertTrue(json.get("linkability") == null && json.get("inference") == null, "only singling out ran");
        assertEquals(List.of("original", "release"), List.copyOf(r.inputs().roles().keySet()));
        assertNull(json.get("inputs").get("control"));
        assertEquals("evaluation.note.noControl", json.at("/notes/0/key").asText());
    }

    /** A monitor that records every phase it is told about. */
    static final class Recording extends CancellationFlag {
        final List<String> phases = new ArrayList<>();

        @Override
        public synchronized void update(String phase, long done, long total) {
            phases.add(phase);
        }
    }

    private ConfigurationException failsFast(EvaluationRequest r, LaneInputs in) {
        Recording monitor = new Recording();
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> lane.analyze(r, in, monitor));
        assertEquals(List.of(), monitor.phases, "no work before the request is checked: " + e.getMessage());
        return e;
    }

    @Test
    void theRequestIsCheckedAgainstTheThreeHeadersBeforeAnyWork() throws Exception {
        EvaluationRequest typo = EvaluationRequest.builder().auxA(List.of("age", "gendr")).auxB(List.of("tariff"))
                .build();
        assertTrue(failsFast(typo, sample(true)).getMessage().contains("Did you mean 'gender'"));
        EvaluationRequest secret = EvaluationRequest.builder().secret("monthly_spnd").build();
        assertTrue(failsFast(secret, sample(true)).getMessage().contains("--secret"));
        // a column outside the chosen ones is not available to the attacks
        EvaluationRequest outside = EvaluationRequest.builder().columns(List.of("age", "gender", "tariff"))
                .secret("device").build();
        assertTrue(failsFast(outside, sample(true)).getMessage().contains("Unknown column 'device'"));
        EvaluationRequest wide = EvaluationRequest.builder().columns(List.of("age", "gender")).build();
        assertTrue(failsFast(wide, sample(true)).getMessage().contains("3 columns per predicate"));
        // roles
        assertTrue(failsFast(EvaluationRequest.defaults(), LaneInputs.of(EvaluationRequest.ORIGINAL,
                DIR.resolve("original.csv"))).getMessage().contains("--release FILE"));
        assertTrue(failsFast(EvaluationRequest.defaults(), sample(true).with("data",
                org.releaseauditor.service.DatasetRef.of(DIR.resolve("original.csv")))).getMessage()
                .contains("original, release, control"));
    }

    @Test
    void filesThatDoNotShareTheirColumnsAreNamed() throws Exception {
        Path release = tmp.resolve("release.csv");
        Files.writeString(release, "age,gender,zip,extra\n30,F,100,x\n40,M,200,y\n", StandardCharsets.UTF_8);
        Path original = tmp.resolve("original.csv");
        Files.writeString(original, "age,gender,zip,spend\n30,F,100,5\n41,M,200,7\n", StandardCharsets.UTF_8);
        LaneInputs in = LaneInputs.builder().put(EvaluationRequest.ORIGINAL, original)
                .put(EvaluationRequest.RELEASE, release).build();
        String m = failsFast(EvaluationRequest.defaults(), in).getMessage();
        assertTrue(m.contains("release.csv") && m.contains("Missing in the release: spend")
                && m.contains("Only in the release: extra") && m.contains("(age,gender,zip)"), m);
        // choosing the shared columns makes it run; a control set without one of them is named
        EvaluationRequest shared = EvaluationRequest.builder().columns(List.of("age", "gender", "zip"))
                .columnsPerPredicate(2).build();
        assertEquals(2, lane.analyze(shared, in, ProgressMonitor.none()).output().originalRows());
        Path control = tmp.resolve("control.csv");
        Files.writeString(control, "age,gender\n50,F\n", StandardCharsets.UTF_8);
        String c = failsFast(shared, in.with(EvaluationRequest.CONTROL,
                org.releaseauditor.service.DatasetRef.of(control))).getMessage();
        assertTrue(c.contains("control set control.csv has no column zip"), c);
    }

    @Test
    void cancellingStopsTheRun() throws Exception {
        CancellationFlag flag = new CancellationFlag() {
            private int updates;

            @Override
            public synchronized void update(String phase, long done, long total) {
                if (++updates == 20) {
                    cancel();
                }
            }
        };
        assertThrows(CancelledException.class, () -> lane.analyze(datasheetRequest(), sample(true), flag));
    }

    @Test
    void aRecordedRequestRunsAgainWithTheSameResult() throws AuditException {
        LaneResult<EvaluationRequest, EvaluationResult> first = lane.analyze(datasheetRequest().toBuilder().attacks(200)
                .build(), sample(true), ProgressMonitor.none());
        EvaluationRequest stored = lane.readRequest(first.requestJson());
        assertEquals(first.request(), stored);
        assertEquals(first.json(), lane.analyzeAny(stored, first.inputs(), ProgressMonitor.none()).json());
    }
}

package org.releaseauditor.service.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.error.ConfigurationException;
import org.releaseauditor.core.evaluation.EvaluationConfig;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.service.LaneCall;
import org.releaseauditor.service.LaneDefaults;
import org.releaseauditor.service.LaneRegistry;

/** The evaluation request: its defaults (defined once), canonical JSON, strict reading and checks. */
class EvaluationRequestTest {

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    /** The defaults suggested for the lane (evaluation-api note; src/docs/evaluation.md). */
    @Test
    void defaultsRunSinglingOutOnlyWith500AttacksSeed1And95Percent() throws Exception {
        EvaluationRequest d = EvaluationRequest.builder().build();
        assertEquals(EvaluationRequest.defaults(), d);
        assertEquals(List.of(), d.columns());
        assertEquals(500, d.attacks());
        assertEquals(1, d.seed());
        assertEquals(0.95, d.confidenceLevel());
        assertTrue(d.univariate() && d.multivariate());
        assertEquals(3, d.columnsPerPredicate());
        assertEquals(1_000_000, d.maxAttempts());
        assertEquals(1, d.neighbours());
        assertEquals(0.05, d.tolerance());
        assertFalse(d.linkability());
        assertFalse(d.inference());
        EvaluationConfig c = d.toConfig();
        assertNull(c.linkability());
        assertNull(c.inference());
        assertEquals(new EvaluationConfig.SinglingOutOptions(true, true, 3, 1_000_000), c.singlingOut());
        // help texts show the request's defaults (one definition)
        Map<String, String> help = LaneDefaults.of(LaneRegistry.global());
        assertEquals("500", help.get("default.evaluation.attacks"));
        assertEquals("0.05", help.get("default.evaluation.inference.tolerance"));
        assertEquals("3", help.get("default.evaluation.singlingOut.columnsPerPredicate"));
        assertEquals("none", help.get("default.evaluation.inference.secret"));
    }

    static EvaluationRequest full() throws ConfigurationException {
        EvaluationRequest.Builder b = EvaluationRequest.builder().columns(List.of("age", "gender", "zip", "spend"))
                .attacks(2000).seed(42L).confidenceLevel(0.9).singlingOut("multivariate").columnsPerPredicate(2)
                .maxAttempts(5000L).auxA(List.of("age", "gender")).auxB(List.of("gender", "zip")).neighbours(3)
                .secret("spend").inferenceAux(List.of("age", "zip")).tolerance(0.1);
        b.importing().delimiter("semicolon").missing(List.of("NA")).type("age=integer");
        return b.build();
    }

    @Test
    void roundTripsThroughCanonicalJson() throws Exception {
        EvaluationRequest r = full();
        String json = r.toJson();
        assertEquals("{\"attacks\":2000,\"columns\":[\"age\",\"gender\",\"zip\",\"spend\"],\"confidenceLevel\":0.9,"
                + "\"import\":", json.substring(0, json.indexOf("\"import\":") + 9));
        assertTrue(json.contains("\"inference\":{\"aux\":[\"age\",\"zip\"],\"secret\":\"spend\",\"tolerance\":0.1}"),
                json);
        assertTrue(json.contains("\"lane\":\"evaluation\""), json);
        assertTrue(json.contains("\"linkability\":{\"auxA\":[\"age\",\"gender\"],\"auxB\":[\"gender\",\"zip\"],"
                + "\"neighbours\":3}"), json);
        assertTrue(json.contains("\"singlingOut\":{\"columnsPerPredicate\":2,\"maxAttempts\":5000,"
                + "\"multivariate\":true,\"univariate\":false}"), json);
        EvaluationRequest back = EvaluationRequest.fromJson(json);
        assertEquals(r, back);
        assertEquals(json, back.toJson());
        assertEquals(r, new EvaluationLane().readRequest(json));
        // a hand-written request holds only what differs; everything else keeps its default
        EvaluationRequest partial = EvaluationRequest.fromJson("{\"inference\":{\"secret\":\"spend\"},\"attacks\":50}");
        assertEquals(EvaluationRequest.builder().secret("spend").attacks(50).build(), partial);
    }

    @Test
    void readingIsStrictAtEveryLevel() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> EvaluationRequest.fromJson("{\"linkability\":{\"auxA\":[\"a\"],\"auxB\":[\"b\"],\"k\":2}}"));
        assertTrue(e.getMessage().contains("\u201ck\u201d"), e.getMessage());
        assertTrue(e.getMessage().contains("evaluation.linkability"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> EvaluationRequest.fromJson("{\"atacks\":5}"));
        assertThrows(ConfigurationException.class, () -> EvaluationRequest.fromJson("{\"attacks\":\"5\"}"));
        assertThrows(ConfigurationException.class, () -> EvaluationRequest.fromJson("{\"lane\":\"microdata\"}"));
    }

    @Test
    void valuesAreCheckedWhenTheRequestIsBuilt() {
        assertMessage(EvaluationRequest.builder().attacks(0), "between 1 and");
        assertMessage(EvaluationRequest.builder().confidenceLevel(1.0), "confidence level");
        assertMessage(EvaluationRequest.builder().auxA(List.of("age")), "--aux-b is missing");
        assertMessage(EvaluationRequest.builder().auxB(List.of("age")), "--aux-a is missing");
        assertMessage(EvaluationRequest.builder().secret("spend").inferenceAux(List.of("age", "spend")),
                "also among the columns the attacker knows");
        assertMessage(EvaluationRequest.builder().inferenceAux(List.of("age")), "needs a secret column");
        assertMessage(EvaluationRequest.builder().tolerance(1.5), "tolerance");
        assertMessage(EvaluationRequest.builder().auxA(List.of("a", "b")).auxB(List.of("c")).neighbours(0),
                "nearest neighbours");
        assertMessage(EvaluationRequest.builder().columnsPerPredicate(0), "at least 1");
        assertMessage(EvaluationRequest.builder().columns(List.of("a", "b", "a")), "named twice");
        assertMessage(EvaluationRequest.builder().univariate(false).multivariate(false), "No attack is selected");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> EvaluationRequest.builder().singlingOut("univarate"));
        assertTrue(e.getMessage().contains("univariate, multivariate"), e.getMessage());
    }

    @Test
    void singlingOutSpecSwitchesTheTwoKinds() throws Exception {
        EvaluationRequest uni = EvaluationRequest.builder().singlingOut("univariate").build();
        assertTrue(uni.univariate() && !uni.multivariate());
        EvaluationRequest none = EvaluationRequest.builder().singlingOut("none").secret("spend").build();
        assertFalse(none.singlingOut());
        assertNull(none.toConfig().singlingOut());
        assertEquals("spend", none.toConfig().inference().secret());
        EvaluationRequest both = EvaluationRequest.builder().singlingOut("univariate, multivariate").build();
        assertTrue(both.univariate() && both.multivariate());
    }

    @Test
    void inputLocationsAreCollectedNextToTheRequest() throws Exception {
        LaneCall<EvaluationRequest> call = EvaluationRequest.builder().original("o.csv").release("r.csv")
                .control("c.csv").buildCall();
        assertEquals(Map.of("original", "o.csv", "release", "r.csv", "control", "c.csv"), call.inputs());
        assertEquals(List.of("original", "release", "control"), List.copyOf(call.inputs().keySet()));
    }

    private static void assertMessage(EvaluationRequest.Builder b, String part) {
        ConfigurationException e = assertThrows(ConfigurationException.class, b::build);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}

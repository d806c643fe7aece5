package org.releaseauditor.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.releaseauditor.core.error.PolicyException;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.Severity;

class PolicyJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"arx-defaults", "public-release-clinical", "min-group-5", "min-cell-10",
        "evaluation-residual-risk", "acro-defaults"})
    void builtInProfilesParseAndNameTheirSource(String id) throws PolicyException {
        PolicyProfile p = PolicyJson.builtIn(id);
        assertEquals(id, p.id());
        assertFalse(p.source().isBlank());
        assertFalse(p.rules().isEmpty());
        assertEquals(p, PolicyJson.parse(PolicyJson.write(p), "roundtrip"), "write and parse round-trip");
    }

    @Test
    void arxDefaultsHaveTheDocumentedThresholds() throws PolicyException {
        PolicyProfile p = PolicyJson.builtIn("arx-defaults");
        assertEquals("prosecutor.highest", p.rules().get(0).metric());
        assertEquals(0.2, p.rules().get(0).threshold());
        assertEquals(0.05, p.rules().get(1).threshold());
        assertEquals(0.05, p.rules().get(2).threshold());
        assertEquals(Operator.LE, p.rules().get(2).operator());
        assertEquals(0.09, PolicyJson.builtIn("public-release-clinical").rules().get(0).threshold());
        assertEquals(5, PolicyJson.builtIn("min-group-5").rules().get(0).threshold());
        assertEquals(Severity.FAIL, PolicyJson.builtIn("min-cell-10").rules().get(1).severity());
    }

    private static final String RULE = "{\"metric\":\"k\",\"operator\":\">=\",\"threshold\":5}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"version":"1","rules":[RULE]}                                   | $.id: expected a string, found nothing
            {"id":"a b","version":"1","rules":[RULE]}                        | $.id: expected letters
            {"id":"x","version":"1","rules":[]}                              | $.rules: expected a non-empty array
            {"id":"x","version":"1","rules":[RULE,RULE,{"metric":"k","operator":"=<","threshold":5}]} | $.rules[2].operator: expected one of <, <=, >, >=, ==, found "=<"
            {"id":"x","version":"1","rules":[{"metric":"k","operator":"<","threshold":"5"}]} | $.rules[0].threshold: expected a number
            {"id":"x","version":"1","rules":[{"metric":"k","operator":"<","threshold":5,"severity":"BAD"}]} | $.rules[0].severity: expected FAIL or WARN
            {"id":"x","version":"1","rules":[{"metric":"a..b","operator":"<","threshold":5}]} | $.rules[0].metric: expected a dotted metric path
            {"id":"x","version":"1","rules":[{"metric":"k","operator":"<","threshold":5,"ifNotMeasured":"skip"}]} | $.rules[0].ifNotMeasured: expected warn, fail or not-applicable
            """)
    void malformedProfilesNameTheJsonPath(String json, String expected) {
        PolicyException e = assertThrows(PolicyException.class,
                () -> PolicyJson.parse(json.replace("RULE", RULE), "my.json"));
        assertTrue(e.getMessage().startsWith("Policy file my.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyJson.parse("{\n\"id\": x}", "p.json"));
        assertTrue(e.getMessage().contains("p.json, line 2"), e.getMessage());
    }

    @Test
    void unknownBuiltInIsRefused() {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyJson.builtIn("k-42"));
        assertTrue(e.getMessage().contains("min-group-5"), e.getMessage());
    }
}

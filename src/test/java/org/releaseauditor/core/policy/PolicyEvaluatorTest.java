package org.releaseauditor.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

    private static PolicyProfile profile(PolicyRule... rules) {
        return new PolicyProfile("p", "1", "P", "", "", List.of(rules));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            # metric value, operator, threshold, severity, expected status
            4,    >=, 5,    FAIL, FAIL
            5,    >=, 5,    FAIL, PASS
            5,    >,  5,    FAIL, FAIL
            0.2,  <=, 0.2,  FAIL, PASS
            0.21, <=, 0.2,  FAIL, FAIL
            0.21, <=, 0.2,  WARN, WARN
            0.19, <,  0.2,  FAIL, PASS
            0,    ==, 0,    FAIL, PASS
            0.1,  ==, 0,    WARN, WARN
            """)
    void comparesMeasuredValueWithThreshold(double value, String op, double threshold, Severity sev,
            FindingStatus expected) {
        PolicyRule rule = new PolicyRule("k", Operator.ofSymbol(op).orElseThrow(), threshold, sev, "");
        PolicyEvaluation ev = PolicyEvaluator.evaluate(profile(rule), Map.of("k", value), Locale.ENGLISH);
        assertEquals(expected, ev.findings().get(0).status());
        assertEquals(value, ev.findings().get(0).measured());
    }

    @Test
    void wildcardRuleMustHoldForEveryKeyAndReportsTheViolator() {
        PolicyRule rule = new PolicyRule("lDiversity.*.distinct", Operator.GE, 2, Severity.FAIL, "");
        Map<String, Double> m = Map.of("lDiversity.diagnosis.distinct", 3.0, "lDiversity.income.distinct", 1.0,
                "lDiversity.income.entropy", 1.0);
        Finding f = PolicyEvaluator.evaluate(profile(rule), m, Locale.ENGLISH).findings().get(0);
        assertEquals(FindingStatus.FAIL, f.status());
        assertEquals("lDiversity.income.distinct", f.metricKey());
        assertEquals(1.0, f.measured());
        assertTrue(f.explanation().startsWith("lDiversity.income.distinct = 1 violates >= 2."), f.explanation());
    }

    @Test
    void wildcardRuleThatHoldsReportsTheWorstValue() {
        PolicyRule rule = new PolicyRule("tables.*.minCount", Operator.GE, 10, Severity.FAIL, "");
        Map<String, Double> m = Map.of("tables.0.minCount", 40.0, "tables.1.minCount", 12.0);
        Finding f = PolicyEvaluator.evaluate(profile(rule), m, Locale.ENGLISH).findings().get(0);
        assertEquals(FindingStatus.PASS, f.status());
        assertEquals(12.0, f.measured());
        assertEquals("tables.1.minCount", f.metricKey());
    }

    @Test
    void missingMetricIsANotMeasuredWarningNotACrash() {
        PolicyRule rule = new PolicyRule("aggregates.unsafeCells", Operator.EQ, 0, Severity.FAIL, "");
        PolicyEvaluation ev = PolicyEvaluator.evaluate(profile(rule), Map.of("k", 3.0), Locale.ENGLISH);
        Finding f = ev.findings().get(0);
        assertEquals(FindingStatus.WARN, f.status());
        assertNull(f.measured());
        assertTrue(f.explanation().contains("was not measured"), f.explanation());
        assertEquals(FindingStatus.WARN, ev.overall());
    }

    @Test
    void overallIsTheWorstFinding() {
        PolicyEvaluation ev = PolicyEvaluator.evaluate(profile(
                new PolicyRule("k", Operator.GE, 5, Severity.FAIL, ""),
                new PolicyRule("x", Operator.GE, 5, Severity.WARN, "")), Map.of("k", 2.0, "x", 1.0), Locale.ENGLISH);
        assertEquals(FindingStatus.FAIL, ev.overall());
        assertTrue(ev.failed());
    }

    @Test
    void numbersInTheSentenceFollowTheRequestedLanguage() {
        PolicyRule rule = new PolicyRule("unicity.3.fraction", Operator.LE, 0.1, Severity.FAIL, "");
        Map<String, Double> m = Map.of("unicity.3.fraction", 0.8725);
        assertEquals("unicity.3.fraction = 0,8725 verletzt <= 0,1.", PolicyEvaluator.evaluate(profile(rule), m,
                Locale.GERMAN).findings().get(0).explanation());
        assertEquals("unicity.3.fraction = 0.8725 violates <= 0.1.", PolicyEvaluator.evaluate(profile(rule), m,
                Locale.ENGLISH).findings().get(0).explanation());
        assertEquals("1234,5", PolicyEvaluator.format(1234.5, Locale.GERMAN));
        assertEquals("7", PolicyEvaluator.format(7, Locale.GERMAN));
        assertEquals("NaN", PolicyEvaluator.format(Double.NaN, Locale.GERMAN));
    }

    @Test
    void explanationKeyIsResolvedInTheRequestedLanguage() {
        PolicyRule rule = new PolicyRule("k", Operator.GE, 5, Severity.FAIL, "policy.explain.k");
        String de = PolicyEvaluator.evaluate(profile(rule), Map.of("k", 7.0), Locale.GERMAN).findings().get(0)
                .explanation();
        assertEquals("k = 7 erfüllt >= 5. k ist die Größe der kleinsten Gruppe von Datensätzen mit gleichen "
                + "Quasi-Identifikator-Werten.", de);
    }

    @Test
    void aRuleDecidesWhatAnUnmeasuredMetricMeans() {
        Map<String, Double> none = Map.of("k", 3.0);
        Finding na = PolicyEvaluator.evaluateRule(new PolicyRule("aggregates.maxTop2Share", Operator.LT, 0.9,
                Severity.FAIL, "", PolicyRule.IfNotMeasured.NOT_APPLICABLE), none, Locale.ENGLISH);
        assertEquals(FindingStatus.PASS, na.status());
        assertNull(na.measured());
        assertTrue(na.explanation().contains("does not apply"), na.explanation());
        Finding fail = PolicyEvaluator.evaluateRule(new PolicyRule("aggregates.zeroCells", Operator.EQ, 0,
                Severity.FAIL, "", PolicyRule.IfNotMeasured.FAIL), none, Locale.ENGLISH);
        assertEquals(FindingStatus.FAIL, fail.status());
        assertTrue(fail.explanation().contains("requires it"), fail.explanation());
        Finding warnOnly = PolicyEvaluator.evaluateRule(new PolicyRule("aggregates.zeroCells", Operator.EQ, 0,
                Severity.WARN, "", PolicyRule.IfNotMeasured.FAIL), none, Locale.ENGLISH);
        assertEquals(FindingStatus.WARN, warnOnly.status());
        assertEquals(PolicyRule.IfNotMeasured.WARN, new PolicyRule("k", Operator.GE, 5, Severity.FAIL, "").ifNotMeasured());
        // once measured, the rule is checked as usual
        Finding measured = PolicyEvaluator.evaluateRule(new PolicyRule("aggregates.maxTop2Share", Operator.LT, 0.9,
                Severity.FAIL, "", PolicyRule.IfNotMeasured.NOT_APPLICABLE), Map.of("aggregates.maxTop2Share", 0.9),
                Locale.ENGLISH);
        assertEquals(FindingStatus.FAIL, measured.status());
        assertEquals(PolicyRule.IfNotMeasured.NOT_APPLICABLE, PolicyRule.IfNotMeasured.parse(" Not-Applicable "));
        assertNull(PolicyRule.IfNotMeasured.parse("skip"));
    }
}

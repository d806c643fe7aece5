package org.releaseauditor.core.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.Operator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.core.policy.PolicyRule;
import org.releaseauditor.core.policy.Severity;

/**
 * The verdict is the one place where a number meets a threshold (issue 13, item 1). Expected
 * values are worked out by hand from the metric maps below.
 */
class VerdictsTest {

    private static PolicyProfile policy(PolicyRule... rules) {
        return new PolicyProfile("p", "2.1", "Test policy", "", "", List.of(rules), false);
    }

    /** A trajectory-like result: unicity for 1..4 points, one home/work resolution. */
    private static Map<String, Double> trajectories() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("unicity.0.points", 1.0);
        m.put("unicity.0.fraction", 0.05);
        m.put("unicity.1.points", 2.0);
        m.put("unicity.1.fraction", 0.10);
        m.put("unicity.2.points", 3.0);
        m.put("unicity.2.fraction", 0.40);
        m.put("unicity.3.points", 4.0);
        m.put("unicity.3.fraction", 0.8725);
        m.put("homeWork.0.fractionSize1", 0.17);
        m.put("users", 800.0);
        return m;
    }

    @Test
    void aStarRuleJudgesEveryMatchOnItsOwnAndNamesTheWorst() {
        Verdict v = Verdicts.evaluate("trajectories", policy(
                new PolicyRule("unicity.*.fraction", Operator.LE, 0.1, Severity.FAIL, "")),
                trajectories(), Locale.ENGLISH, Verdicts.catalogueLabels("trajectories", Locale.ENGLISH,
                        trajectories()));
        // 0.05 and 0.10 hold (<= 0.1), 0.40 and 0.8725 fail
        assertEquals(VerdictStatus.PASS, v.statusOf("unicity.0.fraction"));
        assertEquals(VerdictStatus.PASS, v.statusOf("unicity.1.fraction"));
        assertEquals(VerdictStatus.FAIL, v.statusOf("unicity.2.fraction"));
        assertEquals(VerdictStatus.FAIL, v.statusOf("unicity.3.fraction"));
        // a metric no rule reads is not judged: shown neutral, whatever its value
        assertEquals(VerdictStatus.NOT_JUDGED, v.statusOf("homeWork.0.fractionSize1"));
        assertEquals(VerdictStatus.NOT_JUDGED, v.statusOf("users"));
        assertEquals(VerdictStatus.FAIL, v.worstUnder("unicity"));
        assertEquals(VerdictStatus.PASS, v.worstOf("unicity.0.fraction", "unicity.1.fraction", "users"));
        assertEquals(ReleaseResult.FAIL, v.result());
        VerdictFinding f = v.findings().get(0);
        // the finding names the first violating match in key order, as PolicyEvaluator (and so the case's
        // stored finding and the override check) does; the per-metric states above show every match
        assertEquals("unicity.2.fraction", f.path());
        assertEquals(0.40, f.measured());
        assertEquals("40 %", f.measuredText(Locale.ENGLISH));
        // unicity.2 is the row with points = 3 (named by its "points" field, not by its index)
        // ... and says how many values break the rule and which is the worst
        assertEquals("Unicity with 3 known points is 40 %; the policy requires at most 10 %. 2 of 4 values break "
                + "the rule; the worst is 87.25 % (Unicity with 4 known points).", f.sentence());
        Verdicts.Labels shifted = Verdicts.catalogueLabels("trajectories", Locale.ENGLISH,
                Map.of("unicity.2.points", 5.0));
        assertEquals("Unicity with 5 known points", shifted.label("unicity.2.fraction"));
        assertEquals("10 %", f.thresholdText(Locale.ENGLISH));
        assertEquals("at most 10 %", f.requirement(Locale.ENGLISH));
        assertEquals("unicity.*.fraction <= 0.1", f.formula());
        assertEquals(FindingStatus.FAIL, f.status());
    }

    @Test
    void aWarnRuleGivesPassWithWarningsAndAMissingMetricWarns() {
        Verdict v = Verdicts.evaluate("trajectories", policy(
                new PolicyRule("homeWork.*.fractionSize1", Operator.LE, 0.1, Severity.WARN, ""),
                new PolicyRule("unicity.0.fraction", Operator.LE, 0.1, Severity.FAIL, ""),
                new PolicyRule("attacks.*.fractionRisk1", Operator.LE, 0.1, Severity.FAIL, "")),
                trajectories(), Locale.ENGLISH, path -> path);
        // 0.17 > 0.1 under a WARN rule; 0.05 holds; attacks were not measured: WARN, not FAIL
        assertEquals(VerdictStatus.WARN, v.statusOf("homeWork.0.fractionSize1"));
        assertEquals(VerdictStatus.PASS, v.statusOf("unicity.0.fraction"));
        assertEquals(VerdictStatus.WARN, v.statusOf("attacks.*.fractionRisk1"));
        assertEquals(ReleaseResult.PASS_WITH_WARNINGS, v.result());
        assertEquals(List.of(FindingStatus.WARN, FindingStatus.WARN),
                v.problems().stream().map(VerdictFinding::status).toList());
        VerdictFinding missing = v.findings().get(2);
        assertNull(missing.measured());
        assertFalse(missing.measuredPresent());
        // the pattern's unit (a share) writes the threshold as a percentage
        assertEquals("attacks.*.fractionRisk1 was not measured, so the rule (at most 10 %) could not be checked.",
                missing.sentence());
    }

    @Test
    void sentencesCarryTheNumberAndTheThresholdInTheReadersLanguage() {
        Map<String, Double> m = Map.of("prosecutor.successRate", 0.999, "k", 1.0);
        PolicyProfile p = policy(new PolicyRule("prosecutor.successRate", Operator.LE, 0.05, Severity.FAIL, ""),
                new PolicyRule("k", Operator.GE, 5, Severity.FAIL, ""));
        Verdict en = Verdicts.evaluate("microdata", p, m, Locale.ENGLISH,
                Verdicts.catalogueLabels("microdata", Locale.ENGLISH));
        assertEquals("Success rate (prosecutor) is 99.9 %; the policy requires at most 5 %.",
                en.findings().get(0).sentence());
        assertEquals("k (smallest class) is 1; the policy requires at least 5.", en.findings().get(1).sentence());
        Verdict de = Verdicts.evaluate("microdata", p, m, Locale.GERMAN,
                Verdicts.catalogueLabels("microdata", Locale.GERMAN));
        assertEquals("Erfolgsquote (Prosecutor) beträgt 99,9 %; die Richtlinie verlangt höchstens 5 %.",
                de.findings().get(0).sentence());
        // a holding rule says so, with its number
        Verdict ok = Verdicts.evaluate("microdata", p, Map.of("prosecutor.successRate", 0.01, "k", 11.0),
                Locale.ENGLISH, Verdicts.catalogueLabels("microdata", Locale.ENGLISH));
        assertEquals("k (smallest class) is 11, at least 5 as required.", ok.findings().get(1).sentence());
        assertEquals(ReleaseResult.PASS, ok.result());
    }

    @Test
    void withoutAPolicyNothingIsJudged() {
        Verdict v = Verdicts.evaluate("microdata", null, Map.of("k", 1.0), Locale.ENGLISH, path -> path);
        assertFalse(v.evaluated());
        assertEquals(ReleaseResult.NOT_EVALUATED, v.result());
        assertEquals(VerdictStatus.NOT_JUDGED, v.statusOf("k"));
        assertTrue(v.findings().isEmpty());
    }

    @Test
    void releaseResultsOrderFromPassToFail() {
        // one output not evaluated cannot let the release pass; any FAIL wins
        assertEquals(ReleaseResult.NOT_EVALUATED,
                ReleaseResult.worstOf(List.of(ReleaseResult.PASS, ReleaseResult.NOT_EVALUATED)));
        assertEquals(ReleaseResult.FAIL, ReleaseResult.worstOf(List.of(ReleaseResult.NOT_EVALUATED,
                ReleaseResult.FAIL, ReleaseResult.PASS_WITH_WARNINGS)));
        assertEquals(ReleaseResult.NOT_EVALUATED, ReleaseResult.worstOf(List.of()));
        assertEquals(VerdictStatus.WARN, ReleaseResult.PASS_WITH_WARNINGS.status());
    }
}

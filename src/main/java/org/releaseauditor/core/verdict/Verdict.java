package org.releaseauditor.core.verdict;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.PolicyProfile;

/**
 * A policy applied to one result, once: every finding, the state of every metric, and the result.
 * Front ends ask {@link #statusOf(String)} for the state of whatever they show (a card, a chart
 * series, a table row): PASS, WARN, FAIL, or NOT_JUDGED when the policy has no rule on it, which
 * they show neutral. They never compare a value with a threshold themselves.
 *
 * @param scope    the result's scope (its lane)
 * @param policy   the policy applied, or null when none was (then nothing is judged)
 * @param findings one finding per rule, in rule order
 * @param judged   every concrete metric a rule read, by JSON path (a {@code *} rule judges each
 *                 of its matches on its own; a rule whose metric was not measured appears under its
 *                 pattern as WARN)
 * @param locale   the language of labels and sentences
 */
public record Verdict(String scope, PolicyProfile policy, List<VerdictFinding> findings,
        Map<String, MetricJudgement> judged, Locale locale) {

    public Verdict {
        findings = List.copyOf(findings);
        judged = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(judged));
    }

    /** A verdict without a policy: nothing is judged, the result is NOT_EVALUATED. */
    public static Verdict none(String scope, Locale locale) {
        return new Verdict(scope, null, List.of(), Map.of(), locale);
    }

    /** Whether a policy was applied. */
    public boolean evaluated() {
        return policy != null;
    }

    /** PASS, PASS_WITH_WARNINGS, FAIL, or NOT_EVALUATED without a policy. */
    public ReleaseResult result() {
        if (policy == null) {
            return ReleaseResult.NOT_EVALUATED;
        }
        ReleaseResult r = ReleaseResult.PASS;
        for (VerdictFinding f : findings) {
            if (f.status() == FindingStatus.FAIL) {
                return ReleaseResult.FAIL;
            }
            if (f.status() == FindingStatus.WARN) {
                r = ReleaseResult.PASS_WITH_WARNINGS;
            }
        }
        return r;
    }

    /** Whether at least one finding FAILs. */
    public boolean failed() {
        return result() == ReleaseResult.FAIL;
    }

    /**
     * The state of the metric at {@code path} (a concrete JSON path such as
     * {@code prosecutor.successRate} or {@code homeWork.0.fractionSize1}); NOT_JUDGED when no rule
     * reads it.
     */
    public VerdictStatus statusOf(String path) {
        MetricJudgement j = judged.get(path);
        return j == null ? VerdictStatus.NOT_JUDGED : j.status();
    }

    /** The worst state of several metrics shown together (a card with a main number and a sub-line). */
    public VerdictStatus worstOf(Collection<String> paths) {
        VerdictStatus s = VerdictStatus.NOT_JUDGED;
        for (String p : paths) {
            s = s.worst(statusOf(p));
        }
        return s;
    }

    /** {@link #worstOf(Collection)} for a few paths. */
    public VerdictStatus worstOf(String... paths) {
        return worstOf(List.of(paths));
    }

    /** The worst state of every judged metric at or under {@code prefix} ({@code unicity.3}, {@code tables}). */
    public VerdictStatus worstUnder(String prefix) {
        VerdictStatus s = VerdictStatus.NOT_JUDGED;
        for (MetricJudgement j : judged.values()) {
            if (j.path().equals(prefix) || j.path().startsWith(prefix + ".")) {
                s = s.worst(j.status());
            }
        }
        return s;
    }

    /** The finding that judged the metric at {@code path}, if a rule reads it. */
    public Optional<VerdictFinding> findingFor(String path) {
        MetricJudgement j = judged.get(path);
        return j == null ? Optional.empty() : Optional.ofNullable(j.finding());
    }

    /** The findings that WARN or FAIL, FAIL first, then in rule order. */
    public List<VerdictFinding> problems() {
        return findings.stream().filter(VerdictFinding::problem)
                .sorted((a, b) -> Integer.compare(b.status().ordinal(), a.status().ordinal())).toList();
    }

    /** The findings that FAIL. */
    public List<VerdictFinding> failures() {
        return findings.stream().filter(f -> f.status() == FindingStatus.FAIL).toList();
    }
}

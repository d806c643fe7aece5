package org.releaseauditor.service.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.releaseauditor.audit.PolicyJson;
import org.releaseauditor.core.error.PolicyException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.Finding;
import org.releaseauditor.core.policy.FindingStatus;
import org.releaseauditor.core.policy.PolicyEvaluation;
import org.releaseauditor.core.policy.PolicyEvaluator;
import org.releaseauditor.core.policy.PolicyProfile;
import org.releaseauditor.service.SummarySource;

/**
 * Policy profiles for the GUI and the CLI: the built-in ones, user files, and evaluation of an
 * analysis result. A policy reference is a built-in id ({@code min-group-5}) or a file path.
 */
public final class PolicyService {

    /** The built-in profiles, in display order. */
    public List<PolicyProfile> builtIns() throws PolicyException {
        List<PolicyProfile> out = new ArrayList<>();
        for (String id : PolicyJson.BUILT_IN_IDS) {
            out.add(PolicyJson.builtIn(id));
        }
        return out;
    }

    /** Loads a profile by built-in id or file path. */
    public PolicyProfile load(String policyRef) throws PolicyException {
        if (PolicyJson.isBuiltIn(policyRef)) {
            return PolicyJson.builtIn(policyRef);
        }
        Path p = Path.of(policyRef);
        if (!Files.exists(p)) {
            throw new PolicyException("policy.error.unknown", policyRef, String.join(", ", PolicyJson.BUILT_IN_IDS));
        }
        return PolicyJson.read(p);
    }

    /** Parses a profile from JSON text (e.g. the copy stored in a case). */
    public PolicyProfile parse(String json, String source) throws PolicyException {
        return PolicyJson.parse(json, source);
    }

    /** The exact JSON copy of a profile as stored with findings and decisions. */
    public String toJson(PolicyProfile profile) {
        return PolicyJson.write(profile);
    }

    /** Evaluates a policy on an analysis result (any lane). */
    public PolicyOutcome evaluate(String policyRef, JsonNode result) throws PolicyException {
        PolicyProfile profile = load(policyRef);
        return evaluate(profile, result);
    }

    /**
     * Evaluates a loaded profile on an analysis result. A rule on a measure the result lists as not
     * available (an audit from a summary: {@code notAvailable}) is reported as not evaluated, with
     * the reason, and as a WARN: never as PASS, whatever the rest of the result holds.
     */
    public PolicyOutcome evaluate(PolicyProfile profile, JsonNode result) {
        PolicyEvaluation ev = PolicyEvaluator.evaluate(profile, ResultMetrics.flatten(result));
        List<SummarySource.NotAvailable> missing = SummarySource.notAvailable(result == null ? null
                : result.get("notAvailable"));
        if (!missing.isEmpty()) {
            List<Finding> findings = new ArrayList<>();
            for (Finding f : ev.findings()) {
                SummarySource.NotAvailable na = unavailable(f.rule().metric(), missing);
                findings.add(na == null ? f : new Finding(f.rule(), f.rule().metric(), null, FindingStatus.WARN,
                        Messages.get("policy.finding.notEvaluated", f.rule().metric(), f.rule().describe(),
                                na.reason()).trim()));
            }
            ev = new PolicyEvaluation(profile, findings);
        }
        return new PolicyOutcome(profile, PolicyJson.write(profile), ev);
    }

    /** The unavailable measure a rule's metric path lies in, or null. */
    private static SummarySource.NotAvailable unavailable(String metric, List<SummarySource.NotAvailable> missing) {
        for (SummarySource.NotAvailable na : missing) {
            if (metric.equals(na.measure()) || metric.startsWith(na.measure() + ".")) {
                return na;
            }
        }
        return null;
    }
}

package org.releaseauditor.service.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.releaseauditor.core.error.PolicyException;
import org.releaseauditor.core.i18n.Messages;
import org.releaseauditor.core.policy.Finding;

/**
 * {@code analyze … --policy P}: evaluates a result against a policy profile and adds the findings
 * to the output (a {@code policy} object in JSON, lines in text). The command exits 1 when the
 * policy fails.
 *
 * @param output the output with the findings added
 * @param failed whether at least one FAIL finding was raised
 */
public record PolicyCheck(String output, boolean failed) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Evaluates {@code resultJson} under {@code policyRef} and decorates {@code output}. */
    public static PolicyCheck apply(String policyRef, String resultJson, String output, boolean jsonOutput)
            throws PolicyException {
        JsonNode result;
        try {
            result = MAPPER.readTree(resultJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result JSON is not valid", e);
        }
        PolicyOutcome outcome = new PolicyService().evaluate(policyRef, result);
        if (jsonOutput) {
            ObjectNode root = (ObjectNode) result;
            ObjectNode p = root.putObject("policy");
            p.put("id", outcome.profile().id());
            p.put("version", outcome.profile().version());
            p.put("title", outcome.profile().title());
            p.put("overall", outcome.evaluation().overall().name());
            ArrayNode arr = p.putArray("findings");
            for (Finding f : outcome.evaluation().findings()) {
                ObjectNode o = arr.addObject();
                o.put("metric", f.metricKey() == null ? f.rule().metric() : f.metricKey());
                o.put("operator", f.rule().operator().symbol());
                o.put("threshold", f.threshold());
                if (f.measured() == null || f.measured().isNaN()) {
                    o.putNull("measured");
                } else {
                    o.put("measured", f.measured());
                }
                o.put("status", f.status().name());
                // false when the metric is not in the result (not measured, or not available from a summary)
                o.put("evaluated", f.measuredPresent());
                o.put("explanation", f.explanation());
            }
            try {
                return new PolicyCheck(MAPPER.writeValueAsString(root) + System.lineSeparator(),
                        outcome.failed());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        // text: the verdict's sentences (the same ones as the report's verdict page), then the rule
        Locale locale = Messages.locale();
        org.releaseauditor.core.verdict.Verdict v = new VerdictService().verdict(outcome.profile(), result, locale);
        StringBuilder sb = new StringBuilder(output);
        sb.append(Messages.get("policy.check.header", outcome.profile().displayTitle(), outcome.profile().version(),
                Messages.get(v.result().messageKey()))).append(System.lineSeparator());
        for (org.releaseauditor.core.verdict.VerdictFinding f : v.findings()) {
            sb.append("  [").append(f.status().name()).append("] ").append(f.sentence());
            sb.append(" (").append(f.formula()).append(')');
            if (!f.why().isEmpty()) {
                sb.append(System.lineSeparator()).append("         ").append(f.why());
            }
            sb.append(System.lineSeparator());
        }
        return new PolicyCheck(sb.toString(), outcome.failed());
    }

}

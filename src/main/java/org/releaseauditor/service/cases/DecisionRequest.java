package org.releaseauditor.service.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.releaseauditor.core.casefile.DecisionOutcome;
import org.releaseauditor.core.casefile.LegalBasis;
import org.releaseauditor.core.error.ConfigurationException;

/**
 * Everything a decision form collects (CLI {@code case decide}, or the GUI's decision form). Build
 * it with {@link #builder()}.
 *
 * @param outcome               the release outcome; null to derive it from {@code outputs}
 * @param conditions            conditions in words ("" for none)
 * @param structuredConditions  conditions that name a file by SHA-256 (e.g. a remediated output)
 * @param rationale             the written rationale (required)
 * @param auditor               the decider (required)
 * @param runIds                runs the decision rests on (empty: all runs)
 * @param policyRef             policy to record (built-in id or file), or null for the latest evaluated one
 * @param purpose               GDPR record: purpose of the release
 * @param legalBasis            GDPR record: Art. 6(1)(a)-(f) and/or Art. 89
 * @param legalBasisText        GDPR record: free text on the legal basis
 * @param recipients            GDPR record: recipients
 * @param retention             GDPR record: retention period
 * @param controller            GDPR record: controller (null: the case's controller)
 * @param overrideJustification required when approving while a recorded finding FAILs
 * @param outputs               per-output decisions (empty: every output gets the release outcome)
 * @param expectedHead          when not null, the decision is refused unless the case still ends at
 *                              this head (the decider saw exactly this state)
 */
public record DecisionRequest(DecisionOutcome outcome, String conditions, List<ConditionInput> structuredConditions,
        String rationale, String auditor, List<Long> runIds, String policyRef, String purpose,
        Set<LegalBasis> legalBasis, String legalBasisText, String recipients, String retention, String controller,
        String overrideJustification, List<OutputChoice> outputs, String expectedHead) {

    public DecisionRequest {
        conditions = conditions == null ? "" : conditions.strip();
        structuredConditions = List.copyOf(structuredConditions == null ? List.of() : structuredConditions);
        runIds = List.copyOf(runIds == null ? List.of() : runIds);
        purpose = purpose == null ? "" : purpose.strip();
        legalBasis = Set.copyOf(legalBasis == null ? Set.of() : legalBasis);
        legalBasisText = legalBasisText == null ? "" : legalBasisText.strip();
        recipients = recipients == null ? "" : recipients.strip();
        retention = retention == null ? "" : retention.strip();
        outputs = List.copyOf(outputs == null ? List.of() : outputs);
    }

    /** The decision on one output (dataset id). */
    public record OutputChoice(long datasetId, boolean approve, String comment) {
        public OutputChoice {
            comment = comment == null ? "" : comment.strip();
        }
    }

    /**
     * A condition that names a file by SHA-256: a remediated output to release instead of the
     * output {@code replaces} (dataset id), or in addition when {@code replaces} is null. The file
     * must be registered in the case ({@code case add-dataset}).
     */
    public record ConditionInput(String text, String outputSha256, Long replaces) {
    }

    private static final ObjectMapper CONDITION_JSON = new ObjectMapper();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request step by step (the GUI form binds to one). */
    public static final class Builder {
        private DecisionOutcome outcome;
        private String conditions = "";
        private final List<ConditionInput> structured = new ArrayList<>();
        private String rationale;
        private String auditor;
        private final List<Long> runIds = new ArrayList<>();
        private String policyRef;
        private String purpose = "";
        private final Set<LegalBasis> legalBasis = new LinkedHashSet<>();
        private String legalBasisText = "";
        private String recipients = "";
        private String retention = "";
        private String controller;
        private String override;
        private final List<OutputChoice> outputs = new ArrayList<>();
        private String expectedHead;

        public Builder outcome(DecisionOutcome o) {
            this.outcome = o;
            return this;
        }

        public Builder conditions(String c) {
            this.conditions = c;
            return this;
        }

        public Builder condition(ConditionInput c) {
            this.structured.add(c);
            return this;
        }

        public Builder rationale(String r) {
            this.rationale = r;
            return this;
        }

        public Builder auditor(String a) {
            this.auditor = a;
            return this;
        }

        public Builder runs(List<Long> ids) {
            this.runIds.addAll(ids == null ? List.of() : ids);
            return this;
        }

        public Builder policy(String ref) {
            this.policyRef = ref;
            return this;
        }

        public Builder purpose(String p) {
            this.purpose = p;
            return this;
        }

        public Builder legalBasis(LegalBasis b) {
            this.legalBasis.add(b);
            return this;
        }

        public Builder legalBasisText(String t) {
            this.legalBasisText = t;
            return this;
        }

        public Builder recipients(String r) {
            this.recipients = r;
            return this;
        }

        public Builder retention(String r) {
            this.retention = r;
            return this;
        }

        public Builder controller(String c) {
            this.controller = c;
            return this;
        }

        public Builder overrideJustification(String o) {
            this.override = o;
            return this;
        }

        public Builder output(long datasetId, boolean approve, String comment) {
            this.outputs.add(new OutputChoice(datasetId, approve, comment));
            return this;
        }

        /**
         * One per-output decision in its written form {@code ID=APPROVE|REJECT[:COMMENT]} (as
         * {@code case decide --output} takes it).
         */
        public Builder output(String spec) throws ConfigurationException {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("casecli.error.output", spec);
            }
            long id;
            try {
                id = Long.parseLong(spec.substring(0, eq).strip());
            } catch (NumberFormatException e) {
                throw new ConfigurationException("casecli.error.output", spec);
            }
            String rest = spec.substring(eq + 1);
            int colon = rest.indexOf(':');
            String verdict = (colon < 0 ? rest : rest.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
            if (!verdict.equals("APPROVE") && !verdict.equals("REJECT")) {
                throw new ConfigurationException("casecli.error.output", spec);
            }
            return output(id, verdict.equals("APPROVE"), colon < 0 ? "" : rest.substring(colon + 1));
        }

        /** A legal basis by its name ({@code 6(1)(a)} … {@code 6(1)(f)}, {@code 89}). */
        public Builder legalBasis(String name) throws ConfigurationException {
            return legalBasis(LegalBasis.parse(name).orElseThrow(
                    () -> new ConfigurationException("casecli.error.legalBasis", name)));
        }

        /**
         * A structured condition as JSON: {@code {"text": …, "output": {"sha256": …, "replaces": ID}}}
         * (as {@code case decide --condition-json} takes it).
         */
        public Builder conditionJson(String json) throws ConfigurationException {
            JsonNode n;
            try {
                n = CONDITION_JSON.readTree(json);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ConfigurationException("case.error.badJson", "condition", e.getOriginalMessage());
            }
            if (n == null || !n.isObject()) {
                throw new ConfigurationException("case.error.badJson", "condition", "expected an object");
            }
            JsonNode out = n.path("output");
            return condition(new ConditionInput(n.path("text").asText(""),
                    out.hasNonNull("sha256") ? out.get("sha256").asText() : null,
                    out.hasNonNull("replaces") ? out.get("replaces").asLong() : null));
        }

        public Builder expectedHead(String h) {
            this.expectedHead = h;
            return this;
        }

        public DecisionRequest build() {
            return new DecisionRequest(outcome, conditions, structured, rationale, auditor, runIds, policyRef, purpose,
                    legalBasis, legalBasisText, recipients, retention, controller, override, outputs, expectedHead);
        }
    }
}

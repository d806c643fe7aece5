package org.releaseauditor.audit;

import java.util.List;
import org.releaseauditor.core.casefile.DecisionOutcome;

/**
 * A decision to store. {@code datasetSha256s} is a JSON object dataset id → SHA-256.
 *
 * @param record       the GDPR record, per-output decisions and conditions (schema 2), or null
 *                     for a bare decision as schema 1 stored it
 * @param expectedHead when not null, the write is refused unless the chain head is still this
 *                     hash inside the write transaction (the decider saw exactly this state)
 */
public record NewDecision(DecisionOutcome outcome, String conditions, String rationale, String auditor,
        String datasetSha256s, String policyJson, List<Long> runIds, NewDecisionRecord record, String expectedHead) {
    public NewDecision {
        runIds = List.copyOf(runIds);
        conditions = conditions == null ? "" : conditions;
    }

    /** A bare decision (no record, no expected head). */
    public NewDecision(DecisionOutcome outcome, String conditions, String rationale, String auditor,
            String datasetSha256s, String policyJson, List<Long> runIds) {
        this(outcome, conditions, rationale, auditor, datasetSha256s, policyJson, runIds, null, null);
    }

    /**
     * The schema-2 part of a decision.
     *
     * @param legalBasis         enum names of {@code LegalBasis}
     * @param overriddenFindings JSON array of the failing findings that are overridden
     * @param conditionsJson     JSON array of conditions ({@code text}, optional {@code output})
     * @param outputs            one entry per output
     */
    public record NewDecisionRecord(String purpose, List<String> legalBasis, String legalBasisText, String recipients,
            String retention, String controller, String overrideJustification, String overriddenFindings,
            String conditionsJson, boolean reviewRequired, List<NewOutput> outputs) {
        public NewDecisionRecord {
            legalBasis = List.copyOf(legalBasis);
            outputs = List.copyOf(outputs);
        }
    }

    /** The decision on one output. */
    public record NewOutput(long datasetId, boolean approved, String comment) {
        public NewOutput {
            comment = comment == null ? "" : comment;
        }
    }
}

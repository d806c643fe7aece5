package org.releaseauditor.core.casefile;

import java.time.Instant;
import java.util.List;

/**
 * What a decision records beyond its outcome and rationale (case schema version 2): the GDPR
 * record, the override of failing findings, the conditions as data, whether a second reviewer
 * is required, and the seal of the state the decision rests on.
 *
 * @param decisionId            the decision
 * @param purpose               purpose of the release
 * @param legalBasis            the GDPR bases chosen
 * @param legalBasisText        free text on the legal basis (e.g. national law)
 * @param recipients            who receives the release
 * @param retention             how long recipients keep it
 * @param controller            the controller responsible
 * @param overrideJustification why the release is approved although findings FAIL, or null
 * @param overriddenFindings    the failing findings that were overridden, as JSON array
 * @param conditions            the conditions, structured
 * @param reviewRequired        whether the policy requires a second reviewer
 * @param seal                  canonical JSON of the sealed state: head, run result hashes, outputs
 * @param at                    when (UTC)
 */
public record DecisionRecord(long decisionId, String purpose, List<LegalBasis> legalBasis, String legalBasisText,
        String recipients, String retention, String controller, String overrideJustification,
        String overriddenFindings, List<Condition> conditions, boolean reviewRequired, String seal, Instant at) {
    public DecisionRecord {
        legalBasis = List.copyOf(legalBasis);
        conditions = List.copyOf(conditions);
    }

    /** Whether the decision overrides failing findings. */
    public boolean overridden() {
        return overrideJustification != null && !overrideJustification.isBlank();
    }
}

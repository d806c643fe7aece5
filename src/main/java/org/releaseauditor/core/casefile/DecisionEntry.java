package org.releaseauditor.core.casefile;

import java.time.Instant;
import java.util.List;

/**
 * A recorded decision. A later decision supersedes an earlier one; nothing is rewritten.
 *
 * @param id             row id
 * @param outcome        approve, approve with conditions, or reject
 * @param conditions     the conditions (text), empty unless {@link DecisionOutcome#APPROVE_WITH_CONDITIONS}
 * @param rationale      the auditor's written rationale (non-empty)
 * @param auditor        the auditor's name (non-empty)
 * @param datasetSha256s SHA-256 of every dataset the decision rests on, as JSON object id → hash
 * @param policyJson     the exact policy copy, or null when no policy was evaluated
 * @param runIds         ids of the runs the decision rests on
 * @param chainHead      the head hash of the event chain just before the decision
 * @param supersedes     id of the decision this one supersedes, or null
 * @param at             when (UTC)
 */
public record DecisionEntry(long id, DecisionOutcome outcome, String conditions, String rationale, String auditor,
        String datasetSha256s, String policyJson, List<Long> runIds, String chainHead, Long supersedes, Instant at) {
    public DecisionEntry {
        runIds = List.copyOf(runIds);
    }
}

package org.releaseauditor.core.casefile;

/**
 * One row of the append-only, hash-chained event log, exactly as stored.
 *
 * @param id            sequence number (1, 2, 3 ...)
 * @param occurredAt    UTC ISO-8601 timestamp
 * @param actor         who did it
 * @param action        what was done, e.g. {@code DATASET_ADDED}
 * @param datasetSha256 the dataset hash it concerns, or null
 * @param policyJson    the policy copy it used, or null
 * @param resultJson    the payload (row reference and row digest), or null
 * @param rationale     the rationale (decisions), or null
 * @param appVersion    application version that wrote it
 * @param prevHash      hash of the previous event (64 zeros for the first)
 * @param hash          SHA-256(prevHash ‖ canonical JSON of this event), lower-case hex
 */
public record AuditEvent(long id, String occurredAt, String actor, String action, String datasetSha256,
        String policyJson, String resultJson, String rationale, String appVersion, String prevHash, String hash) {
}

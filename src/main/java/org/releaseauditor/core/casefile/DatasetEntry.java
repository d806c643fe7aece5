package org.releaseauditor.core.casefile;

import java.time.Instant;

/**
 * A dataset registered in a case: only its fingerprint and schema, never its content.
 *
 * @param id           row id in the case
 * @param path         absolute path at registration time
 * @param sha256       lower-case hex SHA-256 of the file's bytes
 * @param sizeBytes    file size
 * @param lastModified file modification time
 * @param schemaJson   the schema (column names, types, roles) as JSON; may be "{}"
 * @param addedAt      when it was added (UTC)
 */
public record DatasetEntry(long id, String path, String sha256, long sizeBytes, Instant lastModified,
        String schemaJson, Instant addedAt) {
}

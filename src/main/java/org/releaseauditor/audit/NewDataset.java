package org.releaseauditor.audit;

import java.time.Instant;

/** A dataset to register: its fingerprint and schema only. */
public record NewDataset(String path, String sha256, long sizeBytes, Instant lastModified, String schemaJson) {
}

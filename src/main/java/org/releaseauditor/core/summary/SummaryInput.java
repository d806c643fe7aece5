package org.releaseauditor.core.summary;

/**
 * What a summary was made from: a fingerprint of the input, never its contents.
 *
 * @param name   file or dataset name as given (a path or URI; for a directory, the directory)
 * @param sha256 SHA-256 of the bytes read (lower-case hex), or null when not computed (several
 *               files, or {@code --no-fingerprint})
 * @param bytes  size in bytes, or -1 when unknown
 * @param rows   data rows read (header excluded)
 */
public record SummaryInput(String name, String sha256, long bytes, long rows) {
    public SummaryInput {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("input name is required");
        }
    }
}

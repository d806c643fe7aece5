package org.releaseauditor.core.casefile;

/**
 * One condition of an approval. Besides its text, a condition may name a file by SHA-256: a
 * remediated output (for example a generalised version of a failing table) that must be
 * released instead of, or in addition to, the analysed one. {@code case export} hands out that
 * file.
 *
 * @param text            the condition in words
 * @param outputSha256    SHA-256 of the file the condition refers to, or null
 * @param outputDatasetId the dataset of the case with that hash, or null
 * @param replaces        the output it replaces (dataset id), or null when it is released in addition
 */
public record Condition(String text, String outputSha256, Long outputDatasetId, Long replaces) {
    public Condition {
        text = text == null ? "" : text;
    }
}

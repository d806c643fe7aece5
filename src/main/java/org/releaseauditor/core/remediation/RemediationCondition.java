package org.releaseauditor.core.remediation;

import java.util.Objects;

/**
 * The condition a decision can attach: "approved if released as this remediated copy". It names
 * the input by its hash, the transformation, and the copy by its hash, so that {@code verify} and
 * {@code case export} can check and hand out exactly that file.
 *
 * @param inputFile      the audited release (file name)
 * @param inputSha256    its SHA-256
 * @param transformation what was changed
 * @param outputFile     the remediated copy (file name)
 * @param outputSha256   its SHA-256
 * @param outputBytes    its size
 */
public record RemediationCondition(String inputFile, String inputSha256, Transformation transformation,
                                   String outputFile, String outputSha256, long outputBytes) {
    public RemediationCondition {
        Objects.requireNonNull(transformation, "transformation");
        Objects.requireNonNull(outputSha256, "outputSha256");
    }
}

package org.releaseauditor.audit;

import java.util.List;

/**
 * The findings of one policy evaluation to store.
 *
 * @param policyId      policy id
 * @param policyVersion policy version
 * @param policyJson    the exact policy copy
 * @param findings      the findings
 */
public record NewFindings(String policyId, String policyVersion, String policyJson, List<Item> findings) {
    public NewFindings {
        findings = List.copyOf(findings);
    }

    /** One finding. */
    public record Item(String metric, String operator, double threshold, Double measured, String status,
            String explanation) {
    }
}

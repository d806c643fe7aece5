package org.releaseauditor.core.casefile;

import java.util.List;

/**
 * The result of verifying a case: the chain, the rows bound to it, and the dataset files.
 *
 * @param items     every checked item
 * @param headHash  the head hash of the chain (null for an empty log)
 * @param events    number of events checked
 */
public record VerificationReport(List<VerificationItem> items, String headHash, long events) {
    public VerificationReport {
        items = List.copyOf(items);
    }

    /** True only if every item holds. */
    public boolean allOk() {
        return items.stream().allMatch(VerificationItem::ok);
    }
}

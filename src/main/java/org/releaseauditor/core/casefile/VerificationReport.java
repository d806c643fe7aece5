package org.releaseauditor.core.casefile;

import java.util.List;

/**
 * The result of verifying a case: the chain, the rows bound to it, the seals, the dataset files
 * and, when asked, a head hash from a receipt.
 *
 * @param items     every checked item
 * @param headHash  the head hash of the chain (null for an empty log)
 * @param events    number of events checked
 * @param status    whether the case ends in a decision or is still open (null when not known)
 */
public record VerificationReport(List<VerificationItem> items, String headHash, long events, CaseStatus status) {
    public VerificationReport {
        items = List.copyOf(items);
    }

    /** A report without a case status. */
    public VerificationReport(List<VerificationItem> items, String headHash, long events) {
        this(items, headHash, events, null);
    }

    /** True only if every item holds. */
    public boolean allOk() {
        return items.stream().allMatch(VerificationItem::ok);
    }
}

package org.releaseauditor.core.casefile;

import java.util.Objects;

/**
 * The receipt of one write to a case: the event it appended and the new head hash of the chain.
 * Like a signed tree head in Certificate Transparency, a receipt kept outside the case lets
 * anyone check later that the case still contains this state ({@code verify --head HASH}), so a
 * cut tail cannot go unnoticed.
 *
 * @param eventId  id of the event the write appended
 * @param action   its action, e.g. {@code DECISION_RECORDED}
 * @param headHash the hash of that event: the chain head right after the write
 * @param at       when (UTC ISO-8601, as stored)
 */
public record Receipt(long eventId, String action, String headHash, String at) {
    public Receipt {
        Objects.requireNonNull(headHash, "headHash");
    }
}

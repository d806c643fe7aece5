package org.releaseauditor.core.casefile;

import java.time.Instant;

/**
 * A second reviewer's sign-off of a decision (four eyes), recorded as its own chained event.
 *
 * @param id         row id
 * @param decisionId the decision signed
 * @param reviewer   the reviewer's name (never the decider)
 * @param comment    comment (may be empty)
 * @param chainHead  the chain head just before the review: the state the reviewer signed
 * @param at         when (UTC)
 */
public record Review(long id, long decisionId, String reviewer, String comment, String chainHead, Instant at) {
}

package org.releaseauditor.core.casefile;

/**
 * Whether a case is finished: it ends in a decision in force (with the second reviewer's
 * sign-off where the policy requires it), or it is still open. An interrupted case (a process
 * killed half-way, a run recorded after the decision) is visibly unfinished.
 *
 * @param state              the state
 * @param decisionId         the decision in force, or null
 * @param outcome            its outcome, or null
 * @param eventsAfterDecision events recorded after the decision in force (reviews of it excepted)
 * @param reviewers          how many second reviewers signed the decision in force
 */
public record CaseStatus(State state, Long decisionId, DecisionOutcome outcome, int eventsAfterDecision,
        int reviewers) {

    /** The states of a case. */
    public enum State {
        /** No decision yet. */
        OPEN,
        /** A decision was recorded, but later events (runs, findings, notes) came after it. */
        REOPENED,
        /** The decision in force needs the second reviewer's sign-off the policy requires. */
        AWAITING_REVIEW,
        /** The case ends in the decision in force (and its reviews). */
        DECIDED
    }

    /** Whether the case ends in a decision that is in force. */
    public boolean closed() {
        return state == State.DECIDED;
    }
}

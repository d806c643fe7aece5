package org.releaseauditor.core.casefile;

/** The three possible decisions on a candidate release. */
public enum DecisionOutcome {
    APPROVE,
    APPROVE_WITH_CONDITIONS,
    REJECT
}

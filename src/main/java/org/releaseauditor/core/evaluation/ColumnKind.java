package org.releaseauditor.core.evaluation;

/** How the attacks treat a column. */
public enum ColumnKind {
    /** Whole or decimal numbers: ordered; distance |a − b| / range; predicates with ≤, ≥. */
    NUMERIC,
    /** Labels (also dates): equal or not; distance 0 or 1; predicates with = and ≠. */
    CATEGORICAL
}

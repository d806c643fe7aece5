package org.releaseauditor.core.evaluation;

/**
 * One column shared by the original, the release and the control set.
 *
 * @param name  column name (the same in every file)
 * @param kind  how the attacks treat it
 * @param range for a numeric column, max − min over all three files (1 when all values are
 *              equal or missing); the scale of its distance; 0 for a categorical column
 * @param distinct number of distinct non-missing values over all three files
 */
public record EvaluationColumn(String name, ColumnKind kind, double range, int distinct) {
}

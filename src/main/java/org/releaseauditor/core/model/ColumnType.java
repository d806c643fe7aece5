package org.releaseauditor.core.model;

/** The inferred (or overridden) type of a column's values. */
public enum ColumnType {
    /** Whole numbers; ordered numerically. */
    INTEGER,
    /** Decimal numbers; ordered numerically. */
    DECIMAL,
    /** Dates or timestamps; ordered chronologically (ISO text orders correctly). */
    DATE_TIME,
    /** Unordered labels. */
    CATEGORICAL;

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }
}

package org.releaseauditor.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A loaded tabular dataset: equally long dictionary-encoded {@link Column}s. Immutable. Its
 * {@link #toString()} never reveals values.
 */
public final class Dataset {
    private final String name;
    private final List<Column> columns;
    private final int rows;

    public Dataset(String name, List<Column> columns) {
        this.name = name;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + rows);
            }
        }
    }

    /** A short display name (usually the file name). */
    public String name() {
        return name;
    }

    public int rowCount() {
        return rows;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return names;
    }

    public Optional<Column> column(String columnName) {
        for (Column c : columns) {
            if (c.name().equals(columnName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Index of a column, or -1. */
    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    /** A copy with one column replaced (type override). */
    public Dataset withColumn(int index, Column column) {
        List<Column> copy = new ArrayList<>(columns);
        copy.set(index, column);
        return new Dataset(name, copy);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", rows=" + rows + ", columns=" + columns.size() + "]";
    }
}

package org.releaseauditor.ui.aggregate;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One table of the release set in the settings panel: name, file, count column, the chosen
 * dimension columns, an optional magnitude column and an optional scale factor (text).
 */
public final class TableEntry {
    private final StringProperty name = new SimpleStringProperty();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final List<String> columns;
    private final StringProperty countColumn = new SimpleStringProperty();
    private final ObservableList<String> dimensions = FXCollections.observableArrayList();
    private final StringProperty magnitudeColumn = new SimpleStringProperty();
    private final StringProperty scale = new SimpleStringProperty("1");

    public TableEntry(String name, Path file, List<String> columns) {
        this.name.set(name);
        this.file.set(file);
        this.columns = List.copyOf(columns);
        String count = columns.contains("count") ? "count" : columns.isEmpty() ? null : columns.get(columns.size() - 1);
        countColumn.set(count);
        for (String c : columns) {
            if (!c.equals(count)) {
                dimensions.add(c);
            }
        }
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The file's columns (header). */
    public List<String> columns() {
        return columns;
    }

    public StringProperty countColumnProperty() {
        return countColumn;
    }

    public ObservableList<String> dimensions() {
        return dimensions;
    }

    public StringProperty magnitudeColumnProperty() {
        return magnitudeColumn;
    }

    public StringProperty scaleProperty() {
        return scale;
    }

    @Override
    public String toString() {
        return name.get();
    }
}

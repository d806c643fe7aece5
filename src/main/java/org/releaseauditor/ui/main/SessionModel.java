package org.releaseauditor.ui.main;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The datasets opened in this session, the selected one, and the status line. */
public final class SessionModel {
    private final ObservableList<LoadedDataset> datasets = FXCollections.observableArrayList();
    private final ObjectProperty<LoadedDataset> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<java.nio.file.Path> importing =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();

    public ObservableList<LoadedDataset> datasets() {
        return datasets;
    }

    public ObjectProperty<LoadedDataset> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /**
     * The file being imported for the microdata dashboard, or null: while it is read, the
     * dashboard marks the result it shows as being recomputed.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<java.nio.file.Path> importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** An import of {@code file} started. */
    void importStarted(java.nio.file.Path file) {
        importing.set(file);
    }

    /** The import of {@code file} ended (loaded, failed or cancelled). */
    void importEnded(java.nio.file.Path file) {
        if (file.equals(importing.get())) {
            importing.set(null);
        }
    }

    /** Adds a dataset (replacing one from the same file) and selects it. */
    public void add(LoadedDataset d) {
        datasets.removeIf(x -> x.path() != null && x.path().equals(d.path()));
        datasets.add(d);
        selected.set(d);
    }
}

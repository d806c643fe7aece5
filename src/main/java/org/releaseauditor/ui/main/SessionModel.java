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

    public ObservableList<LoadedDataset> datasets() {
        return datasets;
    }

    public ObjectProperty<LoadedDataset> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Adds a dataset (replacing one from the same file) and selects it. */
    public void add(LoadedDataset d) {
        datasets.removeIf(x -> x.path() != null && x.path().equals(d.path()));
        datasets.add(d);
        selected.set(d);
    }
}

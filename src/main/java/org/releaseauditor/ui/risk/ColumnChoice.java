package org.releaseauditor.ui.risk;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A column that can be ticked in a list (quasi-identifiers, sensitive attributes). */
public final class ColumnChoice {
    private final String name;
    private final BooleanProperty selected;
    private final BooleanProperty ordered = new SimpleBooleanProperty(false);

    public ColumnChoice(String name, boolean selected) {
        this.name = name;
        this.selected = new SimpleBooleanProperty(selected);
    }

    public String name() {
        return name;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    /** For sensitive attributes: whether values are ordered (ordered t-closeness distance). */
    public BooleanProperty orderedProperty() {
        return ordered;
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.releaseauditor.ui.dataset;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ColumnType;

/** One column in the wizard's role table: name, (overridable) type, role and the suggestion's reason. */
public final class RoleRow {
    private final String column;
    private final ObjectProperty<ColumnType> type;
    private final ObjectProperty<AttributeRole> role;
    private final String reason;

    public RoleRow(String column, ColumnType type, AttributeRole role, String reason) {
        this.column = column;
        this.type = new SimpleObjectProperty<>(type);
        this.role = new SimpleObjectProperty<>(role);
        this.reason = reason;
    }

    public String column() {
        return column;
    }

    public ObjectProperty<ColumnType> typeProperty() {
        return type;
    }

    public ObjectProperty<AttributeRole> roleProperty() {
        return role;
    }

    public String reason() {
        return reason;
    }
}

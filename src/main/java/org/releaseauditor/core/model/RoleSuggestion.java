package org.releaseauditor.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A suggested role for one column and why, for the import wizard; the auditor confirms it.
 *
 * @param column     column name
 * @param role       suggested role
 * @param reasonKey  message key of the reason (io bundle)
 * @param reasonArgs arguments of the reason message (column name, matched word, counts)
 */
public record RoleSuggestion(String column, AttributeRole role, String reasonKey, List<Object> reasonArgs) {
    public RoleSuggestion {
        Objects.requireNonNull(column);
        Objects.requireNonNull(role);
        Objects.requireNonNull(reasonKey);
        reasonArgs = List.copyOf(reasonArgs);
    }
}

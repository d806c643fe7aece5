package org.releaseauditor.core.risk;

import java.util.Objects;

/**
 * A sensitive attribute for l-diversity and t-closeness.
 *
 * @param column  column name
 * @param ordered whether its values are ordered (numeric, dates, ordinal scales): t-closeness then
 *                uses the ordered distance instead of the equal distance
 */
public record SensitiveAttribute(String column, boolean ordered) {
    public SensitiveAttribute {
        Objects.requireNonNull(column, "column");
    }
}

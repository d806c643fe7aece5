package org.releaseauditor.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.releaseauditor.core.error.DatasetFormatException;
import org.releaseauditor.core.model.ColumnLookup;
import org.releaseauditor.core.model.ColumnType;
import org.releaseauditor.core.model.TypeInference;

/** Chooses column types for an importer: inferred from the dictionary, or a checked override. */
final class ColumnTypes {

    private ColumnTypes() {
    }

    /** Fails when an override names a column the source does not have. */
    static void checkOverrides(String source, Map<String, ColumnType> overrides, List<String> names)
            throws DatasetFormatException {
        for (String col : overrides.keySet()) {
            if (!names.contains(col)) {
                String suggestion = ColumnLookup.suggest(col, names);
                throw new DatasetFormatException(source, 0, 0, "io.error.unknownTypeColumn", source, col,
                        suggestion == null ? "-" : suggestion, String.join(", ", names));
            }
        }
    }

    /**
     * The type of column {@code index} (0-based): the override when given (all distinct values must
     * fit it), else the type inferred from the distinct values.
     */
    static ColumnType resolve(String source, int index, String name, String[] dictionary, ColumnType override)
            throws DatasetFormatException {
        if (override == null) {
            return TypeInference.infer(dictionary);
        }
        int bad = TypeInference.countMismatches(dictionary, dictionary.length, override);
        if (bad > 0) {
            throw new DatasetFormatException(source, 0, index + 1, "io.error.typeMismatch", source, name,
                    override.name().toLowerCase(Locale.ROOT), bad, dictionary.length);
        }
        return override;
    }
}

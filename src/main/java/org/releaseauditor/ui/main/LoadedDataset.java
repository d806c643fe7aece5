package org.releaseauditor.ui.main;

import java.nio.file.Path;
import java.util.Map;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.Dataset;
import org.releaseauditor.core.model.ImportOptions;

/**
 * A dataset opened in the session with the roles the auditor confirmed.
 *
 * @param path    the file it came from
 * @param data    the encoded data
 * @param roles   column name → role
 * @param options how the file was read (the lane request reads it the same way)
 */
public record LoadedDataset(Path path, Dataset data, Map<String, AttributeRole> roles, ImportOptions options) {

    public LoadedDataset {
        roles = Map.copyOf(roles);
        options = options == null ? ImportOptions.defaults() : options;
    }

    /** A dataset read with the default (detected) options. */
    public LoadedDataset(Path path, Dataset data, Map<String, AttributeRole> roles) {
        this(path, data, roles, ImportOptions.defaults());
    }

    @Override
    public String toString() {
        return data.name() + " (" + data.rowCount() + ")";
    }
}

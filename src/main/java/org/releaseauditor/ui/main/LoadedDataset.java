package org.releaseauditor.ui.main;

import java.nio.file.Path;
import java.util.Map;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.Dataset;

/**
 * A dataset opened in the session with the roles the auditor confirmed.
 *
 * @param path  the file it came from
 * @param data  the encoded data
 * @param roles column name → role
 */
public record LoadedDataset(Path path, Dataset data, Map<String, AttributeRole> roles) {

    public LoadedDataset {
        roles = Map.copyOf(roles);
    }

    @Override
    public String toString() {
        return data.name() + " (" + data.rowCount() + ")";
    }
}

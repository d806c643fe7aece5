package org.releaseauditor.ui.dataset;

import java.nio.file.Path;
import java.util.Map;
import org.releaseauditor.core.model.AttributeRole;
import org.releaseauditor.core.model.ImportOptions;

/** What the import wizard produces: the file, how to read it, and the confirmed roles. */
public record ImportRequest(Path file, ImportOptions options, Map<String, AttributeRole> roles) {
    public ImportRequest {
        roles = Map.copyOf(roles);
    }
}

package org.releaseauditor.core.casefile;

import java.time.Instant;
import java.util.Objects;

/**
 * The metadata of an audit case.
 *
 * @param title       short title of the audit
 * @param dataProduct the data product whose candidate output is audited
 * @param controller  the data controller (organisation)
 * @param auditor     the responsible auditor
 * @param createdAt   creation time (UTC); null for a case that is not created yet
 */
public record CaseInfo(String title, String dataProduct, String controller, String auditor, Instant createdAt) {
    public CaseInfo {
        Objects.requireNonNull(title, "title");
        dataProduct = dataProduct == null ? "" : dataProduct;
        controller = controller == null ? "" : controller;
        auditor = auditor == null ? "" : auditor;
    }
}

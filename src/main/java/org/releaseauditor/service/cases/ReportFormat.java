package org.releaseauditor.service.cases;

/** Report output formats. */
public enum ReportFormat {
    HTML,
    PDF
}

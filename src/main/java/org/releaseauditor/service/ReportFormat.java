package org.releaseauditor.service;

/** Report output formats. */
public enum ReportFormat {
    HTML,
    PDF
}

package org.releaseauditor.ui.risk;

/** A labelled number with its one-line explanation (tables of measures). */
public record MetricRow(String metric, String value, String explanation) {
}

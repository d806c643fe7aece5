/**
 * Reports: the pure {@link org.releaseauditor.report.ReportModel}, a generic renderer of any
 * lane's result JSON, headless JFreeChart PNG charts (AWT, never jfreechart-fx), the
 * self-contained XHTML writer and the PDF writer (OpenHTMLtoPDF). No JavaFX, service, cli or ui.
 */
package org.releaseauditor.report;

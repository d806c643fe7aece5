/**
 * Lane summaries: what a microdata or trajectory audit needs, without the records. A summary is
 * made next to the data (the Spark job {@code org.releaseauditor.spark.SummaryJob}, or the
 * in-process producers {@link org.releaseauditor.core.summary.MicrodataSummaries} and
 * {@link org.releaseauditor.core.summary.TrajectorySummaries}) and audited elsewhere
 * ({@link org.releaseauditor.core.summary.MicrodataSummaryAudit},
 * {@link org.releaseauditor.core.summary.TrajectorySummaryAudit}); every measure a summary supports
 * gives the same number as the raw-data path. Format and privacy argument: {@code src/docs/spark.md}.
 * Pure Java: must not import javafx, java.sql, Jackson, picocli, io, service, cli or ui.
 */
package org.releaseauditor.core.summary;

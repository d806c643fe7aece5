/**
 * The Spark engine: {@link org.releaseauditor.spark.SummaryJob} computes a lane summary next to the
 * data on a cluster (or in local mode) and writes the summary JSON of
 * {@link org.releaseauditor.io.summary.SummaryJson}, the same bytes as the in-process producers of
 * {@code core.summary} on the same input. Built only by the Maven profile {@code spark} into the
 * thin job jar {@code target/release-auditor-spark.jar}; Spark is provided by {@code spark-submit}
 * and never joins the desktop app's class path. See {@code src/docs/spark.md}.
 */
package org.releaseauditor.spark;

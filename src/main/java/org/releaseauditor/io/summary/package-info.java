/**
 * The lane summary file (versioned JSON, {@code src/docs/spark.md}): writes and reads
 * {@link org.releaseauditor.core.summary.MicrodataSummary} and
 * {@link org.releaseauditor.core.summary.TrajectorySummary}. An adapter: Jackson and the core
 * summary model only (it is also compiled into the Spark job jar, so it must not use other
 * adapters, service, cli or ui).
 */
package org.releaseauditor.io.summary;

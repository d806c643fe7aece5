/**
 * How core computations use every core: {@link org.releaseauditor.core.parallel.Workers} splits
 * work over a {@link java.util.concurrent.ForkJoinPool} (the common pool unless one is passed in),
 * and {@link org.releaseauditor.core.parallel.SharedProgress} reports the progress of parallel
 * parts through one {@link org.releaseauditor.core.progress.ProgressMonitor}. Core creates no
 * threads of its own (ArchitectureTest). java.base only.
 */
package org.releaseauditor.core.parallel;

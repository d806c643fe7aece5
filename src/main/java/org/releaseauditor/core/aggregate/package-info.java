/**
 * Aggregated count tables (METRICS.md §3): the release-set model ({@link
 * org.releaseauditor.core.aggregate.CountTable}, hierarchies, identities), primary rules
 * (threshold, (n,k)-dominance, p %), group disclosure, differencing, the audit of suppressed
 * cells over all co-released tables (through the {@link
 * org.releaseauditor.core.aggregate.IntervalSolver} port; the LP solver lives in {@code io.lp}),
 * and the trajectory-recovery stress test (Xu et al. 2017) with its Hungarian assignment.
 * Pure Java (java.base + slf4j-api). Must not import ojAlgo, Jackson, JavaFX, SQL, picocli or
 * any other {@code org.releaseauditor} layer.
 */
package org.releaseauditor.core.aggregate;

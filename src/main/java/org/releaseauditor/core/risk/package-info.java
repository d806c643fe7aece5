/**
 * Microdata re-identification risk (METRICS.md §1): equivalence classes ({@link
 * org.releaseauditor.core.risk.Partition}), the risk summary ({@link
 * org.releaseauditor.core.risk.MicrodataAnalyzer}: k, prosecutor/journalist/marketer risk,
 * population uniqueness models, risk distribution, l-diversity, t-closeness, wildcards), QI
 * contribution, individual risk with weights, SUDA2. Results are immutable records without
 * references to the input data.
 * Pure Java (java.base + slf4j-api). No JavaFX, AWT, SQL, Jackson or picocli, and no other
 * org.releaseauditor layer than core.
 */
package org.releaseauditor.core.risk;

/**
 * Microdata re-identification risk (METRICS.md §1): equivalence classes, k-anonymity,
 * prosecutor/journalist/marketer risk, population uniqueness models, QI contribution,
 * l-diversity, t-closeness, individual risk with weights, SUDA2.
 * Pure Java (java.base + slf4j-api). No JavaFX, AWT, SQL or picocli.
 */
package org.releaseauditor.core.risk;

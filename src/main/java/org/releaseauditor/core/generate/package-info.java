/**
 * The synthetic Smart-Steps-style city: a seeded simulation of a mobile operator's customers
 * (population, daily movement, network events) and the aggregates a footfall product would
 * derive from it. Deterministic for a seed and parameters ({@link java.util.SplittableRandom}).
 * Pure Java (java.base + slf4j-api): no I/O, no JavaFX, AWT, SQL, Jackson or picocli; writers
 * live in {@code io.generate}.
 */
package org.releaseauditor.core.generate;

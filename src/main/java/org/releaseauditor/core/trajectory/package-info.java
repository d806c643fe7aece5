/**
 * The trajectory lane: pseudonymised location events ({@link EventTable}), their generalisation to
 * a spatial × temporal resolution ({@link TraceSet}, with per-user point arrays and an inverted
 * index), and the re-identification measures on them: unicity ε_p, the coarsening sweep,
 * background-knowledge attacks, home/work and top-N anonymity sets.
 *
 * <p>Pure Java: java.base and slf4j only. Must not import javafx, awt, java.sql, jackson, ojalgo,
 * picocli, java.net or any other org.releaseauditor layer except {@code core}.
 */
package org.releaseauditor.core.trajectory;

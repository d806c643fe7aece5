/**
 * What-if remediation: the least change that makes a failing release pass its policy, for each
 * lane ({@code microdata}: generalisation lattice with record suppression and ARX's loss measures;
 * {@code trajectory}: coarser space and time, fewer events per user; {@code aggregate}: primary
 * and secondary cell suppression proven safe by the LP audit), and the {@link
 * org.releaseauditor.core.remediation.Transformation} a decision records as its condition. A
 * suggestion is never trusted on its own: the service applies it to a copy and re-audits the copy
 * through the normal lane.
 *
 * <p>Pure Java: java.base, slf4j and other {@code core} packages only. Must not import javafx,
 * awt, java.sql, jackson, ojalgo, picocli, java.net or any other layer.
 */
package org.releaseauditor.core.remediation;

/**
 * Aggregate remediation: primary suppression from the rules, secondary suppression until the LP
 * audit of all co-released tables proves every withheld cell protected, and the coarser-dimension
 * alternative. Uses {@code core.aggregate} through its public API only. Pure Java; see the parent
 * package.
 */
package org.releaseauditor.core.remediation.aggregate;

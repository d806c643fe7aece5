/**
 * Trajectory remediation: unicity at coarser spatial × temporal resolutions and with fewer events
 * per user, against the policy's unicity targets, and the transformed events for a copy.
 * Reuses {@code core.trajectory}. Pure Java; see the parent package.
 */
package org.releaseauditor.core.remediation.trajectory;

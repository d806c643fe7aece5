/**
 * The trajectory dashboard (unicity, coarsening sweep, attacks, home/work, area map) and its
 * settings panel. UI layer only: calls the trajectory service, never io/audit/report directly.
 */
package org.releaseauditor.ui.trajectory;

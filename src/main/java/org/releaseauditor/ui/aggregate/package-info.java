/**
 * The aggregates dashboard: release-set settings, cell grids coloured by status, the area map, the
 * time × area heatmap and the findings per rule. UI layer only: calls the aggregate service and
 * reads core.aggregate results; never imports io, audit or report.
 */
package org.releaseauditor.ui.aggregate;

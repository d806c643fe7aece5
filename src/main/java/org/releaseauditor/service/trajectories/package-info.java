/**
 * The trajectories lane: requests, the analysis service and the case lane for event and trajectory data.
 * Uses core and the adapters (io, audit, report); must not import javafx, cli or ui.
 */
package org.releaseauditor.service.trajectories;

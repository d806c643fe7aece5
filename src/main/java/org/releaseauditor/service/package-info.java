/**
 * Use cases shared by the GUI and the CLI, and the lane interface every front end calls:
 * {@link org.releaseauditor.service.Lane} (a typed {@link org.releaseauditor.service.LaneRequest}
 * plus {@link org.releaseauditor.service.LaneInputs} by role in, a
 * {@link org.releaseauditor.service.LaneResult} bound to the SHA-256 of the bytes read out),
 * {@link org.releaseauditor.service.LaneRegistry}, the canonical request JSON and the one place
 * progress phases become text. Lane defaults live only in the request builders of the lane
 * packages ({@code microdata}, {@code trajectories}, {@code aggregates}); {@code cases},
 * {@code policy} and {@code bench} use the lanes. Uses core and the adapters (io, audit, report);
 * must not import JavaFX, cli or ui.
 */
package org.releaseauditor.service;
